import Foundation
import OnwardCore
import SQLKit

/// A table of things to send (the outbox's mail, Slack's posts), which share their columns of
/// delivery: `created_at`, `attempts`, `last_error`, `next_attempt_at`, `claimed_until`,
/// `claimed_by`, `sent_at`, `failed_at`. Each row is claimed before it is sent (a conditional
/// update only one sender wins), so with several instances serving one database each goes once;
/// a claim lapses after `DeliveryRules.claim`, so a row whose sender died is sent by another.
/// Only the claim's holder writes the result.
struct DeliveryQueue {
    let table: String
    let db: any SQLDatabase
    /// This sender, as its claims name it.
    let sender = UUID()

    /// What one round of sending did.
    struct Report: Equatable {
        var sent = 0
        var failed = 0
    }

    /// The rows due at `now`, oldest first.
    func due(at now: Date, limit: Int) async throws -> [UUID] {
        try await db.raw("""
            SELECT id FROM \(ident: table) WHERE sent_at IS NULL AND failed_at IS NULL
              AND (next_attempt_at IS NULL OR next_attempt_at <= \(bind: now)) AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            ORDER BY created_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Whether this sender now holds row `id`, for `DeliveryRules.claim` from `now`.
    func claim(_ id: UUID, at now: Date) async throws -> Bool {
        try await !db.raw("""
            UPDATE \(ident: table) SET claimed_until = \(bind: now.addingTimeInterval(DeliveryRules.claim)), claimed_by = \(bind: sender)
            WHERE id = \(bind: id) AND sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING id
            """).all().isEmpty
    }

    func sent(_ id: UUID, attempts: Int, at now: Date) async throws {
        try await settle(id, "UPDATE \(ident: table) SET sent_at = \(bind: now), attempts = \(bind: attempts), claimed_until = NULL, last_error = NULL")
    }

    /// Try `attempts` failed with `error`: tried again at `next`, or given up when it is nil.
    func failed(_ id: UUID, attempts: Int, error: String, next: Date?, at now: Date) async throws {
        try await settle(id, """
            UPDATE \(ident: table) SET attempts = \(bind: attempts), last_error = \(bind: String(error.prefix(500))), next_attempt_at = \(bind: next),
              failed_at = \(bind: next == nil ? now : nil), claimed_until = NULL
            """)
    }

    /// Given up without a try, saying why.
    func setAside(_ id: UUID, because reason: String, at now: Date) async throws {
        try await settle(id, "UPDATE \(ident: table) SET failed_at = \(bind: now), last_error = \(bind: reason), claimed_until = NULL")
    }

    /// Writes a result, only while this sender still holds the row: one whose claim lapsed and
    /// that another took is the other's to settle.
    private func settle(_ id: UUID, _ update: SQLQueryString) async throws {
        try await db.raw(update + " WHERE id = \(bind: id) AND claimed_by = \(bind: sender)").run()
    }
}

/// Where one row of a delivery queue stands, in words for the admin: sent, waiting (and for
/// what), given up.
struct DeliveryState {
    /// In a word: Sent, Waiting, Given up.
    let state: String
    /// The tone of the state's badge: sent, waiting, failed.
    let tone: String
    /// When, and the tries made ("1 try failed; next Sun 6 Dec 2026, 15:38").
    let detail: String

    init(sentAt: Date?, failedAt: Date?, attempts: Int, nextAttemptAt: Date?, zone: String, waitingFor: String) {
        if let sent = sentAt {
            (state, tone, detail) = ("Sent", "sent", Formats.dayAndTime(sent, zone: zone))
        } else if let failed = failedAt {
            (state, tone, detail) = ("Given up", "failed", Formats.dayAndTime(failed, zone: zone) + (attempts > 0 ? ", after " + Wording.count(attempts, "try", "tries") : ""))
        } else if attempts > 0 {
            (state, tone, detail) = ("Waiting", "waiting", Wording.count(attempts, "try", "tries") + " failed" + (nextAttemptAt.map { "; next " + Formats.dayAndTime($0, zone: zone) } ?? ""))
        } else {
            (state, tone, detail) = ("Waiting", "waiting", waitingFor)
        }
    }

    var parts: (String, String, String) { (state, tone, detail) }
}

import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import SQLKit
import Vapor

/// Sends what waits in the outbox. Each message is claimed first (a conditional update that
/// only one sender can win), so with several instances serving one database each message goes
/// once; a claim lapses after `DeliveryRules.claim`, so a message whose sender died is sent by
/// another. A failure is noted with its error and tried again later, or given up.
struct OutboxDelivery {
    let db: any Database
    let sender: any MailSender
    let smtp: SMTPSettings
    /// Onward's own address, written where a body says `{{site}}`.
    var site = ""
    /// Read at each claim and each result: a batch can take minutes.
    let clock: Clock
    let logger: Logger

    struct Report: Equatable {
        var sent = 0
        var failed = 0
    }

    /// Sends every message due now (up to `limit`).
    func deliverDue(limit: Int = 20) async throws -> Report {
        let sql = db as! any SQLDatabase
        let start = clock.now
        let due = try await sql.raw("""
            SELECT id FROM outbox_messages WHERE sent_at IS NULL AND failed_at IS NULL
              AND (next_attempt_at IS NULL OR next_attempt_at <= \(bind: start)) AND (claimed_until IS NULL OR claimed_until < \(bind: start))
            ORDER BY created_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        var report = Report()
        let sender = UUID()
        for id in due {
            let now = clock.now
            let claimed = try await sql.raw("""
                UPDATE outbox_messages SET claimed_until = \(bind: now.addingTimeInterval(DeliveryRules.claim)), claimed_by = \(bind: sender)
                WHERE id = \(bind: id) AND sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                RETURNING id
                """).all()
            guard !claimed.isEmpty, let message = try await OutboxMessageModel.find(id, on: db) else { continue }
            let attempts = message.attempts + 1
            if let expiry = message.expiresAt, expiry <= now {
                try await settle(id, sender: sender, """
                    UPDATE outbox_messages SET failed_at = \(bind: now), last_error = 'It expired before it could be sent.', claimed_until = NULL
                    """)
                report.failed += 1
                continue
            }
            let domain = smtp.from.split(separator: "@").last.map(String.init) ?? "onward.localhost"
            let mail = OutgoingMail(from: smtp.from, fromName: smtp.fromName, to: message.toEmail, subject: message.subject,
                                    body: message.body.replacingOccurrences(of: "{{site}}", with: site),
                                    messageID: id.uuidString.lowercased() + "@" + domain, date: message.createdAt ?? now)
            do {
                try await self.sender.send(mail)
                try await settle(id, sender: sender, """
                    UPDATE outbox_messages SET sent_at = \(bind: clock.now), attempts = \(bind: attempts), claimed_until = NULL, last_error = NULL
                    """)
                report.sent += 1
            } catch {
                let failure = error as? MailFailure
                let text = String((failure?.description ?? String(describing: error)).prefix(500))
                let failedAt = clock.now
                let next = DeliveryRules.nextAttempt(afterFailed: attempts, at: failedAt, permanent: failure?.permanent ?? false)
                try await settle(id, sender: sender, """
                    UPDATE outbox_messages SET attempts = \(bind: attempts), last_error = \(bind: text), next_attempt_at = \(bind: next),
                      failed_at = \(bind: next == nil ? failedAt : nil), claimed_until = NULL
                    """)
                // The message's id, never its address or words: the admin's outbox page has those.
                logger.warning("Outbox message \(id) not sent (try \(attempts)\(next == nil ? ", given up" : "")): \(text)")
                report.failed += 1
            }
        }
        return report
    }

    /// Writes a try's result, only while this sender still holds the message: one whose claim
    /// lapsed and that another took is the other's to settle.
    private func settle(_ id: UUID, sender: UUID, _ update: SQLQueryString) async throws {
        try await (db as! any SQLDatabase).raw(update + " WHERE id = \(bind: id) AND claimed_by = \(bind: sender)").run()
    }
}

/// The outbox sent every few seconds while Onward serves, when a mail server is set.
struct OutboxDeliveryLoop: LifecycleHandler {
    static let every: Duration = .seconds(10)
    private let task: NIOLockedValueBox<Task<Void, Never>?> = .init(nil)

    func start(on app: Application, smtp: SMTPSettings) {
        let client = SMTPClient(settings: smtp, group: app.eventLoopGroup)
        let handle = Task {
            while !Task.isCancelled {
                do {
                    _ = try await OutboxDelivery(db: app.db, sender: client, smtp: smtp, site: SiteURL.base(of: app), clock: app.settings.clock, logger: app.logger).deliverDue()
                    try await Task.sleep(for: Self.every)
                } catch is CancellationError {
                    return
                } catch {
                    app.logger.error("The outbox could not be read: \(String(describing: error))")
                    try? await Task.sleep(for: Self.every)
                }
            }
        }
        task.withLockedValue { $0 = handle }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel() }
    }
}

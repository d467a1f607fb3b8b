import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The outcome reports of a set of cohorts, kept in memory between views: counting 5,000
/// graduates in 40 cohorts reads every graduate's enrolment, outcomes and placements (about
/// 130 ms of a release server's time, bench/RESULTS.md), and an admin reads the same reports
/// again and again.
///
/// What was kept is used only while the database says nothing it was counted from has changed:
/// the `fingerprint` reads, in one statement, how many graduates the cohorts have, the sum of
/// their kept-line generations, which a trigger moves on every write to what the count reads
/// (enrolments, confirmed outcomes, placements and the moves that accept them, a graduate's
/// cohort, a cohort's course end), and the latest moments a graduate of theirs was created and
/// changed, so that one graduate leaving as another arrives (or two trading cohorts) cannot
/// leave the count and the sum where they were. The fingerprint is read before the reports are
/// counted, so a write landing meanwhile leaves reports kept under the older fingerprint, which
/// the next view does not use. The key is each cohort with its course end, zone and today there:
/// a cohort edited after it was read, or a new day, is a new key. Each instance keeps its own.
final class OutcomesMemo: Sendable {
    /// A cohort's reports by half-year, newest first, and all the cohorts' of each half-year.
    struct Reports: Sendable {
        let byCohort: [String: [HalfYearReport]]
        let all: [HalfYearReport]
    }

    struct HalfYearReport: Sendable {
        let half: HalfYear
        let report: OutcomeReport
    }

    /// Sets of cohorts kept at once: the admin's, and a few coaches'.
    static let capacity = 16

    private let kept = KeptWhileUnchanged<Reports>(capacity: capacity)

    /// What the reports of `cohorts` are counted from now, in one statement. (The sum is cast:
    /// PostgreSQL sums a bigint column as numeric.)
    static func fingerprint(of cohorts: [UUID], on db: any Database) async throws -> String {
        let row = try await (db as! any SQLDatabase).raw("""
            SELECT COUNT(*) AS graduates, CAST(COALESCE(SUM(d.generation), 0) AS BIGINT) AS generations,
                   COALESCE(CAST(MAX(u.created_at) AS TEXT), '') AS joined, COALESCE(CAST(MAX(u.updated_at) AS TEXT), '') AS changed
            FROM \(ident: UserModel.schema) u LEFT JOIN \(ident: KeptDashboardRows.table) d ON d.user_id = u.id
            WHERE u.role = \(bind: Role.graduate.rawValue) AND u.cohort_id IN \(SQLBind.group(cohorts))
            """).first()
        guard let row else { return "" }
        return [try String(row.decode(column: "graduates", as: Int.self)), try String(row.decode(column: "generations", as: Int.self)),
                try row.decode(column: "joined", as: String.self), try row.decode(column: "changed", as: String.self)].joined(separator: " ")
    }

    /// The reports of `cohorts` kept for today in each one's zone if nothing they count has
    /// changed; otherwise `work` counts them, and they are kept.
    func reports(of cohorts: [CohortModel], now: Date, on db: any Database, work: () async throws -> Reports) async throws -> Reports {
        let ids = cohorts.compactMap(\.id)
        guard !ids.isEmpty else { return Reports(byCohort: [:], all: []) }
        var zones: [String: String] = [:]
        let key = cohorts.map { cohort in
            let today = zones[cohort.timeZone] ?? LocalDate(now, in: TimeZone(identifier: cohort.timeZone) ?? .gmt).iso
            zones[cohort.timeZone] = today
            return [cohort.requireIDString, cohort.courseEndDate, cohort.timeZone, today].joined(separator: " ")
        }.sorted().joined(separator: ",")
        return try await kept.value(for: key, fingerprint: try await Self.fingerprint(of: ids, on: db), work: work)
    }
}

extension Application {
    private struct OutcomesMemoKey: StorageKey, LockKey {
        typealias Value = OutcomesMemo
    }

    /// This instance's kept outcome reports.
    var outcomesMemo: OutcomesMemo {
        locks.lock(for: OutcomesMemoKey.self).withLock {
            if let memo = storage[OutcomesMemoKey.self] { return memo }
            let memo = OutcomesMemo()
            storage[OutcomesMemoKey.self] = memo
            return memo
        }
    }
}

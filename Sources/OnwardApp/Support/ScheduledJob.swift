import Fluent
import Foundation
import SQLKit
import Vapor

/// Work a capability wants done on a timetable while Onward serves (a digest after standup, a
/// reminder the day before): the scheduler (Integrations) asks every module's jobs at each tick
/// and names none of them. A job decides what is due at `now` and claims each run before doing
/// it (`ScheduledRuns.claim`), so that with several instances on one database each run happens
/// once, and a tick that comes again finds it done.
struct ScheduledJob: Sendable {
    /// Names the job in the log and in its claims: never changed once shipped.
    let name: String
    let run: @Sendable (_ app: Application, _ now: Date) async throws -> Void
}

/// The claims of scheduled runs: one row a job and period ("a cohort's digest of 7 December"),
/// the first instance to insert it does the run.
enum ScheduledRuns {
    static let schema = "scheduled_runs"

    /// Whether this instance is the first to claim run `period` of `job`.
    static func claim(_ job: String, _ period: String, at now: Date, on db: any Database) async throws -> Bool {
        try await !(db as! any SQLDatabase).raw("""
            INSERT INTO \(ident: schema) (id, job, period, claimed_at) VALUES (\(bind: UUID()), \(bind: job), \(bind: period), \(bind: now))
            ON CONFLICT (job, period) DO NOTHING RETURNING id
            """).all().isEmpty
    }
}

extension ScheduledRuns {
    /// Which of `periods` of `job` are claimed already: read first, so that a tick finding its
    /// runs done takes no write lock.
    static func claimed(_ job: String, among periods: [String], on db: any Database) async throws -> Set<String> {
        guard !periods.isEmpty else { return [] }
        return Set(try await (db as! any SQLDatabase).raw("""
            SELECT period FROM \(ident: schema) WHERE job = \(bind: job) AND period IN \(SQLBind.group(periods))
            """).all().map { try $0.decode(column: "period", as: String.self) })
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// Evidence of a graduate's work: the commits GitHub delivers, counted once each, and a year of
/// them by day.
struct EvidenceUseCases: UseCases {
    let db: any Database
    let now: Date

    /// What a push delivery changed: how many commits were new, for how many graduates, and
    /// whether the delivery had been read already.
    struct Counted: Equatable {
        let commits: Int
        let graduates: Int
        let redelivered: Bool
    }

    /// Records `push`, delivered as `delivery`, in one transaction: the delivery once (a
    /// redelivery changes nothing), each new commit of each graduate who linked the pushing login
    /// (any case), on its day in the graduate's zone. A login nobody linked is ignored. The sync
    /// records the pushes it reads with no delivery. A new commit replaces one the calendar
    /// counted on its day without naming it, so that no commit counts twice.
    func record(_ push: GitHubPush, delivery: String?) async throws -> Counted {
        let now = self.now
        return try await db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            if let delivery {
                let first = try await sql.raw("""
                    INSERT INTO \(ident: GitHubDeliveryModel.schema) (id, delivery, received_at) VALUES (\(bind: UUID()), \(bind: delivery), \(bind: now))
                    ON CONFLICT (delivery) DO NOTHING RETURNING id
                    """).all()
                guard !first.isEmpty else { return Counted(commits: 0, graduates: 0, redelivered: true) }
            }
            let people = try await sql.raw("""
                SELECT id, time_zone FROM \(ident: UserModel.schema) WHERE LOWER(github_login) = \(bind: push.login.lowercased()) AND role = \(bind: Role.graduate.rawValue)
                """).all()
            // Every new commit of every such graduate in one statement, however many the push holds.
            var rows: [SQLGroupExpression] = []
            for person in people {
                let userID = try person.decode(column: "id", as: UUID.self)
                // Held against the sync's top-up of the same graduate (on PostgreSQL; SQLite's
                // write transaction holds the one lock), so a stand-in is never added beside the
                // real commit that replaces it.
                try await db.lockRow(of: UserModel.schema, id: userID)
                let zone = TimeZone(identifier: try person.decode(column: "time_zone", as: String.self)) ?? .gmt
                rows += push.commits.map { commit in
                    SQLGroupExpression([SQLBind(UUID()), SQLBind(userID), SQLBind(commit.id), SQLBind(commit.at), SQLBind(LocalDate(commit.at, in: zone).iso), SQLBind(push.repository)])
                }
            }
            var commits = 0
            if !rows.isEmpty {
                let added = try await sql.raw("""
                    INSERT INTO \(ident: GitHubCommitModel.schema) (id, user_id, sha, committed_at, day, repository) VALUES \(SQLList(rows))
                    ON CONFLICT (user_id, sha) DO NOTHING RETURNING user_id, day
                    """).all()
                commits = added.count
                var byDay: [String: (UUID, String, Int)] = [:]
                for row in added {
                    let who = try row.decode(column: "user_id", as: UUID.self), day = try row.decode(column: "day", as: String.self)
                    byDay[who.uuidString + day, default: (who, day, 0)].2 += 1
                }
                for (who, day, count) in byDay.values {
                    try await sql.raw("""
                        DELETE FROM \(ident: GitHubCommitModel.schema) WHERE id IN (
                            SELECT id FROM \(ident: GitHubCommitModel.schema) WHERE user_id = \(bind: who) AND day = \(bind: day) AND sha LIKE \(bind: GitHubSync.calendarPrefix + "%")
                            LIMIT \(unsafeRaw: String(count)))
                        """).run()
                }
            }
            return Counted(commits: commits, graduates: people.count, redelivered: false)
        }
    }

    /// Brings each day of `userID`'s that `calendar` counts up to its count, with commits that
    /// stand in for those the calendar does not name: a day that already holds as many (from the
    /// webhook, the events, or an earlier sync) is left, so no commit counts twice on a day. The
    /// days are GitHub's (UTC): a commit made late in the evening west of UTC, or pushed days
    /// after it was written, can stand on a neighbouring day as well (README says so). The
    /// commits added.
    func topUp(_ calendar: [LocalDate: Int], for userID: UUID) async throws -> Int {
        guard let first = calendar.keys.min(), let last = calendar.keys.max() else { return 0 }
        return try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: userID)
            let sql = db as! any SQLDatabase
            let rows = try await sql.raw("""
                SELECT day, COUNT(*) AS n FROM \(ident: GitHubCommitModel.schema)
                WHERE user_id = \(bind: userID) AND day >= \(bind: first.iso) AND day <= \(bind: last.iso) GROUP BY day
                """).all()
            var held: [String: Int] = [:]
            for row in rows { held[try row.decode(column: "day", as: String.self)] = try row.decode(column: "n", as: Int.self) }
            var added: [SQLGroupExpression] = []
            for (day, count) in calendar where count > held[day.iso, default: 0] {
                // Noon UTC: a day's moment for commits whose time the calendar does not give.
                let moment = TypedMoment.moment(day, StandupTime(hour: 12, minute: 0)!, in: .gmt)
                for n in held[day.iso, default: 0]..<count {
                    added.append(SQLGroupExpression([SQLBind(UUID()), SQLBind(userID), SQLBind(GitHubSync.calendarSha(day, n)), SQLBind(moment), SQLBind(day.iso)]))
                }
            }
            for chunk in stride(from: 0, to: added.count, by: 500) {
                try await sql.raw("""
                    INSERT INTO \(ident: GitHubCommitModel.schema) (id, user_id, sha, committed_at, day) VALUES \(SQLList(Array(added[chunk..<min(chunk + 500, added.count)])))
                    ON CONFLICT (user_id, sha) DO NOTHING
                    """).run()
            }
            return added.count
        }
    }

    /// `person`'s commits by day over the weeks the calendar draws, in one query.
    func calendar(of person: UserModel, target: Int) async throws -> ContributionCalendar {
        let today = person.today(at: now)
        let first = today.startOfWeek.adding(days: -7 * (ContributionCalendar.weeksShown - 1))
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT day, COUNT(*) AS n FROM \(ident: GitHubCommitModel.schema)
            WHERE user_id = \(bind: try person.requireID()) AND day >= \(bind: first.iso) GROUP BY day
            """).all()
        var counts: [LocalDate: Int] = [:]
        for row in rows {
            if let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) { counts[day] = try row.decode(column: "n", as: Int.self) }
        }
        return ContributionCalendar(counts: counts, today: today, target: target)
    }
}

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
    /// (any case), on its day in the graduate's zone. A login nobody linked is ignored.
    func record(_ push: GitHubPush, delivery: String) async throws -> Counted {
        let now = self.now
        return try await db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let first = try await sql.raw("""
                INSERT INTO \(ident: GitHubDeliveryModel.schema) (id, delivery, received_at) VALUES (\(bind: UUID()), \(bind: delivery), \(bind: now))
                ON CONFLICT (delivery) DO NOTHING RETURNING id
                """).all()
            guard !first.isEmpty else { return Counted(commits: 0, graduates: 0, redelivered: true) }
            let people = try await sql.raw("""
                SELECT id, time_zone FROM \(ident: UserModel.schema) WHERE LOWER(github_login) = \(bind: push.login.lowercased()) AND role = \(bind: Role.graduate.rawValue)
                """).all()
            // Every new commit of every such graduate in one statement, however many the push holds.
            var rows: [SQLGroupExpression] = []
            for person in people {
                let userID = try person.decode(column: "id", as: UUID.self)
                let zone = TimeZone(identifier: try person.decode(column: "time_zone", as: String.self)) ?? .gmt
                rows += push.commits.map { commit in
                    SQLGroupExpression([SQLBind(UUID()), SQLBind(userID), SQLBind(commit.id), SQLBind(commit.at), SQLBind(LocalDate(commit.at, in: zone).iso), SQLBind(push.repository)])
                }
            }
            var commits = 0
            if !rows.isEmpty {
                commits = try await sql.raw("""
                    INSERT INTO \(ident: GitHubCommitModel.schema) (id, user_id, sha, committed_at, day, repository) VALUES \(SQLList(rows))
                    ON CONFLICT (user_id, sha) DO NOTHING RETURNING id
                    """).all().count
            }
            return Counted(commits: commits, graduates: people.count, redelivered: false)
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

import Fluent
import Foundation
import SQLKit

/// Facts of people's accounts read straight from their tables: shared queries for capabilities
/// that need them (the programme asks when a graduate joined) without depending on `Accounts/`.
enum AccountFacts {
    /// When each of `userIDs` who came in through an invitation accepted it, in one query. Those
    /// made another way (a seed, an admin's import) are left out.
    static func joined(_ userIDs: [UUID], on db: any Database) async throws -> [UUID: Date] {
        guard !userIDs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT u.id AS who, MIN(i.accepted_at) AS at FROM users u JOIN invitations i ON i.email = u.email
            WHERE u.id IN \(SQLBind.group(userIDs)) AND i.accepted_at IS NOT NULL GROUP BY u.id
            """).all()
        var result: [UUID: Date] = [:]
        for row in rows { result[try row.decode(column: "who", as: UUID.self)] = try row.decode(column: "at", as: Date.self) }
        return result
    }
}

import Fluent
import Foundation
import SQLKit

/// What accounts publish for other capabilities (`AccountReads`), read from their own tables.
struct PublishedAccounts: AccountReads {
    func joined(_ userIDs: [UUID], on db: any Database) async throws -> [UUID: Date] {
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

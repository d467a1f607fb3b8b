import Fluent
import Foundation
import OnwardCore
import SQLKit

/// The sign-in counters (`SignInThrottle`) as the database keeps them: one row per account
/// ("account:<email>") and per client address ("client:<address>"). Each attempt is counted by
/// one statement that inserts or increments the row and returns it, so concurrent attempts get
/// consecutive counts and none is lost, on SQLite and PostgreSQL alike.
struct SignInAttempts {
    static let schema = "sign_in_attempts"

    let db: any Database
    let now: Date

    static func account(_ email: String) -> String { "account:" + email }
    static func client(_ address: String?) -> String { "client:" + (address ?? "unknown") }

    private var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Counts one attempt under `key` and answers the counter after it (`SignInThrottle.counting`).
    func count(_ key: String, limit: SignInThrottle.Limit) async throws -> SignInThrottle.Counter {
        let now = SignInThrottle.seconds(self.now)
        let ends = now + limit.window
        let row = try await sql.raw("""
            INSERT INTO \(ident: Self.schema) (\(ident: "key"), \(ident: "attempts"), \(ident: "window_ends"))
            VALUES (\(bind: key), 1, \(bind: ends))
            ON CONFLICT (\(ident: "key")) DO UPDATE SET
              \(ident: "attempts") = CASE WHEN \(ident: Self.schema).\(ident: "window_ends") <= \(bind: now) THEN 1 ELSE \(ident: Self.schema).\(ident: "attempts") + 1 END,
              \(ident: "window_ends") = CASE WHEN \(ident: Self.schema).\(ident: "window_ends") <= \(bind: now) THEN \(bind: ends) ELSE \(ident: Self.schema).\(ident: "window_ends") END
            RETURNING \(ident: "attempts"), \(ident: "window_ends")
            """).first()
        guard let row else { throw AppError(status: .internalServerError, code: "internal", message: "The sign-in could not be counted.") }
        return SignInThrottle.Counter(
            attempts: try row.decode(column: "attempts", as: Int.self),
            windowEnds: try row.decode(column: "window_ends", as: Int64.self))
    }

    /// Gives back one attempt under `key` (one that turned out not to count).
    func giveBack(_ key: String) async throws {
        try await sql.raw("""
            UPDATE \(ident: Self.schema) SET \(ident: "attempts") = \(ident: "attempts") - 1
            WHERE \(ident: "key") = \(bind: key) AND \(ident: "attempts") > 0
            """).run()
    }

    /// Forgets every attempt under `key` (the account's password was right).
    func clear(_ key: String) async throws {
        try await sql.raw("DELETE FROM \(ident: Self.schema) WHERE \(ident: "key") = \(bind: key)").run()
    }

    /// Drops counters whose window has ended: they would start again from one anyway.
    func forgetEnded() async throws {
        try await sql.raw("DELETE FROM \(ident: Self.schema) WHERE \(ident: "window_ends") <= \(bind: SignInThrottle.seconds(now))").run()
    }

    /// The counter under `key`, as it stands (for tests and the probe).
    func counter(_ key: String) async throws -> SignInThrottle.Counter? {
        let row = try await sql.raw("SELECT \(ident: "attempts"), \(ident: "window_ends") FROM \(ident: Self.schema) WHERE \(ident: "key") = \(bind: key)").first()
        return try row.map {
            SignInThrottle.Counter(attempts: try $0.decode(column: "attempts", as: Int.self), windowEnds: try $0.decode(column: "window_ends", as: Int64.self))
        }
    }
}

import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The server's secret key, for what Onward signs (the CSRF tokens).
///
/// It is `ONWARD_SECRET_KEY` when that is set. Otherwise Onward makes one the first time it needs
/// it and keeps it in the database, so the embedded default needs no setting, every instance
/// serving one PostgreSQL uses the same key, and tokens stay valid across restarts.
final class ServerSecret: Sendable {
    static let schema = "server_secrets"
    private static let name = "signing"

    private let configured: SymmetricKey?
    private let loaded = NIOLockedValueBox<SymmetricKey?>(nil)

    init(configured: String?) {
        self.configured = configured.map { SymmetricKey(data: SHA256.hash(data: Data($0.utf8))) }
    }

    /// The key: the configured one, or the one kept in `db` (made there if there is none yet).
    func key(on db: any Database) async throws -> SymmetricKey {
        if let key = configured ?? loaded.withLockedValue({ $0 }) { return key }
        let sql = db as! any SQLDatabase
        // Of two instances starting at once, the first insert wins and both read what it wrote.
        let made = Data([UInt8].random(count: 32)).base64EncodedString()
        try await sql.raw("""
            INSERT INTO \(ident: Self.schema) (\(ident: "name"), \(ident: "value")) VALUES (\(bind: Self.name), \(bind: made))
            ON CONFLICT (\(ident: "name")) DO NOTHING
            """).run()
        guard let row = try await sql.raw("SELECT \(ident: "value") FROM \(ident: Self.schema) WHERE \(ident: "name") = \(bind: Self.name)").first(),
              let bytes = Data(base64Encoded: try row.decode(column: "value", as: String.self)), bytes.count >= 32
        else { throw AppError(status: .internalServerError, code: "internal", message: "The server's secret key could not be read.") }
        let key = SymmetricKey(data: bytes)
        loaded.withLockedValue { $0 = key }
        return key
    }

    struct Create: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ServerSecret.schema)
                .field("name", .string, .required)
                .field("value", .string, .required)
                .unique(on: "name")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ServerSecret.schema).delete()
        }
    }
}

extension Application {
    private struct ServerSecretKey: StorageKey { typealias Value = ServerSecret }

    /// The server's secret key (`ServerSecret`), set up by `configure`.
    var serverSecret: ServerSecret {
        get {
            guard let secret = storage[ServerSecretKey.self] else { fatalError("configure(_:settings:) sets up the server secret") }
            return secret
        }
        set { storage[ServerSecretKey.self] = newValue }
    }
}

import Foundation
import Fluent
import SQLKit

extension Database {
    /// A transaction that reads and then writes what it read (a move reading the last position).
    /// On SQLite it takes the write lock when it begins (`BEGIN IMMEDIATE`): two such transactions
    /// queue one behind the other, where with a plain `BEGIN` the second would fail with
    /// SQLITE_BUSY when it tried to turn its read into a write. On PostgreSQL it is a plain
    /// transaction; the caller locks the rows it depends on.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite", !inTransaction else {
            return try await transaction(body)
        }
        return try await withConnection { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(db)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

extension Database {
    /// Inside a `writeTransaction`: holds the lock of row `id` of `table` until the transaction
    /// ends, so that transactions counting what hangs off that row (a graduate's active goals)
    /// take turns. On PostgreSQL this is `SELECT … FOR UPDATE`; on SQLite the write transaction
    /// already holds the database's one write lock.
    func lockRow(of table: String, id: UUID) async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        _ = try await sql.select().column("id").from(table).where("id", .equal, SQLBind(id)).for(.update).all()
    }
}

extension Database {
    /// Inside a `writeTransaction`: holds `table` against other writers until the transaction
    /// ends, so that transactions reading the whole of it and then writing (the pairing matcher)
    /// take turns. On SQLite the write transaction already holds the database's one write lock.
    func lockTable(_ table: String) async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("LOCK TABLE \(ident: table) IN SHARE ROW EXCLUSIVE MODE").run()
    }
}

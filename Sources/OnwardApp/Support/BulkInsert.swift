import Foundation
import FluentSQLiteDriver
import SQLKit

/// Many rows into one table, as few statements as the database allows: what an import writes.
/// On SQLite the values go to the driver as they are, with no encoding per value; elsewhere
/// through SQLKit. Run it inside the caller's transaction.
struct BulkInsert: Sendable {
    /// A value of a column, in the types Onward's tables use, stored as Fluent stores them.
    enum Value: Sendable {
        case text(String?)
        case integer(Int?)
        case bool(Bool)
        case id(UUID)
        case time(Date)
    }

    let table: String
    let columns: [String]
    private(set) var rows: [[Value]] = []

    init(into table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func append(_ row: [Value]) {
        precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
        rows.append(row)
    }

    /// Rows a statement: 500 rows of up to 65 columns stay under the parameter limits of SQLite
    /// (32,766 in its default build) and PostgreSQL (65,535).
    static let rowsPerStatement = 500

    func run(on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: Self.rowsPerStatement) {
            let chunk = rows[start..<min(start + Self.rowsPerStatement, rows.count)]
            if let sqlite = sql as? any SQLiteDatabase {
                _ = try await sqlite.query(statement(rows: chunk.count), chunk.flatMap { $0.map(\.sqlite) })
            } else {
                var insert = sql.insert(into: table).columns(columns)
                for row in chunk { insert = insert.values(row.map(\.bind)) }
                try await insert.run()
            }
        }
    }

    /// `INSERT INTO "table" ("a", "b") VALUES (?, ?), (?, ?)`, for SQLite.
    private func statement(rows count: Int) -> String {
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \"\(table)\" (\(quoted)) VALUES " + Array(repeating: row, count: count).joined(separator: ", ")
    }
}

extension BulkInsert.Value {
    /// As SQLiteKit's encoder writes the same Swift value: a UUID as its uppercase text, a date as
    /// seconds since 1970, a Bool as 0 or 1.
    var sqlite: SQLiteData {
        switch self {
        case .text(let text): text.map(SQLiteData.text) ?? .null
        case .integer(let number): number.map(SQLiteData.integer) ?? .null
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .id(let id): .text(id.uuidString)
        case .time(let date): .float(date.timeIntervalSince1970)
        }
    }

    var bind: any Encodable & Sendable {
        switch self {
        case .text(let text): text
        case .integer(let number): number
        case .bool(let flag): flag
        case .id(let id): id
        case .time(let date): date
        }
    }
}

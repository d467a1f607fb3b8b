import Fluent
import Foundation
import OnwardCore
import SQLKit

/// A capability's part of a person's data: the lists it adds to their export, and what it does
/// when they delete their account. Integrations puts the parts together and names none of them.
protocol PersonalData: Sendable {
    /// Its lists in a person's export, in the order the documentation shows them.
    var exported: [ExportedTable] { get }
    /// Inside the deletion's transaction, before the account itself goes: deletes what is
    /// `leaving`'s own, and hands their place in others' threads (a reply on someone else's
    /// standup, a pairing, a session others joined) to `leaving.former`, so those threads stay
    /// whole. What it leaves pointing at the person, the account's deletion cascades away.
    func erase(_ leaving: Leaving, on db: any Database) async throws
    /// Files of theirs its own pages make (applications as CSV), offered beside the export.
    var downloads: [PersonalDownload] { get }
}

extension PersonalData {
    func erase(_ leaving: Leaving, on db: any Database) async throws {}
    var downloads: [PersonalDownload] { [] }
}

/// A file of a person's data that a capability's own page makes.
struct PersonalDownload: Sendable {
    let label: String
    let url: SiteURL
    /// The `Access` decision that offers it.
    let shows: @Sendable (Viewer) -> Bool
}

/// A person deleting their account, as each capability's part of the deletion sees them.
struct Leaving: Sendable {
    let id: UUID
    let email: String
    let name: String
    let role: Role
    /// The account that signs for them in others' threads from now on ("a former graduate").
    let former: UUID
    let now: Date
}

/// One list of the export and the query that reads it.
struct ExportedTable: Sendable {
    let shape: ExportTable
    /// What follows `SELECT fields FROM`: the table and the condition that picks the person's
    /// records, with their order.
    let source: @Sendable (_ person: UUID) -> SQLQueryString
    /// The SQL that reads each field not read from a column of its own name.
    let expressions: @Sendable (_ person: UUID) -> [String: SQLQueryString]

    init(_ shape: ExportTable, expressions: [String: String] = [:], source: @escaping @Sendable (_ person: UUID) -> SQLQueryString) {
        self.shape = shape
        self.source = source
        self.expressions = { _ in expressions.mapValues { SQLQueryString($0) } }
    }

    /// For fields whose SQL names the person (their side of a pairing).
    init(_ shape: ExportTable, personal expressions: @escaping @Sendable (_ person: UUID) -> [String: SQLQueryString], source: @escaping @Sendable (_ person: UUID) -> SQLQueryString) {
        self.shape = shape
        self.source = source
        self.expressions = expressions
    }

    /// The person's records of this list, each field decoded as its kind says.
    func records(of person: UUID, on db: any Database) async throws -> [[String: ExportValue]] {
        let chosen = expressions(person)
        var query: SQLQueryString = "SELECT "
        for (index, field) in shape.fields.enumerated() {
            if index > 0 { query = query + ", " }
            query = query + (chosen[field.name] ?? "\(ident: field.name)") + " AS \(ident: field.name)"
        }
        let rows = try await (db as! any SQLDatabase).raw(query + " FROM " + source(person)).all()
        return try rows.map { row in
            var record: [String: ExportValue] = [:]
            for field in shape.fields { record[field.name] = try Self.value(of: field, in: row) }
            return record
        }
    }

    private static func value(of field: ExportField, in row: any SQLRow) throws -> ExportValue {
        let name = field.name
        switch field.kind {
        case .text, .day: return try row.decode(column: name, as: String?.self).map(ExportValue.text) ?? .null
        case .whole: return try row.decode(column: name, as: Int?.self).map(ExportValue.whole) ?? .null
        case .number: return try row.decode(column: name, as: Double?.self).map(ExportValue.number) ?? .null
        case .yesNo: return try row.decode(column: name, as: Bool?.self).map(ExportValue.yesNo) ?? .null
        case .moment: return try row.decode(column: name, as: Date?.self).map { .text(YourDataExport.moment($0)) } ?? .null
        case .id: return try row.decode(column: name, as: UUID?.self).map { .text($0.uuidString.lowercased()) } ?? .null
        }
    }
}

extension UserModel {
    /// The account that stands for everyone of `role` who deleted theirs, made the first time one
    /// is needed. It cannot sign in: its role is `former` and its password no password's hash.
    static func former(of role: Role, on db: any Database) async throws -> UUID {
        let id = AccountDeletion.formerID(of: role)
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO \(ident: schema) (id, email, name, password_hash, role, time_zone, stacks, bio)
            VALUES (\(bind: id), \(bind: AccountDeletion.formerEmail(of: role)), \(bind: AccountDeletion.formerName(of: role)), '!', \(bind: Role.former.rawValue), 'UTC', '', '')
            ON CONFLICT (id) DO NOTHING
            """).run()
        return id
    }
}

extension Leaving {
    /// Hands the person's place in `table`'s `column` to the former account: the rows stay.
    func handOver(_ table: String, _ column: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE \(ident: table) SET \(ident: column) = \(bind: former) WHERE \(ident: column) = \(bind: id)").run()
    }

    /// Deletes the rows of `table` whose `column` is the person (with what hangs on them).
    func delete(from table: String, _ column: String = "user_id", on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DELETE FROM \(ident: table) WHERE \(ident: column) = \(bind: id)").run()
    }
}

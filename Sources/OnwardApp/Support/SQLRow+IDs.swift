import FluentKit
import Foundation
import SQLKit

extension SQLRow {
    /// The id in `column`, known to be one of `ids` (by their text, `UUID.byText`): SQLite keeps
    /// ids as text, and looking the text up costs far less than parsing it (a `sscanf` each, a
    /// twentieth of a page that reads thousands of rows). Parsed when it is not among them, or
    /// when the database keeps real UUIDs (PostgreSQL).
    func id(_ column: String, among ids: [String: UUID]) throws -> UUID {
        if let text = try? decode(column: column, as: String.self), let id = ids[text] ?? UUID(uuidString: text) {
            return id
        }
        return try decode(column: column, as: UUID.self)
    }
}

extension SQLRow {
    /// The id in `column` as text, the way `requireIDString` writes it, without parsing it where
    /// the database keeps ids as text (SQLite).
    func text(_ column: String) throws -> String {
        if let text = try? decode(column: column, as: String.self), text.count == 36 { return text.uppercased() }
        return try decode(column: column, as: UUID.self).uuidString
    }
}

extension UUID {
    /// `ids` by the text SQLite keeps them as, for `SQLRow.id(_:among:)`.
    static func byText(_ ids: [UUID]) -> [String: UUID] {
        Dictionary(ids.map { ($0.uuidString, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Model where IDValue == UUID {
    /// A saved record's id as text, for a link or a path; it traps on a record not yet saved.
    var requireIDString: String { id!.uuidString }
}

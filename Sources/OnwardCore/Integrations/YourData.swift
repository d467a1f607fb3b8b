import Foundation

/// One list of a person's export: its name (the key under `records`), what it holds, and its
/// fields. Each capability declares its own; the documentation of the export's shape is written
/// from these declarations, so the two cannot drift apart.
public struct ExportTable: Sendable, Equatable {
    public let name: String
    public let about: String
    public let fields: [ExportField]

    public init(_ name: String, _ about: String, _ fields: [ExportField]) {
        self.name = name
        self.about = about
        self.fields = fields
    }
}

/// One field of an exported record.
public struct ExportField: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case text, whole, number, yesNo, day, moment, id

        /// As the documentation says it.
        public var described: String {
            switch self {
            case .text: "text"
            case .whole: "whole number"
            case .number: "number"
            case .yesNo: "true or false"
            case .day: "day, YYYY-MM-DD"
            case .moment: "moment, ISO 8601 in UTC"
            case .id: "id (UUID), to link records of the export"
            }
        }
    }

    public let name: String
    public let kind: Kind
    public let about: String

    public init(_ name: String, _ kind: Kind, _ about: String = "") {
        self.name = name
        self.kind = kind
        self.about = about
    }

    public static func text(_ name: String, _ about: String = "") -> ExportField { .init(name, .text, about) }
    public static func whole(_ name: String, _ about: String = "") -> ExportField { .init(name, .whole, about) }
    public static func number(_ name: String, _ about: String = "") -> ExportField { .init(name, .number, about) }
    public static func yesNo(_ name: String, _ about: String = "") -> ExportField { .init(name, .yesNo, about) }
    public static func day(_ name: String, _ about: String = "") -> ExportField { .init(name, .day, about) }
    public static func moment(_ name: String, _ about: String = "") -> ExportField { .init(name, .moment, about) }
    public static func id(_ name: String, _ about: String = "") -> ExportField { .init(name, .id, about) }
}

/// A value of an exported record, as JSON writes it.
public enum ExportValue: Sendable, Equatable, Encodable {
    case null
    case text(String)
    case whole(Int)
    case number(Double)
    case yesNo(Bool)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .text(let text): try container.encode(text)
        case .whole(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .yesNo(let flag): try container.encode(flag)
        }
    }
}

/// A person's export: one JSON document, the same shape from the page and the API.
public enum YourDataExport {
    /// Rises when a field changes meaning or goes; adding a list or a field does not raise it.
    public static let version = 1

    /// The document: `onward_export` (the version), `exported_at`, and `records`, a list of
    /// records under each table's name (every table, empty ones too). Keys sorted, so two exports
    /// of the same data are the same bytes.
    public static func document(tables: [ExportTable], records: [String: [[String: ExportValue]]], at now: Date) throws -> Data {
        struct Document: Encodable {
            let onward_export: Int
            let exported_at: String
            let records: [String: [[String: ExportValue]]]
        }
        var all: [String: [[String: ExportValue]]] = [:]
        for table in tables { all[table.name] = records[table.name] ?? [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(Document(onward_export: version, exported_at: moment(now), records: all))
    }

    public static func moment(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// The file's name: `onward-export-YYYY-MM-DD.json`.
    public static func fileName(on day: LocalDate) -> String { "onward-export-\(day).json" }

    /// The documentation of the shape, in Markdown, written from the tables' declarations.
    public static func documentation(of tables: [ExportTable]) -> String {
        var lines = [
            "# Your data: the export's shape",
            "",
            "A person downloads everything Onward keeps of theirs from Account, Your data (`/account/data`) or",
            "`GET /api/v1/me/export`. It is one JSON document:",
            "",
            "```json",
            "{",
            "  \"onward_export\": \(version),",
            "  \"exported_at\": \"2026-11-23T12:00:00Z\",",
            "  \"records\": { \"account\": [ { \"name\": \"…\" } ], \"standups\": [], … }",
            "}",
            "```",
            "",
            "- `onward_export` is the shape's version. It rises only when a field changes meaning or goes;",
            "  a new list or field does not raise it.",
            "- `records` holds every list below, an empty one too. A field with nothing in it is `null`.",
            "- Ids link records of the same export (an interview's `application` is an application's `id`).",
            "- Secrets are never exported: no password, no API token, no calendar feed address, no Slack address.",
            "- Applications also come as CSV (Applications, \"Download as CSV\", or `GET /api/v1/applications/export`).",
            "",
            "This file is written from the code's declarations, and a test keeps it so.",
        ]
        for table in tables {
            lines += ["", "## `\(table.name)`", "", table.about, "", "| Field | Kind | What it is |", "| --- | --- | --- |"]
            for field in table.fields {
                lines.append("| `\(field.name)` | \(field.kind.described) | \(field.about) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Deleting an account: what the person types to confirm, and how the records they leave in
/// others' threads are signed.
public enum AccountDeletion {
    /// The confirmation: the account's email typed again (case and surrounding spaces aside).
    public static func confirm(typed: String, email: String) throws(ValidationErrors) {
        let typed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if typed.isEmpty {
            throw .one("email", "Type the account's email address to confirm.")
        }
        if typed.count > 254 || AccountRules.normalizedEmail(typed) != AccountRules.normalizedEmail(email) {
            throw .one("email", "That is not the account's email address: nothing was deleted.")
        }
    }

    /// The name shown where a person who left took part in another's thread.
    public static func formerName(of role: Role) -> String {
        switch role {
        case .graduate, .former: "a former graduate"
        case .coach: "a former coach"
        case .partner: "a former partner"
        case .admin: "a former admin"
        }
    }

    /// The account that stands for everyone of `role` who left: fixed, so every deletion signs
    /// with the same one.
    public static func formerID(of role: Role) -> UUID {
        switch role {
        case .graduate, .former: UUID(uuidString: "00000000-0000-4000-8000-0000000f0001")!
        case .coach: UUID(uuidString: "00000000-0000-4000-8000-0000000f0002")!
        case .partner: UUID(uuidString: "00000000-0000-4000-8000-0000000f0003")!
        case .admin: UUID(uuidString: "00000000-0000-4000-8000-0000000f0004")!
        }
    }

    /// Whether `id` is one of the former accounts: nobody to tell, book or mail.
    public static func isFormer(_ id: UUID) -> Bool {
        Role.given.contains { formerID(of: $0) == id }
    }

    /// The domain of their addresses, which no person's may use.
    public static let formerDomain = "onward.invalid"

    /// Its address: on a domain that can take no mail (RFC 2606), so nobody can be invited as it.
    public static func formerEmail(of role: Role) -> String {
        "former-\(role == .former ? Role.graduate.rawValue : role.rawValue)@" + formerDomain
    }
}

import CSV
import Foundation

/// Applications to and from CSV: Huntr's and Teal's exports, any file with a header row, and
/// Onward's own export, which imports back unchanged.
public enum ApplicationsCSV {
    /// What a column can hold, with the names trackers give it (compared ignoring case, spaces,
    /// dashes and underscores).
    public enum Column: String, CaseIterable, Sendable {
        case company
        case roleTitle = "role_title"
        case url
        case location
        case remote
        case salary
        case salaryMin = "salary_min"
        case salaryMax = "salary_max"
        case source
        case stage
        case appliedOn = "applied_on"
        case nextAction = "next_action"
        case nextActionDue = "next_action_due"
        case excitement
        case notes
        case contactName = "contact_name"
        case contactRole = "contact_role"
        case contactEmail = "contact_email"
        case contactProfileURL = "contact_profile_url"
        case history

        public var aliases: [String] {
            switch self {
            case .company: ["company", "company name", "employer", "organization", "organisation"]
            case .roleTitle: ["role title", "job title", "title", "role", "position", "job position", "job"]
            case .url: ["url", "job url", "job post url", "job link", "link", "posting url", "job posting url", "job posting"]
            case .location: ["location", "city", "job location"]
            case .remote: ["remote", "remote?", "is remote", "work type"]
            case .salary: ["salary", "salary range", "compensation", "pay"]
            case .salaryMin: ["salary min", "min salary", "salary from"]
            case .salaryMax: ["salary max", "max salary", "salary to"]
            case .source: ["source", "found via", "found through", "channel"]
            case .stage: ["stage", "status", "list", "column", "pipeline stage"]
            case .appliedOn: ["applied on", "date applied", "applied date", "application date", "applied", "date"]
            case .nextAction: ["next action", "next step", "to do", "todo"]
            case .nextActionDue: ["next action due", "due", "due date", "follow up date", "follow up"]
            case .excitement: ["excitement", "rating", "interest", "stars", "priority"]
            case .notes: ["notes", "note", "comments", "description"]
            case .contactName: ["contact name", "contact", "recruiter", "hiring manager"]
            case .contactRole: ["contact role", "contact title"]
            case .contactEmail: ["contact email", "recruiter email", "email"]
            case .contactProfileURL: ["contact profile url", "contact url", "contact linkedin", "linkedin"]
            case .history: ["history", "stage history"]
            }
        }
    }

    static func key(_ header: String) -> String {
        header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "?" }.map(String.init).joined()
    }

    /// Which file column each of our columns reads from: the first header that matches one of
    /// its aliases, aliases tried in order.
    public static func mapping(for header: [String]) -> [Column: Int] {
        let keys = header.map(key)
        var result: [Column: Int] = [:]
        var taken = Set<Int>()
        for column in Column.allCases {
            for alias in column.aliases {
                if let index = keys.firstIndex(of: key(alias)), !taken.contains(index) {
                    result[column] = index
                    taken.insert(index)
                    break
                }
            }
        }
        return result
    }

    public struct Row: Sendable, Equatable {
        public let line: Int
        public let draft: ApplicationDraft
        public let stage: Stage
        public let moves: [ApplicationHistory.Move]
        public let contact: ContactDraft?

        public init(line: Int, draft: ApplicationDraft, stage: Stage, moves: [ApplicationHistory.Move], contact: ContactDraft?) {
            self.line = line
            self.draft = draft
            self.stage = stage
            self.moves = moves
            self.contact = contact
        }
    }

    public struct RowError: Sendable, Equatable, Error {
        public let line: Int
        public let message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public struct Preview: Sendable, Equatable {
        public var rows: [Row] = []
        public var duplicates: [Row] = []
        public var errors: [RowError] = []
        public var mapping: [Column: String] = [:]
        public var ignoredColumns: [String] = []
        /// How many rows `scan` handed over (a preview keeps them in `rows` instead).
        public var handedOver = 0

        public init() {}
    }

    public enum FileError: Error, Equatable, Sendable {
        case notCSV(String)
        case empty
        case missingColumn(Column)

        public var message: String {
            switch self {
            case .notCSV(let detail): "The file is not readable as CSV (\(detail))."
            case .empty: "The file has no header row."
            case .missingColumn(let column): "No column for \(column == .company ? "the company" : "the role's title") was found. Name it one of: \(column.aliases.joined(separator: ", "))."
            }
        }
    }

    /// Reads a whole CSV file into what would be imported, what is a duplicate (of an existing
    /// application, `existingKeys`, or of an earlier row), and what is wrong, by line number.
    public static func preview(_ raw: String, existingKeys: Set<String>, today: LocalDate) throws(FileError) -> Preview {
        var rows: [Row] = []
        var preview = try scan(raw, existingKeys: existingKeys, today: today, batchSize: .max) { rows += $0 }
        preview.rows = rows
        preview.handedOver = 0
        return preview
    }

    /// The same reading, handing the rows to import to `emit` as it goes, `batchSize` at a time
    /// (the last batch may be smaller), so that writing them can start before the file is read to
    /// its end. The preview it returns has every duplicate and error, and no rows: they went to `emit`.
    /// With `stopsAtFirstError`, no row is handed over after the first wrong line (the file will not
    /// be imported), but the reading goes on to list every error.
    public static func scan(
        _ raw: String, existingKeys: Set<String>, today: LocalDate, batchSize: Int, stopsAtFirstError: Bool = false, emit: ([Row]) -> Void
    ) throws(FileError) -> Preview {
        var text = raw
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard !text.trimmed.isEmpty else { throw .empty }
        let reader: CSVReader
        do {
            // A byte stream reads several times faster than CSV.swift's String input.
            reader = try CSVReader(stream: InputStream(data: Data(text.utf8)), hasHeaderRow: true)
        } catch {
            throw .notCSV(String(describing: error))
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.trimmed.isEmpty }) else { throw .empty }
        let columns = mapping(for: header)
        guard columns[.company] != nil else { throw .missingColumn(.company) }
        guard columns[.roleTitle] != nil else { throw .missingColumn(.roleTitle) }
        var preview = Preview()
        preview.mapping = columns.mapValues { header[$0] }
        preview.ignoredColumns = header.indices.filter { !columns.values.contains($0) }.map { header[$0] }.filter { !$0.isEmpty }
        var seen = existingKeys
        var batch: [Row] = []
        func handOver() {
            guard !batch.isEmpty, !(stopsAtFirstError && !preview.errors.isEmpty) else { return }
            emit(batch)
            preview.handedOver += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        var line = 1 + header.reduce(0) { $0 + newlines(in: $1) } + 1
        while let fields = reader.next() {
            let rowLine = line
            line += 1 + fields.reduce(0) { $0 + newlines(in: $1) }
            if fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            do {
                let row = try parse(fields, line: rowLine, columns: columns, today: today)
                if seen.insert(row.draft.duplicateKey).inserted {
                    batch.append(row)
                    if batch.count >= batchSize { handOver() }
                } else {
                    preview.duplicates.append(row)
                }
            } catch {
                preview.errors.append(error)
            }
        }
        if let error = reader.error {
            preview.errors.append(RowError(line: line, message: "The file ends inside a quoted field (\(error))."))
        }
        handOver()
        return preview
    }

    /// Line ends inside a field ("\n", "\r\n" or "\r"), to keep line numbers right. Byte by byte:
    /// it runs on every field of the file.
    static func newlines(in field: String) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in field.utf8 {
            if byte == 13 || (byte == 10 && previous != 13) { count += 1 }
            previous = byte
        }
        return count
    }

    static func parse(_ fields: [String], line: Int, columns: [Column: Int], today: LocalDate) throws(RowError) -> Row {
        var values: [Column: String] = [:]
        for (column, index) in columns where index < fields.count { values[column] = restored(fields[index].trimmed) }
        func value(_ column: Column) -> String { values[column] ?? "" }
        var problems: [String] = []

        var stage = Stage.applied
        if !value(.stage).isEmpty {
            if let parsed = Stage(rawValue: value(.stage)) ?? Stage(loose: value(.stage)) { stage = parsed } else { problems.append("stage '\(value(.stage))' is not one Onward knows") }
        }
        var applied: LocalDate?
        if !value(.appliedOn).isEmpty {
            applied = LocalDate(loose: value(.appliedOn))
            if applied == nil { problems.append("applied date '\(value(.appliedOn))' is not a date") }
            if let day = applied, day > today { problems.append("applied date \(day.iso) is in the future") }
        }
        var salary = SalaryRange.none
        if !value(.salaryMin).isEmpty || !value(.salaryMax).isEmpty {
            let minimum = SalaryRange.parse(value(.salaryMin)), maximum = SalaryRange.parse(value(.salaryMax))
            if minimum == nil || maximum == nil { problems.append("salary is not a number") } else { salary = SalaryRange(minimum: minimum?.minimum, maximum: maximum?.maximum) }
        } else if let parsed = SalaryRange.parse(value(.salary)) {
            salary = parsed
        } else {
            problems.append("salary '\(value(.salary))' is not an amount or a range")
        }
        var excitement = "3"
        if !value(.excitement).isEmpty {
            let stars = value(.excitement).filter { $0 == "★" || $0 == "*" }.count
            excitement = stars > 0 ? String(stars) : value(.excitement).filter { $0.isNumber || $0 == "." }.split(separator: ".").first.map(String.init) ?? value(.excitement)
        }
        let source = value(.source).isEmpty ? ApplicationSource.other : (ApplicationSource(rawValue: value(.source)) ?? ApplicationSource(loose: value(.source)) ?? .other)
        var due = ""
        if !value(.nextActionDue).isEmpty {
            if let day = LocalDate(loose: value(.nextActionDue)) { due = day.iso } else { problems.append("due date '\(value(.nextActionDue))' is not a date") }
        }
        let remoteText = value(.remote).lowercased()
        let remote = ["yes", "y", "true", "1", "remote", "fully remote"].contains(remoteText)

        var draft: ApplicationDraft?
        do {
            draft = try ApplicationDraft.validate(
                company: value(.company), roleTitle: value(.roleTitle), url: value(.url), location: value(.location), remote: remote,
                salaryMinimum: salary.minimum.map(String.init) ?? "", salaryMaximum: salary.maximum.map(String.init) ?? "",
                source: source.rawValue, nextAction: value(.nextAction), nextActionDue: due, notes: value(.notes), excitement: excitement)
        } catch {
            problems += error.errors.map { describe($0) }
        }

        var contact: ContactDraft?
        if !value(.contactName).isEmpty || !value(.contactEmail).isEmpty {
            do {
                contact = try ContactDraft.validate(
                    name: value(.contactName).isEmpty ? value(.contactEmail) : value(.contactName), role: value(.contactRole),
                    email: value(.contactEmail), profileURL: value(.contactProfileURL))
            } catch {
                problems += error.errors.map { describe($0) }
            }
        }

        var moves: [ApplicationHistory.Move] = []
        if !value(.history).isEmpty {
            do { moves = try parseHistory(value(.history), today: today) } catch { problems.append(error.message) }
            if let last = moves.last, last.stage != stage, !value(.stage).isEmpty { problems.append("the history ends at \(last.stage.rawValue) but the stage is \(stage.rawValue)") }
            if let last = moves.last { stage = last.stage }
        } else {
            let day = applied ?? today
            switch stage {
            case .wishlist: moves = [.init(.wishlist, on: day)]
            case .applied: moves = [.init(.applied, on: day)]
            default: moves = [.init(.applied, on: day), .init(stage, on: day)]
            }
        }
        guard problems.isEmpty, let draft else {
            throw RowError(line: line, message: problems.joined(separator: "; "))
        }
        return Row(line: line, draft: draft, stage: stage, moves: moves, contact: contact)
    }

    static func describe(_ error: FieldError) -> String {
        let field = error.field.replacingOccurrences(of: "_", with: " ")
        return "\(field): \(error.message.prefix(1).lowercased() + error.message.dropFirst().dropLast(error.message.hasSuffix(".") ? 1 : 0))"
    }

    /// "applied 2026-11-02; interview 2026-11-10": the moves, which must follow the table.
    public static func parseHistory(_ text: String, today: LocalDate) throws(RowError) -> [ApplicationHistory.Move] {
        var moves: [ApplicationHistory.Move] = []
        for part in text.split(separator: ";") {
            let words = part.split(separator: " ").map(String.init)
            guard words.count == 2, let stage = Stage(rawValue: words[0]), let day = LocalDate(iso: words[1]) else {
                throw RowError(line: 0, message: "history '\(part.trimmed)' should read like 'applied 2026-11-02'")
            }
            if let last = moves.last {
                do { try checkMove(from: last.stage, to: stage, on: day, previousMove: last.on, today: today) } catch { throw RowError(line: 0, message: "history: " + error.message.lowercased()) }
            } else if day > today {
                throw RowError(line: 0, message: "history: the date of a move cannot be in the future")
            }
            moves.append(.init(stage, on: day))
        }
        guard !moves.isEmpty else { throw RowError(line: 0, message: "history is empty") }
        return moves
    }

    // MARK: Export

    public struct ExportItem: Sendable {
        public let draft: ApplicationDraft
        public let stage: Stage
        public let moves: [ApplicationHistory.Move]
        public let contact: ContactDraft?

        public init(draft: ApplicationDraft, stage: Stage, moves: [ApplicationHistory.Move], contact: ContactDraft?) {
            self.draft = draft
            self.stage = stage
            self.moves = moves
            self.contact = contact
        }
    }

    public static let exportColumns: [Column] = [
        .company, .roleTitle, .url, .location, .remote, .salaryMin, .salaryMax, .source, .stage, .appliedOn,
        .nextAction, .nextActionDue, .excitement, .notes, .contactName, .contactRole, .contactEmail, .contactProfileURL, .history,
    ]

    /// A cell a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) is written with a `'` in front, as OWASP advises against CSV injection:
    /// the spreadsheet shows the text instead of running it. A cell that already begins with
    /// quotes before such a character gets one more, so the import can always take one away.
    public static func neutralised(_ cell: String) -> String {
        startsFormula(cell.unicodeScalars[...]) ? "'" + cell : cell
    }

    /// The import undoes `neutralised`, so an export re-imports unchanged.
    public static func restored(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", startsFormula(scalars.dropFirst()) else { return cell }
        return String(scalars.dropFirst())
    }

    /// Quotes, if any, then a character that starts a formula.
    private static func startsFormula(_ scalars: Substring.UnicodeScalarView) -> Bool {
        guard let first = scalars.first else { return false }
        return first == "'" ? startsFormula(scalars.dropFirst()) : formulaStarts.contains(first)
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they need to be, and no cell a
    /// spreadsheet would run as a formula.
    public static func export(_ items: [ExportItem]) -> String {
        table(header: exportColumns.map(\.rawValue), rows: items.map { item in
            let d = item.draft
            let history = ApplicationHistory(moves: item.moves)
            return [
                d.company, d.roleTitle, d.url ?? "", d.location, d.remote ? "yes" : "no", d.salary.minimum.map(String.init) ?? "",
                d.salary.maximum.map(String.init) ?? "", d.source.rawValue, item.stage.rawValue, history.submittedOn?.iso ?? "",
                d.nextAction, d.nextActionDue?.iso ?? "", String(d.excitement), d.notes,
                item.contact?.name ?? "", item.contact?.role ?? "", item.contact?.email ?? "", item.contact?.profileURL ?? "",
                item.moves.map { "\($0.stage.rawValue) \($0.on.iso)" }.joined(separator: "; "),
            ]
        })
    }

    /// `header` and `rows` as RFC 4180 text (CRLF line ends, fields quoted when they need to be),
    /// every cell `neutralised`: what any export of Onward's writes.
    public static func table(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try! CSVWriter(stream: stream, newline: .crlf)
        try! writer.write(row: header)
        for values in rows {
            writer.beginNewRow()
            for value in values.map(neutralised) {
                let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.hasPrefix(" ") || value.hasSuffix(" ")
                try! writer.write(field: value, quoted: needsQuotes)
            }
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}

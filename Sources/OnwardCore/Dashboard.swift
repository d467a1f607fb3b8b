import Foundation

/// One graduate's figure in one column of the coach's dashboard.
public struct DashboardFigure: Equatable, Sendable {
    /// What the column sorts by and filters on.
    public var value: Int
    /// A word the column keeps with the figure (a status's name), nil for none.
    public var tag: String?
    /// Lines the column prints under it (what is missing, for a graduate at risk).
    public var notes: [String]

    public init(_ value: Int, tag: String? = nil, notes: [String] = []) {
        self.value = value
        self.tag = tag
        self.notes = notes
    }
}

/// One condition on a column's figure: "no application in 7 days", "low mood today".
public struct DashboardFilter: Sendable {
    /// Its name in the dashboard's address (`?show=`), unique among every column's filters.
    public let id: String
    public let title: String
    /// The column it is on, set by the column that lists it.
    public fileprivate(set) var columnID = ""
    fileprivate var absent: DashboardFigure?
    private let condition: @Sendable (DashboardFigure?, LocalDate) -> Bool

    /// `admits` is given the row's figure in the column (nil when it has none) and the viewer's today.
    public init(_ id: String, _ title: String, admits: @escaping @Sendable (DashboardFigure?, LocalDate) -> Bool) {
        self.id = id
        self.title = title
        condition = admits
    }

    public func admits(_ row: DashboardRow, today: LocalDate) -> Bool {
        condition(row.figures[columnID] ?? absent, today)
    }
}

/// A column of the coach's dashboard, declared by the capability that fills it: its id (in the
/// address and in each kept line), its titles, the way it first sorts and its filters.
public struct DashboardColumn: Sendable {
    public enum Order: String, Sendable {
        case ascending = "asc"
        case descending = "desc"

        public var reversed: Order { self == .ascending ? .descending : .ascending }
    }

    /// Its name in the dashboard's address (`?sort=`) and in a kept line; unique.
    public let id: String
    /// Its title in full, as the filters name it.
    public let title: String
    /// Its heading, short enough for ten columns.
    public let heading: String
    /// The way it first sorts when chosen: what needs the coach first (the longest waits, the
    /// lowest mood, the soonest meeting).
    public let firstOrder: Order
    /// A row's figure when its capability has none for them (no application: 0); nil when a row
    /// may have none (no mood yet), which sorts last whichever the order.
    public let absent: DashboardFigure?
    public let filters: [DashboardFilter]

    public init(id: String, title: String, heading: String, firstOrder: Order = .ascending, absent: DashboardFigure? = nil, filters: [DashboardFilter] = []) {
        self.id = id
        self.title = title
        self.heading = heading
        self.firstOrder = firstOrder
        self.absent = absent
        self.filters = filters.map { filter in
            var filter = filter
            filter.columnID = id
            filter.absent = absent
            return filter
        }
    }

    /// The graduate's name: every dashboard's first column, filled by no capability.
    public static let name = DashboardColumn(id: "name", title: "Graduate", heading: "Graduate")
}

/// One graduate's line on the coach's dashboard: each capability fills its own columns' figures,
/// keyed by column id, so the page is one value however its figures were read and a new column
/// is a new key.
public struct DashboardRow: Equatable, Sendable {
    public let id: String
    public let name: String
    public var figures: [String: DashboardFigure] = [:]

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The figure in `column`: the one filled, else the column's figure for none.
    public func figure(_ column: DashboardColumn) -> DashboardFigure? {
        figures[column.id] ?? column.absent
    }

    public subscript(column: DashboardColumn) -> DashboardFigure? {
        get { figure(column) }
        set { figures[column.id] = newValue }
    }
}

/// A row's figures as one line of text, so that each graduate's row can be kept between changes
/// and read back in one column: for each column its id, value, tag and notes, apart by control
/// characters, which no text Onward accepts can hold.
extension DashboardRow {
    private static let entry: UInt8 = 0x1D
    private static let field: UInt8 = 0x1F
    private static let item: UInt8 = 0x1E

    /// The line of `columns`' figures; a column with none is written empty, so that a line read
    /// back says it was made with the same columns.
    public func kept(_ columns: [DashboardColumn]) -> String {
        let (entry, field, item) = (String(UnicodeScalar(Self.entry)), String(UnicodeScalar(Self.field)), String(UnicodeScalar(Self.item)))
        return columns.map { column in
            guard let figure = figures[column.id] else { return column.id }
            return [column.id, String(figure.value), figure.tag ?? "", figure.notes.joined(separator: item)].joined(separator: field)
        }.joined(separator: entry)
    }

    /// The row `kept(columns)` wrote, nil when the line is not one of exactly these columns
    /// (written before a column was added, say). Read byte by byte: a coach's dashboard reads
    /// hundreds of them on every visit.
    public init?(id: String, name: String, kept line: String, columns: [DashboardColumn]) {
        self.init(id: id, name: name)
        let entries = line.utf8.split(separator: Self.entry, omittingEmptySubsequences: false)
        guard entries.count == columns.count else { return nil }
        for (column, entry) in zip(columns, entries) {
            let parts = entry.split(separator: Self.field, maxSplits: 3, omittingEmptySubsequences: false)
            guard parts[0].elementsEqual(column.id.utf8) else { return nil }
            if parts.count == 1 { continue }
            guard parts.count == 4, let value = Self.number(parts[1]) else { return nil }
            let notes = parts[3].isEmpty ? [] : parts[3].split(separator: Self.item, omittingEmptySubsequences: false).map { String(Substring($0)) }
            figures[column.id] = DashboardFigure(value, tag: parts[2].isEmpty ? nil : String(Substring(parts[2])), notes: notes)
        }
    }

    /// A whole number written in decimal digits, nil for anything else (or more than 18 digits).
    private static func number(_ digits: Substring.UTF8View) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

/// How the dashboard is sorted and filtered, as read from its address (`?sort=mood&order=asc&show=low_mood&q=ama`).
/// Anything unknown falls back to the default: everyone, sorted by the first column.
public struct DashboardQuery: Equatable, Sendable {
    public var sort: DashboardColumn
    public var order: DashboardColumn.Order
    /// Nil for everyone.
    public var filter: DashboardFilter?
    /// Part of a name, matched without regard to case or accents.
    public var search: String

    public init(sort: DashboardColumn, order: DashboardColumn.Order? = nil, filter: DashboardFilter? = nil, search: String = "") {
        self.sort = sort
        self.order = order ?? sort.firstOrder
        self.filter = filter
        self.search = search
    }

    /// The longest search kept.
    public static let searchLimit = 100
    /// The filter's name for everyone.
    public static let everyone = "everyone"

    /// The query an address asks for, among `columns` (the name's aside); by default sorted by the first of them.
    public init(columns: [DashboardColumn], sort: String?, order: String?, show: String?, search: String?) {
        let column = columns.first { $0.id == sort } ?? (sort == DashboardColumn.name.id ? .name : columns.first ?? .name)
        let text = (search ?? "").trimmed
        self.init(sort: column, order: order.flatMap { DashboardColumn.Order(rawValue: $0) },
                  filter: columns.lazy.flatMap(\.filters).first { $0.id == show },
                  search: text.unicodeScalars.contains(where: TextRules.isRefused) ? "" : String(text.prefix(Self.searchLimit)))
    }

    public static func == (a: DashboardQuery, b: DashboardQuery) -> Bool {
        a.sort.id == b.sort.id && a.order == b.order && a.filter?.id == b.filter?.id && a.search == b.search
    }

    /// The rows shown: those the filter and the search admit, in order. Ties, and the rows that
    /// have no figure in the column sorted on (no mood yet, no meeting), go by name; those
    /// without a figure come last whichever the order.
    public func arrange(_ rows: [DashboardRow], today: LocalDate) -> [DashboardRow] {
        let needle = search.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let shown = rows.filter { row in
            (filter?.admits(row, today: today) ?? true)
                && (needle.isEmpty || row.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(needle))
        }
        // Each row's sort key and lowercased name, worked out once rather than in every comparison
        // (a dictionary lookup and a new string each time, hundreds of rows on every visit).
        let byName = sort.id == DashboardColumn.name.id
        let keyed = shown.map { row in (row: row, name: row.name.lowercased(), key: byName ? nil : row.figure(sort)?.value) }
        return keyed.sorted { a, b in
            if byName && a.name != b.name { return order == .ascending ? a.name < b.name : a.name > b.name }
            switch (a.key, b.key) {
            case (nil, nil): break
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?) where x != y: return order == .ascending ? x < y : x > y
            default: break
            }
            return a.name != b.name ? a.name < b.name : a.row.id < b.row.id
        }.map(\.row)
    }
}

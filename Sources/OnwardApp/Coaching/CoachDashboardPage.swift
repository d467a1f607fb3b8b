import Foundation
import OnwardCore

/// The coach's dashboard: one line per graduate (status with why, standup streak and today's
/// mood, the last 7 days' applications and interviews, open support requests, waiting
/// submissions, overdue recommendations, the next ILP meeting), each column a link that sorts by
/// it, and a filter on any column.
struct CoachDashboardPage: PageView {
    /// A graduate's line, as it prints: a cell for each column.
    struct Line {
        let url: Href
        let name: String
        let cells: [DashboardCell]
    }

    /// What waits on the coach across all their graduates: "3 open requests", with the filter
    /// that shows who.
    struct Waiting {
        let text: String
        let url: Href
    }

    let columns: [DashboardColumn]
    let query: DashboardQuery
    /// Graduates in all, before the filter.
    let total: Int
    let rows: [Line]
    let waiting: [Waiting]

    /// The page of `rows` (already arranged by `query`) out of `all`, each figure printed by its
    /// column; what waits summed over `all`.
    init(columns: [ShownDashboardColumn], query: DashboardQuery, all: [DashboardRow], rows: [DashboardRow]) {
        self.columns = columns.map(\.column)
        self.query = query
        total = all.count
        self.rows = rows.map { row in
            Line(url: Href(SiteURL.homes(.person(id: row.id))), name: row.name, cells: columns.map { $0.cell(row.figure($0.column)) })
        }
        waiting = columns.compactMap { shown in
            guard let words = shown.waiting, let filter = shown.column.filters.first else { return nil }
            let sum = all.reduce(0) { $0 + (($1.figure(shown.column)?.value) ?? 0) }
            guard sum > 0 else { return nil }
            return Waiting(text: Wording.count(sum, words.singular, words.plural),
                           url: Self.link(DashboardQuery(sort: shown.column, order: shown.column.firstOrder, filter: filter)))
        }
    }

    var title: String { "Dashboard" }

    /// The dashboard's address with `query`.
    static func link(_ query: DashboardQuery) -> Href {
        var items = URLComponents()
        items.queryItems = [("sort", query.sort.id), ("order", query.order.rawValue), ("show", query.filter?.id), ("q", query.search.isEmpty ? nil : query.search)]
            .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        // A "+" reads back as a space in a query: it is sent encoded.
        return Href(.coaching(.dashboard), query: (items.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
    }

    func content(_ h: HTML) {
        h.h1("Dashboard")
        h.p("Each of your graduates on one line. Choose a column's heading to sort by it; choose it again to turn the order round.", .class("lede"))
        if !waiting.isEmpty {
            h.p(.class("waiting"), .role("note")) {
                h.strong("Waiting on you: ")
                for (index, item) in waiting.enumerated() {
                    if index > 0 { h.text(" · ") }
                    h.a(item.text, .href(item.url))
                }
            }
        }
        filters(h)
        h.p(rows.count == total ? Wording.count(total, "graduate") + "." : "\(rows.count) of \(total) graduates.", .class("hint"), .role("status"))
        if rows.isEmpty {
            h.p(total == 0 ? "No graduates are assigned to you yet." : "Nobody matches this filter.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table(.class("dashboard")) {
                h.element("caption", [.class("visually-hidden")], text: "Your graduates, sorted by \(query.sort.title.lowercased())")
                h.thead {
                    h.tr { for column in [.name] + columns { heading(column, h) } }
                }
                h.tbody {
                    for row in rows { line(row, h) }
                }
            }
        }
    }

    private func filters(_ h: HTML) {
        h.form(.attr(.method, "get"), .action(Href(SiteURL.coaching(.dashboard))), .class("filters"), .role("search"), .ariaLabel("Filter the dashboard")) {
            h.input(.type("hidden"), .name("sort"), .value(query.sort.id))
            h.input(.type("hidden"), .name("order"), .value(query.order.rawValue))
            h.div(.class("field")) {
                h.label("Name", .for("filter-q"))
                h.input(.id("filter-q"), .name("q"), .type("search"), .value(query.search), .attr(.maxlength, String(DashboardQuery.searchLimit)))
            }
            h.div(.class("field")) {
                h.label("Show", .for("filter-show"))
                h.select(.id("filter-show"), .name("show")) {
                    h.option("Everyone", .value(DashboardQuery.everyone), .flag(.selected, query.filter == nil))
                    for column in columns where !column.filters.isEmpty {
                        h.element("optgroup", [.attr(.label, column.title)]) {
                            h.options(column.filters.map { SelectOption(value: $0.id, label: $0.title, selected: $0.id == query.filter?.id) })
                        }
                    }
                }
            }
            h.button("Apply", .type("submit"), .class("button"))
            if query.filter != nil || !query.search.isEmpty {
                h.a("Show everyone", .class("button"), .href(Self.link(DashboardQuery(sort: query.sort, order: query.order))))
            }
        }
    }

    private func heading(_ column: DashboardColumn, _ h: HTML) {
        let current = column.id == query.sort.id
        var next = query
        next.sort = column
        next.order = current ? query.order.reversed : column.firstOrder
        h.th(.attr(.scope, "col"), .attr(.ariaSort, current ? (query.order == .ascending ? "ascending" : "descending") : nil)) {
            h.a(.href(Self.link(next)), .attr(.title, "Sort by " + column.title.lowercased())) {
                h.text(column.heading)
                if current { h.span(query.order == .ascending ? " ▲" : " ▼", .attr(.ariaHidden, "true")) }
            }
        }
    }

    private func line(_ row: Line, _ h: HTML) {
        h.tr {
            h.th(.attr(.scope, "row")) { h.a(row.name, .href(row.url)) }
            for cell in row.cells { self.cell(cell, h) }
        }
    }

    private func cell(_ cell: DashboardCell, _ h: HTML) {
        var classes: [String] = []
        if case .number = cell.look { classes.append("num") }
        if case .badge(let tone) = cell.look { classes.append("status-" + tone) }
        if cell.warning { classes.append("warning-text") }
        h.td(.attr(.`class`, classes.isEmpty ? nil : classes.joined(separator: " "))) {
            if case .badge = cell.look {
                h.span(cell.text, .class("state-badge"))
            } else if let link = cell.link {
                h.a(cell.text, .href(Href(link)))
            } else {
                h.text(cell.text)
            }
            if let note = cell.note { h.p(note, .class("hint missing")) }
        }
    }
}

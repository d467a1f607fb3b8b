import Foundation
import OnwardCore

/// The coach's dashboard: one line per graduate (status with why, standup streak and today's
/// mood, the last 7 days' applications and interviews, open support requests, waiting
/// submissions, overdue recommendations, the next ILP meeting), each column a link that sorts by
/// it, and a filter on any column.
struct CoachDashboardPage: PageView {
    /// A graduate's line, as it prints.
    struct Line {
        let url: String
        let name: String
        let statusName: String
        let statusTitle: String
        let missing: [String]
        let streak: String
        let mood: String
        let moodIsLow: Bool
        let applications: Int
        let interviews: Int
        let requests: Int
        let submissions: Int
        let overdue: Int
        let meeting: String

        init(_ row: DashboardRow) {
            url = SiteURL.homes(.person(id: row.id)).path
            name = row.name
            statusName = row.status?.rawValue ?? "none"
            statusTitle = row.status?.title ?? "No programme"
            missing = row.missing
            streak = row.standupStreak >= StandupRules.streakCap ? "\(StandupRules.streakCap)+ days"
                : row.standupStreak == 1 ? "1 day" : "\(row.standupStreak) days"
            mood = row.moodToday.map { "\($0) of 5" } ?? "not yet"
            moodIsLow = row.moodToday.map { $0 < DashboardFilter.lowMoodBelow } ?? false
            applications = row.applicationsLast7Days
            interviews = row.interviewsLast7Days
            requests = row.openRequests
            submissions = row.waitingSubmissions
            overdue = row.overdueRecommendations
            meeting = row.nextMeeting?.display ?? "none"
        }
    }

    let query: DashboardQuery
    /// Graduates in all, before the filter.
    let total: Int
    let rows: [Line]

    var title: String { "Dashboard" }

    /// The dashboard's address with `query`.
    static func link(_ query: DashboardQuery) -> String {
        var items = URLComponents()
        items.queryItems = [("sort", query.sort.rawValue), ("order", query.order.rawValue),
                            ("show", query.filter == .everyone ? nil : query.filter.rawValue), ("q", query.search.isEmpty ? nil : query.search)]
            .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        // A "+" reads back as a space in a query: it is sent encoded.
        return SiteURL.coaching(.dashboard).path + "?" + (items.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    func content(_ h: HTML) {
        h.h1("Dashboard")
        h.p("Each of your graduates on one line. Choose a column's heading to sort by it; choose it again to turn the order round.", .class("lede"))
        filters(h)
        h.p(rows.count == total ? "\(total) graduate\(total == 1 ? "" : "s")." : "\(rows.count) of \(total) graduates.", .class("hint"), .role("status"))
        if rows.isEmpty {
            h.p(total == 0 ? "No graduates are assigned to you yet." : "Nobody matches this filter.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table(.class("dashboard")) {
                h.element("caption", [.class("visually-hidden")], text: "Your graduates, sorted by \(query.sort.title.lowercased())")
                h.thead {
                    h.tr { for column in DashboardColumn.allCases { heading(column, h) } }
                }
                h.tbody {
                    for row in rows { line(row, h) }
                }
            }
        }
    }

    private func filters(_ h: HTML) {
        h.form(.attr("method", "get"), .action(SiteURL.coaching(.dashboard).path), .class("filters"), .role("search"), .ariaLabel("Filter the dashboard")) {
            h.input(.type("hidden"), .name("sort"), .value(query.sort.rawValue))
            h.input(.type("hidden"), .name("order"), .value(query.order.rawValue))
            h.div(.class("field")) {
                h.label("Name", .for("filter-q"))
                h.input(.id("filter-q"), .name("q"), .type("search"), .value(query.search), .attr("maxlength", String(DashboardQuery.searchLimit)))
            }
            h.div(.class("field")) {
                h.label("Show", .for("filter-show"))
                h.select(.id("filter-show"), .name("show")) {
                    h.option(DashboardFilter.everyone.title, .value(DashboardFilter.everyone.rawValue), .flag("selected", query.filter == .everyone))
                    for column in DashboardColumn.allCases {
                        let filters = DashboardFilter.allCases.filter { $0.column == column }
                        guard !filters.isEmpty else { continue }
                        h.element("optgroup", [.attr("label", column.title)]) {
                            h.options(filters.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == query.filter) })
                        }
                    }
                }
            }
            h.button("Apply", .type("submit"), .class("button"))
            if query.filter != .everyone || !query.search.isEmpty {
                h.a("Show everyone", .class("button"), .href(Self.link(DashboardQuery(sort: query.sort, order: query.order))))
            }
        }
    }

    private func heading(_ column: DashboardColumn, _ h: HTML) {
        let current = column == query.sort
        var next = query
        next.sort = column
        next.order = current ? query.order.reversed : column.firstOrder
        h.th(.attr("scope", "col"), .attr("aria-sort", current ? (query.order == .ascending ? "ascending" : "descending") : nil)) {
            h.a(.href(Self.link(next)), .attr("title", "Sort by " + column.title.lowercased())) {
                h.text(Self.heading(column))
                if current { h.span(query.order == .ascending ? " ▲" : " ▼", .attr("aria-hidden", "true")) }
            }
        }
    }

    /// A column's heading, short enough for ten columns; the filter names it in full.
    static func heading(_ column: DashboardColumn) -> String {
        switch column {
        case .name: "Graduate"
        case .status: "Status"
        case .streak: "Standups in a row"
        case .mood: "Mood today"
        case .applications: "Applied, 7 days"
        case .interviews: "Interviews, 7 days"
        case .requests: "Open requests"
        case .submissions: "To review"
        case .overdue: "Overdue recs."
        case .meeting: "Next ILP meeting"
        }
    }

    private func line(_ row: Line, _ h: HTML) {
        h.tr(.class("status-row status-" + row.statusName)) {
            h.th(.attr("scope", "row")) { h.a(row.name, .href(row.url)) }
            h.td {
                h.span(row.statusTitle, .class("state-badge"))
                if !row.missing.isEmpty { h.p("Missing: " + row.missing.joined(separator: "; "), .class("hint missing")) }
            }
            h.td(row.streak)
            h.td(row.mood, .class(row.moodIsLow ? "warning-text" : "num"))
            h.td(String(row.applications), .class(row.applications == 0 ? "num warning-text" : "num"))
            h.td(String(row.interviews), .class("num"))
            count(row.requests, link: SiteURL.coaching(.supportDesk).path, h)
            count(row.submissions, link: SiteURL.coaching(.reviews).path, h)
            h.td(String(row.overdue), .class(row.overdue > 0 ? "num warning-text" : "num"))
            h.td(row.meeting)
        }
    }

    private func count(_ n: Int, link: String, _ h: HTML) {
        if n == 0 { h.td("0", .class("num")) } else { h.td(.class("num")) { h.a(String(n), .href(link)) } }
    }
}

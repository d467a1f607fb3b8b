import Foundation
import OnwardCore

/// The list of applications: filters, a page of rows, and links to the other pages.
struct ListPage: PageView {
    struct Row {
        let id: String
        let company: String
        let roleTitle: String
        let stage: Stage
        let source: String
        /// The day it was sent, or "—".
        let sent: String
        let nextAction: String
        let due: String?
        let excitement: Int

        init(_ application: JobSearch.ListedApplication) {
            id = application.id.uuidString
            company = application.company
            roleTitle = application.roleTitle
            stage = application.stage
            source = application.source.title
            sent = application.sentOn.map(Formats.day(iso:)) ?? "—"
            nextAction = application.nextAction
            due = application.nextActionDue.map(Formats.day(iso:))
            excitement = application.excitement
        }
    }

    let heading: SearchHeading
    let filter: JobSearch.Filter
    let rows: [Row]
    /// Applications in all, and those the filter lets through.
    let total: Int
    let matching: Int
    let pageNumber: Int
    let pageCount: Int

    static let rowsPerPage = 50

    var title: String { heading.title("Applications", "applications") }

    /// The list's address with this filter, at page `number`.
    func link(page number: Int) -> Href {
        var items = URLComponents()
        items.queryItems = [("stage", filter.stage?.rawValue), ("source", filter.source?.rawValue), ("from", filter.from?.iso), ("to", filter.to?.iso),
                            ("q", filter.text.isEmpty ? nil : filter.text), ("sort", filter.sort.rawValue), ("page", String(number))]
            .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        return heading.list(query: items.percentEncodedQuery ?? "")
    }

    func content(_ h: HTML) {
        h.h1(title)
        heading.actions(h, otherView: ("Board view", heading.boardURL))
        filters(h)
        guard !rows.isEmpty else {
            if filter.isActive {
                h.p("No application matches these filters.", .class("empty"))
            } else {
                h.p("No applications yet." + (heading.canWrite ? " Add the first one, or the jobs on your wishlist." : ""), .class("empty"))
            }
            return
        }
        h.p("\(matching) of " + Wording.count(total, "application") + (pageCount > 1 ? " · page \(pageNumber) of \(pageCount)" : ""), .class("hint"))
        h.div(.class("table-wrap")) {
            h.table {
                h.thead {
                    h.tr { h.th("Company"); h.th("Role"); h.th("Stage"); h.th("Sent"); h.th("Source"); h.th("Next action"); h.th("Excitement") }
                }
                h.tbody {
                    for row in rows {
                        h.tr {
                            h.td { h.a(row.company, .href(Href(SiteURL.jobSearch(.application(id: row.id))))) }
                            h.td(row.roleTitle)
                            h.td { h.span(row.stage.title, .class("stage stage-" + row.stage.rawValue)) }
                            h.td(row.sent)
                            h.td(row.source)
                            h.td {
                                h.text(row.nextAction)
                                if let due = row.due {
                                    h.raw(" ")
                                    h.span("by " + due, .class("hint"))
                                }
                            }
                            h.td { h.span("\(row.excitement)/5", .ariaLabel("\(row.excitement) out of 5")) }
                        }
                    }
                }
            }
        }
        if pageCount > 1 {
            h.nav(.class("pager"), .ariaLabel("Pages")) {
                if pageNumber > 1 { h.a("← Previous", .href(link(page: pageNumber - 1)), .rel("prev")) }
                h.span("Page \(pageNumber) of \(pageCount)")
                if pageNumber < pageCount { h.a("Next →", .href(link(page: pageNumber + 1)), .rel("next")) }
            }
        }
    }

    private func filters(_ h: HTML) {
        h.form(.attr(.method, "get"), .action(heading.listURL), .class("filters"), .role("search"), .ariaLabel("Filter applications")) {
            h.div(.class("field")) {
                h.label("Search", .for("filter-q"))
                h.input(.id("filter-q"), .name("q"), .type("search"), .value(filter.text), .placeholder("company, role, notes"))
            }
            h.div(.class("field")) {
                h.label("Stage", .for("filter-stage"))
                h.select(.id("filter-stage"), .name("stage")) {
                    h.option("Any stage", .value(""))
                    h.options(Stage.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == filter.stage) })
                }
            }
            h.div(.class("field")) {
                h.label("Source", .for("filter-source"))
                h.select(.id("filter-source"), .name("source")) {
                    h.option("Any source", .value(""))
                    h.options(ApplicationSource.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == filter.source) })
                }
            }
            h.div(.class("field")) {
                h.label("Sent from", .for("filter-from"))
                h.input(.id("filter-from"), .name("from"), .type("date"), .value(filter.from?.iso))
            }
            h.div(.class("field")) {
                h.label("Sent until", .for("filter-to"))
                h.input(.id("filter-to"), .name("to"), .type("date"), .value(filter.to?.iso))
            }
            h.div(.class("field")) {
                h.label("Sort by", .for("filter-sort"))
                h.select(.id("filter-sort"), .name("sort")) {
                    h.options(JobSearch.Filter.Sort.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == filter.sort) })
                }
            }
            h.button("Apply", .type("submit"), .class("button"))
            if filter.isActive { h.a("Clear filters", .href(heading.listURL)) }
        }
    }
}

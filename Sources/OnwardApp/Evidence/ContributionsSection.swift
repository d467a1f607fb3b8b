import Foundation
import OnwardCore

/// A graduate's commits: a year of days as GitHub draws them (a square a day, darker for more),
/// this week's count against the target and the weekly average; or, before they link a GitHub
/// login, where to link it.
struct ContributionsSection: HomeSection {
    let calendar: ContributionCalendar?
    let login: String?
    /// Whose they are, on the page about a graduate; nil on their own home.
    var name: String? = nil

    static let cell = 11
    static let gap = 2

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("commits")) {
            h.h2(name.map { "Commits of \($0)" } ?? "Your commits", .id("commits"))
            guard let calendar, let login else {
                h.p { h.text("Link your GitHub login on "); h.a("your profile", .href(Href(SiteURL.accounts(.profile)))); h.text(" to see your commits here, week by week.") }
                return
            }
            let week = Wording.count(calendar.thisWeek, "commit")
            let whose = name == nil ? "you aim at" : "they aim at"
            h.p(calendar.meetsTarget ? "\(week) this week: the \(calendar.target) a week \(whose)." :
                    "\(week) this week, of the \(calendar.target) a week \(whose): a few commits each week is what hiring partners look for.",
                .class(calendar.meetsTarget ? "lede" : "lede warning-text"))
            h.p("Over the last \(ContributionCalendar.averagedWeeks) weeks: \(String(format: "%.1f", calendar.weeklyAverage)) a week on average; \(Wording.count(calendar.total, "commit")) in the year, as github.com/\(login) pushed them.",
                .class("hint"))
            heatmap(h, calendar)
        }
    }

    private func heatmap(_ h: HTML, _ calendar: ContributionCalendar) {
        let step = Self.cell + Self.gap, left = 26, top = 14
        let width = left + calendar.weeks.count * step, height = top + 7 * step
        h.div(.class("chart-box heatmap")) {
            h.element("svg", [.attr(.viewBox, "0 0 \(width) \(height)"), .role("img"), .ariaLabelledBy("commits-title"), .attr(.preserveAspectRatio, "xMinYMin meet")]) {
                h.element("title", [.id("commits-title")], text: "Commits a day over the last year: \(calendar.total) in all")
                for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
                    h.element("text", [.attr(.x, "0"), .attr(.y, String(top + row * step + Self.cell - 1)), .class("tick")], text: name)
                }
                var lastMonth = ""
                for (column, days) in calendar.weeks.enumerated() {
                    let month = String(days[0].date.display.split(separator: " ").dropFirst().first ?? "")
                    if month != lastMonth && column > 0 {
                        h.element("text", [.attr(.x, String(left + column * step)), .attr(.y, "10"), .class("tick")], text: month)
                    }
                    lastMonth = month
                    for (row, day) in days.enumerated() where !day.isFuture {
                        h.element("rect", [.attr(.x, String(left + column * step)), .attr(.y, String(top + row * step)), .attr(.width, String(Self.cell)),
                                           .attr(.height, String(Self.cell)), .class("day level-\(day.level)")]) {
                            h.element("title", [], text: "\(day.date.display): \(Wording.count(day.count, "commit"))")
                        }
                    }
                }
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Vapor

/// What the job search puts on the pages about a graduate: on their home, the figures and a way
/// to add an application; on their page as their coach or an admin sees it, the figures with links
/// to their board and list.
struct JobSearchHomeSections: HomeSectionSource {
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        guard Access.keepsJobSearch(person.viewer) else { return [] }
        let search = JobSearch(req: req)
        let figures = try await search.figures(of: person)
        let toClose = try await search.interviewsAwaitingResult(of: person, limit: InterviewsToCloseSection.shown)
        return [
            InterviewsToCloseSection(toClose, zone: person.timeZone),
            FiguresSection(figures, boardURL: Href(SiteURL.jobSearch(.board)), listURL: Href(SiteURL.jobSearch(.list)), isOwn: true),
        ]
    }

    /// The two 7-day figures, as each graduate's home counts them, and the offers to decide.
    func fillDashboard(_ rows: inout [UUID: DashboardRow], of graduates: [UserModel], db: any Database, now: Date) async throws {
        for (id, figures) in try await JobSearch(db: db, now: now).sevenDayFigures(of: graduates) {
            rows[id]?[JobSearchColumns.applications] = DashboardFigure(figures.applications)
            rows[id]?[JobSearchColumns.interviews] = DashboardFigure(figures.interviews)
            rows[id]?[JobSearchColumns.offers] = DashboardFigure(figures.offers)
        }
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        guard scope.canReadJobSearch else { return [] }
        let person = scope.person
        let figures = try await JobSearch(req: req).figures(of: person)
        let id = person.requireIDString
        return [FiguresSection(figures, boardURL: Href(SiteURL.jobSearch(.personBoard(id: id))), listURL: Href(SiteURL.jobSearch(.personList(id: id))), isOwn: false)]
    }
}

/// The two 7-day figures, the weekly chart and the funnel.
struct FiguresSection: HomeSection {
    struct Step {
        let label: String
        let count: Int
        let rate: String?
    }
    let applicationsLast7Days: Int
    let interviewsLast7Days: Int
    let chart: BarChart?
    let funnel: [Step]
    let medianDaysToFirstResponse: String?
    let boardURL: Href
    let listURL: Href
    /// On the graduate's own home (with a button to add an application), or on their page as
    /// someone else sees it (with links to their board and list).
    let isOwn: Bool

    init(_ figures: JobSearch.Figures, boardURL: Href, listURL: Href, isOwn: Bool) {
        applicationsLast7Days = figures.sevenDays.applicationsLast7Days
        interviewsLast7Days = figures.sevenDays.interviewsLast7Days
        let weeks = figures.weeks.suffix(26)
        chart = weeks.isEmpty ? nil : BarChart(
            title: "Applications and interviews, week by week",
            series: [.init(name: "Applications", cssClass: "series-applications"), .init(name: "Interviews", cssClass: "series-interviews")],
            groups: weeks.map { (Formats.day(iso: $0.weekStarting.iso).replacingOccurrences(of: " \($0.weekStarting.year)", with: ""), [$0.applications, $0.interviews]) },
            id: "weekly-chart")
        let f = figures.funnel
        func percent(_ rate: Double?) -> String? { rate.map { Formats.percent($0) } }
        funnel = [
            Step(label: "Applied", count: f.applied, rate: nil),
            Step(label: "First response", count: f.responded, rate: percent(f.responseRate)),
            Step(label: "Interview", count: f.interviewed, rate: percent(f.interviewRate)),
            Step(label: "Offer", count: f.offered, rate: percent(f.offerRate)),
        ]
        medianDaysToFirstResponse = f.medianDaysToFirstResponse.map { Formats.median($0) }
        self.boardURL = boardURL
        self.listURL = listURL
        self.isOwn = isOwn
    }

    func content(_ h: HTML) {
        if !isOwn {
            h.h2("Job search")
            h.p {
                h.a("Board", .class("button"), .href(boardURL))
                h.raw(" ")
                h.a("Applications", .class("button"), .href(listURL))
            }
        }
        h.section(.class("figures-panel"), .ariaLabelledBy("figures-heading")) {
            h.h2("The last 7 days", .id("figures-heading"))
            h.ul(.class("figures")) {
                figure(applicationsLast7Days, "applications submitted", listURL, h)
                figure(interviewsLast7Days, "interviews", boardURL, h)
            }
            if let chart {
                h.h3("Week by week")
                chart.render(h)
            }
            h.h3("Funnel")
            h.ol(.class("funnel")) {
                for step in funnel {
                    h.li {
                        h.span(String(step.count), .class("funnel-count"))
                        h.raw(" ")
                        h.span(step.label, .class("funnel-label"))
                        if let rate = step.rate {
                            h.raw(" ")
                            h.span(rate + " of the step before", .class("funnel-rate"))
                        }
                    }
                }
            }
            h.p(medianDaysToFirstResponse.map { "Employers took \($0) days (median) to answer a first time." } ?? "No employer has answered yet.", .class("hint"))
        }
        if isOwn {
            h.p { h.a("Add an application", .class("button primary"), .href(Href(SiteURL.jobSearch(.new)))) }
        }
    }

    private func figure(_ value: Int, _ label: String, _ url: Href, _ h: HTML) {
        h.li {
            h.a(.href(url)) {
                h.span(String(value), .class("figure-value"))
                h.raw(" ")
                h.span(label, .class("figure-label"))
            }
        }
    }
}

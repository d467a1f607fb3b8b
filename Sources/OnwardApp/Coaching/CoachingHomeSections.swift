import Fluent
import Foundation
import OnwardCore
import Vapor

/// What coaching puts on the pages about a graduate: on their home, their next ILP meeting and
/// what waits for them (recommendations overdue, replies, submissions sent back); on a coach's
/// home, what waits for the coach; on a graduate's page as their coach sees it, the same in short.
struct CoachingHomeSections: HomeSectionSource {
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        guard Access.followsProgramme(person.viewer) else { return [] }
        let summary = try await CoachingFigures(db: req.db, now: req.now).summary(of: person, eventDays: GraduateCoachingSection.eventDays)
        var section = GraduateCoachingSection()
        section.plan = summary.plan
        section.nextMeeting = summary.nextMeeting.map { $0.display + (summary.coachName.map { " with \($0)" } ?? "") }
        section.overdue = summary.overdue
        section.repliesWaiting = summary.repliesWaiting.map { (Href(.coaching(.supportRequest(id: $0.requestID))), $0.subject, $0.reply) }
        section.sentBack = summary.sentBack
        section.events = summary.events.map { event in
            .init(title: event.title, url: Href(SiteURL.coaching(.event(id: event.id.uuidString))),
                  when: Formats.span(event.startsAt, event.endsAt, zone: person.timeZone), own: event.own)
        }
        return [section]
    }

    func coachSections(for graduates: [UserModel], on req: Request) async throws -> [any HomeSection] {
        let figures = try await CoachingFigures(db: req.db, now: req.now).figures(of: graduates)
        guard !figures.isEmpty else { return [] }
        let byID = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, graduate) } }, uniquingKeysWith: { first, _ in first })
        let soon = req.now.addingTimeInterval(7 * 86_400)
        let meetings = figures.compactMap { id, figures -> (LocalDate, String)? in
            guard let next = figures.nextMeeting, let graduate = byID[id], next <= LocalDate(soon, in: TimeZone(identifier: graduate.timeZone) ?? .gmt) else { return nil }
            return (next, graduate.name)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        let viewer = try req.requireUser()
        let horizon = req.now.addingTimeInterval(Double(GraduateCoachingSection.eventDays) * 86_400)
        let events = try await EventUseCases(req: req).events(for: viewer).upcoming.filter { $0.event.startsAt <= horizon }.map { item in
            CoachCoachingSection.Event(title: item.event.title, url: Href(SiteURL.coaching(.event(id: item.event.requireIDString))),
                                       when: Formats.span(item.event.startsAt, item.event.endsAt, zone: viewer.timeZone), going: item.going)
        }
        return [CoachCoachingSection(
            reviews: figures.values.map(\.waitingSubmissions).reduce(0, +), requests: figures.values.map(\.openRequests).reduce(0, +),
            plansAsked: figures.values.filter(\.askedForPlan).count, meetings: meetings.map { "\($0.0.display) · \($0.1)" }, events: events)]
    }

    /// Open support requests, waiting submissions, overdue recommendations, the next meeting.
    func fillDashboard(_ rows: inout [UUID: DashboardRow], of graduates: [UserModel], db: any Database, now: Date) async throws {
        for (id, figures) in try await CoachingFigures(db: db, now: now).figures(of: graduates) {
            rows[id]?[CoachingColumns.requests] = DashboardFigure(figures.openRequests, notes: figures.standupAsks > 0 ? [CoachingColumns.standupAsks(figures.standupAsks)] : [])
            rows[id]?[CoachingColumns.submissions] = DashboardFigure(figures.waitingSubmissions)
            rows[id]?[CoachingColumns.overdue] = DashboardFigure(figures.overdueRecommendations)
            rows[id]?[CoachingColumns.meeting] = figures.nextMeeting.map(CoachingColumns.figure(meeting:))
        }
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        guard scope.canCoachLearningPlan || scope.canAnswerSupportRequests, !scope.isSelf else { return [] }
        let figures = try await CoachingFigures(db: req.db, now: req.now).figures(of: [scope.person])[scope.person.requireID()] ?? .init()
        return [PersonCoachingSection(figures: figures, showsPlan: scope.canCoachLearningPlan)]
    }
}

/// The graduate's coaching: their next ILP meeting and what waits for them.
struct GraduateCoachingSection: HomeSection {
    var plan: LearningPlanState?
    var nextMeeting: String?
    var overdue: [String] = []
    /// Answers from the careers team waiting for the graduate: each request's subject and the
    /// team's last reply, with a link to answer it.
    var repliesWaiting: [(url: Href, subject: String, reply: String)] = []
    var sentBack: [String] = []
    /// Events in the next two weeks.
    var events: [Event] = []

    struct Event {
        let title: String
        let url: Href
        let when: String
        let own: EventAnswer?
    }

    /// How far ahead the home shows events.
    static let eventDays = 14

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Coaching")) {
            h.h2("Coaching")
            switch plan {
            case .active?: h.p { h.strong("Next ILP meeting: "); h.text(nextMeeting ?? "to be arranged") }
            case .requested?: h.p("You asked for a learning plan; a coach will start it with you.")
            default: h.p { h.text("No learning plan yet. "); h.a("Ask for one", .href(Href(SiteURL.coaching(.plan)))) }
            }
            if !overdue.isEmpty { h.p("Overdue recommendations: " + overdue.joined(separator: "; ") + ".", .class("warning-text")) }
            for waiting in repliesWaiting {
                h.div(.class("reply-waiting")) {
                    h.p { h.strong("A reply to “" + waiting.subject + "”") }
                    if !waiting.reply.isEmpty { h.blockquote(waiting.reply) }
                    h.p { h.a("Answer it", .class("button small"), .href(waiting.url), .ariaLabel("Answer the reply to " + waiting.subject)) }
                }
            }
            if !sentBack.isEmpty { h.p { h.text("Changes asked: " + sentBack.joined(separator: "; ") + ". "); h.a("Your submissions", .href(Href(SiteURL.coaching(.submissions)))) } }
            if !events.isEmpty {
                h.h3("Events in the next \(Self.eventDays) days")
                h.ul {
                    for event in events {
                        h.li {
                            h.a(event.title, .href(event.url))
                            h.text(" · \(event.when) · " + (event.own.map { "you said: \($0.title.lowercased())" } ?? "say whether you are going"))
                        }
                    }
                }
            }
            h.p {
                if plan != nil { h.a("Your learning plan", .href(Href(SiteURL.coaching(.plan)))); h.text(" · ") }
                h.a("Ask for help", .href(Href(SiteURL.coaching(.support))))
                h.text(" · ")
                h.a("Events", .href(Href(SiteURL.coaching(.events))))
            }
        }
    }
}

/// What waits for the coach: reviews, support requests, plans asked for, meetings this week.
struct CoachCoachingSection: HomeSection {
    let reviews: Int
    let requests: Int
    let plansAsked: Int
    /// "Tue 1 Dec 2026 · Amara Okafor", the soonest first.
    let meetings: [String]
    /// Events in the next two weeks, with how many are going.
    var events: [Event] = []

    struct Event {
        let title: String
        let url: Href
        let when: String
        let going: Int
    }

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Coaching")) {
            h.h2("Coaching")
            h.p { h.a("Open the dashboard", .class("button primary"), .href(Href(SiteURL.coaching(.dashboard)))); h.text(" every graduate of yours on one line, to sort and filter.") }
            h.ul {
                h.li { h.a(Wording.count(reviews, "submission") + " waiting for review", .href(Href(SiteURL.coaching(.reviews)))) }
                h.li { h.a(Wording.count(requests, "open support request"), .href(Href(SiteURL.coaching(.supportDesk)))) }
                if plansAsked > 0 { h.li { h.a(Wording.count(plansAsked, "learning plan") + " asked for", .href(Href(SiteURL.coaching(.plans)))) } }
            }
            h.h3("ILP meetings in the next 7 days")
            if meetings.isEmpty { h.p("None due.", .class("empty")) } else { h.ul { for meeting in meetings { h.li(meeting) } } }
            h.h3("Events in the next \(GraduateCoachingSection.eventDays) days")
            if events.isEmpty {
                h.p { h.text("None planned. "); h.a("Hold an event", .href(Href(SiteURL.coaching(.events)))) }
            } else {
                h.ul { for event in events { h.li { h.a(event.title, .href(event.url)); h.text(" · \(event.when) · \(event.going) going") } } }
            }
        }
    }
}

/// A graduate's coaching in short, on their page as their coach sees it.
struct PersonCoachingSection: HomeSection {
    let figures: CoachingFigures.Figures
    let showsPlan: Bool

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Coaching")) {
            h.h2("Coaching")
            h.ul {
                if showsPlan {
                    h.li(figures.nextMeeting.map { "Next ILP meeting: \($0.display)" } ?? (figures.askedForPlan ? "Asked for a learning plan" : "No active learning plan"))
                    if figures.overdueRecommendations > 0 { h.li(Wording.count(figures.overdueRecommendations, "overdue recommendation")) }
                }
                h.li(Wording.count(figures.openRequests, "open support request"))
                h.li(Wording.count(figures.waitingSubmissions, "submission") + " waiting for review")
            }
            h.p {
                if showsPlan { h.a("Learning plans", .href(Href(SiteURL.coaching(.plans)))); h.text(" · ") }
                h.a("Support requests", .href(Href(SiteURL.coaching(.supportDesk))))
            }
        }
    }
}

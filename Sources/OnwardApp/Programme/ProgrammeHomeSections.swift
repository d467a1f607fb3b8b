import Fluent
import Foundation
import OnwardCore
import Vapor

/// What the programme puts on the pages about a graduate: on their home, their status, the
/// standup and today's tasks; on their page as their coach or an admin sees it, their status and
/// what is missing.
struct ProgrammeHomeSections: HomeSectionSource {
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        guard Access.followsProgramme(person.viewer), let standing = try await ProgrammeUseCases(req: req).standing(of: person) else { return [] }
        let open = standing.roadMap.today.filter { $0.activity.kind != .standup && $0.state == .due }.map(\.activity.title)
        return [TodaySection(status: StatusView(standing.status, pauseReason: standing.pauseReason), week: standing.roadMap.week, standupDue: standing.standupTime.description,
                             standupPosted: standing.standupPosted, openTasks: open, dueThisWeek: standing.roadMap.thisWeek.filter { $0.state == .due }.map(\.activity.title))]
    }

    /// The statuses are read off the dashboard's kept lines (worked out again where stale), which
    /// hold each status with what is missing: working out 200 statuses afresh was most of the page.
    func coachSections(for graduates: [UserModel], on req: Request) async throws -> [any HomeSection] {
        let statuses = Dictionary(try await req.dashboardRows().compactMap { row in
            ProgrammeColumns.status(of: row[ProgrammeColumns.status]).map { (row.id, (kind: $0, missing: row[ProgrammeColumns.status]?.notes ?? [])) }
        }, uniquingKeysWith: { first, _ in first })
        guard !statuses.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        for status in statuses.values { counts[status.kind.title, default: 0] += 1 }
        let atRisk = graduates.compactMap { graduate -> AtRiskSection.Row? in
            guard let id = graduate.id, let status = statuses[id.uuidString], status.kind == .atRisk else { return nil }
            return AtRiskSection.Row(name: graduate.name, url: Href(SiteURL.homes(.person(id: id.uuidString))), missing: status.missing)
        }
        let summary = ["Enrolled", "At risk", "Placed", "Paused"].compactMap { title in counts[title].map { "\($0) \(title.lowercased())" } }
        var boards: [AtRiskSection.Board] = []
        for graduate in graduates {
            guard let cohort = graduate.cohort, let id = cohort.id, !boards.contains(where: { $0.name == cohort.name }) else { continue }
            boards.append(.init(name: cohort.name, url: Href(SiteURL.programme(.standupBoard(cohortID: id.uuidString)))))
        }
        return [AtRiskSection(summary: summary.joined(separator: " · "), rows: atRisk, boards: boards)]
    }

    /// The status (with what is missing), the standup streak and today's mood: the statuses'
    /// fixed queries and one read of the last 30 days' standups.
    func fillDashboard(_ rows: inout [UUID: DashboardRow], of graduates: [UserModel], db: any Database, now: Date) async throws {
        let statuses = try await ProgrammeUseCases(db: db, now: now).statuses(of: graduates)
        let standups = try await ProgrammeUseCases(db: db, now: now).standupDays(of: graduates)
        for graduate in graduates {
            guard let id = graduate.id else { continue }
            if let status = statuses[id] {
                rows[id]?[ProgrammeColumns.status] = ProgrammeColumns.figure(status.kind, missing: StatusView(status).missing)
            }
            let today = LocalDate(now, in: TimeZone(identifier: (graduate.$cohort.value ?? nil)?.timeZone ?? graduate.timeZone) ?? .gmt)
            let posted = standups[id] ?? [:]
            rows[id]?[ProgrammeColumns.streak] = DashboardFigure(StandupRules.streak(posted: Set(posted.keys), today: today))
            rows[id]?[ProgrammeColumns.mood] = posted[today].map { DashboardFigure($0) }
        }
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        guard scope.canReadProgramme, let standing = try await ProgrammeUseCases(req: req).standing(of: scope.person) else { return [] }
        let recent = try await StandupModel.query(on: req.db).filter(\.$user.$id == scope.person.requireID()).sort(\.$day, .descending)
            .limit(RecentStandupsSection.shown).all()
        return [
            ProgrammeStatusSection(status: StatusView(standing.status, pauseReason: standing.pauseReason), week: standing.roadMap.week, standupPosted: standing.standupPosted,
                                   programmeURL: scope.canCoachProgramme ? Href(SiteURL.programme(.graduate(id: scope.person.requireIDString))) : nil),
            RecentStandupsSection(recent),
        ]
    }
}

/// The graduate's morning: status, standup, today's tasks, this week's.
struct TodaySection: HomeSection {
    let status: StatusView
    let week: Int
    let standupDue: String
    let standupPosted: Bool
    let openTasks: [String]
    let dueThisWeek: [String]

    func content(_ h: HTML) {
        h.section(.class("card today"), .ariaLabel("Today")) {
            h.h2(week == 0 ? "Before your programme starts" : "Today · week \(week)")
            status.content(h)
            if !openTasks.isEmpty { h.p("Today: " + openTasks.joined(separator: ", ") + ".") }
            if !dueThisWeek.isEmpty { h.p("Due this week: " + dueThisWeek.joined(separator: ", ") + ".") }
            h.p {
                if standupPosted { h.text("Standup posted. ") }
                h.a("Your road map", .href(Href(SiteURL.programme(.roadMap))))
            }
            if !standupPosted {
                h.h3("Today's standup · due at \(standupDue)")
                h.postForm(Href(SiteURL.programme(.standup)), .class("form"), .flag(.novalidate)) {
                    h.input(.type("hidden"), .name("from"), .value("home"))
                    h.standupFields(StandupForm(), errors: .none)
                    h.button("Post standup", .type("submit"), .class("button primary"))
                }
            }
        }
    }
}

/// A graduate's status as their coach or an admin sees it.
struct ProgrammeStatusSection: HomeSection {
    let status: StatusView
    let week: Int
    let standupPosted: Bool
    /// Their goals, records and retrospectives, for their coaches and an admin.
    var programmeURL: Href? = nil

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Programme")) {
            h.h2(week == 0 ? "Programme (starts Monday)" : "Programme · week \(week)")
            status.content(h)
            h.p(standupPosted ? "Standup posted today." : "No standup yet today.")
            if let programmeURL { h.p { h.a("Goals, records and retrospectives", .href(programmeURL)) } }
        }
    }
}

/// On a graduate's page as their coach (or an admin) sees it: their last standups, with mood,
/// concerns and whether they asked for help, so that a question asked three days running shows.
struct RecentStandupsSection: HomeSection {
    struct Post {
        let day: String
        let mood: String
        let today: String
        let concerns: String
        let askedForHelp: Bool
        let late: Bool
    }
    let posts: [Post]
    static let shown = 5

    init(posts: [Post]) {
        self.posts = posts
    }

    init(_ standups: [StandupModel]) {
        posts = standups.map {
            Post(day: Formats.day(iso: $0.day), mood: StandupRules.moodLabel($0.mood), today: $0.today, concerns: $0.blockers, askedForHelp: $0.wantsHelp, late: $0.isLate)
        }
    }

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("recent-standups")) {
            h.h2("Last five standups", .id("recent-standups"))
            if posts.isEmpty {
                h.p("No standup yet.", .class("empty"))
                return
            }
            h.div(.class("table-wrap")) {
                h.table(.class("compact")) {
                    h.thead {
                        h.tr {
                            for heading in ["Day", "Mood", "Today", "Concerns"] { h.th(heading) }
                        }
                    }
                    h.tbody {
                        for post in posts {
                            h.tr {
                                h.th(.attr(.scope, "row")) { h.text(post.day + (post.late ? " (late)" : "")) }
                                h.td(post.mood, .class(post.mood.hasPrefix("1") || post.mood.hasPrefix("2") ? "warning-text" : "num"))
                                h.td(post.today)
                                h.td {
                                    h.text(post.concerns.isEmpty ? "—" : post.concerns)
                                    if post.askedForHelp { h.span(" Asked for help", .class("state-badge")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// On a coach's home: how their graduates stand, and who is at risk with why, first.
struct AtRiskSection: HomeSection {
    struct Row {
        let name: String
        let url: Href
        let missing: [String]
    }
    struct Board {
        let name: String
        let url: Href
    }
    let summary: String
    let rows: [Row]
    var boards: [Board] = []

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Programme")) {
            h.h2("Programme")
            h.p(summary)
            for board in boards { h.p { h.a("Today's standups · " + board.name, .href(board.url)) } }
            if rows.isEmpty {
                h.p("Nobody is at risk: every required activity of the weeks that have ended is done.", .class("empty"))
            } else {
                h.h3("At risk")
                h.ul {
                    for row in rows {
                        h.li {
                            h.a(row.name, .href(row.url))
                            h.text(": missing " + row.missing.joined(separator: "; "))
                        }
                    }
                }
            }
        }
    }
}

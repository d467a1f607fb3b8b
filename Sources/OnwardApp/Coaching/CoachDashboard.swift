import Fluent
import Foundation
import OnwardCore
import Vapor

/// The coach's dashboard: a line for each graduate the viewer coaches (an admin: every graduate),
/// each capability filling its own columns through the sources it is given (the home's), so this
/// folder names none of their types. A fixed number of queries however many graduates.
struct CoachDashboard {
    let sources: [any HomeSectionSource]
    let db: any Database
    let now: Date

    /// The rows of `viewer`'s graduates, unsorted.
    func rows(for viewer: UserModel) async throws -> [DashboardRow] {
        let graduates = try await Policy(db: db).visibleGraduates(for: viewer)
        var rows = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, DashboardRow(id: $0.uuidString, name: graduate.name)) } },
                              uniquingKeysWith: { first, _ in first })
        for source in sources { try await source.fillDashboard(&rows, of: graduates, db: db, now: now) }
        return graduates.compactMap { $0.id.flatMap { rows[$0] } }
    }
}

/// The dashboard on the web: `?sort=`, `&order=`, `&show=` and `&q=` choose what shows.
struct CoachDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(Require(Access.readsCoachDashboard)).get(.coaching(.dashboard), use: dashboard)
    }

    func dashboard(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let query = DashboardQuery(sort: req.query[String.self, at: "sort"], order: req.query[String.self, at: "order"],
                                   show: req.query[String.self, at: "show"], search: req.query[String.self, at: "q"])
        let all = try await CoachDashboard(sources: req.application.homeSectionSources, db: req.db, now: req.now).rows(for: viewer)
        let shown = query.arrange(all, today: viewer.today(at: req.now))
        return req.render(CoachDashboardPage(query: query, total: all.count, rows: shown.map(CoachDashboardPage.Line.init)))
    }
}

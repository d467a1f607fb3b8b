import Fluent
import Foundation
import OnwardCore
import Vapor

/// The dashboard on the web: `?sort=`, `&order=`, `&show=` and `&q=` choose what shows.
struct CoachDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(Require(Access.readsCoachDashboard)).get(.coaching(.dashboard), use: dashboard)
    }

    func dashboard(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let columns = req.application.dashboardColumns
        let query = DashboardQuery(columns: columns.map(\.column), sort: req.query[String.self, at: "sort"], order: req.query[String.self, at: "order"],
                                   show: req.query[String.self, at: "show"], search: req.query[String.self, at: "q"])
        let all = try await CoachDashboard(app: req.application, db: req.db, now: req.now).rows(for: viewer)
        let shown = query.arrange(all, today: viewer.today(at: req.now))
        return req.render(CoachDashboardPage(columns: columns, query: query, all: all, rows: shown))
    }
}

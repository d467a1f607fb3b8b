import Fluent
import Foundation
import OnwardCore
import Vapor

/// The coach's dashboard: a line for each graduate the viewer coaches (an admin: every graduate),
/// each capability filling its own columns through the sources it is given (the home's), so this
/// folder names none of their types. A fixed number of queries however many graduates.
///
/// Each line is kept once worked out (`KeptDashboardRows`) until a write it is made from, or a new
/// day, marks it stale: a visit reads the graduates and their kept lines, and works out only the
/// lines that are stale, all of them in the same fixed number of queries.
struct CoachDashboard {
    let sources: [any HomeSectionSource]
    let db: any Database
    let now: Date

    /// The rows of `viewer`'s graduates, unsorted.
    func rows(for viewer: UserModel) async throws -> [DashboardRow] {
        let graduates = try await Policy(db: db).visibleGraduates(for: viewer)
        let kept = try await KeptDashboardRows.read(graduates.compactMap(\.id), on: db)
        var rows: [UUID: DashboardRow] = [:]
        var stale: [UserModel] = []
        for graduate in graduates {
            guard let id = graduate.id, rows[id] == nil else { continue }
            if let line = kept[id], line.freshFor == KeptDashboardRows.freshFor(graduate, at: now), let text = line.line,
               let row = DashboardRow(id: id.uuidString, name: graduate.name, kept: text) {
                rows[id] = row
            } else {
                rows[id] = DashboardRow(id: id.uuidString, name: graduate.name)
                stale.append(graduate)
            }
        }
        if !stale.isEmpty {
            try await workOut(&rows, of: stale, kept: kept)
        }
        return graduates.compactMap { $0.id.flatMap { rows[$0] } }
    }

    /// Fills the lines of `stale` from every capability and keeps them.
    func workOut(_ rows: inout [UUID: DashboardRow], of stale: [UserModel], kept: [UUID: KeptDashboardRows.Kept]) async throws {
        for source in sources { try await source.fillDashboard(&rows, of: stale, db: db, now: now) }
        let lines = stale.compactMap { graduate in
            graduate.id.flatMap { id in rows[id].map { (id: id, generation: kept[id]?.generation ?? 0, freshFor: KeptDashboardRows.freshFor(graduate, at: now), line: $0.kept) } }
        }
        do {
            try await KeptDashboardRows.keep(lines, on: db)
        } catch {
            // Keeping them is a saving, not the answer: a busy database must not cost the coach their dashboard.
            db.logger.warning("The dashboard's lines were not kept: \(String(reflecting: error))")
        }
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

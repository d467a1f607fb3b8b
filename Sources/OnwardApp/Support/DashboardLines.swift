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
    /// The columns the sources fill, as every kept line lists them.
    let columns: [DashboardColumn]
    let db: any Database
    let now: Date

    init(sources: [any HomeSectionSource], columns: [DashboardColumn], db: any Database, now: Date) {
        (self.sources, self.columns, self.db, self.now) = (sources, columns, db, now)
    }

    /// The dashboard of every capability's sources and columns.
    init(app: Application, db: any Database, now: Date) {
        self.init(sources: app.homeSectionSources, columns: app.dashboardColumns.map(\.column), db: db, now: now)
    }

    /// The rows of `viewer`'s graduates, unsorted: the graduates and their kept lines in one
    /// query, then the stale lines worked out.
    func rows(for viewer: UserModel) async throws -> [DashboardRow] {
        try await read(for: viewer, withGraduates: false).rows
    }

    /// The rows, and the graduates they are of (as `Policy.visibleGraduates` builds them) from the
    /// same read: the coach's home needs both.
    func rowsAndGraduates(for viewer: UserModel) async throws -> (rows: [DashboardRow], graduates: [UserModel]) {
        try await read(for: viewer, withGraduates: true)
    }

    /// Builds the graduates' models only where a line is stale, unless `withGraduates`: the
    /// dashboard lists 200 kept lines and needs no model.
    private func read(for viewer: UserModel, withGraduates: Bool) async throws -> (rows: [DashboardRow], graduates: [UserModel]) {
        var graduates: [UserModel] = []
        let read = try await Policy(db: db).visibleGraduateRows(for: viewer, also: KeptDashboardRows.columns, joining: KeptDashboardRows.join)
        var days = KeptDashboardRows.Days(now: now)
        var rows: [DashboardRow] = []
        rows.reserveCapacity(read.count)
        var stale: [(at: Int, graduate: UserModel, kept: KeptDashboardRows.Kept?, freshFor: String)] = []
        var cohorts: [UUID: CohortModel] = [:]
        for row in read {
            // SQLite hands over the id's text, PostgreSQL a UUID.
            let id = try (try? row.decode(column: "id", as: String.self)).map { $0.uppercased() } ?? row.decode(column: "id", as: UUID.self).uuidString
            let name = try row.decode(column: "name", as: String.self)
            let kept = try KeptDashboardRows.kept(from: row)
            let freshFor = days.freshFor(timeZone: try row.decode(column: "time_zone", as: String.self), cohortTimeZone: try row.decode(column: "cohort_zone", as: String?.self))
            let graduate = withGraduates ? try Policy.graduate(from: row, cohorts: &cohorts) : nil
            if let graduate { graduates.append(graduate) }
            if let kept, kept.freshFor == freshFor, let text = kept.line, let line = DashboardRow(id: id, name: name, kept: text, columns: columns) {
                rows.append(line)
            } else {
                let model: UserModel
                if let graduate { model = graduate } else { model = try Policy.graduate(from: row, cohorts: &cohorts) }
                stale.append((rows.count, model, kept, freshFor))
                rows.append(DashboardRow(id: id, name: name))
            }
        }
        if !stale.isEmpty {
            let worked = try await workOut(stale.map { ($0.graduate, $0.kept, $0.freshFor) })
            for (at, graduate, _, _) in stale { if let id = graduate.id, let row = worked[id] { rows[at] = row } }
        }
        return (rows, graduates)
    }

    /// The lines of `stale` worked out by every capability, and kept.
    func workOut(_ stale: [(graduate: UserModel, kept: KeptDashboardRows.Kept?, freshFor: String)]) async throws -> [UUID: DashboardRow] {
        let graduates = stale.map(\.graduate)
        var rows = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, DashboardRow(id: $0.uuidString, name: graduate.name)) } },
                              uniquingKeysWith: { first, _ in first })
        for source in sources { try await source.fillDashboard(&rows, of: graduates, db: db, now: now) }
        let lines = stale.compactMap { graduate, kept, freshFor in
            graduate.id.flatMap { id in rows[id].map { (id: id, generation: kept?.generation ?? 0, freshFor: freshFor, line: $0.kept(columns)) } }
        }
        do {
            try await KeptDashboardRows.keep(lines, on: db)
        } catch {
            // Keeping them is a saving, not the answer: a busy database must not cost the coach their dashboard.
            db.logger.warning("The dashboard's lines were not kept: \(String(reflecting: error))")
        }
        return rows
    }
}

extension Request {
    private struct KeptDashboardRowsKey: StorageKey {
        typealias Value = [DashboardRow]
    }

    /// The signed-in viewer's dashboard rows (`CoachDashboard.rows(for:)`, stale lines worked out
    /// and kept), read once for the request: the coach's home has several sections that read them.
    func dashboardRows() async throws -> [DashboardRow] {
        if let rows = storage[KeptDashboardRowsKey.self] { return rows }
        let rows = try await CoachDashboard(app: application, db: db, now: now).rows(for: requireUser())
        storage[KeptDashboardRowsKey.self] = rows
        return rows
    }

    /// The viewer's graduates (as `Policy.visibleGraduates` builds them), read with their
    /// dashboard rows, which the rest of the request then reads from `dashboardRows()`.
    func graduatesWithDashboardRows() async throws -> [UserModel] {
        let read = try await CoachDashboard(app: application, db: db, now: now).rowsAndGraduates(for: requireUser())
        storage[KeptDashboardRowsKey.self] = read.rows
        return read.graduates
    }
}

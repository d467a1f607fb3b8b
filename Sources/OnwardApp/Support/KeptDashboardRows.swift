import Fluent
import Foundation
import OnwardCore
import SQLKit

/// Each graduate's line of the coach's dashboard, kept in `dashboard_rows` between changes:
/// working out 200 graduates' statuses, streaks and week's figures took about sixteen queries and
/// most of the page's time on every visit.
///
/// A line is made from rows of many capabilities' tables. The migration steps name them, each
/// step its own list as it shipped, and mark the lines stale as every kept figure is
/// (`StaleMarks`). A line holds for the days it was worked out on (`freshFor`: the graduate's and
/// their cohort's); a new day works it out again.
enum KeptDashboardRows {
    static let table = "dashboard_rows"

    typealias Watch = StaleMarks.Watch

    /// How the lines of the tables in `watches` are marked stale: triggers named
    /// `<table>_marks_dashboard_stale_<event>`.
    static func marks(_ watches: [Watch], name: String = "dashboard") -> StaleMarks {
        StaleMarks(kept: table, cleared: "line", name: name, watches: watches)
    }

    /// What is kept of one graduate: the generation it was worked out at, and the line when it
    /// has not been marked stale since.
    struct Kept {
        let generation: Int
        let freshFor: String?
        let line: String?
    }

    /// The days a graduate's line holds for (`freshFor`): theirs and their cohort's, where the
    /// programme's deadlines fall. Today's date in each zone is worked out once: a dashboard of 200
    /// graduates has a handful of zones.
    struct Days {
        let now: Date
        private var isoByZone: [String: String] = [:]

        init(now: Date) { self.now = now }

        mutating func freshFor(timeZone: String, cohortTimeZone: String?) -> String {
            today(in: timeZone) + " " + today(in: cohortTimeZone ?? timeZone)
        }

        private mutating func today(in zone: String) -> String {
            if let iso = isoByZone[zone] { return iso }
            let iso = LocalDate(now, in: TimeZone(identifier: zone) ?? .gmt).iso
            isoByZone[zone] = iso
            return iso
        }
    }

    /// The kept line's columns, to read beside each graduate (`Policy.visibleGraduateRows`).
    static let columns: SQLQueryString = ", d.generation AS kept_generation, d.fresh_for AS kept_fresh_for, d.line AS kept_line"
    static let join: SQLQueryString = " LEFT JOIN \(ident: table) d ON d.user_id = u.id"

    /// What `columns` read of a graduate's kept line; nil when nothing is kept.
    static func kept(from row: any SQLRow) throws -> Kept? {
        guard let generation = try row.decode(column: "kept_generation", as: Int?.self) else { return nil }
        return Kept(generation: generation, freshFor: try row.decode(column: "kept_fresh_for", as: String?.self),
                    line: try row.decode(column: "kept_line", as: String?.self))
    }

    /// The most lines one statement keeps: four values each, well inside SQLite's limit.
    static let linesPerStatement = 2_000

    /// Keeps lines worked out from the data as it was at `generation` (0: no row yet), in one
    /// statement (a few for thousands), each only where no write has moved its generation on since.
    static func keep(_ lines: [(id: UUID, generation: Int, freshFor: String, line: String)], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        // In the ids' order, so that two readers keeping overlapping lines take their rows in the same order.
        let sorted = lines.sorted { $0.id.uuidString < $1.id.uuidString }
        for start in stride(from: 0, to: sorted.count, by: linesPerStatement) {
            let values = SQLList(sorted[start..<min(start + linesPerStatement, sorted.count)].map { line in
                SQLGroupExpression([SQLBind(line.id), SQLBind(line.generation), SQLBind(line.freshFor), SQLBind(line.line)])
            })
            try await sql.raw("""
                INSERT INTO \(ident: table) (user_id, generation, fresh_for, line) VALUES \(values)
                ON CONFLICT (user_id) DO UPDATE SET fresh_for = excluded.fresh_for, line = excluded.line
                WHERE \(ident: table).generation = excluded.generation
                """).run()
        }
    }

    /// The table of kept lines, and the triggers on every table in `watches` that mark them stale.
    struct Create: AsyncMigration {
        let watches: [Watch]

        func prepare(on database: any Database) async throws {
            try await database.schema(KeptDashboardRows.table)
                .field("user_id", .uuid, .identifier(auto: false), .references(UserModel.schema, .id, onDelete: .cascade))
                .field("generation", .int, .required)
                .field("fresh_for", .string)
                .field("line", .string)
                .create()
            try await KeptDashboardRows.marks(watches).create(on: database as! any SQLDatabase)
        }

        func revert(on database: any Database) async throws {
            try await KeptDashboardRows.marks(watches).drop(on: database as! any SQLDatabase)
            try await database.schema(KeptDashboardRows.table).delete()
        }
    }

    /// Triggers on tables the dashboard reads since a later step: each step names its own, and
    /// its triggers after it (`<table>_marks_<name>_stale_<event>`), so that a table watched
    /// before gains a second trigger rather than clashing with the first.
    struct AddWatches: AsyncMigration {
        let name: String
        let watches: [Watch]

        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await KeptDashboardRows.marks(watches, name: name).create(on: sql)
            // Lines kept before read none of these tables: each is worked out again on its next read.
            try await sql.raw("UPDATE \(ident: KeptDashboardRows.table) SET generation = generation + 1, line = NULL").run()
        }

        func revert(on database: any Database) async throws {
            try await KeptDashboardRows.marks(watches, name: name).drop(on: database as! any SQLDatabase)
        }
    }
}

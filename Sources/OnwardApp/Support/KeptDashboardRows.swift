import Fluent
import Foundation
import OnwardCore
import SQLKit

/// Each graduate's line of the coach's dashboard, kept in `dashboard_rows` between changes:
/// working out 200 graduates' statuses, streaks and week's figures took about sixteen queries and
/// most of the page's time on every visit.
///
/// A line is made from rows of many capabilities' tables. The migration steps name them (`Watch`),
/// each step its own list as it shipped, and make them triggers: any write to one of those
/// rows (through the web, the API, the importer, the demo, an admin's SQL) marks the lines of the
/// people it touches stale in the writing transaction, and moves their generation on. A reader
/// keeps what it worked out only if the generation it started from is still there, so a write
/// that lands while it works never leaves a stale line behind. A line holds for the days it was
/// worked out on (`freshFor`: the graduate's and their cohort's); a new day works it out again.
enum KeptDashboardRows {
    static let table = "dashboard_rows"

    /// A table dashboard lines are made from, and whose lines a change to one of its rows touches.
    struct Watch: Sendable {
        let table: String
        /// SQL giving the ids of the people a row touches, the row read as `row` (NEW or OLD).
        let owners: @Sendable (_ row: String) -> String
        /// The columns whose update matters; empty for any.
        var columns: [String] = []
        var events = ["INSERT", "UPDATE", "DELETE"]

        /// A table whose rows are a person's: their id in `column`.
        static func own(_ table: String, by column: String = "user_id") -> Watch {
            Watch(table: table, owners: { row in "SELECT \(row).\(column)" })
        }

        /// A table whose rows belong to a row of `parent` (by `key`), which is a person's.
        static func child(_ table: String, key: String, of parent: String, by column: String = "user_id") -> Watch {
            Watch(table: table, owners: { row in "SELECT p.\(column) FROM \(parent) p WHERE p.id = \(row).\(key)" })
        }

        var triggerName: String { "\(table)_marks_dashboard_stale" }
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

    /// Marks the lines of the people `owners` gives stale: a new row at generation 1 (which no
    /// reader that found none can overwrite), or the generation moved on and the line cleared.
    /// Only people who still exist: deleting a person deletes their rows too. In the ids' order,
    /// as readers keep them, so that a write marking a cohort and a reader keeping its lines take
    /// the rows' locks in one order (on PostgreSQL) and never wait on each other in a ring.
    private static func mark(_ owners: String) -> String {
        """
        INSERT INTO \(table) (user_id, generation) SELECT u.id, 1 FROM \(UserModel.schema) u WHERE u.id IN (\(owners)) ORDER BY u.id
        ON CONFLICT (user_id) DO UPDATE SET generation = \(table).generation + 1, line = NULL
        """
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
            let sql = database as! any SQLDatabase
            for watch in watches {
                let of = watch.columns.isEmpty ? "" : " OF " + watch.columns.joined(separator: ", ")
                if sql.dialect.name == "sqlite" {
                    for event in watch.events {
                        let owners = switch event {
                        case "INSERT": watch.owners("NEW")
                        case "DELETE": watch.owners("OLD")
                        default: watch.owners("OLD") + " UNION " + watch.owners("NEW")
                        }
                        try await sql.raw(SQLQueryString("""
                            CREATE TRIGGER \(unsafeRaw: watch.triggerName)_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event)\(unsafeRaw: event == "UPDATE" ? of : "") ON \(unsafeRaw: watch.table) BEGIN
                              \(unsafeRaw: mark(owners));
                            END
                            """)).run()
                    }
                } else {
                    try await sql.raw(SQLQueryString("""
                        CREATE FUNCTION \(unsafeRaw: watch.triggerName)() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          IF TG_OP = 'INSERT' THEN \(unsafeRaw: mark(watch.owners("NEW")));
                          ELSIF TG_OP = 'DELETE' THEN \(unsafeRaw: mark(watch.owners("OLD")));
                          ELSE \(unsafeRaw: mark(watch.owners("OLD") + " UNION " + watch.owners("NEW")));
                          END IF;
                          RETURN NULL;
                        END $$
                        """)).run()
                    for event in watch.events {
                        try await sql.raw(SQLQueryString("""
                            CREATE TRIGGER \(unsafeRaw: watch.triggerName)_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event)\(unsafeRaw: event == "UPDATE" ? of : "") ON \(unsafeRaw: watch.table)
                            FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: watch.triggerName)()
                            """)).run()
                    }
                }
            }
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for watch in watches {
                for event in watch.events {
                    try await sql.raw(SQLQueryString(sql.dialect.name == "sqlite"
                        ? "DROP TRIGGER \(watch.triggerName)_\(event.lowercased())"
                        : "DROP TRIGGER \(watch.triggerName)_\(event.lowercased()) ON \(watch.table)")).run()
                }
                if sql.dialect.name != "sqlite" {
                    try await sql.raw(SQLQueryString("DROP FUNCTION \(unsafeRaw: watch.triggerName)()")).run()
                }
            }
            try await database.schema(KeptDashboardRows.table).delete()
        }
    }
}

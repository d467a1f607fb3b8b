import Fluent
import SQLKit

/// How figures kept between changes go stale: the one mechanism behind the job search's figures
/// (`job_search_figures`) and the coach's dashboard (`dashboard_rows`).
///
/// A kept table has a row per person (`user_id`), the `generation` it was worked out at, and a
/// column that holds the figures (`cleared`). The tables the figures are made from are watched
/// (`Watch`): triggers, written here for SQLite and for PostgreSQL from this one description,
/// mark the rows of the people a write touches stale in the writing transaction, whatever makes
/// the write (a page, the API, the importer, the demo, an admin's SQL). A reader keeps what it
/// worked out only if the generation it started from is still there, so a write that lands while
/// it works never leaves stale figures behind.
///
/// A migration step that creates marks names its watched tables written out, as they shipped: a
/// table the figures read later is watched by a new step.
struct StaleMarks: Sendable {
    /// A table kept figures are made from, and whose figures a change to one of its rows touches.
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
    }

    /// The table of kept figures.
    let kept: String
    /// Its column that holds the figures, emptied by a mark.
    let cleared: String
    /// What the triggers are called after: `<watched table>_marks_<name>_stale_<event>`.
    let name: String
    let watches: [Watch]

    /// The name of `watch`'s triggers (with `_insert`, `_update`, `_delete`) and, on PostgreSQL, of their function.
    func triggerName(_ watch: Watch) -> String {
        "\(watch.table)_marks_\(name)_stale"
    }

    /// Marks the rows of the people `owners` gives stale: a new row at generation 1 (which no
    /// reader that found none can overwrite), or the generation moved on and the figures cleared.
    /// Only people who still exist: deleting a person deletes their rows too. In the ids' order,
    /// as readers keep them, so that a write marking a cohort and a reader keeping its rows take
    /// the rows' locks in one order (on PostgreSQL) and never wait on each other in a ring.
    private func mark(_ owners: String) -> String {
        """
        INSERT INTO \(kept) (user_id, generation) SELECT u.id, 1 FROM \(UserModel.schema) u WHERE u.id IN (\(owners)) ORDER BY u.id
        ON CONFLICT (user_id) DO UPDATE SET generation = \(kept).generation + 1, \(cleared) = NULL
        """
    }

    /// Creates the triggers on every watched table.
    func create(on sql: any SQLDatabase) async throws {
        for watch in watches {
            let of = watch.columns.isEmpty ? "" : " OF " + watch.columns.joined(separator: ", ")
            let name = triggerName(watch)
            if sql.dialect.name == "sqlite" {
                for event in watch.events {
                    let owners = switch event {
                    case "INSERT": watch.owners("NEW")
                    case "DELETE": watch.owners("OLD")
                    default: watch.owners("OLD") + " UNION " + watch.owners("NEW")
                    }
                    try await sql.raw(SQLQueryString("""
                        CREATE TRIGGER \(unsafeRaw: name)_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event)\(unsafeRaw: event == "UPDATE" ? of : "") ON \(unsafeRaw: watch.table) BEGIN
                          \(unsafeRaw: mark(owners));
                        END
                        """)).run()
                }
            } else {
                try await sql.raw(SQLQueryString("""
                    CREATE FUNCTION \(unsafeRaw: name)() RETURNS trigger LANGUAGE plpgsql AS $$
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
                        CREATE TRIGGER \(unsafeRaw: name)_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event)\(unsafeRaw: event == "UPDATE" ? of : "") ON \(unsafeRaw: watch.table)
                        FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: name)()
                        """)).run()
                }
            }
        }
    }

    /// Drops what `create` made.
    func drop(on sql: any SQLDatabase) async throws {
        for watch in watches {
            let name = triggerName(watch)
            for event in watch.events {
                try await sql.raw(SQLQueryString(sql.dialect.name == "sqlite"
                    ? "DROP TRIGGER \(name)_\(event.lowercased())"
                    : "DROP TRIGGER \(name)_\(event.lowercased()) ON \(watch.table)")).run()
            }
            if sql.dialect.name != "sqlite" {
                try await sql.raw(SQLQueryString("DROP FUNCTION \(unsafeRaw: name)()")).run()
            }
        }
    }
}

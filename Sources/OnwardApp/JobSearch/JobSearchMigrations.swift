import Fluent
import SQLKit

/// Steps of the job search schema (registered in order in `migrations.swift`). A shipped step is never edited.
enum JobSearchMigrations {
    struct CreateApplication: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ApplicationModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("company", .string, .required)
                .field("role_title", .string, .required)
                .field("url", .string)
                .field("location", .string, .required)
                .field("remote", .bool, .required)
                .field("salary_min", .int)
                .field("salary_max", .int)
                .field("source", .string, .required)
                .field("stage", .string, .required)
                .field("next_action", .string, .required)
                .field("next_action_due", .string)
                .field("notes", .string, .required)
                .field("excitement", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await (database as! any SQLDatabase).create(index: "job_applications_user_id_idx").on(ApplicationModel.schema).column("user_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ApplicationModel.schema).delete()
        }
    }

    struct CreateStageMove: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(StageMoveModel.schema)
                .id()
                .field("application_id", .uuid, .required, .references(ApplicationModel.schema, .id, onDelete: .cascade))
                .field("stage", .string, .required)
                .field("on_date", .string, .required)
                .field("position", .int, .required)
                .field("created_at", .datetime)
                .create()
            try await (database as! any SQLDatabase).create(index: "application_moves_application_id_idx").on(StageMoveModel.schema).column("application_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(StageMoveModel.schema).delete()
        }
    }

    struct CreateInterview: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(InterviewModel.schema)
                .id()
                .field("application_id", .uuid, .required, .references(ApplicationModel.schema, .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("scheduled_at", .datetime, .required)
                .field("duration_minutes", .int, .required)
                .field("with_whom", .string, .required)
                .field("outcome", .string, .required)
                .field("feedback", .string, .required)
                .field("feedback_is_technical", .bool, .required)
                .field("created_at", .datetime)
                .create()
            try await (database as! any SQLDatabase).create(index: "interviews_application_id_idx").on(InterviewModel.schema).column("application_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(InterviewModel.schema).delete()
        }
    }

    struct CreateContact: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ContactModel.schema)
                .id()
                .field("application_id", .uuid, .required, .references(ApplicationModel.schema, .id, onDelete: .cascade))
                .field("name", .string, .required)
                .field("role", .string, .required)
                .field("email", .string, .required)
                .field("profile_url", .string, .required)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ContactModel.schema).delete()
        }
    }

    struct CreatePlacement: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(PlacementModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("application_id", .uuid, .references(ApplicationModel.schema, .id, onDelete: .setNull))
                .field("company", .string, .required)
                .field("start_date", .string, .required)
                .field("job_title", .string, .required)
                .field("employment_type", .string, .required)
                .field("in_field", .bool, .required)
                .field("salary", .int, .required)
                .field("corrected_by_id", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(PlacementModel.schema).delete()
        }
    }

    /// The board reads each stage's most exciting applications first: this index hands them
    /// over in that order, so a column costs the cards it shows, not the graduate's whole search.
    struct IndexBoardOrder: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await (database as! any SQLDatabase).raw("""
                CREATE INDEX job_applications_board_idx ON \(ident: ApplicationModel.schema) (user_id, stage, excitement DESC, company, id)
                """).run()
        }

        func revert(on database: any Database) async throws {
            try await (database as! any SQLDatabase).drop(index: "job_applications_board_idx").run()
        }
    }

    /// The list's default order, most recently updated first: read in index order, a page
    /// of 50 no longer sorts all of a graduate's applications first.
    struct IndexListOrder: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await (database as! any SQLDatabase).raw("""
                CREATE INDEX job_applications_updated_idx ON \(ident: ApplicationModel.schema) (user_id, updated_at DESC, id)
                """).run()
        }

        func revert(on database: any Database) async throws {
            try await (database as! any SQLDatabase).drop(index: "job_applications_updated_idx").run()
        }
    }

    /// Where `JobSearch.figures(of:)` keeps a graduate's figures between changes.
    struct CreateFiguresCache: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(JobSearch.figuresTable)
                .field("user_id", .uuid, .identifier(auto: false), .references(UserModel.schema, .id, onDelete: .cascade))
                .field("generation", .int, .required)
                .field("day", .string)
                .field("time_zone", .string)
                .field("figures", .string)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(JobSearch.figuresTable).delete()
        }
    }

    /// One position per move of an application, so two moves written at once cannot both take
    /// the next one. Histories that two racing moves left with a repeated position are numbered
    /// again first, in the order the moves were written.
    struct UniqueMovePosition: AsyncMigration {
        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.raw("""
                UPDATE \(ident: StageMoveModel.schema) SET position = (
                  SELECT numbered.n - 1 FROM (
                    SELECT id, ROW_NUMBER() OVER (PARTITION BY application_id ORDER BY position, created_at, id) AS n FROM \(ident: StageMoveModel.schema)
                  ) numbered WHERE numbered.id = \(ident: StageMoveModel.schema).id)
                WHERE application_id IN (
                  SELECT application_id FROM \(ident: StageMoveModel.schema) GROUP BY application_id, position HAVING COUNT(*) > 1)
                """).run()
            try await sql.create(index: "application_moves_position_idx").unique().on(StageMoveModel.schema).column("application_id").column("position").run()
        }

        func revert(on database: any Database) async throws {
            try await (database as! any SQLDatabase).drop(index: "application_moves_position_idx").run()
        }
    }

    /// The kept figures go stale in the database itself: every write to a graduate's
    /// applications (added or deleted), moves and interviews, whatever makes it (a page, the
    /// API, the importer, the demo, an admin's SQL), moves their row's generation on and clears
    /// the figures, in the writing transaction. Editing an application's details does not touch
    /// the figures, so it does not mark them.
    struct MarkFiguresStaleInTheDatabase: AsyncMigration {
        static let watched: [(table: String, events: [String], user: String)] = [
            (ApplicationModel.schema, ["INSERT", "DELETE"], "user_id"),
            (StageMoveModel.schema, ["INSERT", "UPDATE", "DELETE"], "application_id"),
            (InterviewModel.schema, ["INSERT", "UPDATE", "DELETE"], "application_id"),
        ]

        static func triggerName(_ table: String, _ event: String) -> String {
            "\(table)_\(event.lowercased())_marks_figures_stale"
        }

        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            let figures = JobSearch.figuresTable
            let upsert = "ON CONFLICT (user_id) DO UPDATE SET generation = \(figures).generation + 1, figures = NULL"
            if sql.dialect.name == "sqlite" {
                for (table, events, user) in Self.watched {
                    for event in events {
                        let row = event == "DELETE" ? "OLD" : "NEW"
                        // Only while the graduate still exists: deleting a person deletes their
                        // applications too, and their figures with them.
                        let owner = user == "user_id"
                            ? "SELECT u.id, 1 FROM \(UserModel.schema) u WHERE u.id = \(row).user_id"
                            : "SELECT a.user_id, 1 FROM \(ApplicationModel.schema) a JOIN \(UserModel.schema) u ON u.id = a.user_id WHERE a.id = \(row).application_id"
                        try await sql.raw(SQLQueryString("""
                            CREATE TRIGGER \(unsafeRaw: Self.triggerName(table, event)) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table) BEGIN
                              INSERT INTO \(unsafeRaw: figures) (user_id, generation) \(unsafeRaw: owner) \(unsafeRaw: upsert);
                            END
                            """)).run()
                    }
                }
            } else {
                try await sql.raw(SQLQueryString("""
                    CREATE FUNCTION job_search_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE owner uuid;
                    BEGIN
                      IF TG_TABLE_NAME = '\(unsafeRaw: ApplicationModel.schema)' THEN
                        IF TG_OP = 'DELETE' THEN owner := OLD.user_id; ELSE owner := NEW.user_id; END IF;
                      ELSIF TG_OP = 'DELETE' THEN
                        SELECT user_id INTO owner FROM \(unsafeRaw: ApplicationModel.schema) WHERE id = OLD.application_id;
                      ELSE
                        SELECT user_id INTO owner FROM \(unsafeRaw: ApplicationModel.schema) WHERE id = NEW.application_id;
                      END IF;
                      IF owner IS NOT NULL AND EXISTS (SELECT 1 FROM \(unsafeRaw: UserModel.schema) WHERE id = owner) THEN
                        INSERT INTO \(unsafeRaw: figures) (user_id, generation) VALUES (owner, 1) \(unsafeRaw: upsert);
                      END IF;
                      RETURN NULL;
                    END $$
                    """)).run()
                for (table, events, _) in Self.watched {
                    for event in events {
                        try await sql.raw(SQLQueryString("""
                            CREATE TRIGGER \(unsafeRaw: Self.triggerName(table, event)) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                            FOR EACH ROW EXECUTE FUNCTION job_search_figures_stale()
                            """)).run()
                    }
                }
            }
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for (table, events, _) in Self.watched {
                for event in events {
                    try await sql.raw(SQLQueryString(sql.dialect.name == "sqlite"
                        ? "DROP TRIGGER \(Self.triggerName(table, event))"
                        : "DROP TRIGGER \(Self.triggerName(table, event)) ON \(table)")).run()
                }
            }
            if sql.dialect.name != "sqlite" {
                try await sql.raw("DROP FUNCTION job_search_figures_stale()").run()
            }
        }
    }

    /// The kept figures go stale by the mechanism the coach's dashboard uses (`StaleMarks`), in
    /// place of the triggers of `MarkFiguresStaleInTheDatabase`, which wrote the same rule a second
    /// way for each database. The same writes mark them: an application added or deleted (editing
    /// its details does not touch the figures), and any write to its moves or interviews.
    /// A salary in another currency than the bootcamp's says which (issue: salaries with no
    /// currency); nil keeps the bootcamp's.
    struct AddCurrencyToApplications: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ApplicationModel.schema).field("currency", .string).update()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ApplicationModel.schema).deleteField("currency").update()
        }
    }

    struct MarkFiguresStaleAsTheDashboardDoes: AsyncMigration {
        /// The watched tables as this step shipped, written out.
        static let marks = StaleMarks(kept: JobSearch.figuresTable, cleared: "figures", name: "figures", watches: [
            .init(table: "job_applications", owners: { row in "SELECT \(row).user_id" }, events: ["INSERT", "DELETE"]),
            .child("application_moves", key: "application_id", of: "job_applications"),
            .child("interviews", key: "application_id", of: "job_applications"),
        ])

        func prepare(on database: any Database) async throws {
            try await MarkFiguresStaleInTheDatabase().revert(on: database)
            try await Self.marks.create(on: database as! any SQLDatabase)
        }

        func revert(on database: any Database) async throws {
            try await Self.marks.drop(on: database as! any SQLDatabase)
            try await MarkFiguresStaleInTheDatabase().prepare(on: database)
        }
    }
}

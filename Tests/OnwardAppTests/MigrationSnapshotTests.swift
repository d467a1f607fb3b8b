import Fluent
import FluentKit
import Foundation
import OnwardCore
import SQLKit
import Testing
import Vapor
@testable import OnwardApp

/// A shipped migration step never changes what it does. The schema after every step, as each
/// database describes it, is kept in `Schema/<database>.txt` (what each step added and removed),
/// and a test fails when a step's effect differs from it. After adding a step on purpose, record
/// its effect with `ONWARD_RECORD_SCHEMA=1 swift test --filter MigrationSnapshotTests`, on SQLite
/// and with DATABASE_URL on PostgreSQL, and commit the files: the diff shows the new step alone.
extension AppTests {
    @Suite struct MigrationSnapshotTests {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schema")

        /// Everything a step can make, one line each, sorted: tables, columns, indexes, constraints,
        /// triggers and functions. The migrator's own table is not a step's.
        static func schema(of db: any Database) async throws -> [String] {
            let sql = db as! any SQLDatabase
            func lines(_ query: SQLQueryString, _ line: (any SQLRow) throws -> String) async throws -> [String] {
                try await sql.raw(query).all().map(line)
            }
            func text(_ row: any SQLRow, _ column: String) throws -> String {
                (try row.decode(column: column, as: String?.self) ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            var result: [String]
            if sql.dialect.name == "sqlite" {
                result = try await lines("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name != '_fluent_migrations'") { row in
                    "\(try text(row, "type")) \(try text(row, "name")): \(try text(row, "sql"))"
                }
            } else {
                result = try await lines("""
                    SELECT table_name::text AS t, column_name::text AS c, data_type::text AS d, is_nullable::text AS n, column_default::text AS v
                    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name != '_fluent_migrations'
                    """) { row in
                    "column \(try text(row, "t")).\(try text(row, "c")): \(try text(row, "d")) null=\(try text(row, "n")) default=\(try text(row, "v"))"
                }
                result += try await lines("""
                    SELECT conrelid::regclass::text AS t, conname::text AS c, pg_get_constraintdef(oid) AS d FROM pg_constraint
                    WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text != '_fluent_migrations'
                    """) { row in "constraint \(try text(row, "t")) \(try text(row, "c")): \(try text(row, "d"))" }
                result += try await lines("""
                    SELECT indexname::text AS i, indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename != '_fluent_migrations'
                    """) { row in "index \(try text(row, "i")): \(try text(row, "d"))" }
                result += try await lines("SELECT tgname::text AS t, pg_get_triggerdef(oid) AS d FROM pg_trigger WHERE NOT tgisinternal") { row in
                    "trigger \(try text(row, "t")): \(try text(row, "d"))"
                }
                result += try await lines("SELECT proname::text AS p, prosrc AS s FROM pg_proc WHERE pronamespace = current_schema()::regnamespace") { row in
                    "function \(try text(row, "p")): \(try text(row, "s"))"
                }
            }
            return result.sorted()
        }

        /// Runs every step of the history in order on an empty database, and says what each one
        /// added (+) and removed (-); then reverts them all, last first, back to empty.
        static func effects(on app: Application) async throws -> (text: String, final: [String]) {
            // One connection for every step and every reading: an in-memory SQLite shares its
            // schema between connections lazily, and a step read through another could look undone.
            let db = app.databases.database(logger: app.logger, on: app.eventLoopGroup.next())!
            var before: [String] = []
            var text = ""
            var done = 0
            do {
                for (n, step) in OnwardApp.Migrations.history.enumerated() {
                    try await step.prepare(on: db).get()
                    done = n + 1
                    let after = try await schema(of: db)
                    let added = Set(after).subtracting(before), removed = Set(before).subtracting(after)
                    text += "== \(n + 1) \(step.name)\n" + removed.sorted().map { "- \($0)\n" }.joined() + added.sorted().map { "+ \($0)\n" }.joined()
                    before = after
                }
            } catch {
                // The migrator knows nothing of these steps: undo what ran, or every later test
                // sharing this database (PostgreSQL) would fail on tables left behind.
                for step in OnwardApp.Migrations.history.prefix(done).reversed() { try? await step.revert(on: db).get() }
                throw error
            }
            for step in OnwardApp.Migrations.history.reversed() { try await step.revert(on: db).get() }
            #expect(try await schema(of: db).isEmpty, "reverting every step leaves the database empty")
            return (text, before)
        }

        @Test func every_shipped_step_does_what_it_did_when_it_shipped() async throws {
            try await withApp(migrate: false) { app in
                let dialect = (app.db as! any SQLDatabase).dialect.name
                let file = Self.folder.appendingPathComponent("\(dialect).txt")
                let effects = try await Self.effects(on: app).text
                if ProcessInfo.processInfo.environment["ONWARD_RECORD_SCHEMA"] == "1" {
                    try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                    try effects.write(to: file, atomically: true, encoding: .utf8)
                    return
                }
                guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
                    Issue.record("No recorded schema at \(file.lastPathComponent): run with ONWARD_RECORD_SCHEMA=1 and commit it.")
                    return
                }
                // Name the steps whose effect differs, with both versions.
                func steps(_ text: String) -> [String: String] {
                    Dictionary(text.components(separatedBy: "== ").dropFirst().map { section in
                        (String(section.prefix { $0 != "\n" }), section)
                    }, uniquingKeysWith: { first, _ in first })
                }
                let was = steps(recorded), now = steps(effects)
                let changed = Set(was.keys).union(now.keys).filter { was[$0] != now[$0] }.sorted()
                let report = changed.map { "recorded:\n\(was[$0] ?? "(none)")\nnow:\n\(now[$0] ?? "(none)")" }.joined(separator: "\n")
                #expect(changed.isEmpty, "steps whose effect is not as recorded in \(file.lastPathComponent):\n\(report)")
            }
        }

        /// A database the migrator made with the steps that had shipped at d504167 (everything up
        /// to the dashboard's kept lines), holding people, then upgraded by it with the later ones,
        /// ends with the same schema, triggers included, as a new one made by every step. (That
        /// those first steps still do what they did then is the snapshot test's to prove.)
        @Test func an_upgraded_database_equals_a_new_one() async throws {
            try await withApp(migrate: false) { app in
                let fresh = try await Self.effects(on: app).final
                let shipped = try #require(OnwardApp.Migrations.history.firstIndex { $0.name.hasSuffix("KeptDashboardRows.Create") }) + 1
                let old = FluentKit.Migrations()
                old.add(Array(OnwardApp.Migrations.history.prefix(shipped)))
                let migrator = Migrator(databases: app.databases, migrations: old, logger: app.logger, on: app.eventLoopGroup.any())
                try await migrator.setupIfNeeded().get()
                try await migrator.prepareBatch().get()
                let world = try await World.make(on: app)
                try await app.autoMigrate()
                #expect(try await Self.schema(of: app.db) == fresh)
                #expect(try await UserModel.find(world.graduate.id, on: app.db)?.name == "Grace Graduate", "the people survive the upgrade")
            }
        }

        /// Requests for help raised at standups before the help desk took them over move to it:
        /// the answered one solved with its reply in the thread, the recent unanswered one open, the
        /// one that had left the old queue solved; a standup that asked nothing opens nothing.
        @Test func requests_for_help_move_to_the_desk_with_their_replies() async throws {
            try await withApp(migrate: false) { app in
                let before = try #require(OnwardApp.Migrations.history.firstIndex { $0.name.hasSuffix("AddOriginToSupportRequests") })
                let old = FluentKit.Migrations()
                old.add(Array(OnwardApp.Migrations.history.prefix(before)))
                let migrator = Migrator(databases: app.databases, migrations: old, logger: app.logger, on: app.eventLoopGroup.any())
                try await migrator.setupIfNeeded().get()
                try await migrator.prepareBatch().get()
                let world = try await World.make(on: app)
                let graduate = try world.graduate.requireID()
                // The step reads the day it runs on, not the app's clock.
                let today = LocalDate(Date(), in: .gmt)
                func standup(_ daysAgo: Int, asks: Bool) async throws -> UUID {
                    let standup = StandupModel(userID: graduate, day: today.adding(days: -daysAgo),
                                               draft: StandupDraft(yesterday: "", today: "Apply", blockers: asks ? "Stuck \(daysAgo)" : "", mood: 3, wantsHelp: asks), late: false)
                    try await standup.create(on: app.db)
                    return try standup.requireID()
                }
                let answered = try await standup(3, asks: true), waiting = try await standup(1, asks: true), stale = try await standup(40, asks: true)
                _ = try await standup(2, asks: false)
                let sql = app.db as! any SQLDatabase
                try await sql.raw("""
                    INSERT INTO help_replies (id, standup_id, author_id, body, created_at)
                    VALUES (\(bind: UUID()), \(bind: answered), \(bind: try world.coach.requireID()), 'Thursday at 14:00', \(bind: Date()))
                    """).run()
                try await app.autoMigrate()

                let requests = try await SupportRequestModel.query(on: app.db).all()
                #expect(requests.count == 3)
                let byID = Dictionary(uniqueKeysWithValues: requests.map { ($0.id!, $0) })
                #expect(byID[answered]?.state == .solved && byID[answered]?.firstReplyAt != nil)
                #expect(byID[waiting]?.state == .open && byID[waiting]?.message == "Stuck 1" && byID[waiting]?.originDay == today.adding(days: -1).iso)
                #expect(byID[stale]?.state == .solved && byID[stale]?.firstReplyAt == nil)
                #expect(requests.allSatisfy { $0.origin == .standup && $0.kind == .question && $0.$user.id == graduate })
                #expect(byID[waiting]?.subject == SupportRequestDraft.fromStandup(of: today.adding(days: -1), concerns: "").subject)
                let replies = try await SupportReplyModel.query(on: app.db).all()
                #expect(replies.map(\.body) == ["Thursday at 14:00"] && replies.first?.$request.id == answered)
                #expect(replies.first?.$author.id == world.coach.id)
                // The coach's desk shows the open one.
                let desk = try await SupportUseCases(db: app.db, now: Date()).desk(for: world.coach)
                #expect(desk.open.map { $0.request.id } == [waiting])

                // Undone, the desk no longer holds them, and the old replies are where they were.
                try await app.migrator.revertLastBatch().get()
                #expect(try await SupportRequestModel.query(on: app.db).count() == 0)
                let kept = try await sql.raw("SELECT COUNT(*) AS n FROM help_replies").first()?.decode(column: "n", as: Int.self)
                #expect(kept == 1)
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// A person's data: the export (every capability's lists, no secret, its documented shape) and
/// deleting an account (by its owner or an admin on request), checked table by table on the demo
/// bootcamp: nothing of theirs stays, nothing of anyone else's goes, and shared threads stay
/// whole, signed "a former graduate".
extension AppTests {
    @Suite struct YourDataWebTests {
        static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/export.md").standardized

        @Test func the_documented_shape_is_the_one_the_code_declares() throws {
            let written = YourDataExport.documentation(of: YourDataUseCases.tables.map(\.shape))
            if ProcessInfo.processInfo.environment["ONWARD_RECORD_EXPORT_DOCS"] == "1" {
                try written.write(to: Self.docs, atomically: true, encoding: .utf8)
            }
            #expect(try String(contentsOf: Self.docs, encoding: .utf8) == written, "docs/export.md is written from the declarations: ONWARD_RECORD_EXPORT_DOCS=1 writes it")
            let names = YourDataUseCases.tables.map(\.shape.name)
            #expect(Set(names).count == names.count, "each list has its own name")
        }

        @Test func the_export_holds_every_capability_and_no_secret() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                _ = try await CalendarFeedWebTests.week(app, world)
                let (_, feedToken) = try await CalendarFeedUseCases(db: app.db, now: testNow).start(for: world.graduate)
                let apiToken = try await APITests.token(for: world.graduate, app: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let page = try await grace.get(SiteURL.integrations(.yourData).path)
                #expect(page.status == .ok && page.body.string.contains("Download my data (JSON)") && page.body.string.contains(SiteURL.jobSearch(.exportCSV).path))
                let file = try await grace.get(SiteURL.integrations(.exportData).path)
                #expect(file.status == .ok)
                #expect(file.headers.first(name: .contentDisposition) == "attachment; filename=\"onward-export-2026-11-23.json\"")
                #expect(file.headers.first(name: .cacheControl) == "no-store")
                let text = file.body.string
                for secret in [feedToken, apiToken, world.graduate.passwordHash] {
                    #expect(!text.contains(secret), "no secret is exported")
                }
                struct Document: Decodable {
                    let onward_export: Int
                    let exported_at: String
                    let records: [String: [[String: AnyValue]]]
                }
                let document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
                #expect(document.onward_export == 1 && document.exported_at == "2026-11-23T12:00:00Z")
                #expect(Set(document.records.keys) == Set(YourDataUseCases.tables.map(\.shape.name)), "every list, empty ones too")
                let records = document.records
                #expect(records["account"]?.first?["email"] == .text(world.graduate.email))
                #expect(records["applications"]?.first?["company"] == .text("Acme"))
                #expect(records["interviews"]?.first?["with_whom"] == .text("Sam"))
                #expect(records["interviews"]?.first?["application"] == records["applications"]?.first?["id"], "ids link the lists")
                #expect(records["mock_interviews"]?.first?["practise"] == .text("State, with commas; and semicolons"))
                #expect(records["pairings"]?.first?["partner"] == .text(world.otherGraduate.name))
                #expect(records["peer_sessions"]?.first?["host"] == .text(world.otherGraduate.name))
                #expect(records["event_answers"]?.first?["answer"] == .text("going"))
                #expect(records["learning_plans"]?.first?["coach"] == .text(world.coach.name))
                #expect(records["calendar_feed"]?.count == 1 && records["api_tokens"]?.first?["name"] == .text("test"))
                #expect(records["standups"] == [], "nothing written is an empty list")
                // Nothing of anyone else's: the other graduate's own records are not in it.
                #expect(!text.contains(world.otherGraduate.email))

                // The API answers the same records.
                let api = try await APITests.send(app, .GET, "/api/v1/me/export", token: apiToken)
                #expect(api.status == .ok)
                let fromAPI = try JSONDecoder().decode(Document.self, from: Data(api.body.string.utf8))
                // The same records; only the token's last use moved, as the API used it.
                #expect(fromAPI.records.filter { $0.key != "api_tokens" } == document.records.filter { $0.key != "api_tokens" })
            }
        }

        /// A JSON value of an exported record.
        enum AnyValue: Decodable, Equatable {
            case null, text(String), number(Double), flag(Bool)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() { self = .null } else if let flag = try? container.decode(Bool.self) { self = .flag(flag) } else if let number = try? container.decode(Double.self) {
                    self = .number(number)
                } else { self = .text(try container.decode(String.self)) }
            }
        }

        // MARK: Deletion, table by table

        /// Every row of every table, each value as text (lower case), by table.
        static func snapshot(_ db: any Database) async throws -> [String: [[String: String?]]] {
            let sql = db as! any SQLDatabase
            let postgres = sql.dialect.name == "postgresql"
            let tables = try await sql.raw(postgres
                ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map { try $0.decode(column: "name", as: String.self) }
            var all: [String: [[String: String?]]] = [:]
            for table in tables {
                let columns = try await sql.raw(postgres
                    ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)"
                    : "SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) }
                let list = columns.map { "CAST(\"\($0)\" AS TEXT) AS \"\($0)\"" }.joined(separator: ", ")
                all[table] = try await sql.raw("SELECT \(unsafeRaw: list) FROM \(ident: table)").all().map { row in
                    var values: [String: String?] = [:]
                    for column in columns { values[column] = try row.decode(column: column, as: String?.self)?.lowercased() }
                    return values
                }
            }
            return all
        }

        /// Each foreign key: the table, its column and the table it points at (always at `id`).
        static func foreignKeys(_ db: any Database) async throws -> [(table: String, column: String, points: String)] {
            let sql = db as! any SQLDatabase
            let rows = try await sql.raw(sql.dialect.name == "postgresql" ? """
                SELECT cl.relname AS t, att.attname AS c, ref.relname AS r FROM pg_constraint con
                JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class ref ON ref.oid = con.confrelid
                JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1] WHERE con.contype = 'f'
                """ : """
                SELECT m.name AS t, p."from" AS c, p."table" AS r FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table'
                """).all()
            return try rows.map { (try $0.decode(column: "t", as: String.self), try $0.decode(column: "c", as: String.self), try $0.decode(column: "r", as: String.self)) }
        }

        /// The rows that are `person`'s, by table: their account, every row pointing at one of
        /// theirs through a foreign key, and so on down.
        static func owned(by person: UUID, email: String, in rows: [String: [[String: String?]]], keys: [(table: String, column: String, points: String)]) -> [String: Set<String>] {
            var owned: [String: Set<String>] = ["users": [person.uuidString.lowercased()]]
            // Mail to them, the throttle's count of their sign-ins: theirs by their address.
            for (table, list) in rows {
                for row in list where row.values.contains(where: { $0?.contains(email.lowercased()) == true }) { owned[table, default: []].insert(Self.key(of: row)) }
            }
            var grew = true
            while grew {
                grew = false
                for key in keys {
                    let theirs = owned[key.points] ?? []
                    guard !theirs.isEmpty else { continue }
                    for row in rows[key.table] ?? [] {
                        guard let value = row[key.column] ?? nil, theirs.contains(value) else { continue }
                        let id = Self.key(of: row)
                        if owned[key.table, default: []].insert(id).inserted { grew = true }
                    }
                }
            }
            return owned
        }

        /// A row's identity: its id, or all of it for a table without one.
        static func key(of row: [String: String?]) -> String {
            if let id = row["id"] ?? nil { return id }
            return row.keys.sorted().map { "\($0)=\((row[$0] ?? nil) ?? "∅")" }.joined(separator: ",")
        }

        @Test func a_graduate_who_leaves_takes_everything_of_theirs_and_nothing_of_anyone_elses() async throws {
            try await withApp { app in
                try await DemoBootcamp.seedIfEmpty(app, console: Terminal())
                let amara = try #require(try await UserModel.query(on: app.db).filter(\.$email == "amara.okafor@demo.onward.example").first())
                let amaraID = try amara.requireID()
                // Something of hers in the places the demo leaves empty: a feed and a token.
                let (_, feedToken) = try await CalendarFeedUseCases(db: app.db, now: testNow).start(for: amara)
                let apiToken = try await APITests.token(for: amara, app: app)
                let demo = try await UserModel.query(on: app.db).filter(\.$role == .graduate).filter(\.$id != amaraID).sort(\.$name).first()
                let ben = try #require(demo)
                let before = try await Self.snapshot(app.db)
                let keys = try await Self.foreignKeys(app.db)
                let theirs = Self.owned(by: amaraID, email: amara.email, in: before, keys: keys)
                #expect((theirs["standups"]?.count ?? 0) > 5 && (theirs["job_applications"]?.count ?? 0) > 5 && (theirs["pairings"]?.count ?? 0) > 0,
                        "she has data across the capabilities")
                let pairings = try await PairingModel.query(on: app.db).group(.or) { $0.filter(\.$first.$id == amaraID).filter(\.$second.$id == amaraID) }.all()
                let sharedSessions = try await PeerSeatModel.query(on: app.db).filter(\.$user.$id != amaraID).all(\.$session.$id)

                // Signed in twice; she deletes from one browser, having typed her email again.
                let here = Browser(app), there = Browser(app)
                try await here.signIn(amara, password: DemoBootcamp.password)
                try await there.signIn(amara, password: DemoBootcamp.password)
                let wrong = try await here.post(SiteURL.integrations(.deleteAccount).path, ["email": ben.email])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("nothing was deleted"))
                #expect(try await UserModel.find(amaraID, on: app.db) != nil)
                let done = try await here.post(SiteURL.integrations(.deleteAccount).path, ["email": "  AMARA.OKAFOR@demo.onward.example "])
                #expect(done.status == .seeOther)

                let after = try await Self.snapshot(app.db)
                let id = amaraID.uuidString.lowercased()
                for (table, rows) in after {
                    for row in rows {
                        for (column, value) in row {
                            guard let value else { continue }
                            #expect(!value.contains(id) && !value.contains(amara.email), "\(table).\(column) still names her")
                        }
                    }
                    // Nobody else's is lost: every row that was not hers is still there.
                    let kept = Set(rows.map(Self.key))
                    let lost = (before[table] ?? []).map(Self.key).filter { !kept.contains($0) && !(theirs[table] ?? []).contains($0) }
                    if table != "dashboard_rows" && table != "job_search_figures" {
                        #expect(lost.isEmpty, "\(table) lost rows that were not hers: \(lost.prefix(3))")
                    }
                }
                // The shared threads stay whole, signed by the former account.
                let former = AccountDeletion.formerID(of: .graduate)
                for pairing in pairings {
                    let now = try #require(try await PairingModel.find(pairing.id, on: app.db), "a pairing with her stays for the other")
                    #expect(now.$first.id == former || now.$second.id == former)
                }
                for session in Set(sharedSessions) { #expect(try await PeerSessionModel.find(session, on: app.db) != nil, "a session others joined stays") }
                #expect(try await PeerSeatModel.query(on: app.db).filter(\.$user.$id == former).count() == 0, "her own seats went")
                if let other = pairings.first.map({ $0.$first.id == amaraID ? $0.$second.id : $0.$first.id }), let partner = try await UserModel.find(other, on: app.db) {
                    let browser = Browser(app)
                    try await browser.signIn(partner, password: DemoBootcamp.password)
                    let page = try await browser.get(SiteURL.practice(.pairing).path).body.string
                    #expect(page.contains("a former graduate") && !page.contains(amara.name))
                }

                // Her sessions, tokens and feed end at once; the record keeps no content.
                #expect(try await there.get(SiteURL.integrations(.yourData).path).status == .seeOther, "her other browser is signed out")
                #expect(try await APITests.send(app, .GET, "/api/v1/me", token: apiToken).status == .unauthorized)
                var feed = HTTPStatus.ok
                try await app.testing().test(.GET, SiteURL.integrations(.calendarFeed(token: feedToken + ".ics")).path) { feed = $0.status }
                #expect(feed == .notFound)
                #expect(try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": amara.email, "password": DemoBootcamp.password]).status != .seeOther)
                let record = try #require(try await AccountDeletionModel.query(on: app.db).first())
                #expect(record.role == .graduate && record.byOwner && record.$doneBy.id == nil)
                // The former account is nobody: not listed, cannot sign in.
                let admin = try #require(try await UserModel.query(on: app.db).filter(\.$role == .admin).first())
                let adminBrowser = Browser(app)
                try await adminBrowser.signIn(admin, password: DemoBootcamp.password)
                #expect(!(try await adminBrowser.get(SiteURL.accounts(.people).path).body.string.contains("former graduate")))
                #expect(try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": AccountDeletion.formerEmail(of: .graduate), "password": "!"]).status != .seeOther)
            }
        }

        @Test func an_admin_deletes_a_coach_on_request_and_their_work_stays_with_the_graduates() async throws {
            try await withApp { app in
                try await DemoBootcamp.seedIfEmpty(app, console: Terminal())
                let tom = try #require(try await UserModel.query(on: app.db).filter(\.$email == "coach.tom@demo.onward.example").first())
                let tomID = try tom.requireID()
                let admin = try #require(try await UserModel.query(on: app.db).filter(\.$role == .admin).first())
                let reviews = try await SubmissionReviewModel.query(on: app.db).filter(\.$reviewer.$id == tomID).count()
                let booked = try await MockBookingModel.query(on: app.db).join(MockSlotModel.self, on: \MockBookingModel.$slot.$id == \MockSlotModel.$id)
                    .filter(MockSlotModel.self, \.$coach.$id == tomID).count()
                #expect(booked > 0)
                let users = try await UserModel.query(on: app.db).count()
                let token = try await APITests.token(for: admin, app: app)

                let unknown = try await APITests.send(app, .POST, "/api/v1/account-deletions", token: token, json: #"{"email":"nobody@example.org"}"#)
                #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains(#""field":"email""#))
                let former = try await APITests.send(app, .POST, "/api/v1/account-deletions", token: token, json: #"{"email":"\#(AccountDeletion.formerEmail(of: .graduate))"}"#)
                #expect(former.status == .unprocessableEntity, "a former account is no account to delete")
                let guessed = try await APITests.send(app, .POST, "/api/v1/me/deletion", token: token, json: #"{"email":"\#(admin.email)","password":"a guess"}"#)
                #expect(guessed.status == .unprocessableEntity && guessed.body.string.contains(#""field":"password""#), "a token alone cannot end an account")
                let alone = try await APITests.send(app, .POST, "/api/v1/me/deletion", token: token, json: #"{"email":"\#(admin.email)","password":"\#(DemoBootcamp.password)"}"#)
                #expect(alone.status == .conflict, "the only admin cannot leave: nobody would run the bootcamp")
                #expect(try await UserModel.query(on: app.db).count() == users, "refused, nothing changed")

                let done = try await APITests.send(app, .POST, "/api/v1/account-deletions", token: token, json: #"{"email":"\#(tom.email)"}"#)
                #expect(done.status == .created)
                let answer = try #require(try JSONSerialization.jsonObject(with: Data(done.body.string.utf8)) as? [String: Any])
                #expect(answer["deleted_by"] as? String == admin.name && answer["role"] as? String == "coach" && answer["by_owner"] as? Bool == false)
                #expect(try await UserModel.find(tomID, on: app.db) == nil)
                let formerCoach = AccountDeletion.formerID(of: .coach)
                #expect(try await SubmissionReviewModel.query(on: app.db).filter(\.$reviewer.$id == formerCoach).count() == reviews, "his reviews stay with the graduates")
                #expect(try await MockBookingModel.query(on: app.db).join(MockSlotModel.self, on: \MockBookingModel.$slot.$id == \MockSlotModel.$id)
                    .filter(MockSlotModel.self, \.$coach.$id == formerCoach).count() == booked, "every booked mock interview stays")
                let list = try await APITests.send(app, .GET, "/api/v1/account-deletions", token: token)
                let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as? [String: Any])
                #expect(list.status == .ok && (listed["deletions"] as? [[String: Any]])?.count == 1)
                let browser = Browser(app)
                try await browser.signIn(admin, password: DemoBootcamp.password)
                let page = try await browser.get(SiteURL.integrations(.deletions).path).body.string
                #expect(page.contains("Coach") && page.contains(admin.name) && !page.contains(tom.name), "the record keeps who did it and when, nothing of him")
            }
        }

        @Test func a_coach_who_leaves_calls_off_what_was_to_come_and_is_told_nothing_more() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let week = try await CalendarFeedWebTests.week(app, world)
                let second = UserModel(email: "second.admin@example.org", name: "Second Admin", passwordHash: world.admin.passwordHash, role: .admin, cohortID: nil, timeZone: "UTC")
                try await second.create(on: app.db)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let invalid = try await admin.post(SiteURL.accounts(.invitations).path, ["email": AccountDeletion.formerEmail(of: .coach), "role": "coach"])
                #expect(invalid.status == .unprocessableEntity, "nobody can be invited at a former account's address")
                #expect(try await admin.post(SiteURL.integrations(.deletions).path, ["email": world.coach.email]).status == .seeOther)
                // His mock interview still to come is called off, and his slot is nobody's to book.
                let booking = try #require(try await MockBookingModel.find(week.booking.id, on: app.db))
                #expect(booking.cancelledAt == testNow, "the graduate's booking stays, called off")
                let mock = MockInterviewUseCases(db: app.db, now: testNow)
                #expect(try await mock.openSlots().isEmpty, "a former coach's slot is not open")
                await #expect(throws: Refusal.self) { try await mock.book(week.slot.requireIDString, MockBookingDraft(theme: .frontEnd, practise: ""), by: world.otherGraduate) }
                // The plan he kept stays the graduate's, with no coach; nobody tells the former account anything.
                #expect(try await LearningPlanModel.find(week.plan.id, on: app.db)?.$coach.id == nil)
                try await Capabilities.reads.notifications.notify([AccountDeletion.formerID(of: .coach)], Notice(kind: .slotBooked, text: "x", url: .home), at: testNow, on: app.db)
                #expect(try await NotificationModel.query(on: app.db).filter(\.$user.$id == AccountDeletion.formerID(of: .coach)).count() == 0)
                // An admin deleting their own account here is recorded as its owner's doing, and signed out.
                let own = try await admin.post(SiteURL.integrations(.deletions).path, ["email": world.admin.email])
                #expect(own.status == .seeOther && own.headers.first(name: .location) == "/")
                let records = try await AccountDeletionModel.query(on: app.db).sort(\.$doneAt).all()
                #expect(records.map(\.byOwner) == [false, true] && records.last?.$doneBy.id == nil)
                #expect(try await admin.get(SiteURL.integrations(.deletions).path).status == .seeOther, "signed out")
                let last = Browser(app)
                try await last.signIn(second)
                #expect(try await last.post(SiteURL.integrations(.deleteAccount).path, ["email": second.email]).status == .conflict, "the last admin stays")
            }
        }

        @Test func two_deletions_of_one_account_at_once_delete_it_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                _ = try await CalendarFeedWebTests.week(app, world)
                let uses = YourDataUseCases(db: app.db, now: testNow)
                let email = world.graduate.email
                async let first: Bool = { do { try await uses.deleteAccount(withEmail: email, by: world.admin); return true } catch { return false } }()
                async let second: Bool = { do { try await uses.deleteAccount(withEmail: email, by: world.admin); return true } catch { return false } }()
                let outcomes = await [first, second]
                #expect(outcomes.filter { $0 }.count == 1, "one deletes it; the other finds it gone")
                #expect(try await AccountDeletionModel.query(on: app.db).count() == 1)
                #expect(try await UserModel.find(world.graduate.id, on: app.db) == nil)
                #expect(try await PairingModel.query(on: app.db).count() == 1, "the pairing with the other graduate stays")
            }
        }
    }
}

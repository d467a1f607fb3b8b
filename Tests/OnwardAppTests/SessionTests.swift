import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
@testable import OnwardApp

extension AppTests {
    @Suite struct SessionTests {
        /// A session driver that keeps sessions in memory and records which calls reached it.
        final class RecordingSessions: SessionDriver, @unchecked Sendable {
            let calls = NIOLockedValueBox<[String]>([])
            let stored = NIOLockedValueBox<[String: SessionData]>([:])

            func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
                calls.withLockedValue { $0.append("create") }
                let id = SessionID(string: UUID().uuidString)
                stored.withLockedValue { $0[id.string] = data }
                return request.eventLoop.makeSucceededFuture(id)
            }

            func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
                calls.withLockedValue { $0.append("read") }
                return request.eventLoop.makeSucceededFuture(stored.withLockedValue { $0[sessionID.string] })
            }

            func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
                calls.withLockedValue { $0.append("update") }
                stored.withLockedValue { $0[sessionID.string] = data }
                return request.eventLoop.makeSucceededFuture(sessionID)
            }

            func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
                calls.withLockedValue { $0.append("delete") }
                stored.withLockedValue { $0[sessionID.string] = nil }
                return request.eventLoop.makeSucceededFuture(())
            }
        }

        @Test func a_session_is_written_back_only_when_the_request_changed_it() async throws {
            let app = try await Application.make(.testing)
            do {
                try await Self.checkSkipsUnchangedWrites(app)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }

        static func checkSkipsUnchangedWrites(_ app: Application) async throws {
            let base = RecordingSessions()
            let sessions = ChangedOnlySessions(base: base)
            let id = try await sessions.createSession(SessionData(initialData: ["user": "amara"]), for: Request(application: app, on: app.eventLoopGroup.any())).get()

            // A page view: read, then written back unchanged.
            let view = Request(application: app, on: app.eventLoopGroup.any())
            let read = try await sessions.readSession(id, for: view).get()
            #expect(read?["user"] == "amara")
            _ = try await sessions.updateSession(id, to: read!, for: view).get()
            #expect(base.calls.withLockedValue { $0 } == ["create", "read"])

            // A request that changes it: written.
            let change = Request(application: app, on: app.eventLoopGroup.any())
            var changed = try await sessions.readSession(id, for: change).get()!
            changed["user"] = "bea"
            _ = try await sessions.updateSession(id, to: changed, for: change).get()
            #expect(base.calls.withLockedValue { $0 } == ["create", "read", "read", "update"])
            #expect(base.stored.withLockedValue { $0[id.string]?["user"] } == "bea")

            // A request that never read it (a new session id from elsewhere): written.
            let other = Request(application: app, on: app.eventLoopGroup.any())
            _ = try await sessions.updateSession(id, to: SessionData(initialData: ["user": "cyd"]), for: other).get()
            #expect(base.stored.withLockedValue { $0[id.string]?["user"] } == "cyd")
        }

        /// Signing in gives the browser a new session id and deletes the old session: an id planted
        /// in the browser beforehand (a session fixation) never becomes a signed-in session.
        @Test func signing_in_gives_a_new_session_id() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.otherGraduate)
                let planted = try #require(browser.cookies["onward_session"])
                try await browser.signIn(world.graduate)
                let fresh = try #require(browser.cookies["onward_session"])
                #expect(fresh != planted)
                #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: planted)).count() == 0)
                #expect(try await browser.get(SiteURL.homes(.graduate).path).text.contains(world.graduate.name))
            }
        }

        /// A session cookie that names no session (ended, expired or made up) writes nothing: Vapor
        /// would store an empty session for every such request.
        @Test func a_cookie_that_names_no_session_stores_no_session() async throws {
            try await withApp { app in
                let browser = Browser(app)
                for n in 0..<3 {
                    browser.cookies["onward_session"] = "made-up-\(n)"
                    let page = try await browser.get(SiteURL.accounts(.signIn).path)
                    #expect(page.status == .ok)
                }
                let stored = try await SessionRecord.query(on: app.db).count()
                #expect(stored == 0)
            }
        }

        /// Accepting an invitation signs the newcomer in on a new session id too.
        @Test func accepting_an_invitation_gives_a_new_session_id() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let accounts = Accounts(db: app.db, now: testNow, hashing: app.passwordHashing)
                let sent = try await accounts.invite(email: "newcomer@example.org", role: .graduate, cohortID: world.cohort.id!.uuidString, by: world.admin, link: { $0 })
                let browser = Browser(app)
                // An attacker's session id, planted in the newcomer's browser before they accept.
                try await browser.signIn(world.otherGraduate)
                let planted = try #require(browser.cookies["onward_session"])
                let accepted = try await browser.post(SiteURL.accounts(.invitation(token: sent.link)).path, ["name": "New Comer", "password": "a long enough password", "password_confirmation": "a long enough password"])
                #expect(accepted.status == .seeOther)
                let fresh = try #require(browser.cookies["onward_session"])
                #expect(fresh != planted)
                #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: planted)).count() == 0)
                #expect(try await browser.get(SiteURL.homes(.graduate).path).text.contains("New Comer"))
            }
        }

        /// Changing one's password ends every other session of the person; the one that changed it stays.
        @Test func changing_the_password_ends_the_other_sessions() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let laptop = Browser(app), phone = Browser(app), other = Browser(app)
                try await laptop.signIn(world.graduate)
                try await phone.signIn(world.graduate)
                try await other.signIn(world.otherGraduate)
                let changed = try await laptop.post(SiteURL.accounts(.password).path, ["current_password": World.password, "password": "a brand new password", "password_confirmation": "a brand new password"])
                #expect(changed.status == .seeOther)
                #expect(try await laptop.get(SiteURL.homes(.graduate).path).status == .ok, "the session that changed it stays")
                let away = try await phone.get(SiteURL.homes(.graduate).path)
                #expect(away.status == .seeOther && away.location?.hasPrefix(SiteURL.accounts(.signIn).path) == true, "the other session is ended")
                #expect(try await other.get(SiteURL.homes(.graduate).path).status == .ok, "someone else's session is untouched")
                #expect(try await Browser(app).signIn(world.graduate, password: "a brand new password").location == SiteURL.home.path)
            }
        }

        /// The real app still signs in, keeps the graduate signed in across pages, and signs out.
        @Test func signing_in_lasts_across_pages_and_signing_out_ends_it() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                for _ in 0..<3 {
                    let home = try await browser.get(SiteURL.homes(.graduate).path)
                    #expect(home.status == .ok)
                }
                let cookie = try #require(browser.cookies["onward_session"])
                #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: cookie)).count() == 1)
                try await browser.post(SiteURL.accounts(.signOut).path)
                #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: cookie)).count() == 0)
                let after = try await browser.get(SiteURL.homes(.graduate).path)
                #expect(after.status == .seeOther || after.status == .unauthorized || after.status == .found)
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    @Suite struct AccountsWebTests {
        @Test func healthz_answers_ok_and_readyz_checks_the_database() async throws {
            try await withApp { app in
                try await app.testing().test(.GET, "/healthz") { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string == "ok")
                }
                try await app.testing().test(.GET, "/readyz") { res in
                    #expect(res.status == .ok)
                }
            }
        }

        @Test func every_response_carries_the_security_headers() async throws {
            try await withApp { app in
                let res = try await Browser(app).get("/sign-in")
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("default-src 'self'"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") != nil)
                let missing = try await Browser(app).get("/no-such-page")
                #expect(missing.status == .notFound)
                #expect(missing.headers.first(name: "Content-Security-Policy") != nil)
            }
        }

        @Test func each_role_signs_in_and_lands_on_its_own_home() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let homes: [(UserModel, SiteURL)] = [
                    (world.admin, .accounts(.overview)), (world.graduate, .homes(.graduate)), (world.coach, .homes(.coach)), (world.partner, .homes(.partner)),
                ]
                for (user, home) in homes {
                    let browser = Browser(app)
                    let res = try await browser.signIn(user)
                    #expect(res.status == .seeOther)
                    #expect(res.location == SiteURL.home.path)
                    #expect(try await browser.get(SiteURL.home.path).location == home.path, "the front door sends \(user.role) home")
                    let page = try await browser.get(home.path)
                    #expect(page.status == .ok)
                    #expect(page.text.contains(user.name))
                }
            }
        }

        @Test func navigation_shows_only_the_roles_own_links() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let page = try await graduate.get(SiteURL.homes(.graduate).path)
                #expect(!page.text.contains("href=\"\(SiteURL.accounts(.cohorts).path)\""))
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let adminPage = try await admin.get(SiteURL.accounts(.overview).path)
                #expect(adminPage.text.contains("href=\"\(SiteURL.accounts(.cohorts).path)\""))
            }
        }

        @Test func wrong_password_and_unknown_email_get_the_same_message() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let wrong = try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": "not the password"])
                let unknown = try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": "nobody@example.org", "password": "not the password"])
                #expect(wrong.status == .unauthorized)
                #expect(unknown.status == .unauthorized)
                let message = "That email and password do not match an account."
                #expect(wrong.text.contains(message))
                #expect(unknown.text.contains(message))
                #expect(wrong.text.contains("value=\"\(world.graduate.email)\""), "the email typed is kept")
            }
        }

        @Test func fifth_failure_locks_the_account_for_fifteen_minutes() async throws {
            let clock = MutableClock(testNow)
            try await withApp(clock: clock.clock) { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                for _ in 1...5 {
                    let res = try await browser.post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": "guess"])
                    #expect(res.status == .unauthorized)
                }
                let locked = try await browser.signIn(world.graduate)
                #expect(locked.status == .tooManyRequests)
                #expect(locked.text.contains("Too many failed sign-ins"))
                #expect(locked.headers.first(name: .retryAfter) == "900", "the window began with the first failure, 15 minutes from now")
                clock.advance(by: 15 * 60 + 1)
                // A later failure for anyone drops the counters whose window has ended.
                #expect(try await SignInAttempts(db: app.db, now: testNow).counter(SignInAttempts.account(world.graduate.email)) != nil)
                _ = try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": "someone@example.org", "password": "guess"])
                #expect(try await SignInAttempts(db: app.db, now: testNow).counter(SignInAttempts.account(world.graduate.email)) == nil)
                let after = try await browser.signIn(world.graduate)
                #expect(after.status == .seeOther)
            }
        }

        @Test func a_form_without_the_csrf_token_is_refused_and_changes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let forged = try await browser.post(SiteURL.accounts(.profile).path, ["name": "Forged", "time_zone": "UTC"], csrf: "forged-token")
                #expect(forged.status == .forbidden)
                let stored = try await UserModel.find(world.graduate.id, on: app.db)
                #expect(stored?.name == "Grace Graduate")
            }
        }

        @Test func sign_out_ends_the_session() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let out = try await browser.post(SiteURL.accounts(.signOut).path)
                #expect(out.location == SiteURL.accounts(.signIn).path)
                let home = try await browser.get(SiteURL.homes(.graduate).path)
                #expect(home.status == .seeOther)
                #expect(home.location?.hasPrefix(SiteURL.accounts(.signIn).path) == true)
            }
        }
    }
}

/// A clock a test can move forward.
final class MutableClock: @unchecked Sendable {
    private var now: Date
    private let lock = NSLock()

    init(_ start: Date) {
        now = start
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { now = now.addingTimeInterval(seconds) }
    }

    var clock: Clock {
        Clock { [self] in lock.withLock { now } }
    }
}

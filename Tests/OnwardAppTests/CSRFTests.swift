import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// CSRF tokens are bound to the session (or, before signing in, to the visitor), and renewed at
/// sign-in and sign-out.
extension AppTests {
    @Suite struct CSRFTests {
        static func rename(_ browser: Browser, to name: String, csrf: String? = nil) async throws -> HTTPStatus {
            try await browser.post(SiteURL.accounts(.profile).path, ["name": name, "time_zone": "Europe/London"], csrf: csrf).status
        }

        static func name(of user: UserModel, _ app: Application) async throws -> String? {
            try await UserModel.find(user.requireID(), on: app.db)?.name
        }

        @Test func one_session_keeps_one_token_from_page_to_page() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                try await browser.get(SiteURL.accounts(.profile).path)
                let first = browser.csrf
                try await browser.get(SiteURL.accounts(.tokens).path)
                #expect(!first.isEmpty)
                #expect(browser.csrf == first)
                #expect(try await Self.rename(browser, to: "Grace G.") == .seeOther)
                #expect(try await Self.name(of: world.graduate, app) == "Grace G.")
            }
        }

        @Test func the_token_from_before_signing_in_is_refused_after() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.get(SiteURL.accounts(.signIn).path)
                let beforeSigningIn = browser.csrf
                try await browser.signIn(world.graduate)
                #expect(try await Self.rename(browser, to: "Planted", csrf: beforeSigningIn) == .forbidden)
                #expect(try await Self.name(of: world.graduate, app) == "Grace Graduate")
            }
        }

        @Test func after_signing_out_neither_the_sessions_token_nor_the_visitors_works() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.get(SiteURL.accounts(.signIn).path)
                let visitorBefore = browser.csrf
                let visitorCookie = browser.cookies[CSRF.cookieName]
                try await browser.signIn(world.graduate)
                try await browser.get(SiteURL.accounts(.profile).path)
                let sessionToken = browser.csrf
                #expect(sessionToken != visitorBefore)
                try await browser.post(SiteURL.accounts(.signOut).path)
                #expect(browser.cookies[CSRF.cookieName] != visitorCookie, "signing out gives the browser a new visitor id")
                // The sign-in form, sent with either old token, is refused.
                for old in [visitorBefore, sessionToken] {
                    let answer = try await browser.post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": World.password], csrf: old)
                    #expect(answer.status == .forbidden)
                }
                let again = try await browser.signIn(world.graduate)
                #expect(again.status == .seeOther, "with the new page's token it works")
            }
        }

        @Test func another_sessions_token_is_refused_even_for_the_same_person() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let laptop = Browser(app), phone = Browser(app)
                try await laptop.signIn(world.graduate)
                try await phone.signIn(world.graduate)
                try await phone.get(SiteURL.accounts(.profile).path)
                #expect(try await Self.rename(laptop, to: "From the phone's page", csrf: phone.csrf) == .forbidden)
                #expect(try await Self.name(of: world.graduate, app) == "Grace Graduate")
            }
        }

        @Test func the_visitor_cookie_alone_is_not_the_token() async throws {
            try await withApp { app in
                let browser = Browser(app)
                try await browser.get(SiteURL.accounts(.signIn).path)
                let cookie = try #require(browser.cookies[CSRF.cookieName])
                #expect(cookie != browser.csrf)
                let answer = try await browser.post(SiteURL.accounts(.signIn).path, ["email": "x@example.org", "password": "x"], csrf: cookie)
                #expect(answer.status == .forbidden, "the old double-submit (cookie value as token) no longer passes")
            }
        }

        @Test func the_secret_is_made_once_and_kept_in_the_database() async throws {
            try await withApp { app in
                let first = try await ServerSecret(configured: nil).key(on: app.db)
                let second = try await ServerSecret(configured: nil).key(on: app.db)
                #expect(first == second, "a second instance (or a restart) reads the same key")
                let configured = try await ServerSecret(configured: String(repeating: "k", count: 32)).key(on: app.db)
                #expect(configured != first)
                let binding = CSRF.Binding.session("abc")
                #expect(CSRF.token(for: binding, key: first) == CSRF.token(for: binding, key: second))
                #expect(CSRF.token(for: binding, key: first) != CSRF.token(for: .visitor("abc"), key: first))
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// A name cannot be blank to the eye or read backwards, and staff carry their role beside their
/// name where graduates see them, which no graduate can type into a name of their own.
extension AppTests {
    @Suite struct StaffNameTests {
        static let badge = #"<span class="role-badge">"#

        @Test func an_invisible_or_reversed_name_is_refused_on_web_and_api() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                for name in ["\u{202E}\u{200B}", "\u{200B}\u{2060}", "Grace\u{202E}hcaoc"] {
                    let api = try await APITests.send(app, .PATCH, "/api/v1/me", token: token, json: #"{"name": "\#(name)"}"#)
                    #expect(api.status == .unprocessableEntity)
                    let browser = Browser(app)
                    try await browser.signIn(world.graduate)
                    let web = try await browser.post(SiteURL.accounts(.profile).path, ["name": name, "time_zone": "Europe/London"])
                    #expect(web.status == .unprocessableEntity)
                }
                #expect(try await UserModel.find(world.graduate.requireID(), on: app.db)?.name == "Grace Graduate")
            }
        }

        @Test func staff_carry_their_role_and_a_graduate_calling_themselves_coach_does_not() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                // The admin holds an event for the cohort; the graduate reads who holds it.
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                #expect(try await admin.post(SiteURL.coaching(.events).path, EventWebTests.clinic.merging(["cohort_id": world.cohort.id!.uuidString]) { $1 }).status == .seeOther)
                let event = try #require(try await CoachingEventModel.query(on: app.db).first())
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let eventPage = try await graduate.get(SiteURL.coaching(.event(id: event.requireIDString)).path).text
                #expect(eventPage.contains("held by Ada Admin " + Self.badge + "Admin</span>"))

                // Another graduate names themselves after the coach and hosts a peer session.
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.post(SiteURL.accounts(.profile).path, ["name": "Cora Coach (coach)", "time_zone": "Europe/London"]).status == .seeOther)
                #expect(try await otto.post(SiteURL.practice(.peerSessions).path, PeerSessionWebTests.session).status == .seeOther)
                let session = try #require(try await PeerSessionModel.query(on: app.db).first())
                let sessionPage = try await graduate.get(SiteURL.practice(.peerSession(id: session.requireIDString)).path).text
                #expect(sessionPage.contains("Cora Coach (coach)"))
                let main = try #require(sessionPage.range(of: "<main").map { String(sessionPage[$0.lowerBound...]) })
                #expect(!main.contains(Self.badge), "a graduate's name carries no role, whatever it says")

                // The real coach's comment on the graduate's retrospective carries the badge.
                let retrospective = RetrospectiveModel(userID: try world.graduate.requireID(), week: 1,
                                                       draft: RetrospectiveDraft(wentWell: "A", didNotGoWell: "B", learned: "C", focus: "D", better: .yes),
                                                       figures: RetrospectiveFigures(applications: 1, interviews: 0, standups: 3), writtenOn: LocalDate(year: 2026, month: 11, day: 20)!)
                try await retrospective.create(on: app.db)
                _ = try await CareersTeamUseCases(db: app.db, now: testNow).comment(on: retrospective.requireID().uuidString, "Good week", by: world.coach)
                let retrospectives = try await graduate.get(SiteURL.programme(.retrospectives).path).text
                #expect(retrospectives.contains("<strong>Cora Coach</strong> " + Self.badge + "Coach</span>"))
            }
        }
    }
}

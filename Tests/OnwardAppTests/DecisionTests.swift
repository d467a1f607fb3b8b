import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Five decisions about who reads and does what (issue 28), each named in Core (`Access`,
/// `TokenLifetime`) and held alike on web and API.
extension AppTests {
    @Suite struct DecisionTests {
        static func status(_ app: Application, _ path: String, token: String) async throws -> HTTPStatus {
            try await APITests.send(app, .GET, "/api/v1" + path, token: token).status
        }

        @Test func a_pairing_follows_who_coaches_its_people_even_for_the_coach_who_matched_it() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: world.otherGraduate.requireID()).create(on: app.db)
                let earlier = PairingUseCases(db: app.db, now: testNow.addingTimeInterval(-50 * 3_600))
                let graces = try await earlier.ask(try PairingRequestDraft.validate(
                    topic: "Katas", kinds: ["kata"], windows: .rows([WindowRow(day: "2026-11-26", start: "18:00", end: "19:00")], timeZone: .gmt),
                    now: testNow.addingTimeInterval(-50 * 3_600)), by: world.graduate).request
                let ottos = try await earlier.ask(try PairingRequestDraft.validate(
                    topic: "Katas too", kinds: ["kata"], windows: .rows([WindowRow(day: "2026-11-27", start: "18:00", end: "19:00")], timeZone: .gmt),
                    now: testNow.addingTimeInterval(-50 * 3_600)), by: world.otherGraduate).request
                let pairing = try await PairingUseCases(db: app.db, now: testNow).matchByHand(
                    graces.requireIDString, try HandMatchDraft.validate(partner: "request:\(ottos.requireIDString)", day: "2026-11-26", time: "18:00", timeZone: .gmt, now: testNow),
                    by: world.coach)
                let page = SiteURL.practice(.pairingSession(id: pairing.requireIDString)).path
                let cora = Browser(app), uma = Browser(app)
                try await cora.signIn(world.coach)
                try await uma.signIn(world.unassignedCoach)
                let coraToken = try await APITests.token(for: world.coach, app: app)
                let umaToken = try await APITests.token(for: world.unassignedCoach, app: app)
                #expect(try await cora.get(page).status == .ok)
                #expect(try await Self.status(app, "/pairings/\(pairing.requireIDString)", token: coraToken) == .ok)
                #expect(try await uma.get(page).status == .notFound)
                #expect(try await Self.status(app, "/pairings/\(pairing.requireIDString)", token: umaToken) == .notFound)

                // Uma takes over Otto: she now sees it; Cora, off both, no longer does.
                try await CoachAssignmentModel.query(on: app.db).filter(\.$coach.$id == world.coach.requireID()).delete()
                try await CoachAssignmentModel(coachID: world.unassignedCoach.requireID(), graduateID: world.otherGraduate.requireID()).create(on: app.db)
                #expect(try await cora.get(page).status == .notFound)
                #expect(try await Self.status(app, "/pairings/\(pairing.requireIDString)", token: coraToken) == .notFound)
                #expect(try await uma.get(page).status == .ok)
                #expect(try await Self.status(app, "/pairings/\(pairing.requireIDString)", token: umaToken) == .ok)
            }
        }

        @Test func a_coach_reads_their_own_graduates_answers_to_an_event_and_its_host_reads_all() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let event = try await EventUseCases(db: app.db, now: testNow).create(
                    EventDraft(title: "Panel", description: "Hiring managers", startsAt: testNow.addingTimeInterval(86_400), endsAt: testNow.addingTimeInterval(90_000),
                               link: nil, place: "Room 1", cohortID: nil), by: world.admin)
                for graduate in [world.graduate, world.otherGraduate] {
                    try await EventUseCases(db: app.db, now: testNow).answer(event.requireIDString, .going, by: graduate)
                }
                let path = SiteURL.coaching(.event(id: event.requireIDString)).path
                let cora = Browser(app), admin = Browser(app)
                try await cora.signIn(world.coach)
                try await admin.signIn(world.admin)
                let coraPage = try await cora.get(path).text
                #expect(coraPage.contains("Going (2)") && coraPage.contains("<li>Grace Graduate</li>"))
                #expect(!coraPage.contains("Otto Other"), "Otto is not Cora's graduate")
                #expect(coraPage.contains("And 1 graduate you do not coach."))
                let adminPage = try await admin.get(path).text
                #expect(adminPage.contains("<li>Grace Graduate</li>") && adminPage.contains("<li>Otto Other</li>"))

                let body = try await APITests.send(app, .GET, "/api/v1/events/\(event.requireIDString)", token: try await APITests.token(for: world.coach, app: app)).text
                #expect(body.contains("Grace Graduate") && !body.contains("Otto Other"))
                let all = try await APITests.send(app, .GET, "/api/v1/events/\(event.requireIDString)", token: try await APITests.token(for: world.admin, app: app)).text
                #expect(all.contains("Grace Graduate") && all.contains("Otto Other"))
            }
        }

        @Test func what_was_practised_and_the_link_are_for_those_who_took_part_and_notes_for_their_coaches() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let session = try await PeerSessionUseCases(db: app.db, now: testNow).host(
                    PeerSessionDraft(startsAt: testNow.addingTimeInterval(3_600), minutes: 45, kind: .technical, places: 3, link: "https://meet.example/t"), by: world.graduate)
                try await PeerSessionUseCases(db: app.db, now: testNow.addingTimeInterval(2 * 3_600)).note(session.requireIDString, "Two-sum in Ruby", by: world.graduate)
                let path = SiteURL.practice(.peerSession(id: session.requireIDString)).path
                let otto = Browser(app), grace = Browser(app)
                try await otto.signIn(world.otherGraduate)
                try await grace.signIn(world.graduate)
                let outsider = try await otto.get(path).text
                #expect(outsider.contains("Grace Graduate"), "a cohort-mate sees who comes")
                #expect(!outsider.contains("Two-sum in Ruby") && !outsider.contains("meet.example"))
                let inside = try await grace.get(path).text
                #expect(inside.contains("Two-sum in Ruby") && inside.contains("https://meet.example/t"))

                let api = try await APITests.send(app, .GET, "/api/v1/peer-sessions/\(session.requireIDString)", token: try await APITests.token(for: world.otherGraduate, app: app)).text
                #expect(api.contains("Grace Graduate") && !api.contains("Two-sum in Ruby") && !api.contains("meet.example"))
                let own = try await APITests.send(app, .GET, "/api/v1/peer-sessions/\(session.requireIDString)", token: try await APITests.token(for: world.graduate, app: app)).text
                #expect(own.contains("Two-sum in Ruby"))

                // Grace's coach reads what she practised, not the link, and is offered no place; a
                // coach of nobody in it is told there is no such session.
                let cora = Browser(app), uma = Browser(app)
                try await cora.signIn(world.coach)
                try await uma.signIn(world.unassignedCoach)
                let coachPage = try await cora.get(path).text
                #expect(coachPage.contains("Two-sum in Ruby") && !coachPage.contains("meet.example") && !coachPage.contains("Take a place"))
                #expect(try await uma.get(path).status == .notFound)
                let coachAPI = try await APITests.send(app, .GET, "/api/v1/peer-sessions/\(session.requireIDString)", token: try await APITests.token(for: world.coach, app: app))
                #expect(coachAPI.status == .ok && coachAPI.text.contains("Two-sum in Ruby") && !coachAPI.text.contains("meet.example"))
                #expect(try await APITests.send(app, .GET, "/api/v1/peer-sessions/\(session.requireIDString)", token: try await APITests.token(for: world.unassignedCoach, app: app)).status == .notFound)
            }
        }

        @Test func a_token_lasts_ninety_days_unless_chosen_otherwise_and_no_token_makes_another() async throws {
            let ninetyOneDaysOn = testNow.addingTimeInterval(91 * 86_400)
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let form = try await browser.get(SiteURL.accounts(.tokens).path).text
                #expect(form.contains(#"<option value="90" selected>90 days</option>"#))
                let made = try await browser.post(SiteURL.accounts(.tokens).path, ["name": "laptop"])
                #expect(made.status == .created)
                #expect(made.text.contains("2027-02-21") || made.text.contains("21 Feb 2027"), "the page says when it stops working")
                let forever = try await browser.post(SiteURL.accounts(.tokens).path, ["name": "server", "expires": "never"])
                #expect(forever.status == .created)
                #expect(try await browser.post(SiteURL.accounts(.tokens).path, ["name": "x", "expires": "7"]).status == .unprocessableEntity)
                let tokens = try await APITokenModel.query(on: app.db).sort(\.$name).all()
                #expect(tokens.map(\.name) == ["laptop", "server"])
                #expect(abs((tokens[0].expiresAt ?? .distantPast).timeIntervalSince(testNow.addingTimeInterval(90 * 86_400))) < 1)
                #expect(tokens[1].expiresAt == nil)

                // A token cannot make another: the API has no such operation.
                let token = try await APITests.token(for: world.graduate, app: app)
                let viaAPI = try await APITests.send(app, .POST, "/api/v1/tokens", token: token, json: #"{"name": "minted"}"#)
                #expect(viaAPI.status == .methodNotAllowed)
                #expect(try await APITokenModel.query(on: app.db).count() == 3)
            }
            // Ninety-one days on, a token made with the standard lifetime is refused.
            try await withApp(clock: .fixed(ninetyOneDaysOn)) { app in
                let world = try await World.make(on: app)
                let (_, secret) = try await Accounts(db: app.db, now: testNow, hashing: app.passwordHashing).createToken(for: world.graduate, name: "old")
                #expect(try await APITests.send(app, .GET, "/api/v1/me", token: secret).status == .unauthorized)
                let (_, lasting) = try await Accounts(db: app.db, now: testNow, hashing: app.passwordHashing).createToken(for: world.graduate, name: "kept", lifetime: "never")
                #expect(try await APITests.send(app, .GET, "/api/v1/me", token: lasting).status == .ok)
            }
        }

        @Test func a_submission_that_cannot_change_says_so_before_its_body_is_read() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let reviews = ReviewUseCases(db: app.db, now: testNow)
                let waiting = try await reviews.submit(SubmissionDraft(kind: .jobSearchAnalysis, title: "Week 4", body: "Referrals work", link: nil), for: world.graduate)
                let graduate = try await APITests.token(for: world.graduate, app: app)
                // Waiting for review, resubmitted with an empty title: the state answers.
                let resubmitted = try await APITests.send(app, .POST, "/api/v1/submissions/\(waiting.requireIDString)/rounds", token: graduate, json: #"{"title": " "}"#)
                #expect(resubmitted.status == .conflict)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let web = try await browser.post(SiteURL.coaching(.resubmit(id: waiting.requireIDString)).path, ["title": ""])
                #expect(web.status == .seeOther, "sent back to the submission with why, not shown the form's errors")
                #expect(try await browser.get(try #require(web.location)).text.contains("It is waiting for review already"))
                // Approved, then reviewed again without a verdict: the state answers.
                try await reviews.review(waiting.requireIDString, ReviewDraft(verdict: .approved, comment: ""), by: world.coach)
                let again = try await APITests.send(app, .POST, "/api/v1/submissions/\(waiting.requireIDString)/reviews", token: try await APITests.token(for: world.coach, app: app),
                                                    json: #"{"verdict": "changes_requested", "comment": ""}"#)
                #expect(again.status == .conflict)
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Peer practice sessions: a graduate hosts one, their cohort sees it and joins until it is full
/// (many at once: only as many as there are places), another cohort does not see it, bad input
/// writes nothing, and after the start each notes what they practised.
extension AppTests {
    @Suite struct PeerSessionWebTests {
        static let session = ["kind": "behavioural", "day": "2026-11-24", "time": "09:00", "minutes": "45", "places": "4", "link": "https://meet.example/peer"]

        @Test func a_graduate_hosts_a_session_the_cohort_fills_it_at_once_and_no_more_join_than_there_are_places() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.post(SiteURL.practice(.peerSessions).path, Self.session).status == .seeOther)
                let session = try #require(try await PeerSessionModel.query(on: app.db).first())
                #expect(try await PeerSeatModel.query(on: app.db).count() == 1, "the host has the first place")
                // Otto sees it; eight more of the cohort try to join at the same moment: three places are left.
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.get(SiteURL.practice(.peerSessions).path).text.contains("1 of 4 places taken"))
                var browsers = [otto]
                for i in 0..<7 {
                    let user = try await world.graduate("Peer \(i)", email: "p\(i)@example.org", on: app)
                    let browser = Browser(app)
                    try await browser.signIn(user)
                    browsers.append(browser)
                }
                let join = SiteURL.practice(.joinPeerSession(id: session.requireIDString)).path
                for browser in browsers { _ = try await browser.get(SiteURL.practice(.peerSessions).path) }
                _ = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for browser in browsers { group.addTask { try await browser.post(join).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(try await PeerSeatModel.query(on: app.db).filter(\.$session.$id == session.requireID()).count() == 4)
                let full = try await browsers.last!.get(SiteURL.practice(.peerSessions).path).text
                #expect(full.contains("4 of 4 places taken"))
                // Another cohort's graduate neither sees it nor joins it.
                let winter = CohortModel(draft: try CohortDraft.validate(name: "Winter 2026", courseEndDate: "2026-12-18", timeZone: "Europe/London", standupTime: nil))
                try await winter.create(on: app.db)
                let walt = try await world.graduate("Walt", email: "walt@example.org", cohort: winter, on: app)
                let w = Browser(app)
                try await w.signIn(walt)
                #expect(!(try await w.get(SiteURL.practice(.peerSessions).path).text.contains("Grace Graduate")))
                #expect(try await w.get(SiteURL.practice(.peerSession(id: session.requireIDString)).path).status == .notFound)
                #expect(try await w.post(join).status == .notFound)
            }
        }

        @Test func bad_input_writes_nothing_and_notes_come_after_the_start() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                for (change, message) in [(["places": "1"], "Give from 2 to 12 places"), (["kind": "chat"], "Choose technical or behavioural."),
                                          (["link": ""], "Give the link to join"), (["day": "2026-11-20"], "Set the session in the future."),
                                          (["minutes": "600"], "A session lasts from 15 minutes to 3 hours.")] {
                    let res = try await grace.post(SiteURL.practice(.peerSessions).path, Self.session.merging(change) { $1 })
                    #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(change)")
                }
                #expect(try await PeerSessionModel.query(on: app.db).count() == 0)
                let session = try await PeerSessionUseCases(db: app.db, now: testNow).host(
                    PeerSessionDraft(startsAt: testNow.addingTimeInterval(3_600), minutes: 45, kind: .technical, places: 3, link: "https://meet.example/t"), by: world.graduate)
                await #expect(throws: Refusal.self, "not before it starts") {
                    try await PeerSessionUseCases(db: app.db, now: testNow).note(session.requireIDString, "Two-sum", by: world.graduate)
                }
                let later = PeerSessionUseCases(db: app.db, now: testNow.addingTimeInterval(2 * 3_600))
                await #expect(throws: Refusal.self, "nobody joins once it has started") { try await later.join(session.requireIDString, by: world.otherGraduate) }
                await #expect(throws: ValidationErrors.self) { try await later.note(session.requireIDString, "  ", by: world.graduate) }
                try await later.note(session.requireIDString, "Two-sum, talking it through", by: world.graduate)
                #expect(try await PeerSeatModel.query(on: app.db).first()?.note == "Two-sum, talking it through")
            }
        }
    
        @Test func through_the_api_a_graduate_hosts_another_joins_and_only_those_with_a_place_get_the_link() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = try await APITests.token(for: world.graduate, app: app), otto = try await APITests.token(for: world.otherGraduate, app: app)
                let body = #"{"starts_at":"2026-11-24T08:30:00Z","minutes":45,"kind":"technical","places":2,"link":"https://meet.example/api"}"#
                let refused = try await APITests.send(app, .POST, "/api/v1/peer-sessions", token: grace, json: body.replacingOccurrences(of: #""places":2"#, with: #""places":1"#))
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("places"))
                let coach = try await APITests.token(for: world.coach, app: app)
                #expect(try await APITests.send(app, .POST, "/api/v1/peer-sessions", token: coach, json: body).status == .forbidden)
                #expect(try await PeerSessionModel.query(on: app.db).count() == 0)
                let hosted = try await APITests.send(app, .POST, "/api/v1/peer-sessions", token: grace, json: body)
                #expect(hosted.status == .created && hosted.body.string.contains("meet.example"))
                let id = try #require(try await PeerSessionModel.query(on: app.db).first()).requireIDString
                let seen = try await APITests.send(app, .GET, "/api/v1/peer-sessions", token: otto)
                let listed = try #require(try JSONSerialization.jsonObject(with: Data(seen.body.string.utf8)) as? [[String: Any]])
                #expect(listed.count == 1 && listed.first?["taken"] as? Int == 1 && listed.first?["link"] == nil, "no link before taking a place")
                let joined = try await APITests.send(app, .POST, "/api/v1/peer-sessions/\(id)/seat", token: otto)
                #expect(joined.status == .created && joined.body.string.contains("meet.example") && joined.body.string.contains("Otto"))
                #expect(try await APITests.send(app, .POST, "/api/v1/peer-sessions/\(id)/seat", token: otto).status == .conflict, "a place already")
                let early = try await APITests.send(app, .PUT, "/api/v1/peer-sessions/\(id)/note", token: otto, json: #"{"note":"Two-sum"}"#)
                #expect(early.status == .conflict, "not before it starts")
            }
        }
    }
}


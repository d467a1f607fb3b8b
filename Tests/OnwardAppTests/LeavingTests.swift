import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Ways back out: a place in a peer session given up, a session called off by its host (each
/// before it starts, a late one recorded as late), and where a mock interview meets, shown only
/// to the two in it. The clock is Monday 23 November 2026, 12:00 UTC.
extension AppTests {
    @Suite struct LeavingTests {
        @Test func a_place_is_given_up_and_the_host_cancels_each_late_within_a_day() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                // Tomorrow at 09:00: less than a day ahead.
                var session = PeerSessionWebTests.session
                session["day"] = "2026-11-24"
                #expect(try await grace.post(SiteURL.practice(.peerSessions).path, session).status == .seeOther)
                let model = try #require(try await PeerSessionModel.query(on: app.db).first())
                let id = model.requireIDString
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.post(SiteURL.practice(.joinPeerSession(id: id)).path).status == .seeOther)
                let page = try await otto.get(SiteURL.practice(.peerSession(id: id)).path).text
                #expect(page.contains("Give up my place") && page.contains("recorded as a late cancellation"))
                #expect(!page.contains("Cancel the session"), "only the host cancels")
                // The host gives up no place: they cancel.
                #expect(try await grace.post(SiteURL.practice(.leavePeerSession(id: id)).path).status == .seeOther)
                #expect(try await PeerSeatModel.query(on: app.db).filter(\.$leftAt != nil).count() == 0)

                let left = try await otto.post(SiteURL.practice(.leavePeerSession(id: id)).path)
                #expect(left.status == .seeOther)
                let after = try await otto.get(SiteURL.practice(.peerSession(id: id)).path).text
                #expect(after.contains("Your place is given up, less than a day before: recorded as late."))
                #expect(after.contains("1 of 4 places taken") && after.contains("Take a place"), "the place is free again")
                let hostSees = try await grace.get(SiteURL.practice(.peerSession(id: id)).path).text
                #expect(hostSees.contains("Gave their place up: Otto Other,") && hostSees.contains("(late)"))
                // Coming back takes the old row again.
                #expect(try await otto.post(SiteURL.practice(.joinPeerSession(id: id)).path).status == .seeOther)
                #expect(try await PeerSeatModel.query(on: app.db).count() == 2)
                #expect(try await PeerSeatModel.query(on: app.db).filter(\.$leftAt != nil).count() == 0)

                // Otto cannot cancel it; the host can, once.
                #expect(try await otto.post(SiteURL.practice(.cancelPeerSession(id: id)).path).status == .forbidden)
                #expect(try await grace.post(SiteURL.practice(.cancelPeerSession(id: id)).path).status == .seeOther)
                let cancelled = try await otto.get(SiteURL.practice(.peerSession(id: id)).path).text
                #expect(cancelled.contains("Cancelled by its host on") && cancelled.contains("(late)."))
                #expect(!cancelled.contains("https://meet.example/peer"), "no link to a session that is off")
                #expect(!(try await otto.get(SiteURL.practice(.peerSessions).path).text.contains(id)), "off the list")
                let walt = try await world.graduate("Walt", email: "walt@example.org", on: app)
                let w = Browser(app)
                try await w.signIn(walt)
                _ = try await w.get(SiteURL.practice(.peerSession(id: id)).path)
                #expect(try await w.post(SiteURL.practice(.joinPeerSession(id: id)).path).location == SiteURL.practice(.peerSession(id: id)).path)
                #expect(try await PeerSeatModel.query(on: app.db).filter(\.$user.$id == walt.requireID()).count() == 0, "nobody joins a cancelled session")
            }
        }

        @Test func through_the_api_a_place_is_given_up_a_session_cancelled_and_a_slot_says_where_to_meet() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = try await APITests.token(for: world.graduate, app: app), otto = try await APITests.token(for: world.otherGraduate, app: app)
                let hosted = try await APITests.send(app, .POST, "/api/v1/peer-sessions", token: grace,
                                                     json: #"{"starts_at":"2026-11-26T09:00:00Z","minutes":45,"kind":"technical","places":4,"link":"https://meet.example/t"}"#)
                let id = try #require((try JSONSerialization.jsonObject(with: Data(hosted.body.string.utf8)) as? [String: Any])?["id"] as? String)
                #expect(try await APITests.send(app, .POST, "/api/v1/peer-sessions/\(id)/seat", token: otto).status == .created)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/peer-sessions/\(id)/seat", token: grace).status == .conflict, "the host cancels instead")
                let left = try await APITests.send(app, .DELETE, "/api/v1/peer-sessions/\(id)/seat", token: otto)
                #expect(left.status == .ok && left.body.string.contains(#""taken" : 1"#))
                #expect(try await APITests.send(app, .DELETE, "/api/v1/peer-sessions/\(id)", token: otto).status == .forbidden)
                let cancelled = try await APITests.send(app, .DELETE, "/api/v1/peer-sessions/\(id)", token: grace)
                #expect(cancelled.status == .ok && cancelled.body.string.contains("cancelled_at"))
                #expect(try await APITests.send(app, .DELETE, "/api/v1/peer-sessions/\(id)", token: grace).status == .conflict, "once")
                // A slot opened with where to meet: its coach reads it; a graduate sees it only once booked.
                let cora = try await APITests.token(for: world.coach, app: app)
                let opened = try await APITests.send(app, .POST, "/api/v1/mock-slots", token: cora,
                                                     json: #"{"starts_at":"2026-11-30T10:00:00Z","minutes":60,"themes":["back_end"],"link":"https://meet.example/mock","place":"Room 2"}"#)
                #expect(opened.status == .created && opened.body.string.contains("Room 2"))
                let slotID = try #require((try JSONSerialization.jsonObject(with: Data(opened.body.string.utf8)) as? [String: Any])?["id"] as? String)
                #expect(!(try await APITests.send(app, .GET, "/api/v1/mock-slots", token: grace).body.string.contains("Room 2")), "not on an open slot")
                let booked = try await APITests.send(app, .POST, "/api/v1/mock-slots/\(slotID)/booking", token: grace, json: #"{"theme":"back_end","practise":"APIs"}"#)
                #expect(booked.status == .created && booked.body.string.contains("meet.example") && booked.body.string.contains("Room 2"))
                let bad = try await APITests.send(app, .POST, "/api/v1/mock-slots", token: cora,
                                                  json: #"{"starts_at":"2026-12-01T10:00:00Z","minutes":60,"themes":["back_end"],"link":"ftp://x"}"#)
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#""link""#))
            }
        }

        @Test func nobody_leaves_or_cancels_once_it_has_started() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let earlier = PeerSessionUseCases(db: app.db, now: testNow.addingTimeInterval(-3 * 86_400))
                let draft = PeerSessionDraft(startsAt: testNow.addingTimeInterval(-600), minutes: 45, kind: .technical, places: 4, link: "https://meet.example/p")
                let session = try await earlier.host(draft, by: world.graduate)
                try await earlier.join(session.requireIDString, by: world.otherGraduate)
                let now = PeerSessionUseCases(db: app.db, now: testNow)
                await #expect(throws: Refusal.self) { try await now.leave(session.requireIDString, by: world.otherGraduate) }
                await #expect(throws: Refusal.self) { try await now.cancel(session.requireIDString, by: world.graduate) }
                #expect(try await PeerSessionModel.find(session.id, on: app.db)?.cancelledAt == nil)
            }
        }

        @Test func a_mock_interviews_meeting_place_shows_only_to_the_two_in_it() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                var slot = MockInterviewWebTests.slot
                slot["link"] = "javascript:alert(1)"
                let bad = try await coach.post(SiteURL.practice(.mockSlots).path, slot)
                #expect(bad.status == .unprocessableEntity && bad.text.contains("Enter a web address starting with http:// or https://."))
                #expect(try await MockSlotModel.query(on: app.db).count() == 0)
                slot["link"] = "https://meet.example/mock-cora"
                slot["place"] = "Room 2, Level 3"
                #expect(try await coach.post(SiteURL.practice(.mockSlots).path, slot).status == .seeOther)
                let model = try #require(try await MockSlotModel.query(on: app.db).first())
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(!(try await grace.get(SiteURL.practice(.mockInterviews).path).text.contains("meet.example/mock-cora")), "not on the open slot")
                #expect(try await grace.post(SiteURL.practice(.book(slotID: model.requireIDString)).path, ["theme": "back_end", "practise": "APIs"]).status == .seeOther)
                let booking = try #require(try await MockBookingModel.query(on: app.db).first())
                let page = SiteURL.practice(.mockInterview(id: booking.requireIDString)).path
                for browser in [grace, coach] {
                    let text = try await browser.get(page).text
                    #expect(text.contains("https://meet.example/mock-cora") && text.contains("Room 2, Level 3"))
                }
                // Grace's other coach reads the interview, not where it meets.
                try await CoachAssignmentModel(coachID: world.unassignedCoach.requireID(), graduateID: world.graduate.requireID()).create(on: app.db)
                let second = Browser(app)
                try await second.signIn(world.unassignedCoach)
                let seen = try await second.get(page)
                #expect(seen.status != .ok || !seen.text.contains("meet.example/mock-cora"))
            }
        }
    }
}

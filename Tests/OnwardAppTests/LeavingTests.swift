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

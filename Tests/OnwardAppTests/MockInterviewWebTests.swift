import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Mock technical interviews: a coach opens a slot, a graduate books it, the coach fills the
/// rubric after it, the graduate reads it and their scores over time; two bookings of one slot
/// at once give one booking and one refusal; cancelling frees the slot, late within 24 hours;
/// bad input writes nothing; a month of hunting without one brings the recommendation home.
/// The clock is Monday 23 November 2026, 12:00 UTC; the cohort's course ended on 30 October.
extension AppTests {
    @Suite struct MockInterviewWebTests {
        static let slot = ["day": "2026-11-25", "time": "10:00", "minutes": "60", "theme_back_end": "yes", "theme_full_stack": "yes"]

        @Test func a_graduate_books_a_slot_the_coach_scores_it_and_the_graduate_reads_the_feedback_and_the_trend() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                #expect(try await coach.post(SiteURL.practice(.mockSlots).path, Self.slot).status == .seeOther)
                let slot = try #require(try await MockSlotModel.query(on: app.db).first())
                #expect(slot.startsAt == InternetDateTime.parse("2026-11-25T10:00:00Z") && slot.themes == [.backEnd, .fullStack])

                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let page = try await grace.get(SiteURL.practice(.mockInterviews).path).text
                #expect(page.contains("Open slots (1)") && page.contains("Cora Coach"))
                let wrongTheme = try await grace.post(SiteURL.practice(.book(slotID: slot.requireIDString)).path, ["theme": "front_end", "practise": "State"])
                #expect(wrongTheme.status == .unprocessableEntity && wrongTheme.text.contains("This slot covers back-end and full-stack."))
                let booked = try await grace.post(SiteURL.practice(.book(slotID: slot.requireIDString)).path, ["theme": "back_end", "practise": "Designing an API out loud"])
                #expect(booked.status == .seeOther)
                let booking = try #require(try await MockBookingModel.query(on: app.db).first())
                #expect(try await grace.get(SiteURL.homes(.graduate).path).text.contains("Next mock interview"))
                let slots = try await coach.get(SiteURL.practice(.mockSlots).path).text
                #expect(slots.contains("Grace Graduate") && slots.contains("Designing an API out loud") && !slots.contains("Fill the rubric"), "not started yet")

                // After the interview the coach scores it; bad input first.
                let after = MockInterviewUseCases(db: app.db, now: InternetDateTime.parse("2026-11-25T11:05:00Z")!)
                await #expect(throws: Refusal.self) {
                    try await MockInterviewUseCases(db: app.db, now: testNow).score(booking.requireIDString, RubricDraft(scores: [:], strengths: "x", improvements: "y"), by: world.coach)
                }
                await #expect(throws: MockInterviewUseCases.noSuchInterview, "only its coach scores it") {
                    try await after.score(booking.requireIDString, RubricDraft(scores: [.problemSolving: 3], strengths: "x", improvements: "y"), by: world.unassignedCoach)
                }
                let scores: [RubricCriterion: Int] = [.problemSolving: 3, .codeComprehension: 2, .communication: 4, .technicalKnowledge: 2, .topicArea: 3]
                try await after.score(booking.requireIDString, RubricDraft(scores: scores, strengths: "Talked through trade-offs", improvements: "Indexes", resources: "Use The Index, Luke"),
                                      by: world.coach)
                await #expect(throws: Refusal.self, "one rubric each") {
                    try await after.score(booking.requireIDString, RubricDraft(scores: scores, strengths: "Again", improvements: "Again"), by: world.coach)
                }
                #expect(try await MockRubricModel.query(on: app.db).count() == 1)
                let feedback = try await grace.get(SiteURL.practice(.mockInterview(id: booking.requireIDString)).path).text
                #expect(feedback.contains("Talked through trade-offs") && feedback.contains("4 of 4") && feedback.contains("APIs, data and persistence"))
                let mine = try await grace.get(SiteURL.practice(.mockInterviews).path).text
                #expect(mine.contains("Your scores over time") && mine.contains("<svg"))
                // Nobody else reads it: another graduate, another coach, a partner.
                for other in [world.otherGraduate, world.unassignedCoach, world.partner] {
                    let browser = Browser(app)
                    try await browser.signIn(other)
                    #expect(try await browser.get(SiteURL.practice(.mockInterview(id: booking.requireIDString)).path).status == .notFound)
                }
            }
        }

        @Test func after_a_month_of_hunting_without_one_the_home_recommends_a_mock_interview_until_one_is_booked() async throws {
            // Tuesday 1 December: 32 days since the course ended on 30 October.
            try await withApp(clock: .fixed(testNow.addingTimeInterval(8 * 86_400))) { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.get(SiteURL.homes(.graduate).path).text.contains("without a mock interview"))
                #expect(try await grace.get(SiteURL.practice(.mockInterviews).path).text.contains("without a mock interview"))
                let now = testNow.addingTimeInterval(8 * 86_400)
                let mock = MockInterviewUseCases(db: app.db, now: now)
                let slot = try await mock.open(MockSlotDraft(startsAt: now.addingTimeInterval(86_400), minutes: 45, themes: [.backEnd]), by: world.coach)
                try await mock.book(slot.requireIDString, MockBookingDraft(theme: .backEnd, practise: "APIs"), by: world.graduate)
                let home = try await grace.get(SiteURL.homes(.graduate).path).text
                #expect(!home.contains("without a mock interview") && home.contains("Next mock interview"))
            }
            // On 23 November, 24 days in: not yet.
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(!(try await grace.get(SiteURL.homes(.graduate).path).text.contains("without a mock interview")))
            }
        }

        @Test func two_graduates_booking_one_slot_at_once_give_one_booking_and_one_refusal() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let mock = MockInterviewUseCases(db: app.db, now: testNow)
                let slot = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(2 * 86_400), minutes: 45, themes: [.frontEnd]), by: world.coach)
                var tokens: [String] = []
                for i in 0..<8 {
                    let user = i == 0 ? world.graduate : try await world.graduate("Booker \(i)", email: "b\(i)@example.org", canSignIn: false, on: app)
                    tokens.append(try await APITests.token(for: user, app: app))
                }
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for token in tokens {
                        group.addTask {
                            try await APITests.send(app, .POST, "/api/v1/mock-slots/\(slot.requireIDString)/booking", token: token,
                                                    json: #"{"theme":"front_end","practise":"State"}"#).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
                #expect(statuses.filter { $0 == .conflict }.count == tokens.count - 1, "\(statuses)")
                #expect(try await MockBookingModel.query(on: app.db).count() == 1)
            }
        }

        @Test func a_coach_opens_no_slot_over_another_and_a_graduate_books_no_two_at_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let mock = MockInterviewUseCases(db: app.db, now: testNow)
                let at = testNow.addingTimeInterval(2 * 86_400)
                let first = try await mock.open(MockSlotDraft(startsAt: at, minutes: 60, themes: [.backEnd]), by: world.coach)
                let cora = Browser(app)
                try await cora.signIn(world.coach)
                // 30 minutes into the first: refused on the page, nothing opened.
                let day = LocalDate(at.addingTimeInterval(1_800), in: TimeZone(identifier: "Europe/London")!).iso
                let overlapping = try await cora.post(SiteURL.practice(.mockSlots).path, ["day": day, "time": "12:30", "minutes": "45", "theme_back_end": "yes"])
                #expect(overlapping.status == .conflict && overlapping.text.contains("You have a slot at that time already"))
                #expect(try await MockSlotModel.query(on: app.db).count() == 1)
                // Right after it is fine; so is another coach's at the same time.
                try await mock.open(MockSlotDraft(startsAt: at.addingTimeInterval(3_600), minutes: 45, themes: [.backEnd]), by: world.coach)
                let other = try await mock.open(MockSlotDraft(startsAt: at.addingTimeInterval(1_800), minutes: 45, themes: [.backEnd]), by: world.unassignedCoach)
                try await mock.book(first.requireIDString, MockBookingDraft(theme: .backEnd, practise: "APIs"), by: world.graduate)
                await #expect(throws: Refusal.self, "Grace has the first one then") {
                    try await mock.book(other.requireIDString, MockBookingDraft(theme: .backEnd, practise: "SQL"), by: world.graduate)
                }
                try await mock.book(other.requireIDString, MockBookingDraft(theme: .backEnd, practise: "SQL"), by: world.otherGraduate)
            }
        }

        @Test func cancelling_frees_the_slot_and_within_24_hours_is_recorded_as_late() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let mock = MockInterviewUseCases(db: app.db, now: testNow)
                let soon = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(20 * 3_600), minutes: 45, themes: [.frontEnd]), by: world.coach)
                let later = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(72 * 3_600), minutes: 45, themes: [.frontEnd]), by: world.coach)
                let draft = MockBookingDraft(theme: .frontEnd, practise: "State")
                let first = try await mock.book(soon.requireIDString, draft, by: world.graduate)
                let second = try await mock.book(later.requireIDString, draft, by: world.graduate)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.post(SiteURL.practice(.cancelBooking(id: first.requireIDString)).path).status == .seeOther)
                #expect(try await grace.post(SiteURL.practice(.cancelBooking(id: second.requireIDString)).path).status == .seeOther)
                #expect(try await MockBookingModel.find(first.id, on: app.db)?.lateCancellation == true)
                #expect(try await MockBookingModel.find(second.id, on: app.db)?.lateCancellation == false)
                // Free again: another graduate books it.
                try await mock.book(soon.requireIDString, draft, by: world.otherGraduate)
                #expect(try await MockBookingModel.query(on: app.db).filter(\.$cancelledAt == nil).count() == 1)
                // After the start it can no longer be cancelled.
                await #expect(throws: Refusal.self) {
                    try await MockInterviewUseCases(db: app.db, now: testNow.addingTimeInterval(21 * 3_600)).cancel(
                        try await MockBookingModel.query(on: app.db).filter(\.$cancelledAt == nil).first()!.requireIDString, by: world.otherGraduate)
                }
            }
        }

        @Test func bad_input_is_refused_with_a_message_and_writes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                func refused(_ change: [String: String?], _ message: String) async throws {
                    var fields = Self.slot
                    for (key, value) in change { fields[key] = value }
                    let res = try await coach.post(SiteURL.practice(.mockSlots).path, fields)
                    #expect(res.status == .unprocessableEntity, "\(change)")
                    #expect(res.text.contains(message), "\(change): \(message)")
                }
                try await refused(["minutes": "30"], "A mock interview lasts 45 or 60 minutes.")
                try await refused(["day": "2026-11-20"], "Open a slot in the future.")
                try await refused(["day": "2027-06-01"], "Open a slot within the next 90 days.")
                try await refused(["theme_back_end": nil, "theme_full_stack": nil], "Choose the themes you cover")
                try await refused(["time": "ten"], "Enter the time it starts as HH:MM.")
                #expect(try await MockSlotModel.query(on: app.db).count() == 0)
                let slot = try await MockInterviewUseCases(db: app.db, now: testNow).open(
                    MockSlotDraft(startsAt: testNow.addingTimeInterval(86_400), minutes: 45, themes: [.backEnd]), by: world.coach)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let blank = try await grace.post(SiteURL.practice(.book(slotID: slot.requireIDString)).path, ["theme": "back_end", "practise": "\u{0}"])
                #expect(blank.status == .unprocessableEntity && blank.text.contains("control character"))
                let long = try await grace.post(SiteURL.practice(.book(slotID: slot.requireIDString)).path, ["theme": "back_end", "practise": String(repeating: "x", count: 501)])
                #expect(long.status == .unprocessableEntity && long.text.contains("under 500 characters"))
                #expect(try await MockBookingModel.query(on: app.db).count() == 0)
            }
        }
    }
}

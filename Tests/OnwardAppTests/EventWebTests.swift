import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Coaching events: a coach holds one for a cohort, its graduates answer and change their
/// answer, the coach sees who comes; graduates of another cohort never see it; bad input writes
/// nothing; answers close when it starts; answers at once leave one; cancelling takes the answers.
/// The clock is Monday 23 November 2026, 12:00 UTC.
extension AppTests {
    @Suite struct EventWebTests {
        static let clinic = ["title": "CV clinic", "description": "Bring your CV; we read it together.", "day": "2026-11-30", "start": "14:00", "end": "15:30",
                             "link": "https://meet.example/cv", "place": ""]

        /// A graduate of another cohort.
        static func outsider(_ app: Application, _ world: World) async throws -> UserModel {
            let cohort = CohortModel(draft: try CohortDraft.validate(name: "Winter 2026", courseEndDate: "2026-12-18", timeZone: "Europe/London", standupTime: nil))
            try await cohort.create(on: app.db)
            return try await world.graduate("Walt Winter", email: "walt@example.org", cohort: cohort, on: app)
        }

        @Test func a_coach_holds_an_event_for_a_cohort_its_graduates_answer_and_the_coach_sees_who_comes() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let walt = try await Self.outsider(app, world)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let held = try await coach.post(SiteURL.coaching(.events).path, Self.clinic.merging(["cohort_id": world.cohort.id!.uuidString]) { $1 })
                #expect(held.status == .seeOther)
                let event = try #require(try await CoachingEventModel.query(on: app.db).first())
                // 14:00 in London, where the coach lives, is 14:00 UTC in November.
                #expect(event.startsAt == InternetDateTime.parse("2026-11-30T14:00:00Z") && event.endsAt == InternetDateTime.parse("2026-11-30T15:30:00Z"))
                let id = event.requireIDString

                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let list = try await grace.get(SiteURL.coaching(.events).path).text
                #expect(list.contains("CV clinic") && list.contains("Mon 30 Nov 2026, 14:00–15:30") && list.contains("0 going"))
                #expect(!list.contains("Hold an event"), "a graduate holds no events")
                #expect(try await grace.post(SiteURL.coaching(.answerEvent(id: id)).path, ["answer": "going"]).status == .seeOther)
                #expect(try await grace.get(SiteURL.coaching(.event(id: id)).path).text.contains("You said: going."))
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.post(SiteURL.coaching(.answerEvent(id: id)).path, ["answer": "not_going"]).status == .seeOther)
                // Grace changes her mind: one answer each, the latest.
                #expect(try await grace.post(SiteURL.coaching(.answerEvent(id: id)).path, ["answer": "not_going"]).status == .seeOther)
                #expect(try await grace.post(SiteURL.coaching(.answerEvent(id: id)).path, ["answer": "going"]).status == .seeOther)
                #expect(try await EventAnswerModel.query(on: app.db).count() == 2)
                #expect(try await grace.post(SiteURL.coaching(.answerEvent(id: id)).path, ["answer": "maybe"]).headers.first(name: .location) == SiteURL.coaching(.event(id: id)).path)
                #expect(try await EventAnswerModel.query(on: app.db).filter(\.$answer == .going).count() == 1, "a wrong answer changes nothing")

                let page = try await coach.get(SiteURL.coaching(.event(id: id)).path).text
                #expect(page.contains("Going (1)") && page.contains("Grace Graduate") && page.contains("Not going (1)") && page.contains("Otto Other"))
                #expect(page.contains("0 graduates it is for have not answered"), "the cohort has two graduates, both answered")
                #expect(!(try await grace.get(SiteURL.coaching(.event(id: id)).path).text.contains("Otto Other")), "a graduate sees how many, not who")

                // Another cohort's graduate neither sees it nor answers it; a partner has no events.
                let w = Browser(app)
                try await w.signIn(walt)
                #expect(!(try await w.get(SiteURL.coaching(.events).path).text.contains("CV clinic")))
                #expect(try await w.get(SiteURL.coaching(.event(id: id)).path).status == .notFound)
                #expect(try await w.post(SiteURL.coaching(.answerEvent(id: id)).path, ["answer": "going"]).status == .notFound)
                let partner = Browser(app)
                try await partner.signIn(world.partner)
                #expect(try await partner.get(SiteURL.coaching(.events).path).status == .notFound)
                #expect(try await EventAnswerModel.query(on: app.db).count() == 2)

                // The graduate's home shows it coming up.
                #expect(try await grace.get(SiteURL.homes(.graduate).path).text.contains("CV clinic"))
            }
        }

        @Test func bad_input_is_refused_with_a_message_and_writes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                func refused(_ change: [String: String], _ message: String) async throws {
                    let res = try await coach.post(SiteURL.coaching(.events).path, Self.clinic.merging(change) { $1 })
                    #expect(res.status == .unprocessableEntity, "\(change)")
                    #expect(res.text.contains(message), "\(change): \(message)")
                }
                try await refused(["title": " "], "Give the event a title")
                try await refused(["link": "", "place": ""], "Give an online link to join, a place, or both.")
                try await refused(["link": "javascript:alert(1)"], "Enter a web address starting with http:// or https://.")
                try await refused(["day": "2026-11-20"], "Set the event in the future.")
                try await refused(["day": "2031-01-01"], "Set the event within the next year.")
                try await refused(["start": "16:00"], "The event must end after it starts.")
                try await refused(["start": "2pm"], "Enter the time it starts as HH:MM.")
                try await refused(["description": String(repeating: "x", count: 10_001)], "Keep the description under 10,000 characters")
                try await refused(["place": "Room\u{1}2"], "holds a control character")
                try await refused(["cohort_id": UUID().uuidString], "There is no such cohort")
                #expect(try await CoachingEventModel.query(on: app.db).count() == 0)
            }
        }

        @Test func answers_close_when_the_event_starts() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let event = try await EventUseCases(db: app.db, now: testNow).create(
                    EventDraft(title: "Panel", description: "Hiring managers", startsAt: testNow.addingTimeInterval(3_600), endsAt: testNow.addingTimeInterval(7_200),
                               link: nil, place: "Room 2", cohortID: nil), by: world.coach)
                let started = EventUseCases(db: app.db, now: testNow.addingTimeInterval(3_600))
                await #expect(throws: Refusal.self) { try await started.answer(event.requireIDString, .going, by: world.graduate) }
                #expect(try await EventAnswerModel.query(on: app.db).count() == 0)
                // Still on the list until it ends, then among the past ones.
                #expect(try await started.events(for: world.graduate).upcoming.count == 1)
                let after = try await EventUseCases(db: app.db, now: testNow.addingTimeInterval(7_200)).events(for: world.graduate)
                #expect(after.upcoming.isEmpty && after.past.count == 1)
            }
        }

        @Test func answers_sent_at_once_leave_one_answer() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let event = try await EventUseCases(db: app.db, now: testNow).create(
                    EventDraft(title: "Panel", description: "Hiring managers", startsAt: testNow.addingTimeInterval(86_400), endsAt: testNow.addingTimeInterval(90_000),
                               link: "https://meet.example/p", place: "", cohortID: nil), by: world.coach)
                let token = try await APITests.token(for: world.graduate, app: app)
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for i in 0..<10 {
                        group.addTask {
                            try await APITests.send(app, .PUT, "/api/v1/events/\(event.requireIDString)/answer", token: token,
                                                    json: i % 2 == 0 ? #"{"answer":"going"}"# : #"{"answer":"not_going"}"#).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
                #expect(try await EventAnswerModel.query(on: app.db).count() == 1)
            }
        }

        @Test func the_api_holds_answers_and_cancels_an_event_and_tells_apart_its_refusals() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let coach = try await APITests.token(for: world.coach, app: app)
                let other = try await APITests.token(for: world.unassignedCoach, app: app)
                let grace = try await APITests.token(for: world.graduate, app: app)
                let body = #"{"title":"Mock panel","description":"Practise with a panel","starts_at":"2026-11-25T17:00:00Z","ends_at":"2026-11-25T18:00:00Z","place":"Room 2","cohort_id":"\#(world.cohort.id!.uuidString)"}"#
                #expect(try await APITests.send(app, .POST, "/api/v1/events", token: grace, json: body).status == .forbidden)
                let past = try await APITests.send(app, .POST, "/api/v1/events", token: coach, json: body.replacingOccurrences(of: "2026-11-25T17", with: "2026-11-20T17"))
                #expect(past.status == .unprocessableEntity && past.text.contains("starts_at"))
                let long = try await APITests.send(app, .POST, "/api/v1/events", token: coach, json: body.replacingOccurrences(of: "2026-11-25T18", with: "2026-11-26T18"))
                #expect(long.status == .unprocessableEntity && long.text.contains("ends_at"))
                let nowhere = try await APITests.send(app, .POST, "/api/v1/events", token: coach, json: body.replacingOccurrences(of: #""place":"Room 2","#, with: ""))
                #expect(nowhere.status == .unprocessableEntity && nowhere.text.contains("place"))
                #expect(try await APITests.send(app, .POST, "/api/v1/events", token: coach,
                                                json: body.replacingOccurrences(of: world.cohort.id!.uuidString, with: UUID().uuidString)).status == .notFound)
                let made = try await APITests.send(app, .POST, "/api/v1/events", token: coach, json: body)
                #expect(made.status == .created && made.text.replacingOccurrences(of: " : ", with: ":").contains(#""held_by":"Cora Coach""#))
                let id = try #require(try await CoachingEventModel.query(on: app.db).first()).requireIDString
                let answered = try await APITests.send(app, .PUT, "/api/v1/events/\(id)/answer", token: grace, json: #"{"answer":"going"}"#)
                #expect(answered.status == .ok && answered.text.replacingOccurrences(of: " : ", with: ":").contains(#""own_answer":"going""#) && answered.text.replacingOccurrences(of: " : ", with: ":").contains(#""going":1"#))
                #expect(try await APITests.send(app, .PUT, "/api/v1/events/\(id)/answer", token: coach, json: #"{"answer":"going"}"#).status == .forbidden)
                let forGrace = try await APITests.send(app, .GET, "/api/v1/events/\(id)", token: grace)
                #expect(forGrace.status == .ok && !forGrace.text.contains(#""answers""#), "a graduate is not told who answered")
                let forCoach = try await APITests.send(app, .GET, "/api/v1/events/\(id)", token: coach)
                #expect(forCoach.text.contains("Grace Graduate") && forCoach.text.replacingOccurrences(of: " : ", with: ":").contains(#""unanswered":1"#))
                // Another coach sees it but may not cancel it; the coach who holds it does, and its answers go with it.
                #expect(try await APITests.send(app, .DELETE, "/api/v1/events/\(id)", token: other).status == .forbidden)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/events/\(id)", token: coach).status == .noContent)
                #expect(try await CoachingEventModel.query(on: app.db).count() == 0)
                #expect(try await EventAnswerModel.query(on: app.db).count() == 0)
                #expect(try await APITests.send(app, .GET, "/api/v1/events/\(id)", token: grace).status == .notFound)
            }
        }
    }
}

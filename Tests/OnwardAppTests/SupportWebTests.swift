import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The help desk: a request from open to solved and open again, a 1:1 answered with a time, what
/// each person may see, bad input, and replies at once. The clock is Monday 23 November 2026,
/// 10:00 in London.
extension AppTests {
    @Suite struct SupportWebTests {
        static func request(_ app: Application) async throws -> SupportRequestModel {
            try #require(try await SupportRequestModel.query(on: app.db).first())
        }

        @Test func a_question_goes_from_open_to_solved_and_a_reply_from_the_graduate_opens_it_again() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let sent = try await graduate.post(SiteURL.coaching(.support).path,
                                                   ["kind": "question", "subject": "Feedback on my CV", "message": "Is two pages too long?"])
                #expect(sent.status == .seeOther)
                let id = try await Self.request(app).requireIDString
                #expect(try await Self.request(app).state == .open)
                #expect(try await graduate.get(SiteURL.coaching(.supportRequest(id: id)).path).text.contains("no reply yet"))

                // The coach finds it on the desk, with its age, and replies: waiting for the graduate.
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let desk = try await coach.get(SiteURL.coaching(.supportDesk).path).text
                #expect(desk.contains("Open (1)") && desk.contains("Feedback on my CV") && desk.contains("Grace Graduate"))
                #expect(try await coach.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "One page. Send it over."]).status == .seeOther)
                #expect(try await Self.request(app).state == .pending)
                #expect(try await Self.request(app).firstReplyAt == testNow)
                let page = try await graduate.get(SiteURL.coaching(.supportRequest(id: id)).path).text
                #expect(page.contains("One page. Send it over.") && page.contains("Waiting for you") && page.contains("first reply within the hour"))

                // The graduate answers: open again; the coach marks it solved.
                #expect(try await graduate.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "Here it is."]).status == .seeOther)
                #expect(try await Self.request(app).state == .open)
                #expect(try await coach.post(SiteURL.coaching(.solve(id: id)).path).status == .seeOther)
                #expect(try await Self.request(app).state == .solved)
                #expect(try await coach.get(SiteURL.coaching(.supportDesk).path).text.contains("Solved in the last 30 days (1)"))
                // A reply from the graduate opens even a solved request again.
                #expect(try await graduate.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "One more question."]).status == .seeOther)
                #expect(try await Self.request(app).state == .open)
                #expect(try await SupportReplyModel.query(on: app.db).count() == 3)
                #expect(try await Self.request(app).firstReplyAt == testNow, "the first reply stays the first")
            }
        }

        @Test func a_one_to_one_is_answered_with_a_time_in_the_coachs_time_zone() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let noTimes = try await graduate.post(SiteURL.coaching(.support).path, ["kind": "one_to_one", "subject": "Mock interview", "message": "Please"])
                #expect(noTimes.status == .unprocessableEntity)
                #expect(noTimes.text.contains("Say which times suit you"))
                #expect(try await graduate.post(SiteURL.coaching(.support).path,
                                                ["kind": "one_to_one", "subject": "Mock interview", "message": "Please", "preferred_times": "Tuesday morning"]).status == .seeOther)
                let id = try await Self.request(app).requireIDString
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let form = try await coach.get(SiteURL.coaching(.supportRequest(id: id)).path).text
                #expect(form.contains("Tuesday morning") && form.contains("1:1 day"))
                let past = try await coach.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "Yes", "meeting_date": "2026-11-20", "meeting_time": "10:00"])
                #expect(past.status == .unprocessableEntity)
                #expect(past.text.contains("Set the 1:1 in the future."))
                let far = try await coach.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "Yes", "meeting_date": "2027-06-01", "meeting_time": "10:00"])
                #expect(far.status == .unprocessableEntity)
                let halfTime = try await coach.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "Yes", "meeting_date": "2026-11-24"])
                #expect(halfTime.status == .unprocessableEntity)
                #expect(halfTime.text.contains("Enter the time of the 1:1 as HH:MM."))
                #expect(try await SupportReplyModel.query(on: app.db).count() == 0)
                let set = try await coach.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "Tuesday at 10, on Zoom.", "meeting_date": "2026-11-24", "meeting_time": "10:00"])
                #expect(set.status == .seeOther)
                // 10:00 in London, where the coach lives, is 10:00 UTC in November.
                #expect(try await Self.request(app).meetingAt == InternetDateTime.parse("2026-11-24T10:00:00Z"))
                #expect(try await graduate.get(SiteURL.coaching(.support).path).text.contains("1:1 on Tue 24 Nov 2026, 10:00"))
                // The graduate's form has no time to set.
                #expect(!(try await graduate.get(SiteURL.coaching(.supportRequest(id: id)).path).text.contains("1:1 day")))
            }
        }

        @Test func only_the_graduate_their_coaches_and_an_admin_see_a_request() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let request = try await SupportUseCases(db: app.db, now: testNow).open(
                    SupportRequestDraft(kind: .question, subject: "Salary talk", message: "What do I say?"), for: world.graduate)
                let id = request.requireIDString
                for person in [world.otherGraduate, world.unassignedCoach, world.partner] {
                    let browser = Browser(app)
                    try await browser.signIn(person)
                    #expect(try await browser.get(SiteURL.coaching(.supportRequest(id: id)).path).status == .notFound, "\(person.name)")
                    #expect(try await browser.post(SiteURL.coaching(.supportReply(id: id)).path, ["body": "Hi"]).status == .notFound, "\(person.name)")
                    #expect(try await browser.post(SiteURL.coaching(.solve(id: id)).path).status == .notFound, "\(person.name)")
                }
                let other = Browser(app)
                try await other.signIn(world.unassignedCoach)
                #expect(!(try await other.get(SiteURL.coaching(.supportDesk).path).text.contains("Salary talk")))
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                #expect(try await admin.get(SiteURL.coaching(.supportDesk).path).text.contains("Salary talk"))
                #expect(try await SupportReplyModel.query(on: app.db).count() == 0)
                #expect(try await Self.request(app).state == .open)
            }
        }

        @Test func bad_input_is_refused_with_a_message_and_writes_nothing() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                for (fields, message) in [(["subject": "CV", "message": "Help"], "Choose whether you have a question or want a 1:1."),
                                          (["kind": "question", "subject": " ", "message": "Help"], "Give it a subject"),
                                          (["kind": "question", "subject": "CV", "message": ""], "Write what you need help with."),
                                          (["kind": "question", "subject": String(repeating: "a", count: 201), "message": "Help"], "200"),
                                          (["kind": "question", "subject": "CV\u{1B}", "message": "Help"], "control")] {
                    let answer = try await graduate.post(SiteURL.coaching(.support).path, fields)
                    #expect(answer.status == .unprocessableEntity, "\(fields)")
                    #expect(answer.text.contains(message), "\(fields): \(message)")
                }
                #expect(try await SupportRequestModel.query(on: app.db).count() == 0)
            }
        }

        @Test func replies_at_once_all_stand_and_the_first_reply_is_counted_once() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let request = try await SupportUseCases(db: app.db, now: testNow).open(
                    SupportRequestDraft(kind: .question, subject: "Offer", message: "Two offers: which one?"), for: world.graduate)
                let id = request.requireIDString
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for n in 0..<8 {
                        let person = [world.coach, world.admin, world.graduate][n % 3]
                        group.addTask {
                            try await SupportUseCases(db: app.db, now: testNow.addingTimeInterval(Double(n) * 60))
                                .reply(to: id, SupportReplyDraft(body: "Reply \(n)"), by: person)
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await SupportReplyModel.query(on: app.db).count() == 8)
                let stored = try await Self.request(app)
                // Every reply stands, none failed on a busy database, and the state is one a reply gives.
                #expect([.open, .pending].contains(stored.state))
                let teamReplies = try await SupportReplyModel.query(on: app.db).filter(\.$author.$id != world.graduate.requireID()).all()
                #expect(teamReplies.count == 6)
                #expect(teamReplies.map(\.writtenAt).contains(try #require(stored.firstReplyAt)), "the first reply is one of the team's")
            }
        }

        @Test func the_api_runs_the_help_desk_and_tells_apart_its_refusals() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = try await APITests.token(for: world.graduate, app: app)
                let coach = try await APITests.token(for: world.coach, app: app)
                let partner = try await APITests.token(for: world.partner, app: app)
                let question = try await APITests.send(app, .POST, "/api/v1/support-requests", token: graduate,
                                                       json: #"{"kind":"question","subject":"CV","message":"Too long?"}"#)
                #expect(question.status == .created)
                let noTimes = try await APITests.send(app, .POST, "/api/v1/support-requests", token: graduate,
                                                      json: #"{"kind":"one_to_one","subject":"Mock","message":"Please"}"#)
                #expect(noTimes.status == .unprocessableEntity && noTimes.text.contains("preferred_times"))
                #expect(try await APITests.send(app, .POST, "/api/v1/support-requests", token: graduate,
                                                json: #"{"kind":"one_to_one","subject":"Mock","message":"Please","preferred_times":"Mornings"}"#).status == .created)
                let requests = try await SupportRequestModel.query(on: app.db).all()
                let questionID = try #require(requests.first { $0.kind == .question }).requireIDString
                let meetingID = try #require(requests.first { $0.kind == .oneToOne }).requireIDString
                #expect(try await APITests.send(app, .GET, "/api/v1/support-requests", token: partner).status == .forbidden)
                let desk = try await APITests.send(app, .GET, "/api/v1/support-requests", token: coach)
                #expect(desk.status == .ok && desk.text.contains(questionID) && desk.text.contains(meetingID))
                // A graduate sets no meeting time (403); a question has none (409).
                #expect(try await APITests.send(app, .POST, "/api/v1/support-requests/\(meetingID)/replies", token: graduate,
                                                json: #"{"body":"Monday?","meeting_at":"2026-11-30T10:00:00Z"}"#).status == .forbidden)
                #expect(try await APITests.send(app, .POST, "/api/v1/support-requests/\(questionID)/replies", token: coach,
                                                json: #"{"body":"Monday?","meeting_at":"2026-11-30T10:00:00Z"}"#).status == .conflict)
                let set = try await APITests.send(app, .POST, "/api/v1/support-requests/\(meetingID)/replies", token: coach,
                                                  json: #"{"body":"Monday at 10","meeting_at":"2026-11-30T10:00:00Z"}"#)
                #expect(set.status == .created)
                let thread = try await APITests.send(app, .GET, "/api/v1/support-requests/\(meetingID)", token: graduate)
                #expect(thread.status == .ok && thread.text.contains("2026-11-30T10:00:00Z") && thread.text.contains("Monday at 10"))
                #expect(try await APITests.send(app, .POST, "/api/v1/support-requests/\(meetingID)/solve", token: graduate).status == .ok)
                #expect(try await SupportRequestModel.find(UUID(uuidString: meetingID), on: app.db)?.state == .solved)
                #expect(try await APITests.send(app, .GET, "/api/v1/support-requests/\(meetingID)", token: partner).status == .notFound)
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Individual Learning Plans: asked for, started, a meeting with recommendations, the graduate's
/// progress, overdue recommendations, who reads the notes, bad input, and asking twice at once.
/// The clock is Monday 23 November 2026, 10:00 in London.
extension AppTests {
    @Suite struct LearningPlanWebTests {
        static let meeting = ["held_on": "2026-11-23", "notes": "Testing is the gap: practise TDD on katas, then on the side project.",
                              "rec1_kind": "kata", "rec1_description": "Bowling kata, test first", "rec1_due": "2026-11-27",
                              "rec2_kind": "code_review", "rec2_description": "Review a peer's pull request", "rec2_link": "https://github.com/onward/pulls"]

        @Test func a_plan_asked_for_is_started_met_and_its_recommendations_moved_and_shown_on_both_homes() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                #expect(try await graduate.get(SiteURL.coaching(.plan).path).text.contains("Ask for a plan"))
                #expect(try await graduate.post(SiteURL.coaching(.plan).path, ["focus_areas": "Testing; explaining my code"]).status == .seeOther)
                #expect(try await graduate.get(SiteURL.coaching(.plan).path).text.contains("Asked for on"))

                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let list = try await coach.get(SiteURL.coaching(.plans).path).text
                #expect(list.contains("Grace Graduate (asked for one)"))
                // The plan asked for is started from its own page, from what the graduate wrote.
                let asked = try #require(try await LearningPlanModel.query(on: app.db).first())
                let askedPage = try await coach.get(SiteURL.coaching(.learningPlan(id: asked.requireIDString)).path).text
                #expect(askedPage.contains("What they asked for") && askedPage.contains("Start this plan"))
                #expect(askedPage.contains(#"<textarea id="field-focus_areas" name="focus_areas" aria-describedby="focus_areas-hint" rows="4">"# + "\nTesting; explaining my code</textarea>"))
                #expect(askedPage.contains("Close this request") && !askedPage.contains("Finish the plan"))
                #expect(!(try await graduate.get(SiteURL.coaching(.plan).path).text.contains("Start this plan")), "only a coach starts it")
                #expect(try await coach.post(SiteURL.coaching(.plans).path,
                                             ["graduate_id": world.graduate.requireIDString, "focus_areas": "Testing; explaining my code", "cadence": "weekly"]).status == .seeOther)
                let plan = try #require(try await LearningPlanModel.query(on: app.db).first())
                #expect(plan.state == .active && plan.$coach.id == world.coach.id && plan.startedOn == "2026-11-23")
                #expect(try await LearningPlanModel.query(on: app.db).count() == 1, "the plan asked for is the one started")
                let id = plan.requireIDString
                // The meeting's day picker offers the days a meeting may be on: the plan's start to today.
                #expect(try await coach.get(SiteURL.coaching(.learningPlan(id: id)).path).text.contains(#"min="2026-11-23" max="2026-11-23""#))

                // A meeting with two recommendations, in one go; the next meeting is a week on.
                #expect(try await coach.post(SiteURL.coaching(.meetings(planID: id)).path, Self.meeting).status == .seeOther)
                #expect(try await RecommendationModel.query(on: app.db).count() == 2)
                let page = try await graduate.get(SiteURL.coaching(.plan).path).text
                #expect(page.contains("Bowling kata, test first") && page.contains("practise TDD on katas"))
                #expect(page.contains("<strong>Next meeting: </strong>\(LocalDate(iso: "2026-11-30")!.display)"))
                #expect(try await graduate.get(SiteURL.homes(.graduate).path).text.contains("Next ILP meeting: "))
                #expect(try await coach.get(SiteURL.homes(.coach).path).text.contains("ILP meetings in the next 7 days"))

                // The graduate moves the kata to done with a link to what they made.
                let kata = try #require(try await RecommendationModel.query(on: app.db).filter(\.$kind == .kata).first())
                #expect(try await graduate.post(SiteURL.coaching(.recommendation(id: kata.id!.uuidString)).path,
                                                ["state": "done", "outcome_link": "https://github.com/grace/bowling"]).status == .seeOther)
                let done = try #require(try await RecommendationModel.find(kata.id, on: app.db))
                #expect(done.state == .done && done.outcomeLink == "https://github.com/grace/bowling")
                #expect(try await coach.get(SiteURL.coaching(.learningPlan(id: id)).path).text.contains("https://github.com/grace/bowling"))

                // Finished: no more meetings.
                #expect(try await coach.post(SiteURL.coaching(.finishPlan(id: id)).path).status == .seeOther)
                #expect(try await LearningPlanModel.find(plan.id, on: app.db)?.state == .finished)
                let late = try await coach.post(SiteURL.coaching(.meetings(planID: id)).path, Self.meeting)
                #expect(late.status == .seeOther)
                #expect(try await PlanMeetingModel.query(on: app.db).count() == 1)

                // Finished, the plan keeps its recommendations as they were, on the page and in the API.
                let reading = try #require(try await RecommendationModel.query(on: app.db).filter(\.$kind == .codeReview).first())
                let moved = try await graduate.post(SiteURL.coaching(.recommendation(id: reading.id!.uuidString)).path, ["state": "done"])
                #expect(moved.status == .seeOther)
                #expect(try await graduate.get(moved.headers.first(name: .location) ?? "").text.contains("This plan is finished"))
                let token = try await APITests.token(for: world.graduate, app: app)
                let patched = try await APITests.send(app, .PATCH, "/api/v1/recommendations/\(reading.id!.uuidString)", token: token, json: #"{"state": "done"}"#)
                #expect(patched.status == .conflict)
                #expect(try await RecommendationModel.find(reading.id, on: app.db)?.state == .toDo)
                #expect(!(try await graduate.get(SiteURL.coaching(.learningPlan(id: id)).path).text.contains(SiteURL.coaching(.recommendation(id: reading.id!.uuidString)).path)))
            }
        }

        @Test func a_recommendation_past_its_due_date_shows_overdue_on_both_sides() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let plans = LearningPlanUseCases(db: app.db, now: testNow.addingTimeInterval(-14 * 86_400))
                let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "SQL", cadence: .fortnightly), by: world.coach)
                let started = LocalDate(iso: "2026-11-09")!
                try await plans.recordMeeting(on: plan.requireIDString, by: world.coach) { _ in
                    MeetingDraft(heldOn: started, notes: "Joins", recommendations: [RecommendationDraft(kind: .reading, description: "Read SQL Antipatterns, part 1", due: started.adding(days: 7)),
                                                                                    RecommendationDraft(kind: .project, description: "A report endpoint", due: started.adding(days: 30))])
                }
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let own = try await graduate.get(SiteURL.coaching(.plan).path).text
                #expect(own.contains("Recommendations (1 overdue)"))
                #expect(try await graduate.get(SiteURL.homes(.graduate).path).text.contains("Overdue recommendations: Read SQL Antipatterns, part 1"))
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                #expect(try await coach.get(SiteURL.coaching(.plans).path).text.contains("1 overdue"))
                // A meeting was due on the 23rd (a fortnight after the first): it is due today, never in the past.
                #expect(own.contains("<strong>Next meeting: </strong>\(LocalDate(iso: "2026-11-23")!.display)"))
            }
        }

        @Test func notes_are_read_by_the_graduate_and_their_coaches_only() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let plans = LearningPlanUseCases(db: app.db, now: testNow)
                let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Interviews", cadence: .weekly), by: world.coach)
                try await plans.recordMeeting(on: plan.requireIDString, by: world.coach) { today in MeetingDraft(heldOn: today, notes: "Private: nervous in interviews") }
                for person in [world.admin, world.partner, world.otherGraduate, world.unassignedCoach] {
                    let browser = Browser(app)
                    try await browser.signIn(person)
                    let page = try await browser.get(SiteURL.coaching(.learningPlan(id: plan.requireIDString)).path)
                    #expect(page.status == .notFound, "\(person.name)")
                    #expect(!page.text.contains("Private: nervous"), "\(person.name)")
                    let token = try await APITests.token(for: person, app: app)
                    let api = try await APITests.send(app, .GET, "/api/v1/plans/\(plan.requireIDString)", token: token)
                    #expect(api.status == .notFound && !api.text.contains("Private: nervous"), "\(person.name)")
                }
                // Another coach cannot start a plan for someone they do not coach, nor record a meeting.
                let other = Browser(app)
                try await other.signIn(world.unassignedCoach)
                #expect(try await other.post(SiteURL.coaching(.meetings(planID: plan.requireIDString)).path, Self.meeting).status == .notFound)
                #expect(try await PlanMeetingModel.query(on: app.db).count() == 1)
            }
        }

        /// The coach says when and where they meet; the plan's page says it to the graduate and the
        /// coach; bad input writes nothing; no one else sets it.
        @Test func a_plans_meetings_have_a_time_and_a_place_for_the_two_who_meet() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let plans = LearningPlanUseCases(db: app.db, now: testNow)
                let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Interviews", cadence: .weekly), by: world.coach)
                let path = SiteURL.coaching(.meetingPlace(planID: plan.requireIDString)).path
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                #expect(try await coach.get(SiteURL.coaching(.learningPlan(id: plan.requireIDString)).path).text.contains("When and where you meet"))
                let bad = try await coach.post(path, ["meeting_time": "25:00", "meeting_link": "ftp://x"])
                #expect(bad.status == .unprocessableEntity && bad.text.contains("Enter the time as HH:MM") && bad.text.contains("Enter a web address"))
                #expect(try await LearningPlanModel.find(plan.id, on: app.db)?.meetingTime == nil)
                #expect(try await coach.post(path, ["meeting_time": "14:00", "meeting_link": "https://meet.example/ilp-grace", "meeting_place": ""]).status == .seeOther)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let mine = try await grace.get(SiteURL.coaching(.plan).path).text
                #expect(mine.contains("at 14:00") && mine.contains("https://meet.example/ilp-grace"))
                #expect(!mine.contains("When and where you meet"), "the graduate reads it; their coach sets it")
                #expect([.forbidden, .notFound].contains(try await grace.post(path, ["meeting_time": "09:00"]).status))
                let other = Browser(app)
                try await other.signIn(world.unassignedCoach)
                #expect(try await other.post(path, ["meeting_time": "09:00"]).status == .notFound)
                #expect(try await LearningPlanModel.find(plan.id, on: app.db)?.meetingTime == "14:00")
            }
        }

        @Test func bad_input_is_refused_with_a_message_and_writes_nothing() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let plan = try await LearningPlanUseCases(db: app.db, now: testNow).start(
                    for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Testing", cadence: .weekly), by: world.coach)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let path = SiteURL.coaching(.meetings(planID: plan.requireIDString)).path
                for (change, message) in [(["held_on": "2026-11-24"], "the day is after today"),
                                          (["notes": " "], "Write what you talked about"), (["rec1_kind": "lecture"], "Choose the kind of recommendation."),
                                          (["rec1_due": "2028-01-01"], "between the meeting and a year after it"), (["rec2_link": "javascript:alert(1)"], "http://"),
                                          (["rec1_description": ""], "Describe what to do.")] {
                    let fields = Self.meeting.merging(change) { $1 }
                    let answer = try await coach.post(path, fields)
                    #expect(answer.status == .unprocessableEntity, "\(change)")
                    #expect(answer.text.contains(message), "\(change): \(message)")
                }
                // A day before the plan started conflicts with the plan, not with the form: said
                // beside the day, with what was typed kept; the API answers the same with a 409.
                let early = try await coach.post(path, Self.meeting.merging(["held_on": "2026-11-20"]) { $1 })
                #expect(early.status == .conflict)
                #expect(early.text.contains("the meeting cannot be before") && early.text.contains("Testing is the gap"))
                let token = try await APITests.token(for: world.coach, app: app)
                let api = try await APITests.send(app, .POST, "/api/v1/plans/\(plan.requireIDString)/meetings", token: token,
                                                  json: #"{"held_on": "2026-11-20", "notes": "Talked about tests"}"#)
                #expect(api.status == .conflict)
                #expect(try api.content.decode(APITests.ErrorBody.self).error.field == "held_on")
                #expect(try await PlanMeetingModel.query(on: app.db).count() == 0)
                #expect(try await RecommendationModel.query(on: app.db).count() == 0)
                let graduate = Browser(app)
                try await graduate.signIn(world.otherGraduate)
                let empty = try await graduate.post(SiteURL.coaching(.plan).path, ["focus_areas": ""])
                #expect(empty.status == .unprocessableEntity && empty.text.contains("Name what to work on"))
                #expect(try await LearningPlanModel.query(on: app.db).count() == 1)
            }
        }

        @Test func asking_for_a_plan_several_times_at_once_gives_one_plan() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for n in 0..<6 {
                        group.addTask {
                            do {
                                try await LearningPlanUseCases(db: app.db, now: testNow).ask("Focus \(n)", for: world.graduate)
                                return true
                            } catch let error as Refusal where error.kind == .conflict {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 1)
                #expect(try await LearningPlanModel.query(on: app.db).count() == 1)
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// What a graduate records toward the programme, on the web: SMART goals and their history,
/// informational interviews, blog posts. The clock is Monday 23 November 2026 in
/// London, week 4 of a course that ended on Friday 30 October.
extension AppTests {
    @Suite struct RecordsWebTests {
        static let goal = ["specific": "A junior back-end role in a product company", "measurable": "An offer accepted",
                           "achievable": "Two interviews so far", "relevant": "Back-end is what I enjoyed most", "time_bound": "2027-02-28"]

        @Test func a_goal_is_set_and_a_reassessment_keeps_its_history_and_counts_for_week_1() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                #expect(try await browser.post(SiteURL.programme(.goals).path, Self.goal).status == .seeOther)
                let goal = try #require(try await SmartGoalModel.query(on: app.db).first())
                var reassessed = Self.goal
                reassessed["measurable"] = "Three final rounds, then an offer"
                let path = SiteURL.programme(.goal(id: goal.id!.uuidString)).path
                #expect(try await browser.post(path, reassessed).status == .seeOther)
                let versions = try await SmartGoalVersionModel.query(on: app.db).sort(\.$version).all()
                #expect(versions.map(\.version) == [1, 2])
                #expect(versions.map(\.measurable) == ["An offer accepted", "Three final rounds, then an offer"])
                let page = try await browser.get(path)
                #expect(page.text.contains("History"))
                #expect(page.text.contains("An offer accepted"), "the earlier version stays readable")
                #expect(try await browser.get(SiteURL.programme(.goals).path).text.contains("Reassessed 1 time"))
                // Week 1's reassessment is done (late: it is week 4), so it is no longer missing.
                let standing = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: world.graduate))
                guard case .atRisk(let missing) = standing.status else { Issue.record("three retrospectives are missing"); return }
                #expect(!missing.map(\.activity.id).contains("reassess-goals"))
            }
        }

        @Test func a_goal_dated_today_or_missing_a_letter_is_refused_with_a_message_and_writes_nothing() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                for (field, value, message) in [("time_bound", "2026-11-23", "Choose a date after today."), ("relevant", "  ", "Say why it matters"),
                                                ("specific", "a\u{0}b", "control character"), ("time_bound", "soon", "YYYY-MM-DD")] {
                    var fields = Self.goal
                    fields[field] = value
                    let answer = try await browser.post(SiteURL.programme(.goals).path, fields)
                    #expect(answer.status == .unprocessableEntity, "\(field)")
                    #expect(answer.text.contains(message), "\(field)")
                }
                #expect(try await SmartGoalVersionModel.query(on: app.db).count() == 0)
            }
        }

        @Test func another_graduates_goal_cannot_be_read_or_reassessed() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let owner = Browser(app)
                try await owner.signIn(world.graduate)
                _ = try await owner.post(SiteURL.programme(.goals).path, Self.goal)
                let goal = try #require(try await SmartGoalModel.query(on: app.db).first())
                let other = Browser(app)
                try await other.signIn(world.otherGraduate)
                let path = SiteURL.programme(.goal(id: goal.id!.uuidString)).path
                #expect(try await other.get(path).status == .notFound)
                #expect(try await other.post(path, Self.goal).status == .notFound)
                #expect(try await SmartGoalVersionModel.query(on: app.db).count() == 1)
            }
        }

        @Test func two_reassessments_at_once_are_both_kept_in_order() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let evidence = RecordsUseCases(db: app.db, now: testNow)
                let today = LocalDate(iso: "2026-11-23")!
                let draft = try SmartGoalDraft.validate(specific: "A role", measurable: "An offer", achievable: "Yes", relevant: "Yes", timeBound: "2027-01-31", today: today)
                let goal = try await evidence.setGoal(draft, for: world.graduate, today: today)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await RecordsUseCases(db: app.db, now: testNow).reassess(goal.id, with: draft, today: today) }
                    }
                    try await group.waitForAll()
                }
                let versions = try await SmartGoalVersionModel.query(on: app.db).sort(\.$version).all().map(\.version)
                #expect(versions == Array(1...7))
            }
        }

        @Test func three_informational_interviews_held_complete_the_activity_and_a_planned_one_waits_for_its_day() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                // A new form's day is today, the usual answer.
                let today = LocalDate(testNow, in: TimeZone(identifier: world.graduate.timeZone)!)
                let empty = try await browser.get(SiteURL.programme(.informationalInterviews).path).text
                #expect(empty.contains(#"id="field-day" name="day" aria-describedby="day-hint" type="date" value="\#(today.iso)""#))
                for (person, day) in [("Sam Senior", "2026-11-05"), ("Lee Lead", "2026-11-12"), ("Ada Architect", "2026-12-01")] {
                    let answer = try await browser.post(SiteURL.programme(.informationalInterviews).path,
                                                        ["person": person, "company": "Acme", "role": "Engineer", "day": day, "how_it_came_about": "A meetup"])
                    #expect(answer.status == .seeOther)
                }
                let page = try await browser.get(SiteURL.programme(.informationalInterviews).path)
                #expect(page.text.contains("Planned"))
                let roadMap = try await browser.get(SiteURL.programme(.roadMap).path).text
                #expect(roadMap.contains("2 of 3"), "the one on 1 December has not happened yet")
                let bad = try await browser.post(SiteURL.programme(.informationalInterviews).path, ["person": "", "day": "2030-01-01"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains("Say who you talked to"))
                #expect(bad.text.contains("Choose a day up to"))
                #expect(try await InformationalInterviewModel.query(on: app.db).count() == 3)
                _ = try await browser.post(SiteURL.programme(.informationalInterviews).path, ["person": "Kim Kotlin", "day": "2026-11-20"])
                #expect(try await browser.get(SiteURL.programme(.roadMap).path).text.contains("3 of 3"))
            }
        }

        @Test func a_blog_post_is_recorded_once_published_with_a_web_address() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let today = LocalDate(testNow, in: TimeZone(identifier: world.graduate.timeZone)!)
                #expect(try await browser.get(SiteURL.programme(.blogPosts).path).text.contains(#"id="field-published" name="published" type="date" value="\#(today.iso)""#))
                let ahead = try await browser.post(SiteURL.programme(.blogPosts).path,
                                                   ["title": "Joins", "url": "javascript:alert(1)", "published": "2026-11-30", "kind": "technical"])
                #expect(ahead.status == .unprocessableEntity)
                #expect(ahead.text.contains("http:// or https://"))
                #expect(ahead.text.contains("once it is published"))
                #expect(try await BlogPostModel.query(on: app.db).count() == 0)
                let posted = try await browser.post(SiteURL.programme(.blogPosts).path,
                                                    ["title": "What SQL joins taught me", "url": "https://blog.example/joins", "published": "2026-11-20", "kind": "technical"])
                #expect(posted.status == .seeOther)
                let records = try await ProgrammeUseCases(db: app.db, now: testNow).records(
                    of: world.graduate.requireID(), activities: DefaultProgramme.activities,
                    calendar: ProgrammeCalendar(courseEnd: LocalDate(iso: world.cohort.courseEndDate)!, timeZone: TimeZone(identifier: world.cohort.timeZone)!))
                #expect(records.contains { $0.activityID == "blog-post" && $0.day == LocalDate(iso: "2026-11-20") })
                #expect(try await browser.get(SiteURL.programme(.blogPosts).path).text.contains("What SQL joins taught me"))
            }
        }

        @Test func a_coach_a_partner_and_an_admin_find_no_records_pages_of_their_own() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                for person in [world.coach, world.partner, world.admin] {
                    let browser = Browser(app)
                    try await browser.signIn(person)
                    for url in [SiteURL.programme(.goals), .programme(.informationalInterviews), .programme(.blogPosts), .coaching(.submissions)] {
                        #expect(try await browser.get(url.path).status == .notFound, "\(person.name) \(url.path)")
                    }
                }
            }
        }
    }
}

/// The programme's records through the API: the refusals a client must tell apart.
extension AppTests {
    @Suite struct ProgrammeAPITests {
        @Test func a_fourth_learning_goal_a_week_not_begun_and_a_required_skip_are_conflicts_and_bad_text_names_its_field() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let token = try await APITests.token(for: world.graduate, app: app)
                let goal = #"{"title":"SQL","now":"Joins","success":"Schemas","why":"Jobs","milestones":[{"title":"A book","due":"2027-01-15"}]}"#
                for _ in 0..<3 { #expect(try await APITests.send(app, .POST, "/api/v1/learning-goals", token: token, json: goal).status == .created) }
                let fourth = try await APITests.send(app, .POST, "/api/v1/learning-goals", token: token, json: goal)
                #expect(fourth.status == .conflict)
                let late = try await APITests.send(app, .POST, "/api/v1/learning-goals", token: token,
                                                   json: #"{"title":"Go","now":"None","success":"A service","why":"Jobs","milestones":[{"title":"Start","due":"2026-11-01"}]}"#)
                #expect(late.status == .unprocessableEntity)
                #expect(late.text.contains(#""field":"due""#))
                let retrospective = #"{"went_well":"A","did_not_go_well":"B","learned":"C","focus":"D","better":"not_sure"}"#
                #expect(try await APITests.send(app, .PUT, "/api/v1/weeks/9/retrospective", token: token, json: retrospective).status == .conflict)
                let written = try await APITests.send(app, .PUT, "/api/v1/weeks/3/retrospective", token: token, json: retrospective)
                #expect(written.status == .ok)
                #expect(written.text.contains("not_sure"))
                #expect(try await APITests.send(app, .POST, "/api/v1/marks", token: token, json: #"{"activity":"retrospective","mark":"skipped"}"#).status == .conflict)
                #expect(try await APITests.send(app, .POST, "/api/v1/marks", token: token, json: #"{"activity":"nothing","mark":"done"}"#).status == .notFound)
                #expect(try await APITests.send(app, .POST, "/api/v1/marks", token: token, json: #"{"activity":"apply","mark":"done"}"#).status == .noContent)
                let list = try await APITests.send(app, .GET, "/api/v1/retrospectives", token: token)
                #expect(list.status == .ok)
                #expect(list.text.contains("not_sure"))
            }
        }

        @Test func the_standup_board_through_the_api_shows_mood_and_concerns_only_to_those_who_may_see_them() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                _ = try await ProgrammeUseCases(db: app.db, now: testNow).postStandup(
                    StandupDraft(yesterday: "", today: "Two applications", blockers: "Stuck on joins", mood: 2, wantsHelp: true), for: world.graduate)
                let path = "/api/v1/cohorts/\(world.cohort.id!.uuidString)/standups"
                let peer = try await APITests.send(app, .GET, path, token: try await APITests.token(for: world.otherGraduate, app: app))
                #expect(peer.status == .ok)
                #expect(peer.text.contains("Two applications"))
                #expect(!peer.text.contains("Stuck on joins"))
                #expect(!peer.text.contains("mood"))
                let coach = try await APITests.send(app, .GET, path, token: try await APITests.token(for: world.coach, app: app))
                #expect(coach.text.contains("Stuck on joins"))
                let stranger = try await APITests.send(app, .GET, path, token: try await APITests.token(for: world.unassignedCoach, app: app))
                #expect(stranger.status == .notFound)
            }
        }
    }
}

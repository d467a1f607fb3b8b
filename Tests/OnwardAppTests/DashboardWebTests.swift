import Fluent
import Foundation
import Logging
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The coach's dashboard: each column filled from its capability, sorted and filtered through the
/// address, the same on the API, and a fixed number of queries for 5 graduates as for 200. The
/// clock is Monday 23 November 2026, 12:00 UTC; the cohort's week 4.
extension AppTests {
    @Suite struct DashboardWebTests {
        /// Grace: standups Thursday, Friday and today (mood 2), two applications sent this week and an
        /// interview, an open support request, a submission waiting, an ILP with an overdue
        /// recommendation. Otto, also the coach's: nothing.
        static func fill(_ app: Application, _ world: World) async throws {
            try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: world.otherGraduate.requireID()).create(on: app.db)
            let grace = try world.graduate.requireID()
            for (day, mood) in [("2026-11-19", 4), ("2026-11-20", 3), ("2026-11-23", 2)] {
                try await StandupModel(userID: grace, day: LocalDate(iso: day)!, draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: mood, wantsHelp: false),
                                       late: false).create(on: app.db)
            }
            let search = JobSearch(db: app.db, now: testNow)
            let today = search.today(for: world.graduate)
            let acme = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: today.adding(days: -2))
            _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Initech", roleTitle: "Developer"), stage: .applied, on: today)
            _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Old Co", roleTitle: "Developer"), stage: .applied, on: today.adding(days: -7))
            try await InterviewModel(applicationID: acme.requireID(), draft: InterviewDraft(kind: .technical, at: testNow.addingTimeInterval(-3_600), durationMinutes: 60,
                                                                                              withWhom: "", outcome: .awaiting, feedback: "", feedbackIsTechnical: false)).create(on: app.db)
            try await SupportUseCases(db: app.db, now: testNow).open(SupportRequestDraft(kind: .question, subject: "CV", message: "Too long?"), for: world.graduate)
            try await ReviewUseCases(db: app.db, now: testNow).submit(SubmissionDraft(kind: .jobSearchAnalysis, title: "Week 4", body: "Referrals", link: nil), for: world.graduate)
            let plans = LearningPlanUseCases(db: app.db, now: testNow.addingTimeInterval(-10 * 86_400))
            let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Testing", cadence: .weekly), by: world.coach)
            try await plans.recordMeeting(on: plan.requireIDString, by: world.coach) { _, today in
                MeetingDraft(heldOn: today, notes: "Tests first", recommendations: [RecommendationDraft(kind: .kata, description: "Bowling kata", due: today.adding(days: 3))])
            }
        }

        @Test func the_dashboard_shows_each_graduates_figures_and_sorts_and_filters_them() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await Self.fill(app, world)
                let rows = try await CoachDashboard(sources: app.homeSectionSources, db: app.db, now: testNow).rows(for: world.coach)
                let grace = try #require(rows.first { $0.name == "Grace Graduate" })
                #expect(rows.count == 2)
                #expect(grace.status?.name == "at_risk" && !grace.missing.isEmpty, "no retrospectives written in weeks 1 to 3")
                #expect(grace.standupStreak == 3, "Thursday, Friday, today: the weekend passes over")
                #expect(grace.moodToday == 2)
                #expect(grace.applicationsLast7Days == 2, "the one sent seven days ago is outside")
                #expect(grace.interviewsLast7Days == 1)
                #expect(grace.openRequests == 1 && grace.waitingSubmissions == 1 && grace.overdueRecommendations == 1)
                #expect(grace.nextMeeting == LocalDate(iso: "2026-11-23"), "a week after the last meeting, which has passed: due today")
                let otto = try #require(rows.first { $0.name == "Otto Other" })
                #expect(otto.standupStreak == 0 && otto.moodToday == nil && otto.applicationsLast7Days == 0 && otto.nextMeeting == nil)

                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let page = try await coach.get(SiteURL.coaching(.dashboard).path)
                #expect(page.status == .ok)
                #expect(page.text.contains("Grace Graduate") && page.text.contains("Otto Other") && page.text.contains("2 of 5") && page.text.contains("3 days"))
                #expect(page.text.contains(#"aria-sort="ascending""#))
                let lowMood = try await coach.get(SiteURL.coaching(.dashboard).path + "?show=low_mood").text
                #expect(lowMood.contains("Grace Graduate") && !lowMood.contains("Otto Other") && lowMood.contains("1 of 2 graduates."))
                let byName = try await coach.get(SiteURL.coaching(.dashboard).path + "?sort=name&order=desc").text
                let otto1 = try #require(byName.range(of: "Otto Other")), grace1 = try #require(byName.range(of: "Grace Graduate"))
                #expect(otto1.lowerBound < grace1.lowerBound, "Z to A")
                let search = try await coach.get(SiteURL.coaching(.dashboard).path + "?q=otto").text
                #expect(search.contains("Otto Other") && !search.contains("Grace Graduate"))
                // Nonsense in the address reads as the default, not as an error.
                #expect(try await coach.get(SiteURL.coaching(.dashboard).path + "?sort=%27;drop&order=up&show=x").status == .ok)

                // The API gives the same rows in the same order.
                let token = try await APITests.token(for: world.coach, app: app)
                let api = try await APITests.send(app, .GET, "/api/v1/dashboard?sort=applications&order=desc", token: token)
                #expect(api.status == .ok)
                let decoded = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [[String: Any]]
                #expect(decoded?.map { $0["graduate_name"] as? String } == ["Grace Graduate", "Otto Other"])
                #expect(decoded?.first?["mood_today"] as? Int == 2 && decoded?.first?["status"] as? String == "at_risk")
                #expect(decoded?.last?["mood_today"] == nil, "left out, not null")
                // Another coach sees none of them; an admin sees every graduate.
                let other = try await CoachDashboard(sources: app.homeSectionSources, db: app.db, now: testNow).rows(for: world.unassignedCoach)
                #expect(other.isEmpty)
                #expect(try await CoachDashboard(sources: app.homeSectionSources, db: app.db, now: testNow).rows(for: world.admin).count == 2)
            }
        }

        /// The whole dashboard of a coach takes the same number of queries for 5 graduates as for 200.
        @Test func the_dashboard_takes_a_fixed_number_of_queries() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await Self.fill(app, world)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let dashboard = CoachDashboard(sources: app.homeSectionSources, db: db, now: testNow)
                func add(_ n: Int, from start: Int) async throws {
                    for i in start..<(start + n) {
                        let user = UserModel(email: "d\(i)@example.org", name: "Dash \(i)", passwordHash: "x", role: .graduate, cohortID: world.cohort.id, timeZone: "Europe/London")
                        try await user.create(on: app.db)
                        try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: user.requireID()).create(on: app.db)
                        try await StandupModel(userID: user.requireID(), day: LocalDate(iso: "2026-11-23")!,
                                               draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 1 + i % 5, wantsHelp: false), late: false).create(on: app.db)
                        if i % 3 == 0 {
                            try await SupportUseCases(db: app.db, now: testNow).open(SupportRequestDraft(kind: .question, subject: "Q\(i)", message: "?"), for: user)
                        }
                    }
                }
                try await add(3, from: 0)
                counter.reset()
                let few = try await dashboard.rows(for: world.coach)
                let fewQueries = counter.count
                try await add(195, from: 3)
                counter.reset()
                let many = try await dashboard.rows(for: world.coach)
                #expect(few.count == 5 && many.count == 200)
                #expect(fewQueries > 0 && counter.count == fewQueries, "\(fewQueries) queries for 5 graduates, \(counter.count) for 200")
                #expect(many.filter { $0.openRequests > 0 }.count == 66 + 1)
            }
        }
    }
}

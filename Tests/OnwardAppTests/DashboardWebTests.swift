import Fluent
import Foundation
import Logging
import OnwardCore
import SQLKit
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
            // Asked again at today's standup; and an offer to decide.
            try await SupportUseCases(db: app.db, now: testNow).askFromStandup(grace, of: today, concerns: "Is it my CV?")
            _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Globex", roleTitle: "Developer"), stage: .offer, on: today.adding(days: -1))
            try await ReviewUseCases(db: app.db, now: testNow).submit(SubmissionDraft(kind: .jobSearchAnalysis, title: "Week 4", body: "Referrals", link: nil), for: world.graduate)
            let plans = LearningPlanUseCases(db: app.db, now: testNow.addingTimeInterval(-10 * 86_400))
            let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Testing", cadence: .weekly), by: world.coach)
            try await plans.recordMeeting(on: plan.requireIDString, by: world.coach) { today in
                MeetingDraft(heldOn: today, notes: "Tests first", recommendations: [RecommendationDraft(kind: .kata, description: "Bowling kata", due: today.adding(days: 3))])
            }
        }

        @Test func the_dashboard_shows_each_graduates_figures_and_sorts_and_filters_them() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await Self.fill(app, world)
                let rows = try await CoachDashboard(app: app, db: app.db, now: testNow).rows(for: world.coach)
                let grace = try #require(rows.first { $0.name == "Grace Graduate" })
                #expect(rows.count == 2)
                let status = grace[ProgrammeColumns.status]
                #expect(ProgrammeColumns.status(of: status) == .atRisk && !(status?.notes.isEmpty ?? true), "no retrospectives written in weeks 1 to 3")
                #expect(grace[ProgrammeColumns.streak]?.value == 3, "Thursday, Friday, today: the weekend passes over")
                #expect(grace[ProgrammeColumns.mood]?.value == 2)
                #expect(grace[JobSearchColumns.applications]?.value == 3, "the one sent seven days ago is outside")
                #expect(grace[JobSearchColumns.offers]?.value == 1)
                #expect(grace[CoachingColumns.requests]?.notes == ["1 asked at a standup"])
                #expect(grace[JobSearchColumns.interviews]?.value == 1)
                #expect(grace[CoachingColumns.requests]?.value == 2 && grace[CoachingColumns.submissions]?.value == 1 && grace[CoachingColumns.overdue]?.value == 1)
                #expect(CoachingColumns.meeting(of: grace[CoachingColumns.meeting]) == LocalDate(iso: "2026-11-23"), "a week after the last meeting, which has passed: due today")
                let otto = try #require(rows.first { $0.name == "Otto Other" })
                #expect(otto[ProgrammeColumns.streak]?.value == 0 && otto[ProgrammeColumns.mood] == nil && otto[JobSearchColumns.applications]?.value == 0
                        && otto[CoachingColumns.meeting] == nil)

                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let page = try await coach.get(SiteURL.coaching(.dashboard).path)
                #expect(page.status == .ok)
                #expect(page.text.contains("Grace Graduate") && page.text.contains("Otto Other") && page.text.contains("2 of 5") && page.text.contains("3 days"))
                #expect(page.text.contains(#"aria-sort="ascending""#))
                #expect(page.text.contains(#"<td class="status-at_risk"><span class="state-badge">At risk</span><p class="hint missing">Missing: "#))
                #expect(page.text.contains(#"<td class="num"><a href="/support-desk">2</a><p class="hint missing">1 asked at a standup</p></td>"#),
                        "an open request leads to the desk; one asked at a standup says so")
                // What waits on the coach, summed above the table, each a filter that shows who.
                #expect(page.text.contains("<strong>Waiting on you: </strong>"))
                #expect(page.text.contains(#">2 open requests</a>"#) && page.text.contains(#">1 submission to review</a>"#) && page.text.contains(#">1 offer to decide</a>"#))
                #expect(page.text.contains(#"<td class="num warning-text">1</td>"#), "an offer to decide is marked")
                let offers = try await coach.get(SiteURL.coaching(.dashboard).path + "?show=offers_to_decide").text
                #expect(offers.contains("Grace Graduate") && !offers.contains("Otto Other"))
                // Grace's page: her last standups with their moods, the lowest marked.
                let person = try await coach.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path).text
                let recent = try #require(person.range(of: "Last five standups"))
                let table = String(person[recent.upperBound...].prefix(3_000))
                #expect(table.contains(Formats.day(iso: "2026-11-23")) && table.contains(Formats.day(iso: "2026-11-19")))
                #expect(table.contains(#"<td class="warning-text">2</td>"#) && table.contains(#"<td class="num">4</td>"#))
                #expect(page.text.contains(#"<option value="low_mood">Low mood today (1 or 2)</option>"#))
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
                #expect(decoded?.first?["next_meeting"] as? String == "2026-11-23" && decoded?.first?["open_support_requests"] as? Int == 2)
                #expect(decoded?.first?["offers_to_decide"] as? Int == 1 && decoded?.last?["offers_to_decide"] as? Int == 0)
                #expect(decoded?.first?["standup_streak"] as? Int == 3 && (decoded?.first?["missing"] as? [String])?.isEmpty == false)
                #expect(decoded?.last?["next_meeting"] == nil && decoded?.last?["applications_last_7_days"] as? Int == 0)
                // Another coach sees none of them; an admin sees every graduate.
                let other = try await CoachDashboard(app: app, db: app.db, now: testNow).rows(for: world.unassignedCoach)
                #expect(other.isEmpty)
                #expect(try await CoachDashboard(app: app, db: app.db, now: testNow).rows(for: world.admin).count == 2)
            }
        }

        /// The whole dashboard of a coach takes the same number of queries for 5 graduates as for 200.
        @Test func the_dashboard_takes_a_fixed_number_of_queries() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await Self.fill(app, world)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let dashboard = CoachDashboard(app: app, db: db, now: testNow)
                func add(_ n: Int, from start: Int) async throws {
                    for i in start..<(start + n) {
                        let user = try await world.graduate("Dash \(i)", email: "d\(i)@example.org", coachedBy: world.coach, canSignIn: false, on: app)
                        try await StandupModel(userID: user.requireID(), day: LocalDate(iso: "2026-11-23")!,
                                               draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 1 + i % 5, wantsHelp: false), late: false).create(on: app.db)
                        if i % 3 == 0 {
                            try await SupportUseCases(db: app.db, now: testNow).open(SupportRequestDraft(kind: .question, subject: "Q\(i)", message: "?"), for: user)
                        }
                    }
                }
                /// The rows and the queries they took: worked out afresh (nothing kept), or read back as kept.
                func read(kept: Bool) async throws -> (rows: [DashboardRow], queries: Int) {
                    if !kept { try await (app.db as! any SQLDatabase).raw("DELETE FROM \(ident: KeptDashboardRows.table)").run() }
                    counter.reset()
                    let rows = try await dashboard.rows(for: world.coach)
                    return (rows, counter.count)
                }
                try await add(3, from: 0)
                let few = try await read(kept: false), fewKept = try await read(kept: true)
                try await add(195, from: 3)
                let many = try await read(kept: false), manyKept = try await read(kept: true)
                #expect(few.rows.count == 5 && many.rows.count == 200)
                #expect(few.queries > 0 && many.queries == few.queries, "\(few.queries) queries for 5 graduates, \(many.queries) for 200")
                #expect(manyKept.queries == fewKept.queries && manyKept.queries < few.queries, "kept: \(fewKept.queries) for 5, \(manyKept.queries) for 200")
                #expect(fewKept.rows == few.rows && manyKept.rows == many.rows, "read back as they were worked out")
                #expect(many.rows.filter { ($0[CoachingColumns.requests]?.value ?? 0) > 0 }.count == 66 + 1)
            }
        }

        /// Every write a line is made from marks it stale, whoever writes (a use case, plain SQL):
        /// after each, the dashboard reads what working it out afresh gives, and the write changed it.
        @Test func a_write_to_any_table_a_line_is_made_from_marks_it_stale() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await Self.fill(app, world)
                let sql = app.db as! any SQLDatabase
                let (grace, otto) = (try world.graduate.requireID(), try world.otherGraduate.requireID())
                var now = testNow
                func rows() async throws -> [DashboardRow] { try await CoachDashboard(app: app, db: app.db, now: now).rows(for: world.coach) }
                func afresh() async throws -> [DashboardRow] {
                    try await sql.raw("DELETE FROM \(ident: KeptDashboardRows.table)").run()
                    return try await rows()
                }
                var before = try await rows()
                func check(_ what: String, _ write: () async throws -> Void) async throws {
                    try await write()
                    let kept = try await rows()
                    #expect(kept != before, "\(what) changes the dashboard")
                    #expect(kept == (try await afresh()), "after \(what), the kept lines are the lines worked out afresh")
                    before = kept
                }
                let today = LocalDate(iso: "2026-11-23")!
                try await check("a standup") {
                    try await StandupModel(userID: otto, day: today, draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 5, wantsHelp: false), late: false).create(on: app.db)
                }
                let search = JobSearch(db: app.db, now: testNow)
                var sent: ApplicationModel?
                try await check("an application sent") {
                    sent = try await search.create(for: world.otherGraduate, draft: ApplicationDraft(company: "Globex", roleTitle: "Developer"), stage: .applied, on: today)
                }
                try await check("an interview") {
                    try await InterviewModel(applicationID: sent!.requireID(), draft: InterviewDraft(kind: .technical, at: testNow.addingTimeInterval(-600), durationMinutes: 30,
                                                                                                       withWhom: "", outcome: .awaiting, feedback: "", feedbackIsTechnical: false)).create(on: app.db)
                }
                try await check("a move's day changed by SQL") {
                    try await sql.raw("UPDATE application_moves SET on_date = '2026-11-01' WHERE application_id = \(bind: sent!.requireID())").run()
                }
                try await check("an application deleted") {
                    try await sql.raw("DELETE FROM job_applications WHERE user_id = \(bind: grace) AND company = 'Initech'").run()
                }
                try await check("a support request solved") {
                    try await sql.raw("UPDATE support_requests SET state = 'solved' WHERE user_id = \(bind: grace)").run()
                }
                try await check("a recommendation done") {
                    try await sql.raw("UPDATE recommendations SET state = 'done'").run()
                }
                try await check("an ILP meeting held") {
                    let plan = try #require(try await LearningPlanModel.query(on: app.db).filter(\.$user.$id == grace).first())
                    _ = try await LearningPlanUseCases(db: app.db, now: testNow).recordMeeting(on: plan.requireIDString, by: world.coach) { today in
                        MeetingDraft(heldOn: today, notes: "", recommendations: [])
                    }
                }
                try await check("a submission approved") {
                    try await sql.raw("UPDATE submissions SET state = 'approved' WHERE user_id = \(bind: grace)").run()
                }
                try await check("the programme's retrospectives removed") {
                    try await sql.raw("DELETE FROM programme_activities WHERE kind = 'retrospective'").run()
                }
                try await check("a pause") {
                    try await ProgrammePauseModel(userID: grace, pausedByID: world.admin.requireID(), reason: "Ill", since: today).create(on: app.db)
                }
                try await check("an accepted invitation (the day they joined)") {
                    try await InvitationModel(email: world.otherGraduate.email, role: .graduate, cohortID: world.cohort.id, tokenHash: "x", invitedByID: world.admin.requireID(),
                                              expiresAt: testNow).create(on: app.db)
                    try await sql.raw("UPDATE invitations SET accepted_at = \(bind: testNow) WHERE email = \(bind: world.otherGraduate.email)").run()
                }
                try await check("a placement") {
                    try await sql.raw("DELETE FROM programme_pauses").run()
                    try await PlacementModel(userID: grace, applicationID: nil, company: "Acme",
                                             draft: PlacementDraft(startDate: today, jobTitle: "Developer", employmentType: .fullTime, inField: true, salary: 40_000)).create(on: app.db)
                }
                try await check("a graduate leaving their cohort") {
                    try await sql.raw("UPDATE users SET cohort_id = NULL WHERE id = \(bind: otto)").run()
                }
                try await check("a new day") { now = now.addingTimeInterval(86_400) }
            }
        }

        /// Coaches reading the dashboard while graduates post standups and the team answers their
        /// requests, all at once: whatever order they land in, what is kept after is what working
        /// it out afresh gives.
        @Test func reads_and_writes_at_once_leave_no_stale_line_kept() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await Self.fill(app, world)
                var graduates: [UserModel] = []
                for i in 0..<12 {
                    let user = try await world.graduate("Crowd \(i)", email: "c\(i)@example.org", coachedBy: world.coach, canSignIn: false, on: app)
                    try await SupportUseCases(db: app.db, now: testNow).open(SupportRequestDraft(kind: .question, subject: "Q\(i)", message: "?"), for: user)
                    graduates.append(user)
                }
                let dashboard = CoachDashboard(app: app, db: app.db, now: testNow)
                _ = try await dashboard.rows(for: world.coach)
                for round in 0..<3 {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (i, graduate) in graduates.enumerated() {
                            let id = try graduate.requireID()
                            group.addTask { _ = try await dashboard.rows(for: world.coach) }
                            group.addTask {
                                if (i + round) % 2 == 0 {
                                    let day = LocalDate(iso: "2026-11-23")!.adding(days: -round)
                                    try await StandupModel(userID: id, day: day, draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 1 + (i + round) % 5, wantsHelp: false),
                                                           late: false).create(on: app.db)
                                } else {
                                    try await (app.db as! any SQLDatabase).raw("UPDATE support_requests SET state = \(bind: round % 2 == 0 ? "solved" : "open") WHERE user_id = \(bind: id)").run()
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                    let kept = try await dashboard.rows(for: world.coach)
                    try await (app.db as! any SQLDatabase).raw("DELETE FROM \(ident: KeptDashboardRows.table)").run()
                    #expect(kept == (try await dashboard.rows(for: world.coach)), "round \(round)")
                }
            }
        }

        /// A line worked out while a write lands is not kept: the write moved the generation on.
        @Test func a_line_worked_out_before_a_write_is_not_kept() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let sql = app.db as! any SQLDatabase
                let grace = try world.graduate.requireID()
                var days = KeptDashboardRows.Days(now: testNow)
                let fresh = days.freshFor(timeZone: world.graduate.timeZone, cohortTimeZone: world.cohort.timeZone)
                let line = DashboardRow(id: grace.uuidString, name: "Grace").kept(app.dashboardColumns.map(\.column))
                func stored() async throws -> String? { try await KeptDashboardRows.read([grace], on: app.db)[grace]?.line }
                // Nothing kept yet (giving the programme marked the cohort's lines); a standup lands
                // before the reader keeps what it worked out.
                try await sql.raw("DELETE FROM \(ident: KeptDashboardRows.table)").run()
                #expect(try await KeptDashboardRows.read([grace], on: app.db).isEmpty)
                try await StandupModel(userID: grace, day: LocalDate(iso: "2026-11-23")!, draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 3, wantsHelp: false),
                                       late: false).create(on: app.db)
                try await KeptDashboardRows.keep([(grace, 0, fresh, line)], on: app.db)
                #expect(try await stored() == nil, "the standup's mark came first")
                let generation = try #require(try await KeptDashboardRows.read([grace], on: app.db)[grace]?.generation)
                try await KeptDashboardRows.keep([(grace, generation, fresh, line)], on: app.db)
                #expect(try await stored() == line)
                // Kept, then a write marks it stale before a reader who read it keeps it again.
                try await sql.raw("UPDATE standups SET mood = 4 WHERE user_id = \(bind: grace)").run()
                #expect(try await stored() == nil)
                try await KeptDashboardRows.keep([(grace, generation, fresh, line)], on: app.db)
                #expect(try await stored() == nil, "kept from a generation that has passed")
                // Every watched table has its triggers.
                let names: [String]
                if sql.dialect.name == "sqlite" {
                    names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'trigger'").all().map { try $0.decode(column: "name", as: String.self) }
                } else {
                    names = try await sql.raw("SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal").all().map { try $0.decode(column: "name", as: String.self) }
                }
                let watches = Migrations.history.compactMap { $0 as? KeptDashboardRows.Create }.flatMap(\.watches)
                #expect(watches.count >= 20)
                // The job search's figures go stale by the same mechanism.
                for marks in [KeptDashboardRows.marks(watches), JobSearchMigrations.MarkFiguresStaleAsTheDashboardDoes.marks] {
                    for watch in marks.watches {
                        for event in watch.events { #expect(names.contains("\(marks.triggerName(watch))_\(event.lowercased())"), "\(watch.table) \(event)") }
                    }
                }
                #expect(!names.contains { $0.hasSuffix("_marks_figures_stale") && !$0.contains("_marks_figures_stale_") }, "the first figures triggers are gone")
            }
        }
    }
}

extension KeptDashboardRows {
    /// The kept lines of `ids`, as they are stored: for tests to look at.
    static func read(_ ids: [UUID], on db: any Database) async throws -> [UUID: Kept] {
        guard !ids.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT user_id, generation, fresh_for, line FROM \(ident: table) WHERE user_id IN \(SQLBind.group(ids))
            """).all()
        let byText = UUID.byText(ids)
        var result: [UUID: Kept] = [:]
        for row in rows {
            result[try row.id("user_id", among: byText)] = Kept(generation: try row.decode(column: "generation", as: Int.self),
                                                                freshFor: try row.decode(column: "fresh_for", as: String?.self),
                                                                line: try row.decode(column: "line", as: String?.self))
        }
        return result
    }

}

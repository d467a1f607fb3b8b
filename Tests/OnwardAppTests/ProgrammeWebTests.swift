import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The programme on the web: an admin gives a cohort the default programme; a graduate reads their
/// road map and status, posts a standup, skips a task (runs on SQLite, and on PostgreSQL when
/// DATABASE_URL is set). The app's clock is Monday 23 November 2026, 12:00 in London: week 4 of a
/// course that ended on Friday 30 October.
extension AppTests {
    @Suite struct ProgrammeWebTests {
        static func withProgramme(_ body: (Application, World) async throws -> Void) async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let given = try await admin.post(SiteURL.programme(.giveDefault(cohortID: world.cohort.id!.uuidString)).path)
                #expect(given.status == .seeOther)
                try await body(app, world)
            }
        }

        @Test func without_a_programme_the_graduate_is_told_so() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let page = try await browser.get(SiteURL.programme(.roadMap).path)
                #expect(page.status == .ok)
                #expect(page.text.contains("Your cohort has no programme yet"))
            }
        }

        @Test func a_cohort_gets_the_default_programme_once() async throws {
            try await Self.withProgramme { app, world in
                #expect(try await CohortProgrammeModel.query(on: app.db).count() == 1)
                #expect(try await ProgrammeActivityModel.query(on: app.db).count() == DefaultProgramme.activities.count)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let again = try await admin.post(SiteURL.programme(.giveDefault(cohortID: world.cohort.id!.uuidString)).path)
                #expect(again.status == .seeOther)
                #expect(try await ProgrammeModel.query(on: app.db).count() == 1, "a second click gives no second programme")
                #expect(try await admin.get(SiteURL.programme(.cohorts).path).text.contains(DefaultProgramme.name))
            }
        }

        @Test func two_admins_giving_a_programme_at_once_give_one() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            do {
                                try await ProgrammeUseCases(db: app.db, now: testNow).giveDefault(to: world.cohort)
                                return true
                            } catch let error as Refusal where error.kind == .conflict {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(results.filter { $0 }.count == 1)
                #expect(try await ProgrammeModel.query(on: app.db).count() == 1)
                #expect(try await ProgrammeActivityModel.query(on: app.db).count() == DefaultProgramme.activities.count)
            }
        }

        @Test func marks_of_one_task_sent_at_once_leave_one_mark() async throws {
            try await Self.withProgramme { app, world in
                let graduate = try #require(try await UserModel.find(world.graduate.id, on: app.db))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for n in 0..<8 {
                        group.addTask { try await ProgrammeUseCases(db: app.db, now: testNow).mark("apply", for: nil, as: n % 2 == 0 ? .done : .skipped, for: graduate) }
                    }
                    try await group.waitForAll()
                }
                #expect(try await ActivityMarkModel.query(on: app.db).count() == 1)
            }
        }

        @Test func one_weeks_retrospective_written_at_once_from_two_tabs_is_one() async throws {
            try await Self.withProgramme { app, world in
                let graduate = try #require(try await UserModel.find(world.graduate.id, on: app.db))
                let draft = try RetrospectiveDraft.validate(wentWell: "Acme", didNotGoWell: "nothing", learned: "SQL", focus: "Tests", better: "yes")
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await ProgrammeUseCases(db: app.db, now: testNow).writeRetrospective(draft, week: 3, for: graduate) }
                    }
                    try await group.waitForAll()
                }
                #expect(try await RetrospectiveModel.query(on: app.db).count() == 1)
            }
        }

        @Test func in_week_4_with_nothing_done_the_road_map_says_at_risk_and_why() async throws {
            try await Self.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let page = try await browser.get(SiteURL.programme(.roadMap).path)
                #expect(page.text.contains("Week 4"))
                #expect(page.text.contains("At risk"))
                #expect(page.text.contains("Reassess your SMART goals, due 8 Nov 2026"))
                #expect(page.text.contains("Weekly retrospective, due 15 Nov 2026"))
                #expect(page.text.contains("Analyse your job search"), "due this week")
                let home = try await browser.get(SiteURL.homes(.graduate).path)
                #expect(home.text.contains("standup · due at 10:00"))
                #expect(home.text.contains(#"action="/programme/standup""#), "the standup is posted from the home page")
                #expect(home.text.contains("At risk"))
                // Posted from the home page, it is gone from it.
                _ = try await browser.post(SiteURL.programme(.standup).path, ["today": "Two applications", "mood": "4"])
                let after = try await browser.get(SiteURL.homes(.graduate).path).text
                #expect(after.contains("Standup posted."))
                #expect(!after.contains("standup · due at"))
            }
        }

        @Test func a_standup_is_one_per_day_a_second_post_edits_it_and_bad_input_writes_nothing() async throws {
            try await Self.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let bad = try await browser.post(SiteURL.programme(.standup).path, ["yesterday": "Kata", "today": " ", "mood": "9"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains("Say what you&#39;ll do today.") || bad.text.contains("Say what you'll do today."))
                #expect(bad.text.contains("from 1 (low) to 5 (great)"))
                #expect(try await StandupModel.query(on: app.db).count() == 0)
                let posted = try await browser.post(SiteURL.programme(.standup).path, ["yesterday": "Kata", "today": "Two applications", "mood": "4"])
                #expect(posted.status == .seeOther)
                let edited = try await browser.post(SiteURL.programme(.standup).path, ["yesterday": "Kata", "today": "Three applications", "mood": "5", "blockers": "SQL joins", "wants_help": "yes"])
                #expect(edited.status == .seeOther)
                let standups = try await StandupModel.query(on: app.db).all()
                #expect(standups.count == 1)
                #expect(standups.first?.today == "Three applications")
                #expect(standups.first?.wantsHelp == true)
                #expect(standups.first?.day == "2026-11-23")
                #expect(standups.first?.isLate == true, "posted at 12:00, after the 10:00 standup")
                #expect(try await browser.get(SiteURL.programme(.roadMap).path).text.contains("Standup posted (after 10:00)"))
            }
        }

        @Test func two_standups_posted_at_once_make_one() async throws {
            try await Self.withProgramme { app, world in
                let graduate = try #require(try await UserModel.find(world.graduate.id, on: app.db))
                let draft = try StandupDraft.validate(yesterday: "", today: "Apply", blockers: "", mood: "3", wantsHelp: false)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await ProgrammeUseCases(db: app.db, now: testNow).postStandup(draft, for: graduate) }
                    }
                    try await group.waitForAll()
                }
                #expect(try await StandupModel.query(on: app.db).count() == 1)
            }
        }

        @Test func a_task_can_be_skipped_in_one_click_but_a_required_one_cannot() async throws {
            try await Self.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let skipped = try await browser.post(SiteURL.programme(.mark).path, ["activity": "apply", "mark": "skipped"])
                #expect(skipped.status == .seeOther)
                let marks = try await ActivityMarkModel.query(on: app.db).all()
                #expect(marks.map(\.activityKey) == ["apply"])
                #expect(marks.map(\.mark) == ["skipped"])
                // Changing one's mind: done replaces skipped.
                _ = try await browser.post(SiteURL.programme(.mark).path, ["activity": "apply", "mark": "done"])
                #expect(try await ActivityMarkModel.query(on: app.db).all().map(\.mark) == ["done"])
                for refused in [["activity": "reassess-goals", "mark": "skipped"], ["activity": "no-such-task", "mark": "done"]] {
                    let answer = try await browser.post(SiteURL.programme(.mark).path, refused)
                    #expect(answer.status == .seeOther)
                    let page = try await browser.get(SiteURL.programme(.roadMap).path)
                    #expect(page.text.contains("is recorded on its own page") || page.text.contains("Your programme has no such activity"))
                }
                #expect(try await ActivityMarkModel.query(on: app.db).count() == 1)
            }
        }

        static let retrospective = ["went_well": "Two interviews", "did_not_go_well": "A tech test ran out of time", "learned": "SQL joins",
                                    "focus": "Tech tests", "better": "yes"]

        @Test func writing_the_missing_retrospectives_late_and_reassessing_a_goal_puts_the_status_right() async throws {
            try await Self.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let form = try await browser.get(SiteURL.programme(.retrospective).path + "?week=2")
                #expect(form.text.contains("Retrospective · week 2"))
                #expect(form.text.contains("9 Nov 2026 to 15 Nov 2026"))
                // Weeks 1 to 3 have ended (2-8, 9-15, 16-22 November).
                for week in 1...3 {
                    var fields = Self.retrospective
                    fields["week"] = String(week)
                    #expect(try await browser.post(SiteURL.programme(.retrospective).path, fields).status == .seeOther)
                }
                #expect(try await browser.get(SiteURL.programme(.roadMap).path).text.contains("At risk"), "the goals are still missing")
                _ = try await browser.post(SiteURL.programme(.goals).path, RecordsWebTests.goal)
                let page = try await browser.get(SiteURL.programme(.roadMap).path)
                #expect(page.text.contains("Enrolled"))
                #expect(!page.text.contains("Overdue"))
                let written = try await RetrospectiveModel.query(on: app.db).all()
                #expect(Set(written.map(\.writtenOn)) == ["2026-11-23"], "written today, for the weeks they were due in")
                #expect(try await browser.get(SiteURL.programme(.retrospectives).path).text.contains("week 1: yes, week 2: yes, week 3: yes"))
            }
        }

        @Test func a_retrospective_keeps_the_figures_of_its_own_week() async throws {
            try await Self.withProgramme { app, world in
                let search = JobSearch(db: app.db, now: testNow)
                // Week 3 runs from Monday 16 to Sunday 22 November.
                let inWeek3 = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: LocalDate(iso: "2026-11-17")!)
                _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Globex", roleTitle: "Developer"), stage: .applied, on: LocalDate(iso: "2026-11-10")!)
                _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Initech", roleTitle: "Developer"), stage: .wishlist, on: LocalDate(iso: "2026-11-18")!)
                // 23:30 on Sunday 22 November in London is in week 3; 00:30 on Monday is not.
                for at in [1_795_390_200.0, 1_795_393_800.0] {
                    let draft = try InterviewDraft.validate(kind: .technical, at: Date(timeIntervalSince1970: at), durationMinutes: 30, withWhom: "", outcome: .awaiting, feedback: "", feedbackIsTechnical: false)
                    _ = try await search.addInterview(to: inWeek3, draft)
                }
                let graduate = try #require(try await UserModel.find(world.graduate.id, on: app.db))
                for day in ["2026-11-16", "2026-11-18", "2026-11-23"] {
                    try await StandupModel(userID: graduate.requireID(), day: LocalDate(iso: day)!,
                                           draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 3, wantsHelp: false), late: false).create(on: app.db)
                }
                let draft = try RetrospectiveDraft.validate(wentWell: "Acme", didNotGoWell: "nothing", learned: "SQL", focus: "Tests", better: "yes")
                try await ProgrammeUseCases(db: app.db, now: testNow).writeRetrospective(draft, week: 3, for: graduate)
                let written = try #require(try await RetrospectiveModel.query(on: app.db).first())
                let figures: [Int] = [written.applications, written.interviews, written.standups]
                #expect(figures == [1, 1, 2])
            }
        }

        @Test func a_retrospective_is_one_per_week_checked_and_never_for_a_week_to_come() async throws {
            try await Self.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let empty = try await browser.post(SiteURL.programme(.retrospective).path, ["week": "4", "went_well": "Interviews"])
                #expect(empty.status == .unprocessableEntity)
                #expect(empty.text.contains("Say what you will focus on next week."))
                #expect(empty.text.contains("Interviews"), "what was typed is kept")
                var future = Self.retrospective
                future["week"] = "5"
                let ahead = try await browser.post(SiteURL.programme(.retrospective).path, future)
                #expect(ahead.status == .conflict, "the week is a number like any other; the clock has not reached it")
                #expect(ahead.text.contains("Write the retrospective of this week or of one that has ended."))
                #expect(try await RetrospectiveModel.query(on: app.db).count() == 0)
                var this = Self.retrospective
                this["week"] = "4"
                _ = try await browser.post(SiteURL.programme(.retrospective).path, this)
                this["focus"] = "Mock interviews"
                _ = try await browser.post(SiteURL.programme(.retrospective).path, this)
                let written = try await RetrospectiveModel.query(on: app.db).all()
                #expect(written.map(\.focus) == ["Mock interviews"])
                // A retrospective is written, not marked.
                let marked = try await browser.post(SiteURL.programme(.mark).path, ["activity": "retrospective", "mark": "done"])
                #expect(marked.status == .seeOther)
                #expect(try await ActivityMarkModel.query(on: app.db).count() == 0)
            }
        }

        @Test func the_api_tells_where_a_graduate_stands_and_takes_their_standup() async throws {
            try await Self.withProgramme { app, world in
                let token = try await APITests.token(for: world.graduate, app: app)
                let standing = try await APITests.send(app, .GET, "/api/v1/programme", token: token)
                #expect(standing.status == .ok)
                struct Standing: Decodable {
                    struct Item: Decodable { let activity: String; let state: String; let due: String }
                    let week: Int
                    let status: String
                    let missing: [Item]
                }
                let body = try standing.content.decode(Standing.self)
                #expect(body.week == 4)
                #expect(body.status == "at_risk")
                #expect(body.missing.map(\.activity) == ["reassess-goals", "retrospective", "retrospective", "retrospective"])
                #expect(body.missing.map(\.due) == ["2026-11-08", "2026-11-08", "2026-11-15", "2026-11-22"])

                let bad = try await APITests.send(app, .POST, "/api/v1/standups", token: token, json: #"{"today":"Apply","mood":9}"#)
                #expect(bad.status == .unprocessableEntity)
                #expect(try bad.content.decode(APITests.ErrorBody.self).error.field == "mood")
                let helpless = try await APITests.send(app, .POST, "/api/v1/standups", token: token, json: #"{"today":"Apply","mood":2,"wants_help":true}"#)
                #expect(try helpless.content.decode(APITests.ErrorBody.self).error.field == "blockers")
                #expect(try await StandupModel.query(on: app.db).count() == 0)
                let posted = try await APITests.send(app, .POST, "/api/v1/standups", token: token, json: #"{"today":"Apply","mood":3}"#)
                #expect(posted.status == .created)
                let edited = try await APITests.send(app, .POST, "/api/v1/standups", token: token, json: #"{"today":"Apply twice","mood":4}"#)
                #expect(edited.status == .ok)
                #expect(try await StandupModel.query(on: app.db).all().map(\.today) == ["Apply twice"])

                let coach = try await APITests.token(for: world.coach, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/programme", token: coach).status == .forbidden)
            }
        }

        @Test func the_api_says_when_a_cohort_has_no_programme() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/programme", token: token).status == .notFound)
                #expect(try await APITests.send(app, .POST, "/api/v1/standups", token: token, json: #"{"today":"Apply","mood":3}"#).status == .notFound)
            }
        }

        @Test func a_graduate_who_accepted_a_job_is_placed_whatever_is_missing() async throws {
            try await Self.withProgramme { app, world in
                let search = JobSearch(db: app.db, now: testNow)
                let today = search.today(for: world.graduate)
                let application = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: today.adding(days: -20))
                try await search.move(application, to: .offer, on: today.adding(days: -2))
                let placement = try PlacementDraft.validate(startDate: "2026-12-01", jobTitle: "Junior Developer", employmentType: "full_time", inField: "yes", salary: "32000")
                try await search.move(application, to: .accepted, on: today, placement: placement)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let page = try await browser.get(SiteURL.programme(.roadMap).path)
                #expect(page.text.contains("Placed"))
                #expect(!page.text.contains("At risk"))
            }
        }

        @Test func a_coachs_home_puts_who_is_at_risk_first_with_why() async throws {
            try await Self.withProgramme { app, world in
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let home = try await coach.get(SiteURL.homes(.coach).path)
                #expect(home.text.contains("1 at risk"))
                #expect(home.text.contains("Grace Graduate</a>: missing Reassess your SMART goals, due 8 Nov 2026"))
                #expect(!home.text.contains("Otto Other"), "only their own graduates")
            }
        }

        /// The status of every graduate of a coach takes the same number of queries for 5 as for 200.
        @Test func the_statuses_of_a_coachs_graduates_take_a_fixed_number_of_queries() async throws {
            try await Self.withProgramme { app, world in
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let programmes = ProgrammeUseCases(db: db, now: testNow)
                func graduates(_ n: Int, from start: Int) async throws -> [UserModel] {
                    var made: [UserModel] = []
                    for i in start..<(start + n) {
                        let user = try await world.graduate("Graduate \(i)", email: "g\(i)@example.org", canSignIn: false, on: app)
                        try await StandupModel(userID: user.requireID(), day: LocalDate(iso: "2026-11-20")!,
                                               draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 3, wantsHelp: false), late: false).create(on: app.db)
                        try await ActivityMarkModel(userID: user.requireID(), activityKey: "reassess-goals", day: LocalDate(iso: "2026-11-04")!,
                                                    writtenOn: LocalDate(iso: "2026-11-04")!, mark: .done).create(on: app.db)
                        made.append(user)
                    }
                    return made
                }
                let few = try await graduates(5, from: 0)
                counter.reset()
                let fewStatuses = try await programmes.statuses(of: few)
                let fewQueries = counter.count
                let many = try await graduates(195, from: 5) + few
                counter.reset()
                let manyStatuses = try await programmes.statuses(of: many)
                #expect(fewStatuses.count == 5)
                #expect(manyStatuses.count == 200)
                #expect(fewQueries > 0)
                #expect(counter.count == fewQueries, "\(fewQueries) queries for 5 graduates, \(counter.count) for 200")
                #expect(manyStatuses.values.allSatisfy { $0.name == "at_risk" }, "no retrospectives written")
            }
        }

        /// The cohort's standup board takes the same number of queries for 5 graduates as for 200.
        @Test func the_standup_board_takes_a_fixed_number_of_queries() async throws {
            try await Self.withProgramme { app, world in
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                func add(_ n: Int, from start: Int) async throws {
                    for i in start..<(start + n) {
                        let user = try await world.graduate("Board \(i)", email: "b\(i)@example.org", coachedBy: world.coach, canSignIn: false, on: app)
                        guard i % 2 == 0 else { continue }
                        try await StandupModel(userID: user.requireID(), day: LocalDate(iso: "2026-11-23")!,
                                               draft: StandupDraft(yesterday: "", today: "Apply", blockers: "Help", mood: 3, wantsHelp: i % 4 == 0), late: false).create(on: app.db)
                    }
                }
                func queries(_ body: () async throws -> Void) async throws -> Int {
                    counter.reset()
                    try await body()
                    return counter.count
                }
                try await add(3, from: 0)   // with Grace and Otto: 5 graduates
                let fewBoard = try await queries { _ = try await ProgrammeUseCases(db: db, now: testNow).standupBoard(of: world.cohort.id!, for: world.coach) }
                try await add(195, from: 3)
                var board: StandupBoardPage?
                let manyBoard = try await queries {
                    board = try await ProgrammeUseCases(db: db, now: testNow).standupBoard(of: world.cohort.id!, for: world.coach).map { StandupBoardPage($0, viewer: world.coach) }
                }
                #expect(board?.posted.count == 99)
                #expect(board?.waiting.count == 101)
                #expect(fewBoard > 0 && manyBoard == fewBoard, "\(fewBoard) queries for 5 graduates, \(manyBoard) for 200")
            }
        }

        @Test func the_standup_board_shows_plans_to_the_cohort_and_moods_only_to_the_graduate_and_their_coaches() async throws {
            try await Self.withProgramme { app, world in
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                _ = try await grace.post(SiteURL.programme(.standup).path, ["today": "Two applications", "mood": "2", "blockers": "Stuck on SQL joins", "wants_help": "yes"])
                let board = SiteURL.programme(.standupBoard(cohortID: world.cohort.id!.uuidString)).path
                let own = try await grace.get(board)
                #expect(own.text.contains("Two applications"))
                #expect(own.text.contains("2 of 5"))
                #expect(own.text.contains("Stuck on SQL joins"))
                #expect(own.text.contains("Otto Other"), "who has not posted yet")
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                let peer = try await otto.get(board)
                #expect(peer.text.contains("Two applications"))
                #expect(!peer.text.contains("2 of 5"))
                #expect(!peer.text.contains("Stuck on SQL joins"))
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let coached = try await coach.get(board)
                #expect(coached.text.contains("Stuck on SQL joins"))
                #expect(coached.text.contains("Concerns (asked for help)"))
                let stranger = Browser(app)
                try await stranger.signIn(world.unassignedCoach)
                #expect(try await stranger.get(board).status == .notFound)
            }
        }

        @Test func a_coach_sees_their_graduates_status_and_a_partner_does_not() async throws {
            try await Self.withProgramme { app, world in
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let page = try await coach.get(SiteURL.homes(.person(id: world.graduate.id!.uuidString)).path)
                #expect(page.text.contains("Programme · week 4"))
                #expect(page.text.contains("At risk"))
                let partner = Browser(app)
                try await partner.signIn(world.partner)
                let seen = try await partner.get(SiteURL.homes(.person(id: world.graduate.id!.uuidString)).path)
                #expect(!seen.text.contains("At risk"))
            }
        }
    }
}

extension AppTests.ProgrammeWebTests {
    @Test func an_admin_adds_an_activity_mid_way_which_counts_from_today_and_removes_one() async throws {
        try await Self.withProgramme { app, world in
            let admin = Browser(app)
            try await admin.signIn(world.admin)
            let programme = try #require(try await ProgrammeModel.query(on: app.db).first())
            let id = programme.id!.uuidString
            #expect(try await admin.get(SiteURL.programme(.cohorts).path).text.contains(SiteURL.programme(.programme(id: id)).path))
            let bad = try await admin.post(SiteURL.programme(.addActivity(programmeID: id)).path,
                                           ["title": "Mock interview", "kind": "custom", "schedule": "by_week", "due_week": "60", "count": "1"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Give the week it is due by, from 1 to 52."))
            let before = try await ProgrammeActivityModel.query(on: app.db).count()
            let added = try await admin.post(SiteURL.programme(.addActivity(programmeID: id)).path,
                                             ["title": "Demo day prep", "kind": "custom", "schedule": "weekly", "required": "yes", "count": "1"])
            #expect(added.status == .seeOther)
            #expect(try await ProgrammeActivityModel.query(on: app.db).count() == before + 1)
            let row = try #require(try await ProgrammeActivityModel.query(on: app.db).filter(\.$key == "demo-day-prep").first())
            #expect(row.since == "2026-11-23")
            // Weeks 1 to 3 have ended before it was added: it asks nothing of them. Week 4 is in progress.
            let standing = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: world.graduate))
            guard case .atRisk(let missing) = standing.status else { Issue.record("the retrospectives are missing"); return }
            #expect(!missing.map(\.activity.id).contains("demo-day-prep"))
            #expect(standing.roadMap.thisWeek.contains { $0.activity.id == "demo-day-prep" })
            // Removing the retrospective takes it out of the status.
            let retrospective = try #require(try await ProgrammeActivityModel.query(on: app.db).filter(\.$key == "retrospective").first())
            #expect(try await admin.post(SiteURL.programme(.removeActivity(id: retrospective.id!.uuidString)).path).status == .seeOther)
            let after = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: world.graduate))
            guard case .atRisk(let still) = after.status else { Issue.record("the goals are missing"); return }
            #expect(still.map(\.activity.id) == ["reassess-goals"])
        }
    }
}

extension AppTests.ProgrammeWebTests {
    @Test func a_graduate_who_joined_in_week_4_owes_nothing_of_the_weeks_before() async throws {
        try await Self.withProgramme { app, world in
            // Otto accepted his invitation on Monday 16 November, in week 3; Grace has no invitation (made by hand).
            let invitation = InvitationModel(email: world.otherGraduate.email, role: .graduate, cohortID: world.cohort.id, tokenHash: "x",
                                             invitedByID: try world.admin.requireID(), expiresAt: testNow)
            invitation.acceptedAt = testNow.addingTimeInterval(-7 * 86_400)
            try await invitation.create(on: app.db)
            let programmes = ProgrammeUseCases(db: app.db, now: testNow)
            let otto = try #require(try await programmes.standing(of: world.otherGraduate))
            guard case .atRisk(let missing) = otto.status else { Issue.record("week 3's retrospective is owed"); return }
            #expect(missing.map(\.due) == [LocalDate(iso: "2026-11-22")!], "only the week he joined in; not week 1's goals, not weeks 1 and 2")
            let statuses = try await programmes.statuses(of: [world.graduate, world.otherGraduate])
            guard case .atRisk(let ottos) = statuses[world.otherGraduate.id!], case .atRisk(let graces) = statuses[world.graduate.id!] else {
                Issue.record("both at risk"); return
            }
            #expect(ottos.count == 1)
            #expect(graces.count == 4, "Grace owes every week")
        }
    }
}

extension AppTests.ProgrammeWebTests {
    /// An activity edited keeps its key (what marks and records name) and counts from the day of
    /// the edit; a bad edit changes nothing; a programme gets a name of its own.
    @Test func an_admin_edits_an_activity_from_today_and_renames_the_programme() async throws {
        try await Self.withProgramme { app, world in
            let admin = Browser(app)
            try await admin.signIn(world.admin)
            let programme = try #require(try await ProgrammeModel.query(on: app.db).first())
            #expect(programme.name == ProgrammeName.of(cohort: world.cohort.name), "a cohort's copy is named after it")
            let retrospective = try #require(try await ProgrammeActivityModel.query(on: app.db).filter(\.$key == "retrospective").first())
            let path = SiteURL.programme(.editActivity(id: retrospective.requireIDString)).path
            #expect(try await admin.get(SiteURL.programme(.programme(id: programme.requireIDString)).path).text.contains(path))
            let page = try await admin.get(path).text
            #expect(page.contains(#"value="\#(retrospective.title)""#))

            let bad = try await admin.post(path, ["title": "Weekly retrospective", "kind": "retrospective", "schedule": "daily", "count": "1"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("A retrospective falls due every week."))
            #expect(try await ProgrammeActivityModel.find(retrospective.id, on: app.db)?.since == retrospective.since)

            // Weeks 1 to 3 had no retrospective: once the activity is edited today, they no longer count.
            let before = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: world.graduate))
            guard case .atRisk(let missing) = before.status else { Issue.record("at risk before"); return }
            #expect(missing.map(\.activity.id).contains("retrospective"))
            let saved = try await admin.post(path, ["title": "Friday retrospective", "description": "Before 5 pm", "kind": "retrospective",
                                                    "schedule": "weekly", "required": "yes", "count": "1"])
            #expect(saved.status == .seeOther)
            let stored = try #require(try await ProgrammeActivityModel.find(retrospective.id, on: app.db))
            #expect(stored.title == "Friday retrospective" && stored.key == "retrospective" && stored.since == "2026-11-23")
            let after = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: world.graduate))
            if case .atRisk(let still) = after.status { #expect(!still.map(\.activity.id).contains("retrospective")) }

            let rename = SiteURL.programme(.renameProgramme(id: programme.requireIDString)).path
            let blank = try await admin.post(rename, ["name": "  "])
            #expect(blank.status == .unprocessableEntity && blank.text.contains("Name the programme."))
            #expect(try await admin.post(rename, ["name": "Autumn job search"]).status == .seeOther)
            #expect(try await ProgrammeModel.find(programme.id, on: app.db)?.name == "Autumn job search")
            #expect(try await admin.get(SiteURL.programme(.cohorts).path).text.contains("Autumn job search"))
        }
    }
}

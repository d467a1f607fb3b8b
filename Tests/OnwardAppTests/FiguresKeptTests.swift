import Fluent
import Foundation
import OnwardCore
import SQLKit
import Testing
import Vapor
@testable import OnwardApp

extension AppTests {
    /// The home page's figures are kept between changes; every change is seen at once.
    @Suite struct FiguresKeptTests {
        static let zone = TimeZone(identifier: "Europe/London")!
        static let today = LocalDate(testNow, in: zone)

        struct KeptRow: Decodable { let generation: Int; let figures: String? }

        static func kept(_ app: Application, _ user: UserModel) async throws -> KeptRow? {
            try await (app.db as! any SQLDatabase).raw("SELECT generation, figures FROM job_search_figures WHERE user_id = \(bind: user.requireID())")
                .first(decoding: KeptRow.self)
        }

        /// What is shown must always be what the data says now.
        static func expectCurrent(_ search: JobSearch, _ user: UserModel, _ comment: Comment) async throws -> JobSearch.Figures {
            let shown = try await search.figures(of: user)
            #expect(shown == (try await search.workOutFigures(of: user, today: search.today(for: user))), comment)
            return shown
        }

        /// The last figures decoded are reused only for the same kept text: new text is decoded
        /// afresh, and text that does not decode is not taken for figures.
        @Test func decoded_figures_are_reused_only_for_the_same_text() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let shown = try await search.figures(of: world.graduate)
                let text = try #require(try await Self.kept(app, world.graduate)?.figures)
                let userID = try world.graduate.requireID()
                #expect(JobSearch.decoded(text, of: userID) == shown)
                #expect(JobSearch.decoded(text, of: userID) == shown)
                let changed = text.replacingOccurrences(of: #""applicationsLast7Days":0"#, with: #""applicationsLast7Days":5"#)
                #expect(changed != text)
                #expect(JobSearch.decoded(changed, of: userID)?.sevenDays.applicationsLast7Days == 5)
                #expect(JobSearch.decoded("{not json", of: userID) == nil)
            }
        }

        @Test func every_change_to_the_search_is_seen_at_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let user = world.graduate
                let search = JobSearch(db: app.db, now: testNow)
                var shown = try await Self.expectCurrent(search, user, "nothing yet")
                #expect(shown.sevenDays.applicationsLast7Days == 0)
                #expect(try await Self.kept(app, user)?.figures != nil, "worked out once, then kept")

                let application = try await search.create(for: user, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: Self.today)
                #expect(try await Self.kept(app, user)?.figures == nil, "a new application marks them stale")
                shown = try await Self.expectCurrent(search, user, "after a new application")
                #expect(shown.sevenDays.applicationsLast7Days == 1)

                try await search.move(application, to: .interview, on: Self.today)
                shown = try await Self.expectCurrent(search, user, "after a move")
                #expect(shown.funnel.interviewed == 1)

                let interview = try InterviewDraft.validate(
                    kind: InterviewKind.technical.rawValue, date: Self.today.iso, time: "10:00", timeZone: Self.zone, durationMinutes: "60",
                    withWhom: "Sam", outcome: "awaiting", feedback: "", feedbackIsTechnical: false)
                _ = try await search.addInterview(to: application, interview)
                shown = try await Self.expectCurrent(search, user, "after an interview")
                #expect(shown.sevenDays.interviewsLast7Days == 1)

                let preview = try await search.preview(csv: "Company,Role,Date Applied\nBeta,Engineer,\(Self.today.iso)\n", for: user)
                try await search.importRows(preview, for: user)
                shown = try await Self.expectCurrent(search, user, "after an import")
                #expect(shown.sevenDays.applicationsLast7Days == 2)

                try await search.delete(application)
                shown = try await Self.expectCurrent(search, user, "after a delete")
                #expect(shown.sevenDays == JobSearchFigures(histories: [ApplicationHistory(moves: [.init(.applied, on: Self.today)])], window: SevenDayWindow(endingOn: Self.today)))
            }
        }

        @Test func a_new_day_or_time_zone_works_them_out_again() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let user = world.graduate
                let search = JobSearch(db: app.db, now: testNow)
                _ = try await search.create(for: user, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: Self.today)
                #expect(try await search.figures(of: user).sevenDays.applicationsLast7Days == 1)
                let weekLater = JobSearch(db: app.db, now: testNow.addingTimeInterval(7 * 86_400))
                let later = try await Self.expectCurrent(weekLater, user, "a week later")
                #expect(later.sevenDays.applicationsLast7Days == 0)
                user.timeZone = "Pacific/Kiritimati"
                try await user.save(on: app.db)
                _ = try await Self.expectCurrent(weekLater, user, "in another time zone")
            }
        }

        @Test func figures_worked_out_before_a_change_are_not_kept_after_it() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let user = world.graduate
                let search = JobSearch(db: app.db, now: testNow)
                _ = try await search.figures(of: user)
                let before = try #require(try await Self.kept(app, user))
                // A reader starts working out at `before.generation`; a write lands meanwhile.
                let old = try await search.workOutFigures(of: user, today: Self.today)
                _ = try await search.create(for: user, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: Self.today)
                try await search.keep(old, of: user, today: Self.today, workedOutAt: before.generation)
                let after = try #require(try await Self.kept(app, user))
                #expect(after.generation > before.generation)
                #expect(after.figures == nil, "the reader's figures predate the write and are not kept")
                #expect(try await search.figures(of: user).sevenDays.applicationsLast7Days == 1)
            }
        }

        /// The demo, the importer and anything else that writes rows directly mark them too: the
        /// marking is in the database, not in the use cases.
        @Test func writes_that_bypass_the_use_cases_are_seen_at_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let user = world.graduate
                let search = JobSearch(db: app.db, now: testNow)
                _ = try await Self.expectCurrent(search, user, "nothing yet")
                let application = ApplicationModel(userID: try user.requireID(), draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .interview)
                try await application.create(on: app.db)
                try await StageMoveModel(applicationID: application.requireID(), stage: .applied, on: Self.today, position: 0).create(on: app.db)
                var shown = try await Self.expectCurrent(search, user, "after models written directly")
                #expect(shown.sevenDays.applicationsLast7Days == 1)
                try await StageMoveModel(applicationID: application.requireID(), stage: .interview, on: Self.today, position: 1).create(on: app.db)
                shown = try await Self.expectCurrent(search, user, "after a move written directly")
                #expect(shown.funnel.interviewed == 1)
                try await (app.db as! any SQLDatabase).raw("DELETE FROM application_moves WHERE position = 1").run()
                shown = try await Self.expectCurrent(search, user, "after a move deleted in SQL")
                #expect(shown.funnel.interviewed == 0)
                let other = try await Self.kept(app, world.otherGraduate)
                #expect(other == nil, "another graduate's figures are not touched")
            }
        }

        /// The triggers mark only the figures of someone who still exists: deleting a graduate
        /// deletes their applications (and figures) with them.
        @Test func a_graduate_with_applications_can_be_deleted() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let user = world.graduate
                let search = JobSearch(db: app.db, now: testNow)
                let application = try await search.create(for: user, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: Self.today)
                try await search.move(application, to: .interview, on: Self.today)
                _ = try await search.figures(of: user)
                try await CoachAssignmentModel.query(on: app.db).filter(\.$graduate.$id == user.requireID()).delete()
                try await (app.db as! any SQLDatabase).raw("DELETE FROM users WHERE id = \(bind: user.requireID())").run()
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                #expect(try await Self.kept(app, user) == nil)
            }
        }
    }
}

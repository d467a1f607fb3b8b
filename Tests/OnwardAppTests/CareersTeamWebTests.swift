import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The careers team on the web: a standup's request for help opens a request in the help desk,
/// which the graduate's coaches and an admin answer there; coaches comment on their graduates'
/// retrospectives.
extension AppTests {
    @Suite struct CareersTeamWebTests {
        static let asking = ["today": "Apply to two roles", "blockers": "No replies to 40 applications. Is it my CV?", "mood": "2", "wants_help": "yes"]

        static func standupRequests(_ app: Application) async throws -> [SupportRequestModel] {
            try await SupportRequestModel.query(on: app.db).filter(\.$origin == .standup).all()
        }

        @Test func a_request_for_help_at_a_standup_reaches_the_desk_and_the_graduate_reads_the_reply() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let posted = try await graduate.post(SiteURL.programme(.standup).path, Self.asking)
                #expect(posted.location == SiteURL.programme(.standup).path, "the graduate stays where they posted")
                var fromHome = Self.asking
                fromHome["from"] = "home"
                #expect(try await graduate.post(SiteURL.programme(.standup).path, fromHome).location == SiteURL.homes(.graduate).path, "posted from the home, back to it")
                #expect(try await graduate.get(SiteURL.programme(.standup).path).text.contains("Your request for help is sent to your coaches"))
                let request = try #require(try await Self.standupRequests(app).first)
                #expect(request.message == "No replies to 40 applications. Is it my CV?" && request.state == .open && request.originDay == "2026-11-23")
                #expect(request.subject == "Help asked for at the standup of 23 Nov 2026" && request.kind == .question)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let desk = try await coach.get(SiteURL.coaching(.supportDesk).path).text
                #expect(desk.contains("Help asked for at the standup of 23 Nov 2026") && desk.contains("Asked at a standup") && desk.contains("Open (1)"))
                #expect(try await coach.get(SiteURL.coaching(.supportRequest(id: request.requireIDString)).path).text.contains("Is it my CV?"))
                // Saving the standup again, concerns unchanged, opens nothing new.
                #expect(try await graduate.post(SiteURL.programme(.standup).path, Self.asking).status == .seeOther)
                #expect(try await Self.standupRequests(app).count == 1)
                #expect(try await SupportReplyModel.query(on: app.db).count() == 0)
                #expect(try await coach.post(SiteURL.coaching(.supportReply(id: request.requireIDString)).path,
                                             ["body": "Send me your CV; let's go through it on Thursday."]).status == .seeOther)
                let roadMap = try await graduate.get(SiteURL.programme(.roadMap).path).text
                #expect(roadMap.contains("Your requests for help") && roadMap.contains(SiteURL.coaching(.supportRequest(id: request.requireIDString)).path))
                #expect(roadMap.contains("go through it on Thursday") && roadMap.contains("Waiting for you"))
                // The reply shows on the graduate's home, with a way to answer it.
                let home = try await graduate.get(SiteURL.homes(.graduate).path).text
                #expect(home.contains("A reply to “Help asked for at the standup of 23 Nov 2026”"))
                #expect(home.contains("<blockquote>Send me your CV; let&#39;s go through it on Thursday.</blockquote>"))
                #expect(home.contains(#"href="\#(SiteURL.coaching(.supportRequest(id: request.requireIDString)).path)""#) && home.contains("Answer it"))
                // New concerns later the same day join the thread as the graduate's reply, and open it again.
                var again = Self.asking
                again["blockers"] = "Sent it. Also: how long should a cover letter be?"
                #expect(try await graduate.post(SiteURL.programme(.standup).path, again).status == .seeOther)
                let thread = try await SupportReplyModel.query(on: app.db).filter(\.$request.$id == request.requireID()).sort(\.$writtenAt).all()
                #expect(thread.map(\.body) == ["Send me your CV; let's go through it on Thursday.", "Sent it. Also: how long should a cover letter be?"])
                #expect(try await SupportRequestModel.find(request.id, on: app.db)?.state == .open)
                // The API says where it came from.
                let token = try await APITests.token(for: world.coach, app: app)
                let listed = try await APITests.send(app, .GET, "/api/v1/support-requests", token: token)
                let items = try JSONSerialization.jsonObject(with: Data(listed.text.utf8)) as? [[String: Any]]
                #expect(items?.first?["origin"] as? String == "standup" && items?.first?["origin_day"] as? String == "2026-11-23")
            }
        }

        @Test func a_standup_without_help_opens_nothing_and_its_concerns_stay_on_the_board() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                var quiet = Self.asking
                quiet["wants_help"] = nil
                #expect(try await graduate.post(SiteURL.programme(.standup).path, quiet).status == .seeOther)
                #expect(try await SupportRequestModel.query(on: app.db).count() == 0)
                // Asking without saying what with is refused, and writes nothing.
                var empty = Self.asking
                empty["blockers"] = " "
                #expect(try await graduate.post(SiteURL.programme(.standup).path, empty).status == .unprocessableEntity)
                #expect(try await SupportRequestModel.query(on: app.db).count() == 0)
            }
        }

        @Test func a_coach_of_someone_else_sees_no_request_and_cannot_reply() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                _ = try await graduate.post(SiteURL.programme(.standup).path, Self.asking)
                let request = try #require(try await Self.standupRequests(app).first)
                let other = Browser(app)
                try await other.signIn(world.unassignedCoach)
                #expect(try await !other.get(SiteURL.coaching(.supportDesk).path).text.contains("Help asked for at the standup"))
                #expect(try await other.get(SiteURL.coaching(.supportRequest(id: request.requireIDString)).path).status == .notFound)
                #expect(try await other.post(SiteURL.coaching(.supportReply(id: request.requireIDString)).path, ["body": "Hi"]).status == .notFound)
                #expect(try await other.get(SiteURL.programme(.graduate(id: world.graduate.requireIDString)).path).status == .notFound)
                #expect(try await SupportReplyModel.query(on: app.db).count() == 0)
            }
        }

        /// The same standup saved from several tabs at once: one standup, one request for help.
        @Test func saves_of_a_standup_at_once_open_one_request() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for n in 0..<6 {
                        group.addTask {
                            _ = try await ProgrammeUseCases(db: app.db, now: testNow).postStandup(
                                StandupDraft(yesterday: "", today: "Apply", blockers: "Stuck \(n % 2)", mood: 2, wantsHelp: true), for: world.graduate)
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await StandupModel.query(on: app.db).count() == 1)
                let requests = try await Self.standupRequests(app)
                #expect(requests.count == 1)
                let standup = try #require(try await StandupModel.query(on: app.db).first())
                #expect(requests.first?.message == standup.blockers, "the request holds the concerns the standup kept")
            }
        }

        @Test func a_coach_comments_on_a_retrospective_and_the_graduate_reads_it() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                var fields = ProgrammeWebTests.retrospective
                fields["week"] = "3"
                _ = try await graduate.post(SiteURL.programme(.retrospective).path, fields)
                let retrospective = try #require(try await RetrospectiveModel.query(on: app.db).first())
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let page = try await coach.get(SiteURL.programme(.graduate(id: world.graduate.requireIDString)).path)
                #expect(page.status == .ok)
                #expect(page.text.contains("Grace Graduate · programme"))
                #expect(page.text.contains("A tech test ran out of time"))
                let path = SiteURL.programme(.comment(retrospectiveID: retrospective.id!.uuidString)).path
                let blank = try await coach.post(path, ["body": ""])
                #expect(blank.location == SiteURL.programme(.graduate(id: world.graduate.requireIDString)).path)
                #expect(try await RetrospectiveCommentModel.query(on: app.db).count() == 0)
                #expect(try await coach.post(path, ["body": "Timebox tech tests: 20 minutes per part."]).status == .seeOther)
                let read = try await graduate.get(SiteURL.programme(.retrospectives).path).text
                #expect(read.contains("Cora Coach"))
                #expect(read.contains("Timebox tech tests"))
                // Another graduate and a coach of someone else cannot comment.
                for person in [world.otherGraduate, world.unassignedCoach, world.partner] {
                    let browser = Browser(app)
                    try await browser.signIn(person)
                    #expect(try await browser.post(path, ["body": "Hello"]).status == .notFound, "\(person.name)")
                }
                #expect(try await RetrospectiveCommentModel.query(on: app.db).count() == 1)
            }
        }

        @Test func the_person_page_links_a_coach_to_the_graduates_programme_and_one_support_queue_in_nav() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let person = try await coach.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path).text
                #expect(person.contains(SiteURL.programme(.graduate(id: world.graduate.requireIDString)).path))
                #expect(person.contains(#"href="/support-desk""#) && !person.contains(">Help requests<"), "one queue: the help desk")
            }
        }
    }
}

extension AppTests.CareersTeamWebTests {
    @Test func an_admin_pauses_a_graduate_at_risk_with_a_reason_everyone_reads_and_resumes_it() async throws {
        try await AppTests.ProgrammeWebTests.withProgramme { app, world in
            let admin = Browser(app)
            try await admin.signIn(world.admin)
            let pause = SiteURL.programme(.pause(graduateID: world.graduate.requireIDString)).path
            // No reason: refused, nothing written.
            _ = try await admin.post(pause, ["reason": " "])
            #expect(try await ProgrammePauseModel.query(on: app.db).count() == 0)
            #expect(try await admin.post(pause, ["reason": "In hospital until 7 December"]).status == .seeOther)
            let graduate = Browser(app)
            try await graduate.signIn(world.graduate)
            let roadMap = try await graduate.get(SiteURL.programme(.roadMap).path).text
            #expect(roadMap.contains("Paused"))
            #expect(roadMap.contains("In hospital until 7 December"))
            #expect(!roadMap.contains("Missing from the weeks that have ended"))
            let coach = Browser(app)
            try await coach.signIn(world.coach)
            #expect(try await coach.get(SiteURL.homes(.coach).path).text.contains("1 paused"))
            // A coach cannot pause or resume.
            #expect(try await coach.post(SiteURL.programme(.resume(graduateID: world.graduate.requireIDString)).path).status == .notFound)
            #expect(try await ProgrammePauseModel.query(on: app.db).count() == 1)
            #expect(try await admin.post(SiteURL.programme(.resume(graduateID: world.graduate.requireIDString)).path).status == .seeOther)
            #expect(try await graduate.get(SiteURL.programme(.roadMap).path).text.contains("At risk"))
        }
    }
}

extension AppTests.CareersTeamWebTests {
    @Test func pausing_from_several_requests_at_once_pauses_once() async throws {
        try await AppTests.ProgrammeWebTests.withProgramme { app, world in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        try await ProgrammeUseCases(db: app.db, now: testNow).setPause(of: world.graduate, reason: "Reason \(n)", by: world.admin)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await ProgrammePauseModel.query(on: app.db).count() == 1)
        }
    }
}

extension AppTests.ProgrammeWebTests {
    @Test func two_activities_of_one_title_added_at_once_both_land_with_keys_of_their_own() async throws {
        try await Self.withProgramme { app, world in
            let programme = try #require(try await ProgrammeModel.query(on: app.db).first())
            let form = ActivityForm(title: "Mock interview", kind: "custom", schedule: "weekly", count: "1")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await ProgrammeUseCases(db: app.db, now: testNow).addActivity(form, to: programme.requireID()) }
                }
                try await group.waitForAll()
            }
            let keys = try await ProgrammeActivityModel.query(on: app.db).filter(\.$title == "Mock interview").all().map(\.key).sorted()
            #expect(keys == ["mock-interview", "mock-interview-2", "mock-interview-3", "mock-interview-4"])
            let positions = try await ProgrammeActivityModel.query(on: app.db).all().map(\.position)
            #expect(Set(positions).count == positions.count, "each at a place of its own")
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The careers team on the web: requests for help from standups reach the graduate's coaches and
/// an admin, who reply and so resolve them; coaches comment on their graduates' retrospectives.
extension AppTests {
    @Suite struct CareersTeamWebTests {
        static let asking = ["today": "Apply to two roles", "blockers": "No replies to 40 applications. Is it my CV?", "mood": "2", "wants_help": "yes"]

        @Test func a_request_for_help_reaches_the_coach_who_replies_and_the_graduate_reads_the_reply() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                #expect(try await graduate.post(SiteURL.programme(.standup).path, Self.asking).status == .seeOther)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                #expect(try await coach.get(SiteURL.homes(.coach).path).text.contains("Requests for help: 1 waiting"))
                let queue = try await coach.get(SiteURL.programme(.helpQueue).path)
                #expect(queue.text.contains("Is it my CV?"))
                #expect(queue.text.contains("Waiting (1)"))
                let standup = try #require(try await StandupModel.query(on: app.db).first())
                let reply = SiteURL.programme(.reply(standupID: standup.id!.uuidString)).path
                // A blank reply is refused with a message and writes nothing.
                _ = try await coach.post(reply, ["body": "   "])
                #expect(try await coach.get(SiteURL.programme(.helpQueue).path).text.contains("Write something first."))
                #expect(try await HelpReplyModel.query(on: app.db).count() == 0)
                #expect(try await coach.post(reply, ["body": "Send me your CV; let's go through it on Thursday."]).status == .seeOther)
                let after = try await coach.get(SiteURL.programme(.helpQueue).path).text
                #expect(after.contains("Waiting (0)"))
                #expect(after.contains("Answered"))
                let roadMap = try await graduate.get(SiteURL.programme(.roadMap).path).text
                #expect(roadMap.contains("Replies from the careers team"))
                #expect(roadMap.contains("let&#39;s go through it on Thursday") || roadMap.contains("let's go through it on Thursday"))
            }
        }

        @Test func a_coach_of_someone_else_sees_no_request_and_cannot_reply() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                _ = try await graduate.post(SiteURL.programme(.standup).path, Self.asking)
                let other = Browser(app)
                try await other.signIn(world.unassignedCoach)
                #expect(try await !other.get(SiteURL.programme(.helpQueue).path).text.contains("Is it my CV?"))
                let standup = try #require(try await StandupModel.query(on: app.db).first())
                #expect(try await other.post(SiteURL.programme(.reply(standupID: standup.id!.uuidString)).path, ["body": "Hi"]).status == .notFound)
                #expect(try await other.get(SiteURL.programme(.graduate(id: world.graduate.requireIDString)).path).status == .notFound)
                #expect(try await HelpReplyModel.query(on: app.db).count() == 0)
            }
        }

        @Test func two_replies_at_once_give_one_reply_and_one_refusal() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let (standup, _) = try await ProgrammeUseCases(db: app.db, now: testNow).postStandup(
                    StandupDraft(yesterday: "", today: "Apply", blockers: "Stuck", mood: 2, wantsHelp: true), for: world.graduate)
                let id = standup.id!.uuidString
                let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                    for (n, person) in [world.coach, world.admin, world.coach, world.admin].enumerated() {
                        group.addTask {
                            do {
                                try await CareersTeamUseCases(db: app.db, now: testNow).reply(to: id, "Answer \(n)", by: person)
                                return "replied"
                            } catch let error as AppError where error.status == .conflict {
                                return "refused"
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.sorted() == ["refused", "refused", "refused", "replied"])
                #expect(try await HelpReplyModel.query(on: app.db).count() == 1)
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

        @Test func the_person_page_links_a_coach_to_the_graduates_programme_and_the_help_queue_in_nav() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let person = try await coach.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path).text
                #expect(person.contains(SiteURL.programme(.graduate(id: world.graduate.requireIDString)).path))
                #expect(person.contains(">Help requests<"))
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

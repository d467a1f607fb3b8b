import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Yearly learning goals on the web: at most three active, resources by kind, milestones with
/// self-assigned dates. The clock is Monday 23 November 2026.
extension AppTests {
    @Suite struct LearningGoalWebTests {
        static let goal = ["title": "Become confident with SQL", "now": "I can write joins with help", "success": "I design a schema and tune its queries alone",
                           "why": "Every back-end role I want asks for it"]

        @Test func a_goal_gets_resources_and_milestones_and_a_milestone_is_ticked_off() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let added = try await browser.post(SiteURL.programme(.learningGoals).path, Self.goal)
                #expect(added.status == .seeOther)
                let goal = try #require(try await LearningGoalModel.query(on: app.db).first())
                let id = goal.id!.uuidString
                #expect(added.location == SiteURL.programme(.learningGoal(id: id)).path)
                #expect(try await browser.post(SiteURL.programme(.addResource(goalID: id)).path,
                                               ["kind": "book", "name": "SQL Antipatterns", "link": ""]).status == .seeOther)
                #expect(try await browser.post(SiteURL.programme(.addResource(goalID: id)).path,
                                               ["kind": "thing_to_build", "name": "A reporting API", "link": "https://github.com/grace/reports"]).status == .seeOther)
                #expect(try await browser.post(SiteURL.programme(.addMilestone(goalID: id)).path, ["title": "Finish the book", "due": "2027-01-15"]).status == .seeOther)
                let milestone = try #require(try await LearningMilestoneModel.query(on: app.db).first())
                #expect(try await browser.post(SiteURL.programme(.milestone(id: milestone.id!.uuidString)).path, ["done": "yes"]).status == .seeOther)
                #expect(try await LearningMilestoneModel.find(milestone.id, on: app.db)?.doneOn == "2026-11-23")
                let page = try await browser.get(SiteURL.programme(.learningGoal(id: id)).path).text
                #expect(page.contains("Books"))
                #expect(page.contains("Things to build"))
                #expect(page.contains(#"href="https://github.com/grace/reports""#))
                #expect(page.contains("Mark not done: Finish the book"))
                #expect(try await browser.get(SiteURL.programme(.learningGoals).path).text.contains("1 of 1 milestones done"))
            }
        }

        @Test func bad_input_on_each_form_gives_a_message_and_writes_nothing() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                var missing = Self.goal
                missing["why"] = " "
                let refused = try await browser.post(SiteURL.programme(.learningGoals).path, missing)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.text.contains("Say why it matters to you."))
                #expect(try await LearningGoalModel.query(on: app.db).count() == 0)
                _ = try await browser.post(SiteURL.programme(.learningGoals).path, Self.goal)
                let id = try #require(try await LearningGoalModel.query(on: app.db).first()?.id?.uuidString)
                let resource = try await browser.post(SiteURL.programme(.addResource(goalID: id)).path, ["kind": "book", "name": "X", "link": "javascript:alert(1)"])
                #expect(resource.status == .unprocessableEntity)
                #expect(resource.text.contains("http:// or https://"))
                let milestone = try await browser.post(SiteURL.programme(.addMilestone(goalID: id)).path, ["title": "Late", "due": "2026-11-22"])
                #expect(milestone.status == .unprocessableEntity)
                #expect(milestone.text.contains("Choose a day from 23 Nov 2026 on."))
                #expect(try await LearningResourceModel.query(on: app.db).count() == 0)
                #expect(try await LearningMilestoneModel.query(on: app.db).count() == 0)
            }
        }

        @Test func a_fourth_active_goal_is_refused_until_one_is_set_aside() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                for n in 1...3 {
                    var goal = Self.goal
                    goal["title"] = "Goal \(n)"
                    #expect(try await browser.post(SiteURL.programme(.learningGoals).path, goal).status == .seeOther)
                }
                let fourth = try await browser.post(SiteURL.programme(.learningGoals).path, Self.goal)
                #expect(fourth.status == .conflict)
                #expect(fourth.text.contains("set one aside before adding another"))
                #expect(try await LearningGoalModel.query(on: app.db).count() == 3)
                let first = try #require(try await LearningGoalModel.query(on: app.db).filter(\.$title == "Goal 1").first())
                _ = try await browser.post(SiteURL.programme(.setGoalActive(goalID: first.id!.uuidString)).path, ["active": "no"])
                #expect(try await browser.post(SiteURL.programme(.learningGoals).path, Self.goal).status == .seeOther)
                // Taking the first back up would make four.
                _ = try await browser.post(SiteURL.programme(.setGoalActive(goalID: first.id!.uuidString)).path, ["active": "yes"])
                #expect(try await LearningGoalModel.find(first.id, on: app.db)?.isActive == false)
                #expect(try await browser.get(SiteURL.programme(.learningGoal(id: first.id!.uuidString)).path).text.contains("set one aside before adding another"))
            }
        }

        @Test func six_goals_added_at_once_leave_three_active() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduateID = try world.graduate.requireID()
                let draft = try LearningGoalDraft.validate(title: "SQL", now: "Some", success: "More", why: "Jobs")
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            do {
                                try await LearningGoalUseCases(db: app.db, now: testNow).add(draft, for: graduateID)
                                return true
                            } catch let error as Refusal where error.kind == .conflict {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 3)
                #expect(try await LearningGoalModel.query(on: app.db).filter(\.$isActive == true).count() == 3)
            }
        }

        @Test func another_graduates_goal_and_milestones_are_not_found() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let owner = Browser(app)
                try await owner.signIn(world.graduate)
                _ = try await owner.post(SiteURL.programme(.learningGoals).path, Self.goal)
                let id = try #require(try await LearningGoalModel.query(on: app.db).first()?.id?.uuidString)
                _ = try await owner.post(SiteURL.programme(.addMilestone(goalID: id)).path, ["title": "Finish the book", "due": "2027-01-15"])
                let milestone = try #require(try await LearningMilestoneModel.query(on: app.db).first()?.id?.uuidString)
                let other = Browser(app)
                try await other.signIn(world.otherGraduate)
                #expect(try await other.get(SiteURL.programme(.learningGoal(id: id)).path).status == .notFound)
                #expect(try await other.post(SiteURL.programme(.addMilestone(goalID: id)).path, ["title": "Mine", "due": "2027-01-15"]).status == .notFound)
                #expect(try await other.post(SiteURL.programme(.milestone(id: milestone)).path, ["done": "yes"]).status == .notFound)
                #expect(try await other.post(SiteURL.programme(.setGoalActive(goalID: id)).path, ["active": "no"]).status == .notFound)
                #expect(try await LearningMilestoneModel.query(on: app.db).count() == 1)
                #expect(try await LearningMilestoneModel.query(on: app.db).first()?.doneOn == nil)
            }
        }
    }
}

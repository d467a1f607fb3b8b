import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Every array the API's document bounds with `maxItems` (and `uniqueItems`) is bounded so in
/// Core, on the API and on the web: more is refused with the field named, and nothing is written.
extension AppTests {
    @Suite struct ArrayLimitTests {
        static func code(_ response: TestingHTTPResponse) throws -> (String, String?) {
            let error = try response.content.decode(APITests.ErrorBody.self).error
            return (error.code, error.field)
        }

        @Test func the_api_refuses_arrays_longer_or_more_repeated_than_the_document_allows() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = try await APITests.token(for: world.graduate, app: app)
                let coach = try await APITests.token(for: world.coach, app: app)
                let resources = (0...LearningGoalDraft.maximumResources).map { _ in #"{"kind": "book", "name": "SQL Antipatterns"}"# }.joined(separator: ",")
                let goal = try await APITests.send(app, .POST, "/api/v1/learning-goals", token: graduate,
                                                   json: #"{"title": "SQL", "now": "a", "success": "b", "why": "c", "resources": [\#(resources)]}"#)
                #expect(goal.status == .unprocessableEntity)
                #expect(try Self.code(goal) == ("invalid", "resources"))
                #expect(try await LearningGoalModel.query(on: app.db).count() == 0)

                let milestones = (0...LearningGoalDraft.maximumMilestones).map { _ in #"{"title": "Read", "due": "2027-01-15"}"# }.joined(separator: ",")
                let manyMilestones = try await APITests.send(app, .POST, "/api/v1/learning-goals", token: graduate,
                                                             json: #"{"title": "SQL", "now": "a", "success": "b", "why": "c", "milestones": [\#(milestones)]}"#)
                #expect(try Self.code(manyMilestones) == ("invalid", "milestones"))

                let starts = "2026-11-30T10:00:00Z"
                for themes in [#"["back_end", "back_end"]"#, #"["back_end", "front_end", "full_stack", "back_end"]"#] {
                    let slot = try await APITests.send(app, .POST, "/api/v1/mock-slots", token: coach, json: #"{"starts_at": "\#(starts)", "minutes": 60, "themes": \#(themes)}"#)
                    #expect(slot.status == .unprocessableEntity, "\(themes)")
                    #expect(try Self.code(slot).1 == "themes")
                }
                #expect(try await MockSlotModel.query(on: app.db).count() == 0)

                let window = #"{"start": "2026-11-25T10:00:00Z", "end": "2026-11-25T12:00:00Z"}"#
                for kinds in [#"["kata", "kata"]"#, "[" + Array(repeating: #""kata""#, count: 500).joined(separator: ",") + "]"] {
                    let request = try await APITests.send(app, .POST, "/api/v1/pairing-requests", token: graduate, json: #"{"topic": "Bowling", "kinds": \#(kinds), "windows": [\#(window)]}"#)
                    #expect(request.status == .unprocessableEntity)
                    #expect(try Self.code(request).1 == "kinds")
                    let volunteer = try await APITests.send(app, .PUT, "/api/v1/volunteering", token: graduate, json: #"{"active": true, "topics": "Katas", "kinds": \#(kinds), "windows": [\#(window)]}"#)
                    #expect(volunteer.status == .unprocessableEntity)
                }
                #expect(try await PairingRequestModel.query(on: app.db).count() == 0)

                let stacks = "[" + Array(repeating: #""Swift""#, count: ProfileDraft.maximumStacks + 1).joined(separator: ",") + "]"
                let me = try await APITests.send(app, .PATCH, "/api/v1/me", token: graduate, json: #"{"stacks": \#(stacks)}"#)
                #expect(me.status == .unprocessableEntity)
                #expect(try Self.code(me).1 == "stacks")
            }
        }

        @Test func a_goal_takes_fifty_resources_even_when_four_are_added_at_once() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let goals = LearningGoalUseCases(db: app.db, now: testNow)
                let goal = try await goals.add(try LearningGoalDraft.validate(title: "SQL", now: "a", success: "b", why: "c"), for: world.graduate.requireID())
                let book = LearningResourceDraft(kind: .book, name: "SQL Antipatterns", link: nil)
                for _ in 0..<(LearningGoalDraft.maximumResources - 2) { try await goals.add(book, to: goal) }
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<4 {
                        group.addTask {
                            do {
                                try await LearningGoalUseCases(db: app.db, now: testNow).add(book, to: goal)
                                return true
                            } catch is ValidationErrors {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 2)
                #expect(try await LearningResourceModel.query(on: app.db).count() == LearningGoalDraft.maximumResources)

                // On the web, the fifty-first is refused next to the field, and the page says why.
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let id = try goal.requireID().uuidString
                let refused = try await browser.post(SiteURL.programme(.addResource(goalID: id)).path, ["kind": "book", "name": "One more", "link": ""])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.text.contains("A goal holds at most 50 resources."))
                #expect(try await LearningResourceModel.query(on: app.db).count() == LearningGoalDraft.maximumResources)
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Every PATCH of the API changes what it names and leaves the rest as it is.
extension AppTests {
    @Suite struct APIPatchTests {
        static func patch(_ app: Application, _ path: String, token: String, _ json: String) async throws -> [String: Any] {
            let response = try await APITests.send(app, .PATCH, "/api/v1" + path, token: token, json: json)
            #expect(response.status == .ok, "\(path) \(json): \(response.text)")
            return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
        }

        /// Sets every field with `full`, then names one field at a time: each answer changes that
        /// field and keeps every other as the answer before it had it.
        static func check(_ app: Application, _ path: String, token: String, full: String, one: [(json: String, field: String)], keeps fields: [String]) async throws {
            var before = try await patch(app, path, token: token, full)
            for (json, named) in one {
                let after = try await patch(app, path, token: token, json)
                #expect(String(describing: after[named]) != String(describing: before[named]), "PATCH \(path) \(json) changed nothing")
                for field in fields where field != named {
                    #expect(String(describing: after[field]) == String(describing: before[field]), "PATCH \(path) \(json) changed \(field)")
                }
                before = after
            }
        }

        @Test func a_null_for_a_declared_field_is_refused_naming_it_and_changes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let bio = try await APITests.send(app, .PATCH, "/api/v1/me", token: token, json: #"{"name": "Grace G.", "bio": null}"#)
                #expect(bio.status == .badRequest)
                #expect(try bio.content.decode(APITests.ErrorBody.self).error.field == "bio")
                let stack = try await APITests.send(app, .PATCH, "/api/v1/me", token: token, json: #"{"stacks": ["Swift", null]}"#)
                #expect(try stack.content.decode(APITests.ErrorBody.self).error.field == "stacks.1")
                let goal = try await APITests.send(app, .POST, "/api/v1/learning-goals", token: token,
                                                   json: #"{"title": "SQL", "now": "a", "success": "b", "why": "c", "resources": [{"kind": "book", "name": "x", "link": null}]}"#)
                #expect(try goal.content.decode(APITests.ErrorBody.self).error.field == "resources.0.link")
                #expect(try await UserModel.find(world.graduate.requireID(), on: app.db)?.name == "Grace Graduate")
                #expect(try await LearningGoalModel.query(on: app.db).count() == 0)
                // What the document does not declare is ignored, null or not.
                let extra = try await APITests.send(app, .PATCH, "/api/v1/me", token: token, json: #"{"name": "Grace G.", "nickname": null, "more": {"x": null}}"#)
                #expect(extra.status == .ok)
            }
        }

        @Test func every_patch_keeps_the_fields_it_does_not_name() async throws {
            try await withApp { app in
                let f = try await AuthorizationTests.fixture(app)
                let token = try await APITests.token(for: f.world.graduate, app: app)

                try await Self.check(
                    app, "/me", token: token,
                    full: #"{"name": "Grace G.", "time_zone": "Europe/Paris", "github_login": "grace-g", "stacks": ["Swift", "SQL"], "bio": "Back-end"}"#,
                    one: [(#"{"name": "Grace H."}"#, "name"), (#"{"bio": "Front-end too"}"#, "bio"), (#"{"stacks": ["Go"]}"#, "stacks")],
                    keeps: ["name", "time_zone", "github_login", "stacks", "bio"])

                try await Self.check(
                    app, "/applications/\(f.applicationID)", token: token,
                    full: #"{"company": "Acme", "role_title": "Developer", "url": "https://acme.example/jobs/1", "location": "Leeds", "remote": true, "salary_min": 30000, "salary_max": 35000, "source": "referral", "next_action": "Follow up", "next_action_due": "2026-11-30", "notes": "Met at a meetup", "excitement": 4}"#,
                    one: [(#"{"company": "Acme Ltd"}"#, "company"), (#"{"notes": "Called back"}"#, "notes"), (#"{"salary_max": 36000}"#, "salary_max")],
                    keeps: ["company", "role_title", "url", "location", "remote", "salary_min", "salary_max", "source", "next_action", "next_action_due", "notes", "excitement"])

                // The state alone keeps the link; an empty link clears it.
                let path = "/recommendations/\(f.recommendationID)"
                let linked = try await Self.patch(app, path, token: token, #"{"state": "doing", "outcome_link": "https://github.com/grace/bowling"}"#)
                #expect(linked["outcome_link"] as? String == "https://github.com/grace/bowling")
                let done = try await Self.patch(app, path, token: token, #"{"state": "done"}"#)
                #expect(done["state"] as? String == "done")
                #expect(done["outcome_link"] as? String == "https://github.com/grace/bowling")
                let cleared = try await Self.patch(app, path, token: token, #"{"state": "done", "outcome_link": ""}"#)
                #expect(cleared["outcome_link"] as? String == "")

                let milestone = try await Self.patch(app, "/milestones/\(f.milestoneID)", token: token, #"{"done": true}"#)
                let undone = try await Self.patch(app, "/milestones/\(f.milestoneID)", token: token, #"{"done": false}"#)
                #expect(undone["title"] as? String == milestone["title"] as? String)
                #expect(undone["due"] as? String == milestone["due"] as? String)
            }
        }
    }
}

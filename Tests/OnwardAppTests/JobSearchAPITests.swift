import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    @Suite struct JobSearchAPITests {
        struct Metrics: Decodable {
            let applications_last_7_days: Int
            let interviews_last_7_days: Int
        }

        @Test func create_move_interview_and_read_the_metrics() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let created = try await APITests.send(app, .POST, "/api/v1/applications", token: token, json: #"{"company": "Acme", "role_title": "Junior Developer", "url": "https://acme.example/1"}"#)
                #expect(created.status == .created)
                let id = try #require(try created.content.decode([String: AnyDecodable].self)["id"]?.string)
                #expect(try created.content.decode([String: AnyDecodable].self)["applied_on"]?.string != nil)
                let moved = try await APITests.send(app, .POST, "/api/v1/applications/\(id)/moves", token: token, json: #"{"stage": "interview"}"#)
                #expect(moved.status == .created)
                #expect(try moved.content.decode([String: AnyDecodable].self)["applied_on"]?.string == created.content.decode([String: AnyDecodable].self)["applied_on"]?.string,
                        "a move keeps the day it was sent")
                let backwards = try await APITests.send(app, .POST, "/api/v1/applications/\(id)/moves", token: token, json: #"{"stage": "applied"}"#)
                #expect(backwards.status == .conflict, "refused by the stage it is at")
                #expect(try backwards.content.decode(APITests.ErrorBody.self).error.field == "stage")
                let interview = try await APITests.send(app, .POST, "/api/v1/applications/\(id)/interviews", token: token,
                                                        json: #"{"kind": "technical", "at": "2026-11-23T09:00:00Z", "duration_minutes": 45, "feedback": "Revise SQL", "feedback_is_technical": true}"#)
                #expect(interview.status == .created)
                let metrics = try await APITests.send(app, .GET, "/api/v1/metrics", token: token)
                let figures = try metrics.content.decode(Metrics.self)
                #expect(figures.applications_last_7_days == 1)
                #expect(figures.interviews_last_7_days == 1)
                let detail = try await APITests.send(app, .GET, "/api/v1/applications/\(id)", token: token)
                #expect(detail.text.contains("Revise SQL"))
            }
        }

        @Test func a_bad_field_is_named_and_nothing_is_written() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let res = try await APITests.send(app, .POST, "/api/v1/applications", token: token, json: #"{"company": "Acme", "role_title": "Dev", "url": "javascript:alert(1)"}"#)
                #expect(res.status == .unprocessableEntity)
                #expect(try res.content.decode(APITests.ErrorBody.self).error.field == "url")
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
            }
        }

        @Test func csv_import_previews_with_dry_run_and_refuses_a_file_with_a_wrong_line() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                func send(_ csv: String, dryRun: Bool) async throws -> TestingHTTPResponse {
                    var result: TestingHTTPResponse!
                    try await app.testing().test(.POST, "/api/v1/applications/import?dry_run=\(dryRun)", beforeRequest: { req in
                        req.headers.bearerAuthorization = .init(token: token)
                        req.headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                        req.body = ByteBuffer(string: csv)
                    }, afterResponse: { result = $0 })
                    return result
                }
                let bad = "company,role,url\nGood,Dev,\nBad,,\n"
                let dry = try await send(bad, dryRun: true)
                #expect(dry.status == .ok)
                #expect(dry.text.contains("\"line\" : 3") || dry.text.contains("\"line\":3"))
                let refused = try await send(bad, dryRun: false)
                #expect(refused.status == .unprocessableEntity)
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                let good = try await send("company,role\nGood,Dev\nAlso Good,Dev\n", dryRun: false)
                #expect(good.status == .ok)
                #expect(try await ApplicationModel.query(on: app.db).count() == 2)
            }
        }

        @Test func one_end_of_a_salary_range_that_crosses_the_stored_other_end_is_a_conflict() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let created = try await APITests.send(app, .POST, "/api/v1/applications", token: token, json: #"{"company":"Acme","role_title":"Dev","salary_min":40000,"salary_max":30000}"#)
                #expect(created.status == .created)
                let body = try created.content.decode([String: AnyDecodable].self)
                #expect(body["salary_min"]?.int == 30000, "a range sent the other way round is kept the right way round")
                let id = try #require(body["id"]?.string)
                let crossing = try await APITests.send(app, .PATCH, "/api/v1/applications/\(id)", token: token, json: #"{"salary_min":50000}"#)
                #expect(crossing.status == .conflict)
                #expect(try crossing.content.decode(APITests.ErrorBody.self).error.field == "salary_max")
                let both = try await APITests.send(app, .PATCH, "/api/v1/applications/\(id)", token: token, json: #"{"salary_min":50000,"salary_max":60000}"#)
                #expect(both.status == .ok)
            }
        }

        @Test func the_list_comes_a_page_at_a_time() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let search = JobSearch(db: app.db, now: testNow)
                for company in ["Acme", "Globex", "Initech", "Umbrella", "Hooli"] {
                    _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: company, roleTitle: "Developer"), stage: .applied, on: search.today(for: world.graduate))
                }
                struct Page: Decodable {
                    struct Item: Decodable { let company: String }
                    let applications: [Item]
                    let page: Int
                    let limit: Int
                    let total: Int
                    let next_page: Int?
                }
                var seen: [String] = []
                var next: Int? = 1
                while let number = next {
                    let res = try await APITests.send(app, .GET, "/api/v1/applications?limit=2&page=\(number)", token: token)
                    #expect(res.status == .ok)
                    let page = try JSONDecoder().decode(Page.self, from: Data(res.text.utf8))
                    #expect(page.limit == 2 && page.total == 5 && page.page == number)
                    #expect(page.applications.count == (number < 3 ? 2 : 1))
                    seen += page.applications.map(\.company)
                    next = page.next_page
                }
                #expect(seen.sorted() == ["Acme", "Globex", "Hooli", "Initech", "Umbrella"])
                let defaults = try JSONDecoder().decode(Page.self, from: Data(try await APITests.send(app, .GET, "/api/v1/applications", token: token).text.utf8))
                #expect(defaults.limit == 50 && defaults.applications.count == 5 && defaults.next_page == nil)
                for bad in ["limit=0", "limit=201", "page=0"] {
                    let res = try await APITests.send(app, .GET, "/api/v1/applications?" + bad, token: token)
                    #expect(res.status == .unprocessableEntity, "\(bad)")
                    let error = try JSONDecoder().decode(APITests.ErrorBody.self, from: Data(res.text.utf8))
                    #expect(error.error.field == String(bad.prefix { $0 != "=" }))
                }
            }
        }

        /// 100 KB where a line belongs, and a NUL byte, are refused naming the field, and change nothing.
        @Test func oversized_and_control_character_text_is_refused_naming_the_field() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let huge = String(repeating: "x", count: 100_000)
                for (field, body) in [
                    ("location", #"{"company":"Acme","role_title":"Dev","location":"\#(huge)"}"#),
                    ("next_action", #"{"company":"Acme","role_title":"Dev","next_action":"\#(huge)"}"#),
                    ("company", #"{"company":"before\u0000after","role_title":"Dev"}"#),
                ] {
                    let res = try await APITests.send(app, .POST, "/api/v1/applications", token: token, json: body)
                    #expect(res.status == .unprocessableEntity, "\(field)")
                    #expect(try JSONDecoder().decode(APITests.ErrorBody.self, from: Data(res.text.utf8)).error.field == field)
                }
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                let created = try await APITests.send(app, .POST, "/api/v1/applications", token: token, json: #"{"company":"Acme","role_title":"Dev"}"#)
                let id = try #require(try created.content.decode([String: AnyDecodable].self)["id"]?.string)
                let interview = try await APITests.send(app, .POST, "/api/v1/applications/\(id)/interviews", token: token,
                                                        json: #"{"kind":"technical","at":"2026-11-20T10:00:00Z","duration_minutes":60,"with_whom":"\#(huge)"}"#)
                #expect(interview.status == .unprocessableEntity)
                #expect(try JSONDecoder().decode(APITests.ErrorBody.self, from: Data(interview.text.utf8)).error.field == "with_whom")
                #expect(try await InterviewModel.query(on: app.db).count() == 0)
                // Any RFC 3339 date-time the document allows is read: fractional seconds, lower-case t and z, an offset.
                for at in ["2026-11-20T10:00:00.25Z", "2026-11-20t11:00:00+01:00", "2026-11-20T10:00:00z"] {
                    let res = try await APITests.send(app, .POST, "/api/v1/applications/\(id)/interviews", token: token, json: #"{"kind":"technical","at":"\#(at)","duration_minutes":60}"#)
                    #expect(res.status == .created, "\(at)")
                }
                let odd = try await APITests.send(app, .POST, "/api/v1/applications/\(id)/interviews", token: token, json: #"{"kind":"technical","at":"20 Nov 2026","duration_minutes":60}"#)
                #expect(odd.status == .unprocessableEntity)
                #expect(odd.text.contains("RFC 3339"), "the answer says what a date-time looks like, not that the JSON is broken")
                #expect(try odd.content.decode(APITests.ErrorBody.self).error.field == "at")
                #expect(try await InterviewModel.query(on: app.db).count() == 3)
            }
        }
    }
}

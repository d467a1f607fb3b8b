import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    @Suite struct APITests {
        struct ErrorBody: Decodable {
            struct Detail: Decodable {
                let code: String
                let message: String
                let field: String?
            }
            let error: Detail
        }

        static func token(for user: UserModel, app: Application) async throws -> String {
            try await Accounts(db: app.db, now: testNow, hashing: app.passwordHashing).createToken(for: user, name: "test").1
        }

        static func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil, raw: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
            var result: TestingHTTPResponse!
            try await app.testing().test(method, path, beforeRequest: { req in
                if let token { req.headers.bearerAuthorization = .init(token: token) }
                if let json {
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: json)
                }
                if let raw {
                    req.headers.contentType = .json
                    req.body = raw
                }
            }, afterResponse: { res in result = res })
            return result
        }

        /// Small answers a probe found wrong: each is now what it should be.
        @Test func odd_requests_get_the_answer_they_should() async throws {
            try await withApp { app in
                var status = HTTPStatus.ok
                try await app.testing().test(.GET, "/css/onward.css/x") { status = $0.status }
                #expect(status == .notFound, "a path through a file is not found, not a server error")
                try await app.testing().test(.GET, "/css/onward.css") { status = $0.status }
                #expect(status == .ok)
                var allow: String?
                try await app.testing().test(.TRACE, "/api/v1/me") { status = $0.status; allow = $0.headers.first(name: .allow) }
                #expect(status == .methodNotAllowed)
                #expect(allow == "GET, HEAD, PATCH", "a 405 names the methods the path has")
                try await app.testing().test(.CONNECT, "/api/v1/applications/\(UUID())") { allow = $0.headers.first(name: .allow) }
                #expect(allow == "DELETE, GET, HEAD, PATCH")
                try await app.testing().test(.TRACE, "/no/such/page") { status = $0.status }
                #expect(status == .notFound)
                let unauthenticated = try await Self.send(app, .POST, "/api/v1/applications/import", token: nil, json: "not json at all")
                #expect(unauthenticated.status == .unauthorized, "no token is said before the body is looked at")

                let world = try await World.make(on: app)
                let me = try await Self.send(app, .GET, "/api/v1/me", token: try await Self.token(for: world.graduate, app: app))
                #expect(me.headers.first(name: .cacheControl) == "no-store", "API answers are not kept by caches")
                #expect(me.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS over plain http")
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                #expect(try await browser.get(SiteURL.jobSearch(.exportCSV).path).headers.first(name: .cacheControl) == "no-store")

                // An invitation link is on Onward's own address, whatever Host the request named.
                var link = ""
                let adminToken = try await Self.token(for: world.admin, app: app)
                try await app.testing().test(.POST, "/api/v1/invitations", beforeRequest: { req in
                    req.headers.bearerAuthorization = .init(token: adminToken)
                    req.headers.replaceOrAdd(name: .host, value: "evil.example")
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: #"{"email":"newcomer@example.org","role":"coach"}"#)
                }, afterResponse: { res in link = res.body.string.replacingOccurrences(of: "\\/", with: "/") })
                #expect(link.contains("http://127.0.0.1:8080/invitations/"), "\(link)")
                #expect(!link.contains("evil.example"))
            }
        }

        @Test func behind_https_browsers_are_told_to_keep_to_https() async throws {
            try await withApp(settings: { $0.publicURL = "https://onward.example.edu" }) { app in
                var hsts: String?
                try await app.testing().test(.GET, "/sign-in") { hsts = $0.headers.first(name: "Strict-Transport-Security") }
                #expect(hsts == "max-age=31536000; includeSubDomains")
            }
        }

        @Test func me_answers_the_tokens_owner() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.graduate, app: app)
                let res = try await Self.send(app, .GET, "/api/v1/me", token: token)
                #expect(res.status == .ok)
                let me = try res.content.decode([String: AnyDecodable].self)
                #expect(me["email"]?.string == world.graduate.email)
                #expect(me["role"]?.string == "graduate")
            }
        }

        @Test func no_token_or_a_revoked_one_answers_401_in_the_error_format() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let none = try await Self.send(app, .GET, "/api/v1/me", token: nil)
                #expect(none.status == .unauthorized)
                #expect(try none.content.decode(ErrorBody.self).error.code == "unauthorized")

                let token = try await Self.token(for: world.graduate, app: app)
                let tokens = try await APITokenModel.query(on: app.db).all()
                let revoke = try await Self.send(app, .DELETE, "/api/v1/tokens/\(tokens[0].requireIDString)", token: token)
                #expect(revoke.status == .noContent)
                let after = try await Self.send(app, .GET, "/api/v1/me", token: token)
                #expect(after.status == .unauthorized)
            }
        }

        @Test func only_a_hash_of_a_token_is_stored() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.graduate, app: app)
                let stored = try await APITokenModel.query(on: app.db).all()
                #expect(stored.count == 1)
                #expect(stored[0].tokenHash != token)
                #expect(stored[0].tokenHash == Accounts.hash(token))
                #expect(!stored[0].tokenHash.contains(token))
            }
        }

        @Test func malformed_json_answers_400_and_writes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.admin, app: app)
                let res = try await Self.send(app, .POST, "/api/v1/cohorts", token: token, json: #"{"name": "Broken", "#)
                #expect(res.status == .badRequest)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.code == "malformed_json")
                #expect(try await CohortModel.query(on: app.db).count() == 1)
            }
        }

        @Test func a_missing_field_is_named() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.admin, app: app)
                let res = try await Self.send(app, .POST, "/api/v1/cohorts", token: token, json: #"{"name": "Spring"}"#)
                #expect(res.status == .badRequest)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.field == "course_end_date")
            }
        }

        @Test func invalid_values_answer_422_with_the_field_and_write_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.admin, app: app)
                let res = try await Self.send(app, .POST, "/api/v1/cohorts", token: token, json: #"{"name": "Spring", "course_end_date": "2027-02-30", "time_zone": "Europe/London"}"#)
                #expect(res.status == .unprocessableEntity)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.field == "course_end_date")
                #expect(body.error.code == "invalid")
                #expect(try await CohortModel.query(on: app.db).count() == 1)
            }
        }

        @Test func an_oversized_body_answers_413() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.admin, app: app)
                let huge = #"{"name": ""# + String(repeating: "x", count: 2 << 20) + #"", "course_end_date": "2027-01-01", "time_zone": "UTC"}"#
                let res = try await Self.send(app, .POST, "/api/v1/cohorts", token: token, json: huge)
                #expect(res.status == .payloadTooLarge)
                #expect(try res.content.decode(ErrorBody.self).error.code == "payload_too_large")
            }
        }

        @Test func admin_creates_a_cohort_and_an_invitation_whose_link_works_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.admin, app: app)
                let cohort = try await Self.send(app, .POST, "/api/v1/cohorts", token: token, json: #"{"name": "Spring 2027", "course_end_date": "2027-03-19", "time_zone": "America/New_York"}"#)
                #expect(cohort.status == .created)
                let cohortBody = try cohort.content.decode([String: AnyDecodable].self)
                #expect(cohortBody["standup_time"]?.string == "10:00")
                let cohortID = try #require(cohortBody["id"]?.string)

                let invite = try await Self.send(app, .POST, "/api/v1/invitations", token: token, json: #"{"email": "New.Grad@Example.org", "role": "graduate", "cohort_id": "\#(cohortID)"}"#)
                #expect(invite.status == .created)
                struct Created: Decodable { let link: String }
                let link = try invite.content.decode(Created.self).link
                let path = try #require(URL(string: link)?.path)
                #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$toEmail == "new.grad@example.org").count() == 1)

                let browser = Browser(app)
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                let accepted = try await browser.post(path, ["name": "New Grad", "password": "a long enough password", "password_confirmation": "a long enough password"])
                #expect(accepted.status == .seeOther)
                #expect(accepted.location == SiteURL.home.path)
                let user = try await UserModel.query(on: app.db).filter(\.$email == "new.grad@example.org").first()
                #expect(user?.role == .graduate)
                #expect(user?.$cohort.id?.uuidString == cohortID)
                #expect(user?.timeZone == "America/New_York")

                let again = try await Browser(app).get(path)
                #expect(again.status == .gone)
                #expect(again.text.contains("already been used"))
            }
        }

        @Test func a_graduate_cannot_create_a_cohort() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.graduate, app: app)
                let res = try await Self.send(app, .POST, "/api/v1/cohorts", token: token, json: #"{"name": "Mine", "course_end_date": "2027-03-19", "time_zone": "UTC"}"#)
                #expect(res.status == .forbidden)
                #expect(try await CohortModel.query(on: app.db).count() == 1)
            }
        }

        @Test func an_unassigned_coach_gets_404_for_a_graduate() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let unassigned = try await Self.token(for: world.unassignedCoach, app: app)
                let assigned = try await Self.token(for: world.coach, app: app)
                let path = "/api/v1/people/\(world.graduate.requireIDString)"
                #expect(try await Self.send(app, .GET, path, token: unassigned).status == .notFound)
                #expect(try await Self.send(app, .GET, path, token: assigned).status == .ok)
                let list = try await Self.send(app, .GET, "/api/v1/people", token: assigned)
                let people = try list.content.decode([[String: AnyDecodable]].self)
                #expect(people.map { $0["email"]?.string } == [world.graduate.email])
            }
        }

        @Test func patch_me_changes_only_the_fields_given() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await Self.token(for: world.graduate, app: app)
                let res = try await Self.send(app, .PATCH, "/api/v1/me", token: token, json: #"{"github_login": "grace-g", "stacks": ["Swift", "Vapor"]}"#)
                #expect(res.status == .ok)
                let stored = try await UserModel.find(world.graduate.id, on: app.db)
                #expect(stored?.githubLogin == "grace-g")
                #expect(stored?.stacks == ["Swift", "Vapor"])
                #expect(stored?.name == "Grace Graduate")
                let bad = try await Self.send(app, .PATCH, "/api/v1/me", token: token, json: #"{"github_login": "-bad-"}"#)
                #expect(bad.status == .unprocessableEntity)
                #expect(try bad.content.decode(ErrorBody.self).error.field == "github_login")
            }
        }

        /// The limits the document states are the ones Core enforces (schemathesis checks the rest
        /// against the running server in api-check/run).
        @Test func the_document_states_the_rules_core_enforces() throws {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/OnwardApp/openapi.json")
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            let schemas = (document["components"] as! [String: Any])["schemas"] as! [String: [String: Any]]
            func property(_ schema: String, _ name: String) -> [String: Any] {
                (schemas[schema]!["properties"] as! [String: Any])[name] as! [String: Any]
            }
            func matches(_ pattern: String, _ text: String) throws -> Bool {
                let regex = try NSRegularExpression(pattern: pattern)
                return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
            // Time zones: exactly the names Core accepts.
            let zonePattern = try #require(property("ProfileUpdate", "time_zone")["pattern"] as? String)
            #expect(zonePattern == "^(?:" + TimeZones.all.map { $0.replacingOccurrences(of: "+", with: "\\+") }.joined(separator: "|") + ")$")
            #expect(property("CohortCreate", "time_zone")["pattern"] as? String == zonePattern)
            // Days: the pattern accepts exactly what LocalDate(iso:) reads, at the edges of the years allowed and of leap years.
            let datePattern = try #require(property("MoveCreate", "on")["pattern"] as? String)
            var day = LocalDate(year: 1969, month: 12, day: 1)!
            while day < LocalDate(year: 2101, month: 1, day: 31)! {
                if day.year < 1972 || [2000, 2028, 2099].contains(day.year) || day.year > 2099 {
                    #expect(try matches(datePattern, day.iso) == (LocalDate(iso: day.iso) != nil), "\(day.iso)")
                }
                day = day.adding(days: 1)
            }
            for text in ["2026-02-29", "2026-04-31", "2026-1-05", "2026-01-05 ", "99999-01-01"] {
                #expect(try !matches(datePattern, text), "\(text)")
            }
            // Text that must say something: white space alone is refused, as Core refuses it.
            let required = try #require(property("ApplicationCreate", "company")["pattern"] as? String)
            for (text, accepted) in [("Acme", true), ("  Acme ", true), ("", false), ("   ", false), ("\t\n", false), ("A\u{0}", false),
                                     ("\u{202E}\u{200B}", false), ("Priya\u{202E}", false), ("\u{2066}x", false), ("\u{200F}שלום", true)] {
                #expect(try matches(required, text) == accepted, "\(text.debugDescription)")
            }
            // Every character of the plane a pattern can name, alone and beside a letter: the
            // document and Core agree on what a required text and a free text may hold.
            let free = try #require(property("ApplicationCreate", "notes")["pattern"] as? String)
            for value in UInt32(0)..<0x10000 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                var errors = ValidationErrors()
                let alone = TextRules.checked(String(scalar), field: "f", label: "f", limit: 10, into: &errors)
                #expect(try matches(required, String(scalar)) == (!alone.isEmpty && errors.isEmpty), "U+\(String(value, radix: 16))")
                var besideErrors = ValidationErrors()
                _ = TextRules.checked("a" + String(scalar) + "b", field: "f", label: "f", limit: 10, into: &besideErrors)
                #expect(try matches(free, "a" + String(scalar) + "b") == besideErrors.isEmpty, "U+\(String(value, radix: 16)) in free text")
            }
            #expect(property("ProfileUpdate", "stacks")["maxItems"] as? Int == ProfileDraft.maximumStacks)
            for schema in ["PairingRequestCreate", "VolunteeringWrite"] {
                #expect(property(schema, "stacks")["maxItems"] as? Int == Stacks.most)
                #expect((property(schema, "kinds")["items"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/PairingKind")
            }
            #expect((schemas["PairingKind"]!["enum"] as? [String]) == PairingKind.allCases.map(\.rawValue))
            for schema in ["ApplicationCreate", "ApplicationUpdate"] {
                #expect(property(schema, "currency")["enum"] as? [String] == [""] + Currency.offered.map(\.code), "the form's list, and the bootcamp's as empty")
            }
            #expect(property("InterviewCreate", "duration_minutes")["minimum"] as? Int == 5)
            #expect(property("InterviewCreate", "duration_minutes")["maximum"] as? Int == 600)
        }

        @Test func the_document_describes_every_api_route_that_exists() async throws {
            try await withApp { app in
                let res = try await Self.send(app, .GET, "/api/v1/openapi.json", token: nil)
                #expect(res.status == .ok)
                struct Document: Decodable {
                    let openapi: String
                    let paths: [String: [String: AnyDecodable]]
                }
                let document = try res.content.decode(Document.self)
                #expect(document.openapi.hasPrefix("3."))
                var described: Set<String> = []
                for (path, operations) in document.paths {
                    for method in operations.keys {
                        let vaporPath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
                        described.insert("\(method.uppercased()) /api/v1\(vaporPath)")
                    }
                }
                let registered = Set(app.routes.all
                    .map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
                    .filter { $0.contains(" /api/") })
                #expect(registered == described)
            }
        }
    }
}

/// Just enough of "any JSON value" to read fields in tests.
struct AnyDecodable: Decodable {
    let string: String?
    let int: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        string = try? container.decode(String.self)
        int = try? container.decode(Int.self)
    }
}

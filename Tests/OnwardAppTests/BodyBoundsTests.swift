import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Bodies shaped to make a decoder work for minutes (many fields, bracketed names, many parts,
/// deep JSON) are refused by a one-pass scan before any decoder reads them, at the size limit of
/// whoever sends them, while the site keeps answering. Each request below would keep a core busy
/// for minutes if it were decoded; the client gives up after a few seconds, which fails the test.
/// How fast the refusals are is measured in `bench/probe`.
extension AppTests {
    @Suite struct BodyBoundsTests {
        /// `k[0]=1&k[1]=1...` (or another pattern) up to `bytes`, the CSRF field first.
        static func repeated(_ field: (Int) -> String, bytes: Int, csrf: String) -> String {
            var body = "csrf=" + csrf
            var index = 0
            while body.utf8.count < bytes - 32 {
                body += "&" + field(index) + "=1"
                index += 1
            }
            return body
        }

        static func multipart(parts: Int, boundary: String, csrf: String, file: String? = nil) -> String {
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            if let file {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"applications [2].csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
            }
            for index in 0..<parts {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"k\(index)\"\r\n\r\n1\r\n"
            }
            return body + "--\(boundary)--\r\n"
        }

        /// Posts `body` on a real connection, giving up after five seconds, while five other
        /// visitors read the sign-in page; returns the post's answer and the readers' statuses.
        static func postWhileOthersRead(_ onward: ServedOnward, _ path: String, body: String, contentType: String, as visitor: ServedOnward.Visitor, api token: String? = nil) async throws -> (ClientResponse, [UInt]) {
            var headers = visitor.headers
            headers.replaceOrAdd(name: .contentType, value: contentType)
            if let token { headers.bearerAuthorization = .init(token: token) }
            async let answer = onward.app.client.send(ClientRequest(method: .POST, url: URI(string: onward.base + path), headers: headers, body: ByteBuffer(string: body), timeout: .seconds(5)))
            let readers = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await onward.app.client.send(ClientRequest(method: .GET, url: URI(string: onward.base + SiteURL.accounts(.signIn).path), headers: [:], body: nil, timeout: .seconds(5))).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            return (try await answer, readers)
        }

        @Test func a_visitors_form_of_bracketed_or_repeated_keys_is_refused_at_once_while_the_site_answers() async throws {
            try await withApp { app in
                _ = try await World.make(on: app)
                try await ServedOnward.with(app) { onward in
                    let visitor = try await onward.visitor()
                    for field in [{ (i: Int) in "k[\(i)]" }, { _ in "k[]" }, { i in "k\(i)" }, { _ in "k" }] {
                        let body = Self.repeated(field, bytes: RequestBody.maxVisitorBytes, csrf: visitor.csrf)
                        let (answer, readers) = try await Self.postWhileOthersRead(onward, SiteURL.accounts(.signIn).path, body: body, contentType: "application/x-www-form-urlencoded", as: visitor)
                        #expect(answer.status == .payloadTooLarge)
                        #expect(answer.body.map { String(buffer: $0) }?.contains("more than 64 fields") == true)
                        #expect(readers == [200, 200, 200, 200, 200])
                    }
                    // Past a visitor's limit the body is refused by its size alone.
                    let megabyte = Self.repeated({ "k[\($0)]" }, bytes: 1 << 20, csrf: visitor.csrf)
                    let (answer, _) = try await Self.postWhileOthersRead(onward, SiteURL.accounts(.signIn).path, body: megabyte, contentType: "application/x-www-form-urlencoded", as: visitor)
                    #expect(answer.status == .payloadTooLarge)
                }
            }
        }

        @Test func a_signed_in_form_at_the_size_limit_with_many_fields_is_refused_and_changes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await ServedOnward.with(app) { onward in
                    var visitor = try await onward.visitor()
                    visitor.remember(try await onward.signIn(world.graduate.email, password: World.password, as: visitor))
                    _ = try await onward.get(SiteURL.accounts(.profile).path, as: &visitor)
                    for field in [{ (i: Int) in "k[\(i)]" }, { _ in "k[]" }, { i in "name\(i)" }, { _ in "name" }] {
                        let body = Self.repeated(field, bytes: app.settings.maxBodyBytes, csrf: visitor.csrf)
                        let (answer, readers) = try await Self.postWhileOthersRead(onward, SiteURL.accounts(.profile).path, body: body, contentType: "application/x-www-form-urlencoded", as: visitor)
                        #expect(answer.status == .payloadTooLarge)
                        #expect(readers == [200, 200, 200, 200, 200])
                    }
                    // Under the field limit, a bracketed name is refused on its own.
                    let nested = "csrf=\(visitor.csrf)&name=Nested&time_zone=Europe%2FLondon&name[x]=1"
                    let (answer, _) = try await Self.postWhileOthersRead(onward, SiteURL.accounts(.profile).path, body: nested, contentType: "application/x-www-form-urlencoded", as: visitor)
                    #expect(answer.status == .badRequest)
                    #expect(try await UserModel.find(world.graduate.requireID(), on: app.db)?.name == "Grace Graduate")
                    // A form sent as anything else is not read at all.
                    let json = #"{"csrf": "\#(visitor.csrf)", "name": "JSON"}"#
                    let (asJSON, _) = try await Self.postWhileOthersRead(onward, SiteURL.accounts(.profile).path, body: json, contentType: "application/json", as: visitor)
                    #expect(asJSON.status == .unsupportedMediaType)
                }
            }
        }

        @Test func a_multipart_form_of_many_parts_is_refused_and_only_the_import_takes_multipart() async throws {
            try await withApp(settings: { $0.maxUploadBytes = 4 << 20 }) { app in
                let world = try await World.make(on: app)
                try await ServedOnward.with(app) { onward in
                    var visitor = try await onward.visitor()
                    visitor.remember(try await onward.signIn(world.graduate.email, password: World.password, as: visitor))
                    _ = try await onward.get(SiteURL.jobSearch(.importCSV).path, as: &visitor)
                    let boundary = "----onward-test-boundary"
                    let type = "multipart/form-data; boundary=\(boundary)"
                    // A real upload, a file among its fields, is previewed.
                    let upload = Self.multipart(parts: 0, boundary: boundary, csrf: visitor.csrf, file: "Company,Role\nAcme,Developer\n")
                    let (previewed, _) = try await Self.postWhileOthersRead(onward, SiteURL.jobSearch(.importCSV).path, body: upload, contentType: type, as: visitor)
                    #expect(previewed.status == .ok)
                    #expect(previewed.body.map { String(buffer: $0) }?.contains("Import 1 application") == true)
                    // As many parts as fit in the upload limit: refused.
                    var parts = 0
                    while Self.multipart(parts: parts + 4096, boundary: boundary, csrf: visitor.csrf).utf8.count < app.settings.maxUploadBytes { parts += 4096 }
                    let many = Self.multipart(parts: parts, boundary: boundary, csrf: visitor.csrf)
                    let (answer, readers) = try await Self.postWhileOthersRead(onward, SiteURL.jobSearch(.importCSV).path, body: many, contentType: type, as: visitor)
                    #expect(answer.status == .payloadTooLarge)
                    #expect(readers == [200, 200, 200, 200, 200])
                    // Anywhere else multipart is not read.
                    let elsewhere = Self.multipart(parts: 1, boundary: boundary, csrf: visitor.csrf)
                    let (refused, _) = try await Self.postWhileOthersRead(onward, SiteURL.accounts(.profile).path, body: elsewhere, contentType: type, as: visitor)
                    #expect(refused.status == .unsupportedMediaType)
                    #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                }
            }
        }

        @Test func an_upload_from_anyone_who_may_not_import_is_refused_before_its_body_is_read() async throws {
            try await withApp(settings: { $0.maxUploadBytes = 1 << 20 }) { app in
                let world = try await World.make(on: app)
                // Larger than the upload limit and not multipart at all: had the body been read
                // first, the answer would be 413 or 400.
                let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
                func post(_ browser: Browser, path: String = SiteURL.jobSearch(.importCSV).path) async throws -> HTTPStatus {
                    var status = HTTPStatus.ok
                    try await app.testing().test(.POST, path, beforeRequest: { req in
                        req.headers.replaceOrAdd(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                        req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
                        req.body = body
                    }, afterResponse: { status = $0.status })
                    return status
                }
                #expect(try await post(Browser(app)) == .unauthorized)
                #expect(try await post(Browser(app), path: SiteURL.jobSearch(.importCSV).path + "/") == .unauthorized, "the same path, as the router reads it")
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                #expect(try await post(coach) == .notFound)
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                #expect(try await post(graduate) == .payloadTooLarge, "the graduate's upload is read, and is too large")
            }
        }

        @Test func the_api_import_takes_a_file_larger_than_other_bodies_from_a_graduate_only() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let note = String(repeating: "n", count: 5_000)
                let csv = "Company,Role,Notes\n" + (0..<300).map { "Acme \($0),Developer,\(note)\n" }.joined()
                #expect(csv.utf8.count > app.settings.maxBodyBytes)
                func post(_ user: UserModel) async throws -> HTTPStatus {
                    let token = try await APITests.token(for: user, app: app)
                    var status = HTTPStatus.ok
                    try await app.testing().test(.POST, "/api/v1/applications/import?dry_run=true", beforeRequest: { req in
                        req.headers.bearerAuthorization = .init(token: token)
                        req.headers.replaceOrAdd(name: .contentType, value: "text/csv")
                        req.body = ByteBuffer(string: csv)
                    }, afterResponse: { status = $0.status })
                    return status
                }
                #expect(try await post(world.graduate) == .ok)
                #expect(try await post(world.coach) == .payloadTooLarge, "only someone who may import sends a body this large")
            }
        }

        @Test func api_json_nested_too_deep_or_with_too_many_items_is_refused_before_decoding() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                try await ServedOnward.with(app) { onward in
                    let visitor = ServedOnward.Visitor()
                    let deep = String(repeating: "[", count: 400_000) + String(repeating: "]", count: 400_000)
                    let (tooDeep, readers) = try await Self.postWhileOthersRead(onward, "/api/v1/applications", body: deep, contentType: "application/json", as: visitor, api: token)
                    #expect(tooDeep.status == .badRequest)
                    #expect(try tooDeep.content.decode(APITests.ErrorBody.self).error.code == "too_deep")
                    #expect(readers == [200, 200, 200, 200, 200])
                    let resources = (0..<20_000).map { _ in #"{"kind":"book","title":"x"}"# }.joined(separator: ",")
                    let wide = #"{"title":"t","now":"a","success":"b","why":"c","resources":[\#(resources)]}"#
                    let (tooMany, _) = try await Self.postWhileOthersRead(onward, "/api/v1/learning-goals", body: wide, contentType: "application/json", as: visitor, api: token)
                    #expect(tooMany.status == .payloadTooLarge)
                    #expect(try tooMany.content.decode(APITests.ErrorBody.self).error.code == "too_many_items")
                    #expect(try await LearningGoalModel.query(on: app.db).count() == 0)
                }
            }
        }
    }
}

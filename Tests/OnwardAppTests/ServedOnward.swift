import Foundation
import NIOCore
import Testing
import Vapor
@testable import OnwardApp

/// Onward served on 127.0.0.1 at a free port, for tests that need real connections: the address a
/// request comes from, or many requests at once over the network.
struct ServedOnward: Sendable {
    let app: Application
    let base: String

    /// Starts `app`'s server, runs `body`, and stops the server.
    static func with(_ app: Application, _ body: (ServedOnward) async throws -> Void) async throws {
        // A test reads each answer as it is, redirects included.
        app.http.client.configuration.redirectConfiguration = .disallow
        // A burst of a hundred requests waits its turn for one of the client's few connections; on
        // a busy machine (CI runs three tests at once) that took more than the client's default 10
        // s once, and the wait counted as a failure. A minute, so only a stuck server fails.
        app.http.client.configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(60), read: .seconds(60))
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            try await body(ServedOnward(app: app, base: "http://127.0.0.1:\(port)"))
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()
    }

    /// A visitor: its cookies, and the CSRF token of the last page it read.
    struct Visitor: Sendable {
        var cookies: [String: String] = [:]
        var csrf = ""
        /// Sent as `X-Forwarded-For` (a proxy in front of Onward would add it).
        var forwardedFor: String?

        var headers: HTTPHeaders {
            var headers = HTTPHeaders()
            if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
            if let forwardedFor { headers.replaceOrAdd(name: .xForwardedFor, value: forwardedFor) }
            return headers
        }

        mutating func remember(_ response: ClientResponse) {
            for header in response.headers[.setCookie] {
                let pair = header.split(separator: ";").first.map(String.init) ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { continue }
                let expired = header.contains("Max-Age=0") || header.lowercased().contains("expires=thu, 01 jan 1970")
                cookies[parts[0]] = expired ? nil : parts[1]
            }
            let body = response.body.map { String(buffer: $0) } ?? ""
            if let range = body.range(of: #"name="csrf" value="([^"]*)""#, options: .regularExpression) {
                csrf = String(body[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
            }
        }
    }

    func get(_ path: String, as visitor: inout Visitor) async throws -> ClientResponse {
        let response = try await app.client.get(URI(string: base + path), headers: visitor.headers)
        visitor.remember(response)
        return response
    }

    /// Posts a form with the visitor's cookies and CSRF token; does not follow redirects.
    func post(_ path: String, _ fields: [String: String], as visitor: Visitor) async throws -> ClientResponse {
        var form = fields
        form["csrf"] = visitor.csrf
        var headers = visitor.headers
        headers.contentType = .urlEncodedForm
        return try await app.client.post(URI(string: base + path), headers: headers) { request in
            request.body = ByteBuffer(string: Browser.encode(form))
        }
    }

    /// A visitor that has read the sign-in page (so it has a CSRF token).
    func visitor(forwardedFor: String? = nil) async throws -> Visitor {
        var visitor = Visitor(forwardedFor: forwardedFor)
        _ = try await get(SiteURL.accounts(.signIn).path, as: &visitor)
        return visitor
    }

    func signIn(_ email: String, password: String, as visitor: Visitor) async throws -> ClientResponse {
        try await post(SiteURL.accounts(.signIn).path, ["email": email, "password": password], as: visitor)
    }
}

import Crypto
import Foundation
import Vapor

/// Cross-site request forgery protection by double submit: a random token lives in an HttpOnly,
/// SameSite=Strict cookie, and every form carries the same token in a hidden field `csrf`. A
/// request that changes anything must bring both, equal. Another site can make a browser send the
/// cookie but cannot read it, so it cannot write the field.
enum CSRF {
    static let cookieName = "onward_csrf"
    static let fieldName = "csrf"

    static func newToken() -> String {
        Data([UInt8].random(count: 32)).base64URLEncodedString()
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: 60 * 60 * 24 * 30, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }

    /// Constant-time comparison, so the check does not leak how much of a guess was right.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// This browser's token, made the first time a page needs one.
    var csrfToken: (value: String, isNew: Bool) {
        if let existing = cookies[CSRF.cookieName]?.string, !existing.isEmpty { return (existing, false) }
        if let made = storage[CSRFKey.self] { return (made, true) }
        let token = CSRF.newToken()
        storage[CSRFKey.self] = token
        return (token, true)
    }
}

/// Refuses any state-changing web request whose form does not carry this browser's CSRF token.
struct CSRFMiddleware: AsyncMiddleware {
    let maxBodyBytes: Int
    /// Paths that take file uploads, with their larger limit.
    let uploads: [String: Int]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        _ = try await request.collectBody(max: uploads[request.url.path] ?? maxBodyBytes)
        let cookie = request.cookies[CSRF.cookieName]?.string ?? ""
        let field = (try? request.content.get(String.self, at: CSRF.fieldName)) ?? ""
        guard CSRF.matches(cookie, field) else {
            throw AppError.csrf
        }
        return try await next.respond(to: request)
    }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

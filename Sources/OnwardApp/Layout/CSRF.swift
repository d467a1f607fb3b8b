import Crypto
import Foundation
import Vapor

/// Cross-site request forgery protection, bound to the session.
///
/// Every form carries a token in a hidden field `csrf`, and a request that changes anything must
/// bring the token of its own session: an HMAC, with the server's secret key (`ServerSecret`), of
/// the signed-in session's id. Another site can make a browser send the session cookie, but cannot read the
/// page, nor compute the token without the key. A visitor who is not signed in (the sign-in form,
/// an invitation) has a random visitor id in an HttpOnly, SameSite=Strict cookie instead, and the
/// token is the HMAC of that. Signing in starts a new session, so the token changes; signing out
/// (or in) also gives the browser a new visitor id, so a token seen before never works again.
enum CSRF {
    static let cookieName = "onward_csrf"
    static let fieldName = "csrf"

    /// What a token is bound to.
    enum Binding: Equatable {
        case session(String)
        case visitor(String)

        var message: String {
            switch self {
            case .session(let id): "session:" + id
            case .visitor(let id): "visitor:" + id
            }
        }
    }

    static func newID() -> String {
        Data([UInt8].random(count: 32)).base64URLEncodedString()
    }

    /// A visitor id as `newID` makes them (43 URL-safe base64 characters), else nil.
    static func visitorID(_ raw: String?) -> String? {
        guard let raw, raw.utf8.count == 43, raw.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else { return nil }
        return raw
    }

    static func token(for binding: Binding, key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(binding.message.utf8), using: key)).base64URLEncodedString()
    }

    static func cookie(_ visitorID: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: visitorID, maxAge: 60 * 60 * 24 * 30, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }

    /// Constant-time comparison, so the check does not leak how much of a guess was right.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension Request {
    fileprivate struct CSRFKey: StorageKey { typealias Value = String }

    /// The CSRF token of this request's session (or visitor), which its pages' forms carry.
    /// Empty outside the web routes (a page for a path no route has), where no form can be sent.
    var csrfToken: String {
        storage[CSRFKey.self] ?? ""
    }
}

/// Works out each web request's CSRF token, and refuses any state-changing request whose form
/// does not carry it.
struct CSRFMiddleware: AsyncMiddleware {
    let maxBodyBytes: Int
    /// Paths that take a file, with who may send one and its larger limit.
    let uploads: [String: UploadPath]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let key = try await request.application.serverSecret.key(on: request.db)
        var newVisitor: String?
        let binding: CSRF.Binding
        if request.auth.has(UserModel.self), request.hasSession, let id = request.session.id {
            binding = .session(id.string)
        } else if let visitor = CSRF.visitorID(request.cookies[CSRF.cookieName]?.string) {
            binding = .visitor(visitor)
        } else {
            newVisitor = CSRF.newID()
            binding = .visitor(newVisitor!)
        }
        let token = CSRF.token(for: binding, key: key)
        request.storage[Request.CSRFKey.self] = token

        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // The token is read from a body checked for size and shape, never by decoding it whole.
            let field = try await request.readWebForm(maxBytes: maxBodyBytes, uploads: uploads)
            guard CSRF.matches(token, field ?? "") else { throw AppError.csrf }
        }

        let signedIn = request.auth.has(UserModel.self)
        let response = try await next.respond(to: request)
        if request.auth.has(UserModel.self) != signedIn {
            // Signed in or out: what this browser was given before is no longer its token.
            newVisitor = CSRF.newID()
        }
        if let newVisitor {
            response.cookies[CSRF.cookieName] = CSRF.cookie(newVisitor, secure: request.settings.secureCookies)
        }
        return response
    }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

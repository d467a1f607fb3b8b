import Foundation
import Vapor

/// A one-time message shown on the next page ("Invitation sent"). Kept in a short-lived cookie so
/// it survives the redirect after a form, and cleared when shown.
struct Flash: Codable, Equatable {
    enum Kind: String, Codable { case success, error, info }
    let kind: Kind
    let message: String

    static let cookieName = "onward_flash"
}

extension Response {
    /// Adds a message for the next page this browser shows.
    @discardableResult
    func flash(_ kind: Flash.Kind, _ message: String, on req: Request) -> Response {
        var flashes = (try? JSONDecoder().decode([Flash].self, from: Data(base64Encoded: cookies[Flash.cookieName]?.string ?? "") ?? Data())) ?? []
        flashes.append(Flash(kind: kind, message: message))
        let encoded = (try? JSONEncoder().encode(flashes))?.base64EncodedString() ?? ""
        cookies[Flash.cookieName] = HTTPCookies.Value(string: encoded, maxAge: 60, path: "/", isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return self
    }
}

extension Request {
    /// The messages waiting for this page; `render` clears the cookie.
    func takeFlashes() -> [Flash] {
        guard let raw = cookies[Flash.cookieName]?.string, let data = Data(base64Encoded: raw) else { return [] }
        return ((try? JSONDecoder().decode([Flash].self, from: data)) ?? []).prefix(5).map { $0 }
    }

    /// A redirect after a successful form, with a message for the page it lands on.
    func redirect(to url: SiteURL, flash message: String) -> Response {
        redirect(to: url.path).flash(.success, message, on: self)
    }

    /// As `redirect(to:flash:)`, to a place on a page.
    func redirect(to href: Href, flash message: String) -> Response {
        redirect(to: href.text).flash(.success, message, on: self)
    }
}

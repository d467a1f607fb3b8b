import Foundation

/// How long an API token works. A token that leaks from a script's configuration should not work
/// for ever: a new one lasts 90 days unless its owner chooses otherwise, and a token never makes
/// another (only someone signed in does, on the tokens page).
public enum TokenLifetime: String, CaseIterable, Sendable {
    case days30 = "30"
    case days90 = "90"
    case year = "365"
    case never

    public static let standard = TokenLifetime.days90

    public var title: String {
        switch self {
        case .days30: "30 days"
        case .days90: "90 days"
        case .year: "A year"
        case .never: "Never (until revoked)"
        }
    }

    /// When a token made at `now` stops working; nil for one that works until revoked.
    public func expiry(from now: Date) -> Date? {
        Int(rawValue).map { now.addingTimeInterval(Double($0) * 86_400) }
    }

    /// The lifetime chosen on the form; the standard one when none is sent.
    public static func validate(_ raw: String?, into errors: inout ValidationErrors) -> TokenLifetime {
        guard let raw = raw?.trimmed, !raw.isEmpty else { return standard }
        guard let lifetime = TokenLifetime(rawValue: raw) else {
            errors.add("expires", "Choose how long the token works: 30 days, 90 days, a year, or until you revoke it.")
            return standard
        }
        return lifetime
    }

    /// Whether a token that stops working at `expiresAt` still works at `now`.
    public static func works(expiresAt: Date?, now: Date) -> Bool {
        expiresAt.map { now < $0 } ?? true
    }
}

import Foundation

/// How many sign-in attempts Onward checks, per account and per client address.
///
/// An attempt is counted *before* its password is checked, and counted atomically by the
/// database, so a burst of concurrent guesses cannot slip past the limit: of thirty guesses sent
/// at once for one account, five are checked and twenty-five are refused without hashing. A
/// correct password clears the account's count and gives the client's attempt back, so only
/// failures stay counted.
public enum SignInThrottle {
    public struct Limit: Sendable, Equatable {
        /// Attempts allowed in one window.
        public let attempts: Int
        /// How long a window lasts from its first attempt, in whole seconds.
        public let window: Int64

        public init(attempts: Int, window: Int64) {
            self.attempts = attempts
            self.window = window
        }
    }

    /// Five failed sign-ins for one account within fifteen minutes lock it until the window passes.
    public static let perAccount = Limit(attempts: 5, window: 15 * 60)
    /// Twenty failed sign-ins from one client address (whatever the accounts) within fifteen minutes
    /// stop that address until the window passes. High enough for a classroom behind one address
    /// mistyping on a Monday morning; low enough that guessing four passwords on each of many
    /// accounts is stopped.
    public static let perClient = Limit(attempts: 20, window: 15 * 60)

    /// The attempts counted in the current window of one account or one client.
    public struct Counter: Sendable, Equatable {
        public var attempts: Int
        /// When the window ends, in whole seconds since 1970.
        public var windowEnds: Int64

        public init(attempts: Int, windowEnds: Int64) {
            self.attempts = attempts
            self.windowEnds = windowEnds
        }
    }

    /// Whole seconds since 1970, as the counters keep time.
    public static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// The counter after one more attempt at `now`. A window that has ended starts again with this
    /// attempt. (The database does the same in one statement; this is the rule it follows.)
    public static func counting(_ counter: Counter?, at now: Date, limit: Limit) -> Counter {
        let now = seconds(now)
        guard let counter, counter.windowEnds > now else {
            return Counter(attempts: 1, windowEnds: now + limit.window)
        }
        return Counter(attempts: counter.attempts + 1, windowEnds: counter.windowEnds)
    }

    /// Nil when the attempt that brought the counter here may be checked; otherwise when the
    /// next attempt may be.
    public static func refusedUntil(_ counter: Counter, limit: Limit) -> Date? {
        guard counter.attempts > limit.attempts else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(counter.windowEnds))
    }
}

/// The address a sign-in comes from, for the per-client limit.
public enum ClientAddress {
    /// The peer's address, unless the peer is the proxy Onward is told to trust: then the address
    /// that proxy appended last to `X-Forwarded-For` (the entries before it are whatever the client
    /// sent, and prove nothing). Nil when there is no usable address.
    /// - Parameters:
    ///   - peer: the address of the connection ("127.0.0.1").
    ///   - forwardedFor: every `X-Forwarded-For` header, in order.
    ///   - trustedProxy: the proxy's address, from the settings.
    public static func resolve(peer: String?, forwardedFor: [String], trustedProxy: String?) -> String? {
        guard let peer = literal(peer) else { return nil }
        guard let trustedProxy, peer == trustedProxy else { return peer }
        let entries = forwardedFor.flatMap { $0.split(separator: ",") }
        guard let last = entries.last.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return peer }
        return literal(last) ?? peer
    }

    /// `raw` if it reads as an IPv4 or IPv6 address literal (digits, hex, dots and colons), else nil.
    public static func literal(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= 45 else { return nil }
        let allowed = Set("0123456789abcdefABCDEF.:")
        guard raw.allSatisfy(allowed.contains), raw.contains(".") || raw.contains(":") else { return nil }
        return raw.lowercased()
    }
}

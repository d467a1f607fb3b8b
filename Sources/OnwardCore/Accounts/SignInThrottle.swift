import Foundation

/// Five failed sign-ins for one account within fifteen minutes lock it until the window passes.
public enum SignInThrottle {
    public static let maximumFailures = 5
    public static let window: TimeInterval = 15 * 60

    /// When the account may try again, or nil if it may try now.
    /// - Parameter failures: times of failed sign-ins for the account (any order, any age).
    public static func lockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { $0 > now.addingTimeInterval(-window) && $0 <= now }.sorted()
        guard recent.count >= maximumFailures else { return nil }
        // The lock lifts when enough of the recent failures have aged out of the window.
        let releasing = recent[recent.count - maximumFailures]
        return releasing.addingTimeInterval(window)
    }
}

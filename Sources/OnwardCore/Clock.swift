import Foundation

/// Where "now" comes from. The domain never calls `Date()`: it is handed a clock, and tests pin it.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    /// The wall clock.
    public static let system = Clock { Date() }

    /// A clock that always answers `date`.
    public static func fixed(_ date: Date) -> Clock {
        Clock { date }
    }
}

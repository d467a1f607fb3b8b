import Foundation

/// An invitation to join Onward with a role. Single use, and valid for seven days.
public enum InvitationRules {
    public static let validity: TimeInterval = 7 * 24 * 60 * 60

    public enum Status: String, Sendable, Equatable {
        case pending
        case accepted
        case expired
    }

    public static func expiry(from sentAt: Date) -> Date {
        sentAt.addingTimeInterval(validity)
    }

    public static func status(expiresAt: Date, acceptedAt: Date?, now: Date) -> Status {
        if acceptedAt != nil { return .accepted }
        return now < expiresAt ? .pending : .expired
    }
}

/// Why an invitation cannot be used.
public enum InvitationError: Error, Equatable, Sendable {
    case unknown
    case alreadyAccepted
    case expired
    case emailAlreadyRegistered
}

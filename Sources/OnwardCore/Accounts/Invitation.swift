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

/// A pasted list of email addresses, one a line, read for inviting them all at once: each line
/// checked, the bad ones named by line, and the whole list refused when it cannot be read as one
/// (too long, holding control characters, or with no address in it).
public struct InvitationList: Equatable, Sendable {
    public struct Refused: Equatable, Sendable {
        public let line: Int
        public let text: String
        public let reason: String

        public init(line: Int, text: String, reason: String) {
            self.line = line
            self.text = text
            self.reason = reason
        }
    }

    /// The addresses to invite, normalised, each once, in the list's order.
    public let emails: [String]
    /// The lines that are not invited, and why.
    public let refused: [Refused]

    /// At most this many lines: a cohort is some thirty people; a list ten times that is a mistake.
    public static let maximumLines = 300
    /// The list's length in characters: `maximumLines` lines of the longest address.
    public static let maximumLength = maximumLines * 256

    public static func read(_ text: String, field: String = "emails") throws(ValidationErrors) -> InvitationList {
        var errors = ValidationErrors()
        if text.count > maximumLength {
            errors.add(field, "The list is too long: paste at most \(maximumLines) addresses at a time.")
        } else if text.unicodeScalars.contains(where: { (TextRules.isRefused($0) && $0 != "\r") || TextRules.isDirectionControl($0) }) {
            errors.add(field, "The list holds control characters: paste plain text, one address a line.")
        }
        try errors.throwIfAny()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0) }
        var emails: [String] = []
        var seen: Set<String> = []
        var refused: [Refused] = []
        var counted = 0
        for (index, raw) in lines.enumerated() {
            // A list copied from a spreadsheet or a mail client: separators and a name in angle brackets.
            let text = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",;")))
            guard !text.isEmpty else { continue }
            counted += 1
            let address = text.firstMatch(of: /<([^<>]+)>/).map { String($0.1) } ?? text
            var lineErrors = ValidationErrors()
            let email = AccountRules.validateEmail(address, into: &lineErrors)
            if let message = lineErrors.errors.first?.message {
                refused.append(Refused(line: index + 1, text: text, reason: message))
            } else if seen.contains(email) {
                refused.append(Refused(line: index + 1, text: text, reason: "Already in the list above."))
            } else {
                seen.insert(email)
                emails.append(email)
            }
        }
        if counted > maximumLines {
            errors.add(field, "The list has \(counted) lines: paste at most \(maximumLines) addresses at a time.")
        } else if emails.isEmpty {
            errors.add(field, counted == 0 ? "Paste the email addresses, one a line." : "No line of the list is an email address: paste one address a line.")
        }
        try errors.throwIfAny()
        return InvitationList(emails: emails, refused: refused)
    }
}

import Foundation

/// One message as Onward sends it: plain text, from the bootcamp's address to one person.
public struct OutgoingMail: Sendable, Equatable {
    public let from: String
    public let fromName: String
    public let to: String
    public let subject: String
    public let body: String
    /// Unique to the message and kept with it: a message sent again (a retry after a lost
    /// reply) carries the same Message-ID, so mail software can tell the copies apart.
    public let messageID: String
    public let date: Date

    public init(from: String, fromName: String, to: String, subject: String, body: String, messageID: String, date: Date) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }
}

/// A message in the form SMTP's DATA carries it (RFC 5322): headers, a blank line, the body
/// in base64 of its UTF-8 (so any text travels safely), CRLF line ends.
public enum MailFormat {
    public static func message(_ mail: OutgoingMail) -> String {
        let headers = [
            "From: " + mailbox(name: mail.fromName, address: mail.from),
            "To: <\(mail.to)>",
            "Subject: " + encodedWord(mail.subject),
            "Date: " + date(mail.date),
            "Message-ID: <\(mail.messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        let text = mail.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            lines.append(rest.prefix(76))
            rest = rest.dropFirst(76)
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The message as SMTP's DATA sends it: every line beginning with a dot gets another
    /// (RFC 5321 4.5.2), and the lone dot that ends it.
    public static func data(_ mail: OutgoingMail) -> String {
        stuffed(message(mail))
    }

    /// `text` (CRLF lines, ending with CRLF) as DATA sends it: a dot added before each line's
    /// leading dot, and the lone dot that ends it.
    public static func stuffed(_ text: String) -> String {
        text.components(separatedBy: "\r\n").dropLast().map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    /// `text` as a header may hold it: as it is when plain ASCII, else an RFC 2047 encoded word.
    public static func encodedWord(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) { return clean }
        return "=?UTF-8?B?" + Data(clean.utf8).base64EncodedString() + "?="
    }

    static func mailbox(name: String, address: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && !"\"\\<>,;:@()[]".unicodeScalars.contains($0) }
        let shown = plain ? name : encodedWord(name)
        return name.isEmpty ? "<\(address)>" : "\(shown) <\(address)>"
    }

    /// A date as RFC 5322 writes it, in UTC: "Mon, 07 Dec 2026 09:30:00 +0000".
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// When an outbox message that could not be sent is tried again: a minute after the first
/// failure, doubling up to two hours, and given up after `mostAttempts` (about twelve hours of
/// trying). A refusal that says it is final (an SMTP 5xx to the recipient or the message: no such
/// mailbox) is not tried again.
public enum DeliveryRules {
    public static let mostAttempts = 12
    /// The longest one try may take, well inside `claim`.
    public static let longestTry: TimeInterval = 90
    /// How long a sender holds a message it took: past this another may take it (the first died).
    public static let claim: TimeInterval = 120

    /// When attempt `attempts + 1` may be made, after `attempts` failed at `now`; nil: give up.
    public static func nextAttempt(afterFailed attempts: Int, at now: Date, permanent: Bool = false) -> Date? {
        guard !permanent, attempts < mostAttempts else { return nil }
        let minutes = min(120, 1 << min(attempts - 1, 7))
        return now.addingTimeInterval(Double(max(1, minutes)) * 60)
    }
}

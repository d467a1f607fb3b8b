import Foundation

/// What a graduate asks the careers team in the help desk: a question, or a 1:1 meeting.
public enum SupportRequestKind: String, CaseIterable, Codable, Sendable {
    case question
    case oneToOne = "one_to_one"

    public var title: String {
        switch self {
        case .question: "Question"
        case .oneToOne: "1:1 meeting"
        }
    }
}

/// Where a request came from: the help desk's form, or a standup's "I'd like help", so the
/// careers team has one queue for both.
public enum SupportRequestOrigin: String, CaseIterable, Codable, Sendable {
    case desk
    case standup
}

extension SupportRequestState {
    public var title: String {
        switch self {
        case .open: "Open"
        case .pending: "Waiting for you"
        case .solved: "Solved"
        }
    }

    /// As the careers team reads it: pending waits for the graduate, not for them.
    public var teamTitle: String {
        switch self {
        case .open: "Open"
        case .pending: "Waiting for the graduate"
        case .solved: "Solved"
        }
    }
}

/// A support request, checked: its kind, a subject and a message; a 1:1 says when suits.
public struct SupportRequestDraft: Equatable, Sendable {
    public let kind: SupportRequestKind
    public let subject: String
    public let message: String
    /// For a 1:1: the times that suit the graduate, in their words ("Tuesday or Thursday afternoon").
    public let preferredTimes: String

    public init(kind: SupportRequestKind, subject: String, message: String, preferredTimes: String = "") {
        self.kind = kind
        self.subject = subject
        self.message = message
        self.preferredTimes = preferredTimes
    }

    public static func validate(kind rawKind: String, subject: String, message: String, preferredTimes: String) throws(ValidationErrors) -> SupportRequestDraft {
        var errors = ValidationErrors()
        let kind = SupportRequestKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose whether you have a question or want a 1:1.") }
        let subject = TextRules.checked(subject, field: "subject", label: "subject", limit: TextRules.Limit.short, into: &errors)
        if subject.isEmpty && errors.message(for: "subject") == nil { errors.add("subject", "Give it a subject, such as \"Feedback on my CV\".") }
        let message = TextRules.checked(message, field: "message", label: "message", limit: TextRules.Limit.long, into: &errors)
        if message.isEmpty && errors.message(for: "message") == nil { errors.add("message", "Write what you need help with.") }
        let times = TextRules.checked(preferredTimes, field: "preferred_times", label: "preferred times", limit: TextRules.Limit.sentence, into: &errors)
        if kind == .oneToOne && times.isEmpty && errors.message(for: "preferred_times") == nil {
            errors.add("preferred_times", "Say which times suit you, such as \"Tuesday or Thursday afternoon\".")
        }
        try errors.throwIfAny()
        return SupportRequestDraft(kind: kind!, subject: subject, message: message, preferredTimes: kind == .oneToOne ? times : "")
    }
}

extension SupportRequestDraft {
    /// The request a standup's "I'd like help" opens: a question whose message is the standup's
    /// concerns (already checked by `StandupDraft`), named by the standup's day.
    public static func fromStandup(of day: LocalDate, concerns: String) -> SupportRequestDraft {
        SupportRequestDraft(kind: .question, subject: "Help asked for at the standup of \(day.display)", message: concerns)
    }
}

/// A reply in a support request's thread, checked. A coach answering a 1:1 may give its time.
public struct SupportReplyDraft: Equatable, Sendable {
    public let body: String
    public let meetingAt: Date?

    public init(body: String, meetingAt: Date? = nil) {
        self.body = body
        self.meetingAt = meetingAt
    }

    /// How far ahead a 1:1 may be set.
    public static let meetingHorizonDays = 90

    /// `date` and `time` (a 1:1's time, both empty for none) are read in `timeZone`.
    public static func validate(body: String, date rawDate: String, time rawTime: String, timeZone: TimeZone, now: Date) throws(ValidationErrors) -> SupportReplyDraft {
        var errors = ValidationErrors()
        var meetingAt: Date?
        let date = rawDate.trimmed, time = rawTime.trimmed
        if !date.isEmpty || !time.isEmpty {
            let day = LocalDate(iso: date)
            if day == nil { errors.add("meeting_date", "Enter the day of the 1:1 as YYYY-MM-DD.") }
            let clock = StandupTime(time)
            if clock == nil { errors.add("meeting_time", "Enter the time of the 1:1 as HH:MM.") }
            if let day, let clock {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = timeZone
                meetingAt = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: clock.hour, minute: clock.minute))
            }
        }
        return try checked(body: body, meetingAt: meetingAt, now: now, errors: errors, field: "meeting_date")
    }

    /// As `validate(body:date:time:...)`, for a time already known (the API).
    public static func validate(body: String, meetingAt: Date?, now: Date) throws(ValidationErrors) -> SupportReplyDraft {
        try checked(body: body, meetingAt: meetingAt, now: now, errors: ValidationErrors(), field: "meeting_at")
    }

    private static func checked(body rawBody: String, meetingAt: Date?, now: Date, errors: ValidationErrors, field: String) throws(ValidationErrors) -> SupportReplyDraft {
        var errors = errors
        let body = TextRules.checked(rawBody, field: "body", label: "reply", limit: TextRules.Limit.long, into: &errors)
        if body.isEmpty && errors.message(for: "body") == nil { errors.add("body", "Write a reply first.") }
        if let meetingAt {
            if meetingAt <= now { errors.add(field, "Set the 1:1 in the future.") }
            else if meetingAt > now.addingTimeInterval(Double(meetingHorizonDays) * 86_400) {
                errors.add(field, "Set the 1:1 within the next \(meetingHorizonDays) days.")
            }
        }
        try errors.throwIfAny()
        return SupportReplyDraft(body: body, meetingAt: meetingAt)
    }
}

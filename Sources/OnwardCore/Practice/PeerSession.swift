import Foundation

/// What a morning peer session practises.
public enum PeerSessionKind: String, CaseIterable, Codable, Sendable {
    case technical
    case behavioural

    public var title: String {
        switch self {
        case .technical: "Technical interview"
        case .behavioural: "Behavioural interview"
        }
    }
}

/// A peer practice session, checked: when (in the host's time zone), its kind, how many places
/// (the host's included, 2 to 12) and the link to join.
public struct PeerSessionDraft: Equatable, Sendable {
    public let startsAt: Date
    public let minutes: Int
    public let kind: PeerSessionKind
    public let places: Int
    public let link: String

    public init(startsAt: Date, minutes: Int, kind: PeerSessionKind, places: Int, link: String) {
        self.startsAt = startsAt
        self.minutes = minutes
        self.kind = kind
        self.places = places
        self.link = link
    }

    public static let placeRange = 2...12
    public static let minuteRange = 15...180
    public static let horizonDays = 30

    public static func validate(day rawDay: String, time rawTime: String, minutes rawMinutes: String, kind rawKind: String, places rawPlaces: String,
                                link rawLink: String, timeZone: TimeZone, now: Date) throws(ValidationErrors) -> PeerSessionDraft {
        var errors = ValidationErrors()
        let day = TypedMoment.day(rawDay, field: "day", into: &errors), time = TypedMoment.time(rawTime, field: "time", into: &errors)
        let startsAt = day.flatMap { day in time.map { TypedMoment.moment(day, $0, in: timeZone) } }
        return try checked(startsAt: startsAt, minutes: Int(rawMinutes.trimmed), kind: rawKind, places: Int(rawPlaces.trimmed), link: rawLink,
                           now: now, errors: errors, field: "day")
    }

    public static func validate(startsAt: Date, minutes: Int, kind: String, places: Int, link: String, now: Date) throws(ValidationErrors) -> PeerSessionDraft {
        try checked(startsAt: startsAt, minutes: minutes, kind: kind, places: places, link: link, now: now, errors: ValidationErrors(), field: "starts_at")
    }

    private static func checked(startsAt: Date?, minutes: Int?, kind rawKind: String, places: Int?, link rawLink: String, now: Date,
                                errors: ValidationErrors, field: String) throws(ValidationErrors) -> PeerSessionDraft {
        var errors = errors
        if let startsAt {
            if startsAt <= now { errors.add(field, "Set the session in the future.") }
            else if startsAt > now.addingTimeInterval(Double(horizonDays) * 86_400) { errors.add(field, "Set the session within the next \(horizonDays) days.") }
        }
        if minutes.map({ !minuteRange.contains($0) }) ?? true { errors.add("minutes", "A session lasts from 15 minutes to 3 hours.") }
        let kind = PeerSessionKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose technical or behavioural.") }
        if places.map({ !placeRange.contains($0) }) ?? true { errors.add("places", "Give from 2 to 12 places, yours included.") }
        let link = WebAddress.validate(rawLink, field: "link", into: &errors)
        if link == nil && errors.message(for: "link") == nil { errors.add("link", "Give the link to join, such as a video call's.") }
        try errors.throwIfAny()
        return PeerSessionDraft(startsAt: startsAt!, minutes: minutes!, kind: kind!, places: places!, link: link!)
    }
}

public enum PeerSessionRules {
    /// Whether one more may join: places left, and it has not started.
    public static func mayJoin(taken: Int, places: Int, startsAt: Date, now: Date) -> Bool {
        taken < places && now < startsAt
    }

    /// A participant notes what they practised once it has started.
    public static func mayNote(startsAt: Date, now: Date) -> Bool {
        now >= startsAt
    }

    /// A place is given up, or a session cancelled by its host, before it starts.
    public static func mayLeave(at moment: Date, startsAt: Date) -> Bool {
        moment < startsAt
    }

    /// Leaving or cancelling less than a day before: recorded as late, as a mock interview's is.
    public static func isLate(at moment: Date, startsAt: Date) -> Bool {
        MockInterviewRules.isLateCancellation(at: moment, startsAt: startsAt)
    }
}

/// A note written after practice, checked: free text, required; `prompt` says what to write.
public enum PracticeNote {
    public static func validate(_ raw: String, prompt: String) throws(ValidationErrors) -> String {
        var errors = ValidationErrors()
        let note = TextRules.checked(raw, field: "note", label: "note", limit: TextRules.Limit.long, into: &errors)
        if note.isEmpty && errors.message(for: "note") == nil { errors.add("note", prompt) }
        try errors.throwIfAny()
        return note
    }
}

/// What a participant practised in a peer session.
public enum PeerNote {
    public static func validate(_ raw: String) throws(ValidationErrors) -> String {
        try PracticeNote.validate(raw, prompt: "Say what you practised, such as \"the STAR answer to a conflict question\".")
    }
}

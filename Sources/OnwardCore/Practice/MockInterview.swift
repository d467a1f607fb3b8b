import Foundation

/// The theme of a mock technical interview.
public enum MockTheme: String, CaseIterable, Codable, Sendable {
    case backEnd = "back_end"
    case frontEnd = "front_end"
    case fullStack = "full_stack"

    public var title: String {
        switch self {
        case .backEnd: "Back-end"
        case .frontEnd: "Front-end"
        case .fullStack: "Full-stack"
        }
    }

    /// The topic area the rubric's fifth score is about, by theme.
    public var topicArea: String {
        switch self {
        case .backEnd: "APIs, data and persistence"
        case .frontEnd: "The browser: DOM, state and accessibility"
        case .fullStack: "How the pieces fit, front to back"
        }
    }
}

/// A coach's open slot for a mock interview, checked: when (in the coach's time zone), 45 or 60
/// minutes, and the themes they cover.
public struct MockSlotDraft: Equatable, Sendable {
    public let startsAt: Date
    public let minutes: Int
    public let themes: Set<MockTheme>
    /// Where to meet, shown only to the coach and the graduate who books it: a video call's
    /// address, a place, or both (empty for none).
    public var link = ""
    public var place = ""

    public init(startsAt: Date, minutes: Int, themes: Set<MockTheme>, link: String = "", place: String = "") {
        self.startsAt = startsAt
        self.minutes = minutes
        self.themes = themes
        self.link = link
        self.place = place
    }

    /// `link` an http or https address, `place` a line of text; both may be empty.
    public func meeting(link rawLink: String, place rawPlace: String) throws(ValidationErrors) -> MockSlotDraft {
        var errors = ValidationErrors()
        let link = WebAddress.validate(rawLink, field: "link", into: &errors) ?? ""
        let place = TextRules.checked(rawPlace, field: "place", label: "place", limit: TextRules.Limit.short, into: &errors)
        try errors.throwIfAny()
        var draft = self
        draft.link = link
        draft.place = place
        return draft
    }

    public static let lengths = [45, 60]
    public static let horizonDays = 90

    public static func validate(day rawDay: String, time rawTime: String, minutes rawMinutes: String, themes rawThemes: [String],
                                timeZone: TimeZone, now: Date) throws(ValidationErrors) -> MockSlotDraft {
        var errors = ValidationErrors()
        let day = TypedMoment.day(rawDay, field: "day", into: &errors), time = TypedMoment.time(rawTime, field: "time", into: &errors)
        let startsAt = day.flatMap { day in time.map { TypedMoment.moment(day, $0, in: timeZone) } }
        return try checked(startsAt: startsAt, minutes: Int(rawMinutes.trimmed), themes: rawThemes, now: now, errors: errors, field: "day")
    }

    public static func validate(startsAt: Date, minutes: Int, themes: [String], now: Date) throws(ValidationErrors) -> MockSlotDraft {
        try checked(startsAt: startsAt, minutes: minutes, themes: themes, now: now, errors: ValidationErrors(), field: "starts_at")
    }

    private static func checked(startsAt: Date?, minutes: Int?, themes rawThemes: [String], now: Date, errors: ValidationErrors, field: String) throws(ValidationErrors) -> MockSlotDraft {
        var errors = errors
        if let startsAt {
            if startsAt <= now { errors.add(field, "Open a slot in the future.") }
            else if startsAt > now.addingTimeInterval(Double(horizonDays) * 86_400) { errors.add(field, "Open a slot within the next \(horizonDays) days.") }
        }
        if minutes.map({ !lengths.contains($0) }) ?? true { errors.add("minutes", "A mock interview lasts 45 or 60 minutes.") }
        let themes = Set(rawThemes.compactMap { MockTheme(rawValue: $0.trimmed) })
        if rawThemes.count > MockTheme.allCases.count || Set(rawThemes.map(\.trimmed)).count != rawThemes.count { errors.add("themes", "Choose at most \(MockTheme.allCases.count) themes, each once.") }
        else if themes.count != Set(rawThemes.map(\.trimmed).filter { !$0.isEmpty }).count { errors.add("themes", "Choose the themes from the list.") }
        else if themes.isEmpty { errors.add("themes", "Choose the themes you cover: back-end, front-end, full-stack.") }
        try errors.throwIfAny()
        return MockSlotDraft(startsAt: startsAt!, minutes: minutes!, themes: themes)
    }
}

/// A graduate's booking of a slot, checked: a theme the slot covers, and what they want practised.
public struct MockBookingDraft: Equatable, Sendable {
    public let theme: MockTheme
    public let practise: String

    public init(theme: MockTheme, practise: String) {
        self.theme = theme
        self.practise = practise
    }

    public static func validate(theme rawTheme: String, practise rawPractise: String, slotThemes: Set<MockTheme>) throws(ValidationErrors) -> MockBookingDraft {
        var errors = ValidationErrors()
        let theme = MockTheme(rawValue: rawTheme.trimmed)
        if theme == nil { errors.add("theme", "Choose a theme: back-end, front-end or full-stack.") }
        else if !slotThemes.contains(theme!) {
            errors.add("theme", "This slot covers " + MockTheme.allCases.filter(slotThemes.contains).map { $0.title.lowercased() }.joined(separator: " and ") + ".")
        }
        let practise = TextRules.checked(rawPractise, field: "practise", label: "what you want practised", limit: TextRules.Limit.sentence, into: &errors)
        if practise.isEmpty && errors.message(for: "practise") == nil { errors.add("practise", "Say what you want to practise, such as \"explaining a design out loud\".") }
        try errors.throwIfAny()
        return MockBookingDraft(theme: theme!, practise: practise)
    }
}

public enum MockInterviewRules {
    /// Cancelling less than this long before the start is recorded as late.
    public static let lateCancellationHours = 24

    public static func isLateCancellation(at moment: Date, startsAt: Date) -> Bool {
        startsAt.timeIntervalSince(moment) < Double(lateCancellationHours) * 3_600
    }

    /// A booking is cancelled before the interview starts, not after.
    public static func mayCancel(at moment: Date, startsAt: Date) -> Bool {
        moment < startsAt
    }

    /// A coach fills the rubric once the interview has started.
    public static func mayScore(at moment: Date, startsAt: Date) -> Bool {
        moment >= startsAt
    }

    /// A month of job hunting.
    public static let huntingDays = 30

    /// The Makers guide recommends a mock interview to a graduate job hunting for more than a month
    /// without one: hunting since `huntingSince` (the course's end), no mock interview booked or held.
    public static func recommends(huntingSince: LocalDate, today: LocalDate, hasHadOrBookedOne: Bool, placed: Bool) -> Bool {
        !placed && !hasHadOrBookedOne && huntingSince.days(to: today) > huntingDays
    }
}

import Foundation

public enum StandupRules {
    public static let moods = 1...5

    /// A mood as the standup form words it: "1 · low", "3 · okay", "5 · great".
    public static func moodLabel(_ mood: Int) -> String {
        switch mood {
        case 1: "1 · low"
        case 3: "3 · okay"
        case 5: "5 · great"
        default: String(mood)
        }
    }

    /// The moment the standup of `day` is due: the cohort's standup time on that day, in its zone.
    public static func deadline(of day: LocalDate, at time: StandupTime, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute)
        return calendar.date(from: components)!
    }

    /// Whether a standup for `day` posted at `postedAt` came after the standup time.
    public static func isLate(postedAt: Date, for day: LocalDate, at time: StandupTime, in zone: TimeZone) -> Bool {
        postedAt > deadline(of: day, at: time, in: zone)
    }
}

extension StandupRules {
    /// How many days back a streak is looked for.
    public static let streakHorizonDays = 30

    /// How many standups a streak counts up to: four weeks of working days, which someone posting
    /// every weekday reaches within the horizon; a longer one shows as this many and more.
    public static let streakCap = 20

    /// Standups in a row, the latest first: counted back from today when today's is posted, else
    /// from yesterday (today's may still come). A Saturday or Sunday without one neither breaks the
    /// run nor adds to it; one posted on a weekend adds. At most `horizon` days back are looked at,
    /// and at most `streakCap` standups counted.
    public static func streak(posted: Set<LocalDate>, today: LocalDate, horizon: Int = streakHorizonDays) -> Int {
        var day = posted.contains(today) ? today : today.adding(days: -1)
        var count = 0
        while count < streakCap && today.days(to: day) > -horizon {
            if posted.contains(day) { count += 1 } else if !day.isWeekend { break }
            day = day.adding(days: -1)
        }
        return count
    }
}

/// A graduate's standup, checked.
public struct StandupDraft: Equatable, Sendable {
    public let yesterday: String
    public let today: String
    public let blockers: String
    public let mood: Int
    /// "I'd like help": the blockers go to the careers team's queue.
    public let wantsHelp: Bool

    public init(yesterday: String, today: String, blockers: String, mood: Int, wantsHelp: Bool) {
        self.yesterday = yesterday
        self.today = today
        self.blockers = blockers
        self.mood = mood
        self.wantsHelp = wantsHelp
    }

    public static func validate(yesterday rawYesterday: String, today rawToday: String, blockers rawBlockers: String, mood rawMood: String, wantsHelp: Bool) throws(ValidationErrors) -> StandupDraft {
        var errors = ValidationErrors()
        let yesterday = TextRules.checked(rawYesterday, field: "yesterday", label: "what you did yesterday", limit: TextRules.Limit.long, into: &errors)
        let today = TextRules.checked(rawToday, field: "today", label: "what you'll do today", limit: TextRules.Limit.long, into: &errors)
        if today.isEmpty { errors.add("today", "Say what you'll do today.") }
        let blockers = TextRules.checked(rawBlockers, field: "blockers", label: "concerns or blockers", limit: TextRules.Limit.long, into: &errors)
        if wantsHelp && blockers.isEmpty { errors.add("blockers", "Say what you'd like help with.") }
        let mood = Int(rawMood.trimmed) ?? 0
        if !StandupRules.moods.contains(mood) { errors.add("mood", "Choose your mood, from 1 (low) to 5 (great).") }
        try errors.throwIfAny()
        return StandupDraft(yesterday: yesterday, today: today, blockers: blockers, mood: mood, wantsHelp: wantsHelp)
    }
}

/// A SMART job-search goal, checked: every letter is required, and the date it is bound to is
/// after today.
public struct SmartGoalDraft: Equatable, Sendable {
    public let specific: String
    public let measurable: String
    public let achievable: String
    public let relevant: String
    public let timeBound: LocalDate

    public init(specific: String, measurable: String, achievable: String, relevant: String, timeBound: LocalDate) {
        self.specific = specific
        self.measurable = measurable
        self.achievable = achievable
        self.relevant = relevant
        self.timeBound = timeBound
    }

    public static func validate(specific: String, measurable: String, achievable: String, relevant: String, timeBound rawDate: String, today: LocalDate) throws(ValidationErrors) -> SmartGoalDraft {
        var errors = ValidationErrors()
        func letter(_ raw: String, _ field: String, _ label: String, _ prompt: String) -> String {
            let text = TextRules.checked(raw, field: field, label: label, limit: TextRules.Limit.sentence, into: &errors)
            if text.isEmpty { errors.add(field, prompt) }
            return text
        }
        let s = letter(specific, "specific", "specific goal", "Say exactly what you want to achieve.")
        let m = letter(measurable, "measurable", "measure", "Say how you will measure it.")
        let a = letter(achievable, "achievable", "why it is achievable", "Say why it is within reach.")
        let r = letter(relevant, "relevant", "why it matters", "Say why it matters for your job search.")
        let date = LocalDate(iso: rawDate)
        if rawDate.trimmed.isEmpty {
            errors.add("time_bound", "Give the date you will reach it by.")
        } else if date == nil {
            errors.add("time_bound", "Enter the date as YYYY-MM-DD.")
        } else if let date, date <= today {
            errors.add("time_bound", "Choose a date after today.")
        }
        try errors.throwIfAny()
        return SmartGoalDraft(specific: s, measurable: m, achievable: a, relevant: r, timeBound: date!)
    }
}

/// The figures a weekly retrospective starts with.
public struct RetrospectiveFigures: Equatable, Sendable {
    public let applications: Int
    public let interviews: Int
    public let standups: Int

    public init(applications: Int, interviews: Int, standups: Int) {
        self.applications = applications
        self.interviews = interviews
        self.standups = standups
    }

    /// Counts the days that fall in `week`: applications sent, interviews held, standups posted.
    public static func count(in week: ClosedRange<LocalDate>, applications: [LocalDate], interviews: [LocalDate], standups: [LocalDate]) -> RetrospectiveFigures {
        RetrospectiveFigures(applications: applications.filter(week.contains).count, interviews: interviews.filter(week.contains).count,
                    standups: Set(standups.filter(week.contains)).count)
    }
}

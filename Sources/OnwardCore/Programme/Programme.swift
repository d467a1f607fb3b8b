import Foundation

/// What a programme asks of a graduate: kinds of activity the seeds name.
public enum ActivityKind: String, CaseIterable, Codable, Sendable {
    case standup
    case retrospective
    case goalReassessment = "goal_reassessment"
    case jobSearchAnalysis = "job_search_analysis"
    case informationalInterview = "informational_interview"
    case blogPost = "blog_post"
    case applicationMaterial = "application_material"
    case custom

    public var title: String {
        switch self {
        case .standup: "Standup"
        case .retrospective: "Weekly retrospective"
        case .goalReassessment: "Goal reassessment"
        case .jobSearchAnalysis: "Job search analysis"
        case .informationalInterview: "Informational interview"
        case .blogPost: "Blog post"
        case .applicationMaterial: "Application material"
        case .custom: "Other"
        }
    }
}

/// When an activity falls due.
public enum ActivitySchedule: Equatable, Hashable, Sendable {
    /// Once, by the end of week N of the programme.
    case byWeek(Int)
    /// Every day of the programme.
    case daily
    /// Every week of the programme.
    case weekly
}

/// One activity of a programme: a template that each graduate of the cohort does.
public struct Activity: Equatable, Hashable, Sendable, Identifiable {
    /// Stable within the programme: records say which activity they complete by it.
    public let id: String
    public var title: String
    public var description: String
    public var kind: ActivityKind
    public var schedule: ActivitySchedule
    /// Required activities decide the status; the others may be skipped, any number of times.
    public var isRequired: Bool
    /// How many it takes ("three informational interviews"), 1 for most.
    public var count: Int
    /// The first day the activity counts from: an activity added to a programme mid-way asks
    /// nothing of the weeks before it was added.
    public var since: LocalDate?

    public init(id: String, title: String, description: String = "", kind: ActivityKind, schedule: ActivitySchedule,
                isRequired: Bool, count: Int = 1, since: LocalDate? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.kind = kind
        self.schedule = schedule
        self.isRequired = isRequired
        self.count = max(1, count)
        self.since = since
    }
}

/// The weeks of a cohort's programme. Week 1 begins on the first Monday after the course ends
/// (a course ending on a Friday starts its programme three days later); every week runs Monday
/// to Sunday, and ends at midnight between Sunday and Monday in the cohort's time zone. The days
/// between the course end and week 1 are week 0, which asks nothing.
public struct ProgrammeCalendar: Equatable, Sendable {
    public let courseEnd: LocalDate
    public let timeZone: TimeZone

    public init(courseEnd: LocalDate, timeZone: TimeZone) {
        self.courseEnd = courseEnd
        self.timeZone = timeZone
    }

    /// The Monday week 1 begins on.
    public var firstMonday: LocalDate {
        courseEnd.adding(days: 1).startOfWeek == courseEnd.adding(days: 1)
            ? courseEnd.adding(days: 1)
            : courseEnd.adding(days: 1).startOfWeek.adding(days: 7)
    }

    /// The week `day` falls in: 0 before the programme, 1 for its first week.
    public func week(of day: LocalDate) -> Int {
        let days = firstMonday.days(to: day)
        return days < 0 ? 0 : days / 7 + 1
    }

    /// The day it is at `moment` in the cohort's time zone.
    public func day(at moment: Date) -> LocalDate {
        LocalDate(moment, in: timeZone)
    }

    /// The moment `day` begins in the cohort's time zone.
    public func start(of day: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The first and last day of week `n` (n ≥ 1).
    public func days(ofWeek n: Int) -> ClosedRange<LocalDate> {
        let monday = firstMonday.adding(days: 7 * (n - 1))
        return monday...monday.adding(days: 6)
    }
}

/// One time an activity falls due: a week's retrospective, a day's task, the analysis of week 4.
public struct Occurrence: Equatable, Hashable, Sendable {
    public let activity: Activity
    /// The days that count for it: the day (daily), the week (weekly), or from the start of the
    /// programme to the end of its week (by week N).
    public let period: ClosedRange<LocalDate>
    /// The last day it may be done on time.
    public var due: LocalDate { period.upperBound }
}

/// Something a graduate did or skipped, for an activity.
public struct ActivityRecord: Equatable, Hashable, Sendable {
    public enum Mark: String, Sendable { case done, skipped }
    public let activityID: String
    /// The day it is for: the standup's day, a day of the retrospective's week, the interview's day.
    public let day: LocalDate
    /// The day it was written, when later than `day` (last week's retrospective, written on Monday).
    public let writtenOn: LocalDate
    public let mark: Mark

    public init(activityID: String, day: LocalDate, writtenOn: LocalDate? = nil, mark: Mark = .done) {
        self.activityID = activityID
        self.day = day
        self.writtenOn = max(day, writtenOn ?? day)
        self.mark = mark
    }
}

/// Where one occurrence stands.
public enum OccurrenceState: String, Equatable, Sendable {
    /// Done, by its due day.
    case done
    /// Done, but after its due day.
    case doneLate = "done_late"
    /// Skipped (only an activity that is not required can be).
    case skipped
    /// Not done yet, and its due day has not passed.
    case due
    /// Not done, and its due day has passed.
    case late
}

public enum ProgrammeRules {
    /// Every occurrence of `activities` that falls due in weeks 1...`throughWeek`, in order of due day.
    public static func occurrences(of activities: [Activity], calendar: ProgrammeCalendar, throughWeek last: Int) -> [Occurrence] {
        guard last >= 1 else { return [] }
        var result: [Occurrence] = []
        let start = calendar.firstMonday
        for activity in activities {
            switch activity.schedule {
            case .byWeek(let n):
                guard n >= 1, n <= last else { continue }
                result.append(Occurrence(activity: activity, period: start...calendar.days(ofWeek: n).upperBound))
            case .weekly:
                for n in 1...last { result.append(Occurrence(activity: activity, period: calendar.days(ofWeek: n))) }
            case .daily:
                var day = start
                let end = calendar.days(ofWeek: last).upperBound
                while day <= end {
                    result.append(Occurrence(activity: activity, period: day...day))
                    day = day.adding(days: 1)
                }
            }
        }
        // An activity added mid-way asks nothing of the periods that ended before it was added.
        return result
            .filter { occurrence in occurrence.activity.since.map { occurrence.due >= $0 } ?? true }
            .sorted { ($0.due, $0.activity.id) < ($1.due, $1.activity.id) }
    }

    /// `records` by the activity they are of, to hand each occurrence only its own (`state`): a
    /// road map or a status asks hundreds of occurrences, and each scanned all of a graduate's
    /// records before (bench/RESULTS.md).
    public static func byActivity(_ records: [ActivityRecord]) -> [String: [ActivityRecord]] {
        Dictionary(grouping: records, by: \.activityID)
    }

    /// Where `occurrence` stands on `today`, from the graduate's records (all of them, or only its
    /// activity's).
    public static func state(of occurrence: Occurrence, records: [ActivityRecord], today: LocalDate) -> OccurrenceState {
        let mine = records.filter { $0.activityID == occurrence.activity.id }
        if !occurrence.activity.isRequired, mine.contains(where: { $0.mark == .skipped && occurrence.period.contains($0.day) }) {
            return .skipped
        }
        let done = mine.filter { $0.mark == .done }
        switch occurrence.activity.schedule {
        case .byWeek:
            // Counted whenever they were done: an interview from before the programme still counts.
            let days = done.map(\.writtenOn).sorted()
            guard days.count >= occurrence.activity.count else { return today > occurrence.due ? .late : .due }
            return days[occurrence.activity.count - 1] <= occurrence.due ? .done : .doneLate
        case .daily, .weekly:
            let forPeriod = done.filter { occurrence.period.contains($0.day) }.map(\.writtenOn).sorted()
            guard forPeriod.count >= occurrence.activity.count else { return today > occurrence.due ? .late : .due }
            return forPeriod[occurrence.activity.count - 1] <= occurrence.due ? .done : .doneLate
        }
    }
}

/// A graduate's standing in the programme.
public enum ProgrammeStatus: Equatable, Sendable {
    /// Every required activity due by the end of last week is done.
    case enrolled
    /// Some required activity due by the end of last week is not done: these.
    case atRisk(missing: [Occurrence])
    /// Has accepted a job.
    case placed
    /// Paused by an admin.
    case paused

    /// The status without what is missing: what a list of many graduates sorts and filters by.
    public enum Kind: String, Sendable {
        case enrolled
        case atRisk = "at_risk"
        case placed
        case paused

        public var title: String {
            switch self {
            case .enrolled: "Enrolled"
            case .atRisk: "At risk"
            case .placed: "Placed"
            case .paused: "Paused"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .enrolled: .enrolled
        case .atRisk: .atRisk
        case .placed: .placed
        case .paused: .paused
        }
    }

    public var name: String { kind.rawValue }

    public var title: String { kind.title }

    /// The status on `today` (the day in the cohort's time zone). Placed and paused come first;
    /// otherwise only weeks that have ended count, so the week in progress can still be caught up.
    public static func of(activities: [Activity], records: [ActivityRecord], calendar: ProgrammeCalendar, today: LocalDate,
                          placed: Bool = false, paused: Bool = false) -> ProgrammeStatus {
        if placed { return .placed }
        if paused { return .paused }
        let ended = calendar.week(of: today) - 1
        let byActivity = ProgrammeRules.byActivity(records)
        let missing = ProgrammeRules.occurrences(of: activities.filter(\.isRequired), calendar: calendar, throughWeek: ended)
            .filter { occurrence in
                let state = ProgrammeRules.state(of: occurrence, records: byActivity[occurrence.activity.id] ?? [], today: today)
                return state == .late || state == .due
            }
        return missing.isEmpty ? .enrolled : .atRisk(missing: missing)
    }
}

/// A programme's name, as an admin gives it: said, and short enough for a heading.
public enum ProgrammeName {
    public static let limit = 100

    public static func validate(_ raw: String) throws(ValidationErrors) -> String {
        var errors = ValidationErrors()
        let name = TextRules.checked(raw, field: "name", label: "name", limit: limit, into: &errors)
        if name.isEmpty && errors.message(for: "name") == nil { errors.add("name", "Name the programme.") }
        try errors.throwIfAny()
        return name
    }

    /// The name a cohort's own copy of the default programme is given.
    public static func of(cohort: String) -> String {
        String((cohort + " — " + DefaultProgramme.name).prefix(limit))
    }
}

/// An activity an admin adds to a programme, checked.
public enum ActivityDraft {
    public static let weeks = 1...52
    public static let counts = 1...20

    /// `schedule` is "daily", "weekly" or "by_week" (then `dueWeek` says which). The activity's key
    /// is made from its title, unlike any of `takenKeys`. Added on `today`: it asks nothing of the
    /// periods that ended before.
    public static func validate(title rawTitle: String, description rawDescription: String, kind rawKind: String, schedule rawSchedule: String,
                                dueWeek rawWeek: String, required: Bool, count rawCount: String, today: LocalDate,
                                takenKeys: Set<String>) throws(ValidationErrors) -> Activity {
        var errors = ValidationErrors()
        let title = TextRules.checked(rawTitle, field: "title", label: "title", limit: TextRules.Limit.short, into: &errors)
        if title.isEmpty && errors.message(for: "title") == nil { errors.add("title", "Name the activity.") }
        let description = TextRules.checked(rawDescription, field: "description", label: "description", limit: TextRules.Limit.sentence, into: &errors)
        let kind = ActivityKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose what kind of activity it is.") }
        var schedule: ActivitySchedule?
        switch rawSchedule.trimmed {
        case "daily": schedule = .daily
        case "weekly": schedule = .weekly
        case "by_week":
            if let week = Int(rawWeek.trimmed), weeks.contains(week) {
                schedule = .byWeek(week)
            } else {
                errors.add("due_week", "Give the week it is due by, from \(weeks.lowerBound) to \(weeks.upperBound).")
            }
        default: errors.add("schedule", "Choose when it falls due: every day, every week, or by a week.")
        }
        let count = rawCount.trimmed.isEmpty ? 1 : Int(rawCount.trimmed) ?? 0
        if !counts.contains(count) { errors.add("count", "Give how many it takes, from \(counts.lowerBound) to \(counts.upperBound).") }
        if let kind, [.standup, .retrospective].contains(kind), (schedule != (kind == .standup ? .daily : .weekly)) {
            errors.add("schedule", kind == .standup ? "A standup falls due every day." : "A retrospective falls due every week.")
        }
        try errors.throwIfAny()
        return Activity(id: key(for: title, unlike: takenKeys), title: title, description: description, kind: kind!, schedule: schedule!,
                        isRequired: required, count: count, since: today)
    }

    /// "Mock interview" → "mock-interview", then "mock-interview-2" if that is taken.
    static func key(for title: String, unlike taken: Set<String>) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en")).lowercased()
        let words = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        let base = words.isEmpty ? "activity" : String(words.joined(separator: "-").prefix(60))
        var key = base
        var n = 2
        while taken.contains(key) {
            key = "\(base)-\(n)"
            n += 1
        }
        return key
    }
}

extension Activity {
    /// The activity as a graduate who joined the cohort on `joined` owes it: like an activity
    /// added mid-way, it asks nothing of the periods that ended before they joined.
    public func owed(byOneWhoJoinedOn joined: LocalDate?) -> Activity {
        guard let joined else { return self }
        var owed = self
        owed.since = max(since ?? joined, joined)
        return owed
    }
}

import Foundation

public enum InterviewKind: String, CaseIterable, Codable, Sendable {
    case phoneScreen = "phone_screen"
    case techTest = "tech_test"
    case technical
    case behavioural
    case final

    public var title: String {
        switch self {
        case .phoneScreen: "Phone screen"
        case .techTest: "Tech test"
        case .technical: "Technical interview"
        case .behavioural: "Behavioural interview"
        case .final: "Final interview"
        }
    }

    /// An interview proper, as the funnel counts it (not a screen or a test).
    public var isInterview: Bool { [.technical, .behavioural, .final].contains(self) }
}

public enum InterviewOutcome: String, CaseIterable, Codable, Sendable {
    case awaiting
    case passed
    case notPassed = "not_passed"
    case cancelled

    public var title: String {
        switch self {
        case .awaiting: "Awaiting result"
        case .passed: "Passed"
        case .notPassed: "Not passed"
        case .cancelled: "Cancelled"
        }
    }
}

/// An interview or tech test under an application, checked.
public struct InterviewDraft: Equatable, Sendable {
    public var kind: InterviewKind
    public var at: Date
    public var durationMinutes: Int
    public var withWhom: String
    public var outcome: InterviewOutcome
    public var feedback: String
    public var feedbackIsTechnical: Bool

    public init(kind: InterviewKind, at: Date, durationMinutes: Int, withWhom: String, outcome: InterviewOutcome, feedback: String, feedbackIsTechnical: Bool) {
        self.kind = kind
        self.at = at
        self.durationMinutes = durationMinutes
        self.withWhom = withWhom
        self.outcome = outcome
        self.feedback = feedback
        self.feedbackIsTechnical = feedbackIsTechnical
    }

    /// `date` and `time` are read in the graduate's time zone.
    public static func validate(
        kind rawKind: String, date rawDate: String, time rawTime: String, timeZone: TimeZone, durationMinutes rawDuration: String,
        withWhom: String, outcome rawOutcome: String, feedback: String, feedbackIsTechnical: Bool
    ) throws(ValidationErrors) -> InterviewDraft {
        var errors = ValidationErrors()
        let kind = InterviewKind(rawValue: rawKind)
        if kind == nil { errors.add("kind", "Choose the kind of interview.") }
        let date = LocalDate(iso: rawDate)
        if date == nil { errors.add("date", "Enter the date as YYYY-MM-DD.") }
        let time = rawTime.trimmingCharacters(in: .whitespaces).isEmpty ? StandupTime(hour: 9, minute: 0) : StandupTime(rawTime)
        if time == nil { errors.add("time", "Enter the time as HH:MM.") }
        let duration = Int(rawDuration.trimmingCharacters(in: .whitespaces)) ?? -1
        if !(5...600).contains(duration) { errors.add("duration_minutes", "Enter the length in minutes, from 5 to 600.") }
        let outcome = InterviewOutcome(rawValue: rawOutcome)
        if outcome == nil { errors.add("outcome", "Choose the outcome.") }
        let withWhom = TextRules.checked(withWhom, field: "with_whom", label: "name", limit: TextRules.Limit.short, into: &errors)
        let feedback = TextRules.checked(feedback, field: "feedback", label: "feedback", limit: TextRules.Limit.long, into: &errors)
        try errors.throwIfAny()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let at = calendar.date(from: DateComponents(year: date!.year, month: date!.month, day: date!.day, hour: time!.hour, minute: time!.minute))!
        return InterviewDraft(
            kind: kind!, at: at, durationMinutes: duration, withWhom: withWhom,
            outcome: outcome!, feedback: feedback, feedbackIsTechnical: feedbackIsTechnical)
    }

    /// As `validate(kind:date:time:...)`, for an interview whose moment is already known (the API).
    public static func validate(
        kind: InterviewKind, at: Date, durationMinutes: Int, withWhom rawWithWhom: String, outcome: InterviewOutcome, feedback rawFeedback: String,
        feedbackIsTechnical: Bool
    ) throws(ValidationErrors) -> InterviewDraft {
        var errors = ValidationErrors()
        if !(5...600).contains(durationMinutes) { errors.add("duration_minutes", "Enter the length in minutes, from 5 to 600.") }
        if !LocalDate.plausibleYears.contains(LocalDate(at, in: .gmt).year) {
            errors.add("at", "Enter a time between \(LocalDate.plausibleYears.lowerBound) and \(LocalDate.plausibleYears.upperBound).")
        }
        let withWhom = TextRules.checked(rawWithWhom, field: "with_whom", label: "name", limit: TextRules.Limit.short, into: &errors)
        let feedback = TextRules.checked(rawFeedback, field: "feedback", label: "feedback", limit: TextRules.Limit.long, into: &errors)
        try errors.throwIfAny()
        return InterviewDraft(kind: kind, at: at, durationMinutes: durationMinutes, withWhom: withWhom, outcome: outcome, feedback: feedback, feedbackIsTechnical: feedbackIsTechnical)
    }
}

/// How an interview went, said once it is over: an outcome other than "awaiting", and what the
/// employer said.
public struct InterviewResult: Equatable, Sendable {
    public var outcome: InterviewOutcome
    public var feedback: String
    /// Nil where the form did not ask: what was recorded stays.
    public var feedbackIsTechnical: Bool?

    public static let outcomes: [InterviewOutcome] = [.passed, .notPassed, .cancelled]

    public static func validate(outcome rawOutcome: String, feedback rawFeedback: String, feedbackIsTechnical: Bool?) throws(ValidationErrors) -> InterviewResult {
        var errors = ValidationErrors()
        let outcome = InterviewOutcome(rawValue: rawOutcome).flatMap { outcomes.contains($0) ? $0 : nil }
        if outcome == nil { errors.add("outcome", "Choose how it went: passed, not passed or cancelled.") }
        let feedback = TextRules.checked(rawFeedback, field: "feedback", label: "feedback", limit: TextRules.Limit.long, into: &errors)
        try errors.throwIfAny()
        return InterviewResult(outcome: outcome!, feedback: feedback, feedbackIsTechnical: feedbackIsTechnical)
    }
}

public enum EmploymentType: String, CaseIterable, Codable, Sendable {
    case fullTime = "full_time"
    case partTime = "part_time"
    case contract
    case apprenticeship

    public var title: String {
        switch self {
        case .fullTime: "Full-time"
        case .partTime: "Part-time"
        case .contract: "Contract"
        case .apprenticeship: "Apprenticeship"
        }
    }
}

/// The job a graduate accepted: what a bootcamp's outcomes report counts.
public struct PlacementDraft: Equatable, Sendable {
    public var startDate: LocalDate
    public var jobTitle: String
    public var employmentType: EmploymentType
    public var inField: Bool
    public var salary: Int

    public init(startDate: LocalDate, jobTitle: String, employmentType: EmploymentType, inField: Bool, salary: Int) {
        self.startDate = startDate
        self.jobTitle = jobTitle
        self.employmentType = employmentType
        self.inField = inField
        self.salary = salary
    }

    public static func validate(startDate rawStart: String, jobTitle rawTitle: String, employmentType rawType: String, inField: String, salary rawSalary: String) throws(ValidationErrors) -> PlacementDraft {
        var errors = ValidationErrors()
        let start = LocalDate(iso: rawStart)
        if start == nil { errors.add("start_date", "Enter the start date as YYYY-MM-DD.") }
        let title = TextRules.checked(rawTitle, field: "job_title", label: "job title", limit: TextRules.Limit.short, into: &errors)
        if title.isEmpty { errors.add("job_title", "Enter the job title.") }
        let type = EmploymentType(rawValue: rawType)
        if type == nil { errors.add("employment_type", "Choose the type of employment.") }
        if !["yes", "no"].contains(inField) { errors.add("in_field", "Say whether the role is a developer or directly related technical role.") }
        let salary = Int(rawSalary.filter { $0.isNumber })
        if salary == nil || rawSalary.contains("-") { errors.add("salary", "Enter the yearly salary in whole numbers, like 32000.") }
        try errors.throwIfAny()
        return PlacementDraft(startDate: start!, jobTitle: title, employmentType: type!, inField: inField == "yes", salary: salary!)
    }
}

import Foundation

/// Where a student stands with the course, as an admin or coach records it.
public enum EnrolmentState: String, CaseIterable, Codable, Sendable {
    case studying
    case graduated
    case withdrew

    public var title: String {
        switch self {
        case .studying: "Still studying"
        case .graduated: "Graduated"
        case .withdrew: "Withdrew"
        }
    }
}

/// A student's enrolment and first-day intent, as typed.
public struct EnrolmentDraft: Sendable, Equatable {
    public let enrolledOn: LocalDate
    public let state: EnrolmentState
    /// The day they graduated or withdrew; nil while studying.
    public let stateOn: LocalDate?
    public let intent: Intent
    public let intentNote: String

    public static let noteLimit = 300

    public init(enrolledOn: LocalDate, state: EnrolmentState, stateOn: LocalDate?, intent: Intent, intentNote: String) {
        self.enrolledOn = enrolledOn
        self.state = state
        self.stateOn = stateOn
        self.intent = intent
        self.intentNote = intentNote
    }

    public static func validate(enrolledOn rawEnrolled: String, state rawState: String, stateOn rawStateOn: String, intent rawIntent: String, intentNote rawNote: String,
                                today: LocalDate) throws(ValidationErrors) -> EnrolmentDraft {
        var errors = ValidationErrors()
        let enrolled = TypedMoment.day(rawEnrolled, field: "enrolled_on", into: &errors)
        let state = EnrolmentState(rawValue: rawState)
        if state == nil { errors.add("state", "Choose where they stand with the course.") }
        var stateOn: LocalDate?
        if state == .graduated || state == .withdrew {
            if rawStateOn.trimmed.isEmpty {
                errors.add("state_on", "Give the day they \(state == .graduated ? "graduated" : "withdrew").")
            } else {
                stateOn = TypedMoment.day(rawStateOn, field: "state_on", into: &errors)
            }
        }
        if let enrolled, let stateOn, stateOn < enrolled { errors.add("state_on", "That day is before they enrolled.") }
        if let stateOn, stateOn > today { errors.add("state_on", "That day is still to come: record it once it has happened.") }
        if let enrolled, enrolled > today.adding(days: 366) { errors.add("enrolled_on", "That day is more than a year ahead.") }
        let intent = Intent(rawValue: rawIntent)
        if intent == nil { errors.add("intent", "Choose what they said on their first day.") }
        let note = TextRules.checked(rawNote, field: "intent_note", label: "note", limit: noteLimit, into: &errors)
        if intent == .notSeeking, note.isEmpty { errors.add("intent_note", "Say why they are not seeking a job: CIRR asks for the reason.") }
        try errors.throwIfAny()
        return EnrolmentDraft(enrolledOn: enrolled!, state: state!, stateOn: stateOn, intent: intent!, intentNote: note)
    }
}

extension Intent {
    public var title: String {
        switch self {
        case .seeking: "Seeking a job in field within 180 days"
        case .notSeeking: "Not seeking a job"
        case .notAuthorised: "Not authorised to work here"
        }
    }
}

/// An outcome as a coach or admin records it, with its documentation.
public struct OutcomeDraft: Sendable, Equatable {
    public let code: OutcomeCode
    public let beganOn: LocalDate
    public let salary: Salary?
    public let source: OutcomeSource
    public let note: String

    public static let noteLimit = 500
    /// The codes one records: non-reporting (4) is what a graduate with nothing recorded counts as.
    public static let recordable = OutcomeCode.allCases.filter { $0 != .nonReporting }
    /// Base salaries a form accepts (a year's, in the currency the bootcamp reports in).
    public static let salaryRange = 1...10_000_000

    public init(code: OutcomeCode, beganOn: LocalDate, salary: Salary?, source: OutcomeSource, note: String) {
        self.code = code
        self.beganOn = beganOn
        self.salary = salary
        self.source = source
        self.note = note
    }

    public static func validate(code rawCode: String, beganOn rawDay: String, salaryFrom rawLow: String, salaryTo rawHigh: String, source rawSource: String,
                                note rawNote: String, today: LocalDate) throws(ValidationErrors) -> OutcomeDraft {
        var errors = ValidationErrors()
        let code = OutcomeCode(rawValue: rawCode).flatMap { recordable.contains($0) ? $0 : nil }
        if code == nil { errors.add("code", "Choose the outcome.") }
        let day = TypedMoment.day(rawDay, field: "began_on", into: &errors)
        if let day, day > today { errors.add("began_on", "That day is still to come: record the outcome once the offer is accepted.") }
        func amount(_ raw: String, field: String) -> Int? {
            let text = raw.trimmed.replacing(",", with: "")
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), salaryRange.contains(value) else {
                errors.add(field, "Give a yearly base salary in whole units, from 1 to 10,000,000.")
                return nil
            }
            return value
        }
        let low = amount(rawLow, field: "salary_from"), high = amount(rawHigh, field: "salary_to")
        var salary: Salary?
        switch (low, high) {
        case let (low?, high?) where high < low: errors.add("salary_to", "The top of the range is below its bottom.")
        case let (low?, high?) where high == low: salary = .exact(low)
        case let (low?, high?): salary = .range(low, high)
        case let (low?, nil): salary = .exact(low)
        case let (nil, high?): salary = .exact(high)
        case (nil, nil): salary = nil
        }
        let source = OutcomeSource(rawValue: rawSource)
        if source == nil { errors.add("source", "Say where its documentation came from.") }
        let note = TextRules.checked(rawNote, field: "note", label: "note", limit: noteLimit, into: &errors)
        try errors.throwIfAny()
        return OutcomeDraft(code: code!, beganOn: day!, salary: salary, source: source!, note: note)
    }
}

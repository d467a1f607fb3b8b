import Foundation

/// What became of a graduate, in CIRR's codes (the Council on Integrity in Results Reporting).
public enum OutcomeCode: String, CaseIterable, Codable, Sendable {
    case fullTimeEmployee = "1A"
    case fullTimeContract = "1B"
    case schoolInField = "1C"
    case startedCompany = "1D"
    case shortTerm = "1E"
    case schoolOutOfField = "2A"
    case outOfField = "2B"
    case stillSeeking = "3A"
    case notSeeking = "3B"
    case nonReporting = "4"
    case excluded = "excluded"

    public var title: String {
        switch self {
        case .fullTimeEmployee: "Full-time employee"
        case .fullTimeContract: "Full-time apprenticeship, internship or contract"
        case .schoolInField: "Hired by the school, in field"
        case .startedCompany: "Started a company"
        case .shortTerm: "Short-term contract, part-time, freelance or unknown length"
        case .schoolOutOfField: "Hired by the school, out of field"
        case .outOfField: "Hired out of field"
        case .stillSeeking: "Still seeking a job in field"
        case .notSeeking: "Not seeking a job"
        case .nonReporting: "Non-reporting"
        case .excluded: "Excluded"
        }
    }

    /// Employed in field: 1A to 1E.
    public var inField: Bool {
        switch self {
        case .fullTimeEmployee, .fullTimeContract, .schoolInField, .startedCompany, .shortTerm: true
        default: false
        }
    }

    /// Working, in field or out of it: an accepted offer.
    public var employed: Bool { inField || self == .schoolOutOfField || self == .outOfField }

    /// The outcome a placement the graduate recorded proposes, until someone confirms it: full
    /// time in field 1A, a contract or apprenticeship 1B, part time 1E, out of field 2B.
    public static func proposed(by type: EmploymentType, inField: Bool) -> OutcomeCode {
        guard inField else { return .outOfField }
        switch type {
        case .fullTime: return .fullTimeEmployee
        case .contract, .apprenticeship: return .fullTimeContract
        case .partTime: return .shortTerm
        }
    }
}

/// Where the documentation of an outcome came from, as CIRR accepts it.
public enum OutcomeSource: String, CaseIterable, Codable, Sendable {
    case graduate, employer, recruiter
    case publicProfile = "public_profile"

    public var title: String {
        switch self {
        case .graduate: "The graduate (an offer letter or contract)"
        case .employer: "The employer"
        case .recruiter: "A recruiter"
        case .publicProfile: "A public profile or employment history service"
        }
    }
}

/// Where a student stands with the course itself.
public enum Enrolment: Sendable, Equatable {
    /// Still on the course.
    case studying
    case graduated(on: LocalDate)
    case withdrew(on: LocalDate)
}

/// What a student said on their first day about looking for work.
public enum Intent: String, CaseIterable, Codable, Sendable {
    /// Seeking a job in field within 180 days of graduating.
    case seeking
    /// Not seeking (a reason is kept with it).
    case notSeeking = "not_seeking"
    /// Not authorised to work where the school reports.
    case notAuthorised = "not_authorised"
}

/// A base salary as told: one figure, or a range (counted at its middle).
public enum Salary: Sendable, Equatable {
    case exact(Int)
    case range(Int, Int)

    public var counted: Int {
        switch self {
        case .exact(let value): value
        case .range(let low, let high): (low + high) / 2
        }
    }
}

/// One outcome recorded for a graduate: its code, the day it began (an offer accepted), and
/// whether a coach or an admin confirmed it with its documentation. An unconfirmed one (a
/// placement the graduate entered) is never counted, only shown apart.
public struct RecordedOutcome: Sendable, Equatable {
    public let code: OutcomeCode
    public let day: LocalDate
    public let documented: Bool
    public let salary: Salary?

    public init(_ code: OutcomeCode, on day: LocalDate, documented: Bool, salary: Salary? = nil) {
        self.code = code
        self.day = day
        self.documented = documented
        self.salary = salary
    }
}

/// Everything the count reads of one student.
public struct StudentRecord: Sendable, Equatable {
    public let id: String
    public let enrolledOn: LocalDate
    /// The last day of the course as planned (the cohort's course end).
    public let plannedEnd: LocalDate
    public let enrolment: Enrolment
    /// Nil: never asked (counted as seeking).
    public let intent: Intent?
    public let outcomes: [RecordedOutcome]

    public init(id: String, enrolledOn: LocalDate, plannedEnd: LocalDate, enrolment: Enrolment, intent: Intent?, outcomes: [RecordedOutcome]) {
        self.id = id
        self.enrolledOn = enrolledOn
        self.plannedEnd = plannedEnd
        self.enrolment = enrolment
        self.intent = intent
        self.outcomes = outcomes
    }

    public var graduatedOn: LocalDate? {
        if case .graduated(let day) = enrolment { return day }
        return nil
    }
}

/// A half of a year, by which CIRR reports (January–June, July–December), by graduation day.
public struct HalfYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// The first half (January–June).
    public let first: Bool

    public init(year: Int, first: Bool) {
        self.year = year
        self.first = first
    }

    public init(containing day: LocalDate) {
        self.init(year: day.year, first: day.month <= 6)
    }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.first ? 0 : 1) < (rhs.year, rhs.first ? 0 : 1)
    }

    /// "H1 2026", as a key and in a URL.
    public var description: String { "H\(first ? 1 : 2) \(year)" }
    /// "January–June 2026".
    public var title: String { (first ? "January–June " : "July–December ") + String(year) }
    public var key: String { "\(year)-h\(first ? 1 : 2)" }

    public init?(key: String) {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), LocalDate.plausibleYears.contains(year), parts[1] == "h1" || parts[1] == "h2" else { return nil }
        self.init(year: year, first: parts[1] == "h1")
    }
}

/// A figure with the students behind it.
public struct Counted: Sendable, Equatable {
    public let ids: [String]
    public var count: Int { ids.count }

    public init(_ ids: [String]) { self.ids = ids.sorted() }
}

/// A median and how many figures it is taken from.
public struct Median: Sendable, Equatable {
    public let value: Int?
    public let from: Int

    public init(value: Int?, from: Int) {
        self.value = value
        self.from = from
    }
}

/// The report of a group of students (a cohort in a half-year, or all of a half-year).
public struct OutcomeReport: Sendable, Equatable {
    public let enrolled: Counted
    public let graduatedOnTime: Counted
    /// Within 150% of the course's planned length (those on time too).
    public let graduatedWithinHalfAgain: Counted
    public let graduates: Counted
    /// Withdrew, or still studying.
    public let notGraduated: Counted
    /// Each graduate's outcome 90 and 180 days after graduating, by code.
    public let at90: [OutcomeCode: Counted]
    public let at180: [OutcomeCode: Counted]
    /// Graduates with a placement no one has confirmed yet (not counted as placed).
    public let unconfirmed: Counted
    /// In field at 180 days, over graduates less the excluded.
    public let inField: Counted
    public let inFieldDenominator: Int
    /// Median base salary of the in-field hires at 180 days who gave one.
    public let medianSalary: Median
    /// Median days from graduating to accepting an offer (0 for one accepted before), within 180 days.
    public let medianDaysToOffer: Median
    /// The graduates each median is taken from.
    public let salaried: Counted
    public let offered: Counted
    /// Graduates whose 180-day outcome rests on documentation.
    public let documented: Counted
    /// The day each window closes for the last of these graduates: before it, its figures are
    /// only so far.
    public let windowCloses: [Int: LocalDate]

    /// Whether the `days` window has closed for every graduate by `today`: an offer accepted on
    /// its last day still counts, so it is final from the day after. With no graduate yet,
    /// nothing is final.
    public func isFinal(_ days: Int, today: LocalDate) -> Bool {
        windowCloses[days].map { $0 < today } ?? false
    }

    /// The in-field rate, in whole per cent; nil with no denominator.
    public var inFieldRate: Int? {
        inFieldDenominator == 0 ? nil : Int((Double(inField.count) * 100 / Double(inFieldDenominator)).rounded())
    }
}

/// The counting, in one place: what a graduate's outcome is at a day, and the report of a group.
public enum Outcomes {
    /// The windows CIRR reports.
    public static let windows = [90, 180]
    /// Counts under this are published as "< 5" (`OutcomesShown`).
    public static let smallestPublished = 5

    /// `student`'s outcome `days` after graduating: the latest confirmed outcome that began by
    /// then (an offer accepted before graduating counts from the first day; a second job replaces
    /// the first). With none: not seeking or not authorised as they said on their first day
    /// (3B, excluded), otherwise non-reporting (4). Nil for one who has not graduated.
    public static func outcome(of student: StudentRecord, days: Int) -> (code: OutcomeCode, record: RecordedOutcome?)? {
        guard let graduated = student.graduatedOn else { return nil }
        let end = graduated.adding(days: days)
        // A job held before the course is not one it led to.
        let counted = student.outcomes.enumerated().filter { $0.element.documented && $0.element.day >= student.enrolledOn && $0.element.day <= end }
            .max { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }?.element
        if let counted { return (counted.code, counted) }
        switch student.intent {
        case .notSeeking: return (.notSeeking, nil)
        case .notAuthorised: return (.excluded, nil)
        case .seeking, nil: return (.nonReporting, nil)
        }
    }

    public static func report(of students: [StudentRecord]) -> OutcomeReport {
        var onTime: [String] = [], halfAgain: [String] = [], graduates: [String] = [], notGraduated: [String] = []
        var at: [Int: [OutcomeCode: [String]]] = [90: [:], 180: [:]]
        var unconfirmed: [String] = [], inField: [String] = [], documented: [String] = []
        var excluded = 0
        var salaries: [Int] = [], daysToOffer: [Int] = [], salaried: [String] = [], offered: [String] = []
        for student in students {
            guard let graduated = student.graduatedOn else {
                notGraduated.append(student.id)
                continue
            }
            graduates.append(student.id)
            // Lengths in days, both ends counted.
            let planned = student.enrolledOn.days(to: student.plannedEnd) + 1
            let took = student.enrolledOn.days(to: graduated) + 1
            if graduated <= student.plannedEnd { onTime.append(student.id) }
            if Double(took) <= Double(planned) * 1.5 { halfAgain.append(student.id) }
            for days in windows {
                guard let outcome = outcome(of: student, days: days) else { continue }
                at[days, default: [:]][outcome.code, default: []].append(student.id)
            }
            let end = graduated.adding(days: 180)
            guard let final = outcome(of: student, days: 180) else { continue }
            if final.code == .excluded { excluded += 1 }
            if final.code.inField {
                inField.append(student.id)
                if let salary = final.record?.salary {
                    salaries.append(salary.counted)
                    salaried.append(student.id)
                }
            }
            if final.record != nil { documented.append(student.id) }
            let confirmedEmployment = student.outcomes.filter { $0.documented && $0.code.employed && $0.day >= student.enrolledOn && $0.day <= end }
            if let first = confirmedEmployment.map(\.day).min() {
                daysToOffer.append(max(0, graduated.days(to: first)))
                offered.append(student.id)
            }
            // A job waiting for confirmation that would change the count: none counted yet, or
            // one begun after the counted outcome (a second job).
            if student.outcomes.contains(where: { !$0.documented && $0.code.employed && $0.day <= end && $0.day > (final.record?.day ?? student.enrolledOn.adding(days: -1)) }) {
                unconfirmed.append(student.id)
            }
        }
        return OutcomeReport(
            enrolled: Counted(students.map(\.id)), graduatedOnTime: Counted(onTime), graduatedWithinHalfAgain: Counted(halfAgain),
            graduates: Counted(graduates), notGraduated: Counted(notGraduated),
            at90: (at[90] ?? [:]).mapValues(Counted.init), at180: (at[180] ?? [:]).mapValues(Counted.init),
            unconfirmed: Counted(unconfirmed), inField: Counted(inField), inFieldDenominator: graduates.count - excluded,
            medianSalary: Median(value: median(salaries), from: salaries.count), medianDaysToOffer: Median(value: median(daysToOffer), from: daysToOffer.count),
            salaried: Counted(salaried), offered: Counted(offered),
            documented: Counted(documented),
            windowCloses: Dictionary(uniqueKeysWithValues: windows.compactMap { days in students.compactMap(\.graduatedOn).max().map { (days, $0.adding(days: days)) } }))
    }

    /// The middle figure (of two middles, their mean, rounded down); nil for none.
    public static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The students of each half-year, by the day their course was planned to end: a cohort is
    /// reported whole, its late graduates and those who left with it, and a figure once shown
    /// does not move to another half-year when someone graduates late. The 90 and 180 days run
    /// from each graduate's own graduation.
    public static func byHalfYear(_ students: [StudentRecord]) -> [HalfYear: [StudentRecord]] {
        Dictionary(grouping: students) { HalfYear(containing: $0.plannedEnd) }
    }
}

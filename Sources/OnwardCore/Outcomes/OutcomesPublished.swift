import Foundation

/// Who a report is shown to: the bootcamp's staff (exact counts), or anyone (published), where no
/// graduate may be picked out of a small cohort.
public enum OutcomesShown: Sendable, Equatable {
    case exact
    case published
}

/// A count of a report, by what it counts.
public enum OutcomeCell: Hashable, Sendable {
    case enrolled, graduatedOnTime, graduatedWithinHalfAgain, notGraduated, graduates
    /// Graduates with an outcome at 90 or 180 days.
    case outcome(days: Int, OutcomeCode)
    case inField
    /// Graduates less the excluded.
    case denominator
    case documented, unconfirmed
    /// How many figures a median is taken from.
    case salaries, offers
    /// Never shown, but given by those that are: graduated late within 150% of the course's
    /// length (within 150% less on time), and later than that (graduates less within 150%).
    case lateWithinHalfAgain, beyondHalfAgain
}

/// A report as `shown` shows it. Published, a count of 1 to 4 reads "< 5", and so that no such
/// count can be worked out by subtracting the others from a total the report also gives (the
/// codes of a window add up to the graduates), one more figure of each sum is withheld ("not
/// published") wherever a sum would otherwise have a single gap; a median of fewer than 5
/// figures, and a rate taken from a hidden count, are left out; nobody is named.
public struct ShownReport: Sendable {
    public let report: OutcomeReport
    public let shown: OutcomesShown
    /// The counts of 1 to 4 (published).
    public let small: Set<OutcomeCell>
    /// The counts withheld so that a small one cannot be worked out from its sums (published).
    public let withheld: Set<OutcomeCell>

    public init(_ report: OutcomeReport, _ shown: OutcomesShown) {
        self.report = report
        self.shown = shown
        guard shown == .published else {
            small = []
            withheld = []
            return
        }
        let small = Set((Self.cells + Self.unshown).filter { (1..<Outcomes.smallestPublished).contains(report.value(of: $0)) })
        var hidden = small
        // A sum with exactly one hidden term gives that term away; hide another, and again until
        // no sum has a single gap: the smallest shown part that is not zero (a zero withheld reads
        // oddly), else a zero, else the total.
        var changed = true
        while changed {
            changed = false
            for sum in Self.sums where sum.filter(hidden.contains).count == 1 {
                func order(_ cell: OutcomeCell) -> (Int, Int, Int, Int) {
                    let value = report.value(of: cell)
                    return (cell == sum[0] ? 1 : 0, value == 0 ? 1 : 0, value, Self.rank(cell))
                }
                guard let next = sum.filter({ !hidden.contains($0) && !Self.unshown.contains($0) }).min(by: { order($0) < order($1) }) else { continue }
                hidden.insert(next)
                changed = true
            }
        }
        self.small = small
        withheld = hidden.subtracting(small)
    }

    /// Every count a report gives, in the order a tie is broken in (the first hidden first).
    static let cells: [OutcomeCell] = [.enrolled, .graduatedOnTime, .graduatedWithinHalfAgain, .notGraduated, .graduates]
        + Outcomes.windows.flatMap { days in OutcomeCode.allCases.map { OutcomeCell.outcome(days: days, $0) } }
        + [.inField, .denominator, .documented, .unconfirmed, .salaries, .offers]

    /// The counts no version shows, which those shown give by subtraction.
    static let unshown: [OutcomeCell] = [.lateWithinHalfAgain, .beyondHalfAgain]

    /// Each sum the report's counts make, as its terms, the total first.
    static let sums: [[OutcomeCell]] = [
        [.enrolled, .graduates, .notGraduated], [.graduatedWithinHalfAgain, .graduatedOnTime, .lateWithinHalfAgain],
        [.graduates, .graduatedWithinHalfAgain, .beyondHalfAgain], [.graduates, .denominator, .outcome(days: 180, .excluded)],
        [.inField] + OutcomeCode.allCases.filter(\.inField).map { .outcome(days: 180, $0) },
    ] + Outcomes.windows.map { days in [.graduates] + OutcomeCode.allCases.map { .outcome(days: days, $0) } }

    static func rank(_ cell: OutcomeCell) -> Int { cells.firstIndex(of: cell) ?? cells.count }

    public func isHidden(_ cell: OutcomeCell) -> Bool { small.contains(cell) || withheld.contains(cell) }

    /// The count as shown: its figure, "< 5", or "Not published".
    public func count(_ cell: OutcomeCell) -> String {
        if small.contains(cell) { return "< \(Outcomes.smallestPublished)" }
        if withheld.contains(cell) { return Self.notPublished }
        return String(report.value(of: cell))
    }

    public static let notPublished = "Not published"

    /// The in-field rate as shown; nil with no denominator, or when a published one is taken
    /// from a hidden count (4 of 7 is 57%).
    public var rate: Int? {
        isHidden(.inField) || isHidden(.denominator) ? nil : report.inFieldRate
    }

    /// Whether the report has a rate this version leaves out.
    public var withholdsRate: Bool { report.inFieldRate != nil && rate == nil }

    /// The median's value as shown; nil when there is none, or when a published one would rest
    /// on fewer than 5 figures (one in-field hire's median is their salary).
    public func median(_ median: Median) -> Int? {
        shown == .published && median.from < Outcomes.smallestPublished ? nil : median.value
    }

    /// Whether `median` exists but this version leaves it out.
    public func withholds(_ median: Median) -> Bool {
        median.value != nil && self.median(median) == nil
    }

    /// When the `days` window closes, as shown: published, the day is left out, since it is the
    /// last graduate's graduation day and could name a late one.
    public func closes(_ days: Int) -> LocalDate? {
        shown == .published ? nil : report.windowCloses[days]
    }
}

extension OutcomeReport {
    public func value(of cell: OutcomeCell) -> Int {
        switch cell {
        case .enrolled: enrolled.count
        case .graduatedOnTime: graduatedOnTime.count
        case .graduatedWithinHalfAgain: graduatedWithinHalfAgain.count
        case .notGraduated: notGraduated.count
        case .graduates: graduates.count
        case .outcome(let days, let code): ((days == 90 ? at90 : at180)[code] ?? Counted([])).count
        case .inField: inField.count
        case .denominator: inFieldDenominator
        case .documented: documented.count
        case .unconfirmed: unconfirmed.count
        case .salaries: medianSalary.from
        case .offers: medianDaysToOffer.from
        case .lateWithinHalfAgain: graduatedWithinHalfAgain.count - graduatedOnTime.count
        case .beyondHalfAgain: graduates.count - graduatedWithinHalfAgain.count
        }
    }
}

/// The report as CSV: one row for each half-year and cohort (or all cohorts of a half-year),
/// every figure a column, every cell plain text.
public enum OutcomesCSV {
    public struct Row: Sendable {
        public let half: HalfYear
        public let cohort: String
        public let report: OutcomeReport

        public init(half: HalfYear, cohort: String, report: OutcomeReport) {
            self.half = half
            self.cohort = cohort
            self.report = report
        }
    }

    public static func header() -> [String] {
        ["Course ended", "Cohort", "Enrolled", "Graduated on time", "Graduated within 150% of the course's length", "Did not graduate", "Graduates"]
            + Outcomes.windows.flatMap { days in OutcomeCode.allCases.map { "\($0.rawValue) \($0.title) at \(days) days" } }
            + ["In field at 180 days", "Graduates less the excluded", "In-field rate (%)", "Median base salary, in field", "Salaries it is taken from",
               "Median days from graduating to an accepted offer", "Offers it is taken from", "Outcomes at 180 days resting on documentation",
               "Jobs recorded by graduates, not yet confirmed", "Figures at 180 days"]
    }

    /// `rows` as RFC 4180 text; `today` decides which figures are still "so far".
    public static func table(_ rows: [Row], shown: OutcomesShown, today: LocalDate) -> String {
        ApplicationsCSV.table(header: header(), rows: rows.map { row in
            let report = ShownReport(row.report, shown)
            let counts: [OutcomeCell] = [.enrolled, .graduatedOnTime, .graduatedWithinHalfAgain, .notGraduated, .graduates]
                + Outcomes.windows.flatMap { days in OutcomeCode.allCases.map { OutcomeCell.outcome(days: days, $0) } } + [.inField, .denominator]
            func median(_ median: Median) -> String {
                report.median(median).map(String.init) ?? (report.withholds(median) ? ShownReport.notPublished : "")
            }
            let state: String
            if row.report.graduates.count == 0 {
                state = "No graduates yet"
            } else if row.report.isFinal(180, today: today) {
                state = "Final"
            } else {
                state = report.closes(180).map { "So far: the window closes \($0.iso)" } ?? "So far"
            }
            return [row.half.title, row.cohort] + counts.map(report.count) + [
                report.rate.map(String.init) ?? (report.withholdsRate ? ShownReport.notPublished : ""),
                median(row.report.medianSalary), report.count(.salaries), median(row.report.medianDaysToOffer), report.count(.offers),
                report.count(.documented), report.count(.unconfirmed), state,
            ]
        })
    }
}

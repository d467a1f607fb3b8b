import Foundation
import Testing
@testable import OnwardCore

/// The outcome count on hand-made cohorts, at every edge the report turns on.
@Suite struct OutcomesTests {
    static let enrolled = LocalDate(iso: "2026-01-05")!
    static let end = LocalDate(iso: "2026-04-03")!

    static func student(_ id: String, graduated: LocalDate? = end, withdrew: LocalDate? = nil, intent: Intent? = .seeking, _ outcomes: [RecordedOutcome] = []) -> StudentRecord {
        let enrolment: Enrolment = withdrew.map { .withdrew(on: $0) } ?? graduated.map { .graduated(on: $0) } ?? .studying
        return StudentRecord(id: id, enrolledOn: enrolled, plannedEnd: end, enrolment: enrolment, intent: intent, outcomes: outcomes)
    }

    static func day(_ offset: Int) -> LocalDate { end.adding(days: offset) }

    @Test func an_outcome_counts_from_the_day_it_began_up_to_its_window_and_no_later() throws {
        let on90 = Self.student("a", [RecordedOutcome(.fullTimeEmployee, on: Self.day(90), documented: true)])
        let on180 = Self.student("b", [RecordedOutcome(.fullTimeEmployee, on: Self.day(180), documented: true)])
        let on181 = Self.student("c", [RecordedOutcome(.fullTimeEmployee, on: Self.day(181), documented: true)])
        #expect(Outcomes.outcome(of: on90, days: 90)?.code == .fullTimeEmployee)
        #expect(Outcomes.outcome(of: on180, days: 90)?.code == .nonReporting && Outcomes.outcome(of: on180, days: 180)?.code == .fullTimeEmployee)
        #expect(Outcomes.outcome(of: on181, days: 180)?.code == .nonReporting, "day 181 is past the 180-day window")
        let report = Outcomes.report(of: [on90, on180, on181])
        #expect(report.at90[.fullTimeEmployee]?.ids == ["a"] && report.at180[.fullTimeEmployee]?.ids == ["a", "b"])
        #expect(report.at180[.nonReporting]?.ids == ["c"])
        #expect(report.inField.count == 2 && report.inFieldDenominator == 3 && report.inFieldRate == 67)
        #expect(report.windowCloses[180] == Self.day(180) && !report.isFinal(180, today: Self.day(180)) && report.isFinal(180, today: Self.day(181)))
    }

    @Test func an_offer_before_graduating_counts_from_the_first_day_and_a_second_job_replaces_the_first() throws {
        let early = Self.student("early", [RecordedOutcome(.fullTimeContract, on: Self.day(-10), documented: true, salary: .exact(30_000))])
        let twice = Self.student("twice", [RecordedOutcome(.outOfField, on: Self.day(20), documented: true),
                                           RecordedOutcome(.fullTimeEmployee, on: Self.day(120), documented: true, salary: .range(32_000, 36_000))])
        #expect(Outcomes.outcome(of: early, days: 90)?.code == .fullTimeContract)
        #expect(Outcomes.outcome(of: twice, days: 90)?.code == .outOfField && Outcomes.outcome(of: twice, days: 180)?.code == .fullTimeEmployee)
        let report = Outcomes.report(of: [early, twice])
        #expect(report.medianSalary == Median(value: 32_000, from: 2), "a range counts at its middle: 34,000 and 30,000")
        #expect(report.medianDaysToOffer == Median(value: 10, from: 2), "0 for the offer before graduating, 20 for the first job")
    }

    @Test func who_did_not_graduate_is_counted_as_enrolled_and_never_as_a_graduate() throws {
        let withdrew = Self.student("w", graduated: nil, withdrew: Self.day(-30), [RecordedOutcome(.fullTimeEmployee, on: Self.day(10), documented: true)])
        let studying = Self.student("s", graduated: nil)
        let late = Self.student("late", graduated: Self.day(30))
        let veryLate = Self.student("very", graduated: Self.day(60))
        let report = Outcomes.report(of: [withdrew, studying, late, veryLate, Self.student("on")])
        #expect(report.enrolled.count == 5 && report.graduates.ids == ["late", "on", "very"] && report.notGraduated.ids == ["s", "w"])
        #expect(Outcomes.outcome(of: withdrew, days: 180) == nil)
        // The course is 88 days: 150% is 132, so 30 days late is within it and 60 is not.
        #expect(report.graduatedOnTime.ids == ["on"] && report.graduatedWithinHalfAgain.ids == ["late", "on"])
        #expect(report.inField.count == 0 && report.inFieldDenominator == 3)
    }

    @Test func without_evidence_a_graduate_is_non_reporting_and_an_unconfirmed_placement_is_set_apart() throws {
        let silent = Self.student("silent")
        let proposed = Self.student("proposed", [RecordedOutcome(.fullTimeEmployee, on: Self.day(40), documented: false, salary: .exact(50_000))])
        let notSeeking = Self.student("resting", intent: .notSeeking)
        let report = Outcomes.report(of: [silent, proposed, notSeeking])
        #expect(report.at180[.nonReporting]?.ids == ["proposed", "silent"], "an unconfirmed placement is never counted as placed")
        #expect(report.unconfirmed.ids == ["proposed"])
        #expect(report.at180[.notSeeking]?.ids == ["resting"])
        #expect(report.documented.count == 0 && report.medianSalary == Median(value: nil, from: 0))
        // A confirmed job out of field and a second, in field, waiting: set apart too.
        let second = Self.student("second", [RecordedOutcome(.outOfField, on: Self.day(10), documented: true), RecordedOutcome(.fullTimeEmployee, on: Self.day(70), documented: false)])
        #expect(Outcomes.report(of: [second]).unconfirmed.ids == ["second"] && Outcomes.outcome(of: second, days: 180)?.code == .outOfField)
        // A job held before the course is not one it led to.
        let before = Self.student("before", [RecordedOutcome(.fullTimeEmployee, on: Self.enrolled.adding(days: -30), documented: true)])
        #expect(Outcomes.outcome(of: before, days: 180)?.code == .nonReporting)
    }

    @Test func an_excluded_graduate_leaves_the_denominator_until_a_confirmed_job_brings_them_back() throws {
        let excluded = Self.student("x", intent: .notAuthorised)
        let laterHired = Self.student("y", intent: .notAuthorised, [RecordedOutcome(.excluded, on: Self.day(5), documented: true),
                                                                    RecordedOutcome(.fullTimeEmployee, on: Self.day(150), documented: true)])
        let report = Outcomes.report(of: [excluded, laterHired, Self.student("z")])
        #expect(Outcomes.outcome(of: laterHired, days: 90)?.code == .excluded)
        #expect(report.at180[.excluded]?.ids == ["x"] && report.at180[.fullTimeEmployee]?.ids == ["y"])
        #expect(report.inFieldDenominator == 2 && report.inField.ids == ["y"] && report.inFieldRate == 50)
    }

    @Test func a_placement_proposes_the_code_its_terms_say() {
        #expect(OutcomeCode.proposed(by: .fullTime, inField: true) == .fullTimeEmployee)
        #expect(OutcomeCode.proposed(by: .apprenticeship, inField: true) == .fullTimeContract && OutcomeCode.proposed(by: .contract, inField: true) == .fullTimeContract)
        #expect(OutcomeCode.proposed(by: .partTime, inField: true) == .shortTerm && OutcomeCode.proposed(by: .fullTime, inField: false) == .outOfField)
        #expect(OutcomeCode.allCases.filter(\.inField).map(\.rawValue) == ["1A", "1B", "1C", "1D", "1E"])
    }

    @Test func half_years_split_at_the_first_of_july_and_small_counts_are_published_as_under_five() throws {
        let june30 = LocalDate(iso: "2026-06-30")!, july1 = LocalDate(iso: "2026-07-01")!
        #expect(HalfYear(containing: june30) == HalfYear(year: 2026, first: true) && HalfYear(containing: july1) == HalfYear(year: 2026, first: false))
        #expect(HalfYear(containing: june30) < HalfYear(containing: july1) && HalfYear(containing: july1) < HalfYear(year: 2027, first: true))
        #expect(HalfYear(key: "2026-h2") == HalfYear(containing: july1) && HalfYear(key: "2026-h3") == nil && HalfYear(key: "x") == nil)
        #expect(HalfYear(containing: july1).title == "July–December 2026")
        func planned(_ id: String, _ end: LocalDate, graduated: LocalDate?) -> StudentRecord {
            StudentRecord(id: id, enrolledOn: Self.enrolled, plannedEnd: end, enrolment: graduated.map { .graduated(on: $0) } ?? .studying, intent: .seeking, outcomes: [])
        }
        let groups = Outcomes.byHalfYear([planned("a", june30, graduated: june30), planned("b", july1, graduated: july1), planned("late", june30, graduated: july1),
                                          planned("c", june30, graduated: nil)])
        #expect(groups[HalfYear(containing: june30)]?.map(\.id).sorted() == ["a", "c", "late"], "by the planned end: a late graduate stays with their cohort")
        #expect(Outcomes.median([]) == nil && Outcomes.median([3, 1, 2]) == 2 && Outcomes.median([1, 2, 3, 4]) == 2)
    }

    /// The CSV: one row a half-year and cohort, a column a figure; the published one hides small
    /// counts, one more figure of each sum they are in, the medians of fewer than 5 and a rate
    /// taken from a hidden count; no cell runs as a formula.
    @Test func the_csv_has_every_figure_and_the_published_one_hides_what_could_pick_someone_out() throws {
        let hired = (1...3).map { Self.student("h\($0)", [RecordedOutcome(.fullTimeEmployee, on: Self.day(10 * $0), documented: true, salary: .exact(30_000 + $0 * 1_000))]) }
        let seeking = (1...6).map { Self.student("s\($0)") }
        let report = Outcomes.report(of: hired + seeking)
        let rows = [OutcomesCSV.Row(half: HalfYear(containing: Self.end), cohort: "=HYPERLINK(\"x\")", report: report)]
        func cells(_ shown: OutcomesShown) -> [String: String] {
            let lines = OutcomesCSV.table(rows, shown: shown, today: Self.day(200)).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2)
            let values = lines[1].components(separatedBy: ",")
            #expect(values.count == OutcomesCSV.header().count, "a cell for every column (none holds a comma here)")
            return Dictionary(uniqueKeysWithValues: zip(OutcomesCSV.header(), values))
        }
        let exact = cells(.exact), published = cells(.published)
        #expect(exact["Cohort"] == #""'=HYPERLINK(""x"")""#, "the formula is written as text: \(exact["Cohort"] ?? "")")
        #expect(exact["Enrolled"] == "9" && exact["1A Full-time employee at 180 days"] == "3" && exact["4 Non-reporting at 180 days"] == "6")
        #expect(exact["In-field rate (%)"] == "33" && exact["Median base salary, in field"] == "32000" && exact["Salaries it is taken from"] == "3")
        #expect(exact["Figures at 180 days"] == "Final")
        #expect(published["Enrolled"] == "9" && published["Graduates"] == "9" && published["1A Full-time employee at 180 days"] == "< 5")
        #expect(published["4 Non-reporting at 180 days"] == "Not published", "else 9 graduates less 6 would give away the 3")
        #expect(published["3A Still seeking a job in field at 180 days"] == "0", "a zero names nobody")
        #expect(published["Median base salary, in field"] == "Not published" && published["Salaries it is taken from"] == "< 5")
        #expect(published["In-field rate (%)"] == "Not published", "33% of 9 would give away the 3")
        let shown = ShownReport(report, .published)
        #expect(shown.median(Median(value: 40_000, from: 5)) == 40_000 && !shown.withholds(Median(value: nil, from: 0)))
        #expect(ShownReport(report, .exact).count(.outcome(days: 180, .fullTimeEmployee)) == "3" && ShownReport(report, .exact).withheld.isEmpty)
    }

    /// However the graduates fall, no sum of the published report (enrolled, on time and late,
    /// a window's codes, the in-field codes, the denominator) has exactly one hidden term, so
    /// none can be worked out by subtraction; and every count of 1 to 4 is hidden.
    @Test func no_published_sum_has_a_single_gap() throws {
        // Eight enrolled, one withdrew: with the graduates shown, or on time shown equal to them,
        // 8 less 7 would name the one.
        let eight = Outcomes.report(of: (1...7).map { Self.student("g\($0)") } + [Self.student("w", withdrew: Self.day(-20))])
        let small = ShownReport(eight, .published)
        #expect(small.count(.enrolled) == "8" && small.count(.notGraduated) == "< 5")
        #expect([OutcomeCell.graduates, .graduatedOnTime, .graduatedWithinHalfAgain].allSatisfy { small.count($0) == ShownReport.notPublished })
        #expect(small.count(.outcome(days: 180, .nonReporting)) == ShownReport.notPublished && small.rate == nil)
        let late = Outcomes.report(of: (1...9).map { Self.student("g\($0)") } + [Self.student("l", graduated: Self.day(10))])
        #expect(ShownReport(late, .published).count(.graduatedOnTime) == ShownReport.notPublished, "10 within 150% less 9 on time would name the late one")
        let codes: [OutcomeCode] = [.fullTimeEmployee, .fullTimeContract, .shortTerm, .outOfField, .stillSeeking]
        for size in [1, 3, 6, 9, 14, 23] {
            for seed in 0..<12 {
                let students = (0..<size).map { i -> StudentRecord in
                    let pick = (i * 7 + seed * 3 + i * i * seed) % 9
                    switch pick {
                    case 0: return Self.student("w\(i)", withdrew: Self.day(-20))
                    case 1: return Self.student("n\(i)", intent: .notSeeking)
                    case 2: return Self.student("x\(i)", intent: .notAuthorised)
                    case 3: return Self.student("r\(i)")
                    default: return Self.student("e\(i)", [RecordedOutcome(codes[(pick + seed) % codes.count], on: Self.day(pick * 25 - 40), documented: true)])
                    }
                }
                let report = Outcomes.report(of: students)
                let shown = ShownReport(report, .published)
                for sum in ShownReport.sums {
                    #expect(sum.filter(shown.isHidden).count != 1, "size \(size), seed \(seed): \(sum.map { shown.count($0) })")
                }
                for cell in ShownReport.cells where (1...4).contains(report.value(of: cell)) {
                    #expect(shown.count(cell) == "< 5", "size \(size), seed \(seed): \(cell)")
                }
            }
        }
    }
}

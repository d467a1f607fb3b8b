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
        #expect(Counted(["a", "b", "c", "d"]).published == "< 5" && Counted(Array(repeating: "x", count: 5)).published == "5" && Counted([]).published == "0")
        #expect(Outcomes.median([]) == nil && Outcomes.median([3, 1, 2]) == 2 && Outcomes.median([1, 2, 3, 4]) == 2)
    }
}

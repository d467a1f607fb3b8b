import Foundation
import Testing
@testable import OnwardCore

@Suite struct StageTests {
    /// The whole table, written out: for each stage, where it may go. Every one of the 81 pairs is
    /// checked against this, so a change to the rule shows up here as a deliberate edit.
    static let expected: [Stage: Set<Stage>] = [
        .wishlist: [.applied, .screening, .techTest, .interview, .offer, .rejected, .withdrawn],
        .applied: [.screening, .techTest, .interview, .offer, .rejected, .withdrawn],
        .screening: [.techTest, .interview, .offer, .rejected, .withdrawn],
        .techTest: [.interview, .offer, .rejected, .withdrawn],
        .interview: [.offer, .rejected, .withdrawn],
        .offer: [.accepted, .rejected, .withdrawn],
        .accepted: [],
        .rejected: [],
        .withdrawn: [],
    ]

    static let pairs: [(Stage, Stage)] = Stage.allCases.flatMap { from in Stage.allCases.map { (from, $0) } }

    @Test(arguments: pairs)
    func every_pair_of_stages_follows_the_table(_ from: Stage, _ to: Stage) {
        #expect(StageMoves.canMove(from: from, to: to) == Self.expected[from]!.contains(to))
    }

    @Test func rejected_application_cannot_move_to_offer() {
        #expect(throws: StageError.cannotMove(from: .rejected, to: .offer)) {
            try checkMove(from: .rejected, to: .offer, on: LocalDate(iso: "2026-11-20")!, previousMove: nil, today: LocalDate(iso: "2026-11-23")!)
        }
    }

    @Test func only_an_offer_can_be_accepted() {
        #expect(Stage.allCases.filter { StageMoves.canMove(from: $0, to: .accepted) } == [.offer])
    }

    @Test func a_move_cannot_be_dated_in_the_future_or_before_the_last_move() {
        let today = LocalDate(iso: "2026-11-23")!
        #expect(throws: StageError.dateInFuture(today.adding(days: 1))) {
            try checkMove(from: .applied, to: .screening, on: today.adding(days: 1), previousMove: nil, today: today)
        }
        #expect(throws: StageError.dateBeforePreviousMove(today.adding(days: -2))) {
            try checkMove(from: .applied, to: .screening, on: today.adding(days: -3), previousMove: today.adding(days: -2), today: today)
        }
        #expect(throws: Never.self) {
            try checkMove(from: .applied, to: .screening, on: today, previousMove: today, today: today)
        }
    }

    @Test(arguments: [("Tech Test", Stage.techTest), ("tech-test", .techTest), ("Interviewing", .interview), ("WISHLIST", .wishlist), ("Offer Received", .offer), ("Applied", .applied)])
    func stages_are_read_as_trackers_write_them(_ text: String, _ stage: Stage) {
        #expect(Stage(loose: text) == stage)
    }
}

@Suite struct LocalDateArithmeticTests {
    @Test func weeks_start_on_monday() {
        #expect(LocalDate(iso: "2026-11-23")!.startOfWeek.iso == "2026-11-23") // a Monday
        #expect(LocalDate(iso: "2026-11-29")!.startOfWeek.iso == "2026-11-23") // Sunday
        #expect(LocalDate(iso: "2026-11-01")!.startOfWeek.iso == "2026-10-26") // across a month
    }

    @Test func adding_days_crosses_months_and_years() {
        #expect(LocalDate(iso: "2026-12-30")!.adding(days: 3).iso == "2027-01-02")
        #expect(LocalDate(iso: "2026-03-01")!.adding(days: -1).iso == "2026-02-28")
        #expect(LocalDate(iso: "2026-11-01")!.days(to: LocalDate(iso: "2026-11-23")!) == 22)
    }
}

@Suite struct DayNumberTests {
    @Test func day_numbers_agree_with_the_calendar_for_every_day_from_1999_to_2031() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = calendar.date(from: DateComponents(year: 1999, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: 2031, month: 12, day: 31))!
        var mismatches = 0
        while date <= end {
            let day = LocalDate(date, in: TimeZone(identifier: "UTC")!)
            let expected = Int(date.timeIntervalSince1970 / 86_400)
            if day.dayNumber != expected || LocalDate(dayNumber: expected) != day { mismatches += 1 }
            date = date.addingTimeInterval(86_400)
        }
        #expect(mismatches == 0)
        #expect(LocalDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(LocalDate(iso: "2026-11-02")!.display == "2 Nov 2026")
    }

    /// A closing move is said as the graduate would say it, and only closing moves are asked
    /// about before they are made.
    @Test func closing_moves_are_said_in_a_persons_words() {
        #expect(StageMoves.say(.rejected, from: .offer) == "They withdrew the offer")
        #expect(StageMoves.say(.withdrawn, from: .offer) == "I declined the offer")
        #expect(StageMoves.say(.rejected, from: .interview) == "They turned me down")
        #expect(StageMoves.say(.withdrawn, from: .applied) == "I withdrew")
        #expect(StageMoves.say(.interview, from: .applied) == "Interview")
        #expect(Stage.allCases.filter(StageMoves.closes) == [.accepted, .rejected, .withdrawn])
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct SevenDayWindowTests {
    let today = LocalDate(iso: "2026-11-23")!

    func history(appliedOn day: String) -> ApplicationHistory {
        ApplicationHistory(moves: [.init(.applied, on: LocalDate(iso: day)!)])
    }

    @Test func a_move_exactly_seven_days_ago_is_outside_and_six_days_ago_inside() {
        let window = SevenDayWindow(endingOn: today)
        let figures = JobSearchFigures(histories: [history(appliedOn: "2026-11-16"), history(appliedOn: "2026-11-17"), history(appliedOn: "2026-11-23")], window: window)
        #expect(figures.applicationsLast7Days == 2)
    }

    @Test func today_begins_at_midnight_in_the_graduates_time_zone() {
        // 2026-11-23 23:30 UTC: already the 24th in Auckland, still the 23rd in London.
        let now = Date(timeIntervalSince1970: 1_795_476_600)
        let london = SevenDayWindow(now: now, timeZone: TimeZone(identifier: "Europe/London")!)
        let auckland = SevenDayWindow(now: now, timeZone: TimeZone(identifier: "Pacific/Auckland")!)
        #expect(london.last.iso == "2026-11-23")
        #expect(auckland.last.iso == "2026-11-24")
        // An application sent on the 17th is in London's window and out of Auckland's.
        let sent17 = [history(appliedOn: "2026-11-17")]
        #expect(JobSearchFigures(histories: sent17, window: london).applicationsLast7Days == 1)
        #expect(JobSearchFigures(histories: sent17, window: auckland).applicationsLast7Days == 0)
    }

    @Test func wishlist_items_are_not_applications_and_count_when_sent() {
        let day = LocalDate(iso: "2026-11-20")!
        let saved = ApplicationHistory(moves: [.init(.wishlist, on: day.adding(days: -30))])
        let sent = ApplicationHistory(moves: [.init(.wishlist, on: day.adding(days: -30)), .init(.applied, on: day)])
        let figures = JobSearchFigures(histories: [saved, sent], window: SevenDayWindow(endingOn: today))
        #expect(figures.applicationsLast7Days == 1)
    }

    @Test func interviews_count_by_their_day() {
        let h = ApplicationHistory(
            moves: [.init(.applied, on: LocalDate(iso: "2026-11-01")!), .init(.interview, on: LocalDate(iso: "2026-11-10")!)],
            interviews: [(LocalDate(iso: "2026-11-16")!, true), (LocalDate(iso: "2026-11-18")!, false), (LocalDate(iso: "2026-11-23")!, true)])
        let figures = JobSearchFigures(histories: [h], window: SevenDayWindow(endingOn: today))
        #expect(figures.interviewsLast7Days == 2)
        #expect(figures.applicationsLast7Days == 0)
    }
}

@Suite struct FunnelTests {
    func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// Five applications, worked by hand:
    /// A applied 1st, screening 4th, interview 10th, offer 20th  → responded after 3 days
    /// B applied 2nd, rejected 9th                               → responded after 7 days
    /// C applied 3rd, no answer                                  → no response
    /// D applied 5th, tech test 6th, rejected 15th               → responded after 1 day
    /// E wishlist only                                           → not applied
    /// Applied 4, responded 3 (75%), interviewed 1 (1/3), offered 1 (1/1), median days 3.
    @Test func funnel_on_a_hand_computed_example() {
        let histories = [
            ApplicationHistory(moves: [.init(.applied, on: d("2026-11-01")), .init(.screening, on: d("2026-11-04")), .init(.interview, on: d("2026-11-10")), .init(.offer, on: d("2026-11-20"))]),
            ApplicationHistory(moves: [.init(.applied, on: d("2026-11-02")), .init(.rejected, on: d("2026-11-09"))]),
            ApplicationHistory(moves: [.init(.applied, on: d("2026-11-03"))]),
            ApplicationHistory(moves: [.init(.applied, on: d("2026-11-05")), .init(.techTest, on: d("2026-11-06")), .init(.rejected, on: d("2026-11-15"))]),
            ApplicationHistory(moves: [.init(.wishlist, on: d("2026-11-05"))]),
        ]
        let funnel = Funnel(histories: histories)
        #expect(funnel.applied == 4)
        #expect(funnel.responded == 3)
        #expect(funnel.interviewed == 1)
        #expect(funnel.offered == 1)
        #expect(funnel.responseRate == 0.75)
        #expect(funnel.interviewRate == 1.0 / 3.0)
        #expect(funnel.offerRate == 1.0)
        #expect(funnel.medianDaysToFirstResponse == 3)
    }

    @Test func median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let histories = [
            ApplicationHistory(moves: [.init(.applied, on: d("2026-11-01")), .init(.screening, on: d("2026-11-03"))]),
            ApplicationHistory(moves: [.init(.applied, on: d("2026-11-01")), .init(.rejected, on: d("2026-11-06"))]),
        ]
        #expect(Funnel(histories: histories).medianDaysToFirstResponse == 3.5)
    }

    @Test func withdrawing_is_not_an_answer_from_the_employer() {
        let h = ApplicationHistory(moves: [.init(.applied, on: d("2026-11-01")), .init(.withdrawn, on: d("2026-11-03"))])
        let funnel = Funnel(histories: [h])
        #expect(funnel.applied == 1)
        #expect(funnel.responded == 0)
        #expect(funnel.medianDaysToFirstResponse == nil)
    }

    @Test func an_interview_recorded_without_a_move_counts_as_the_first_response() {
        let h = ApplicationHistory(moves: [.init(.applied, on: d("2026-11-01"))], interviews: [(d("2026-11-08"), true)])
        let funnel = Funnel(histories: [h])
        #expect(funnel.responded == 1)
        #expect(funnel.interviewed == 1)
        #expect(funnel.medianDaysToFirstResponse == 7)
    }

    @Test func no_applications_give_no_rates() {
        let funnel = Funnel(histories: [])
        #expect(funnel.responseRate == nil)
        #expect(funnel.medianDaysToFirstResponse == nil)
    }
}

@Suite struct WeekFiguresTests {
    @Test func every_week_from_the_first_application_to_this_week_including_empty_ones() {
        let histories = [
            ApplicationHistory(moves: [.init(.applied, on: LocalDate(iso: "2026-11-03")!)], interviews: [(LocalDate(iso: "2026-11-18")!, true)]),
            ApplicationHistory(moves: [.init(.applied, on: LocalDate(iso: "2026-11-04")!)]),
        ]
        let weeks = WeekFigures.series(histories: histories, today: LocalDate(iso: "2026-11-23")!)
        #expect(weeks.map(\.weekStarting.iso) == ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"])
        #expect(weeks.map(\.applications) == [2, 0, 0, 0])
        #expect(weeks.map(\.interviews) == [0, 0, 1, 0])
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct WeeklyDigestTests {
    @Test func the_digest_of_last_week_is_due_on_monday_morning_in_the_persons_zone() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let monday = LocalDate(iso: "2026-11-23")!
        func at(_ day: LocalDate, _ time: String) -> Date { TypedMoment.moment(day, StandupTime(time)!, in: newYork) }
        #expect(WeeklyDigest.dueWeek(now: at(monday, "07:59"), zone: newYork) == nil)
        #expect(WeeklyDigest.dueWeek(now: at(monday, "08:00"), zone: newYork) == LocalDate(iso: "2026-11-16"))
        #expect(WeeklyDigest.dueWeek(now: at(monday, "19:59"), zone: newYork) == LocalDate(iso: "2026-11-16"))
        #expect(WeeklyDigest.dueWeek(now: at(monday, "20:00"), zone: newYork) == nil, "twelve hours late: skipped")
        #expect(WeeklyDigest.dueWeek(now: at(monday.adding(days: 1), "09:00"), zone: newYork) == nil)
        // 13:30 UTC on that Monday is 08:30 in New York, and already the afternoon in London.
        #expect(WeeklyDigest.dueWeek(now: Date(timeIntervalSince1970: 1_795_440_600), zone: newYork) == LocalDate(iso: "2026-11-16"))
    }

    @Test func a_graduate_reads_their_week_and_a_quiet_one_gets_a_small_next_step() {
        let busy = WeeklyDigest.graduate(name: "Amara", week: LocalDate(iso: "2026-11-16")!,
                                         figures: DigestWeek(standups: 4, applications: 1, interviews: 2, mockInterviews: 0), home: "H", settings: "S")
        #expect(busy.subject == "Onward: your week of 16 Nov 2026")
        #expect(busy.body.contains("Your week of 16 Nov 2026: 4 standups, 1 application sent, 2 interviews, 0 mock interviews."))
        #expect(busy.body.contains("Your week in Onward: H") && busy.body.contains("turn it off, or choose what else comes by email: S"))
        let quiet = WeeklyDigest.graduate(name: "Ben", week: LocalDate(iso: "2026-11-16")!,
                                          figures: DigestWeek(standups: 0, applications: 0, interviews: 0, mockInterviews: 0), home: "H", settings: "S")
        #expect(quiet.body.contains("A quiet week. This week, start with one small step"))
    }

    @Test func a_coach_reads_their_graduates_quiet_weeks_first() {
        let digest = WeeklyDigest.coach(name: "Priya", week: LocalDate(iso: "2026-11-16")!, rows: [
            ("Amara", DigestWeek(standups: 5, applications: 3, interviews: nil, mockInterviews: 1)),
            ("Zoe", DigestWeek(standups: 0, applications: 0, interviews: nil, mockInterviews: 0)),
        ], resting: 2, home: "H", settings: "S")
        #expect(digest.subject == "Onward: your graduates' week of 16 Nov 2026")
        #expect(digest.body.contains("(2 graduates placed or paused, not listed.)"))
        #expect(digest.body.contains("(1 with a quiet week):\n\n- Zoe: a quiet week (nothing recorded)\n- Amara: 5 standups, 3 applications sent, 1 mock interview"))
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct DashboardTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    /// Monday 23 November 2026.
    var today: LocalDate { day("2026-11-23") }

    func row(_ name: String, _ fill: (inout DashboardRow) -> Void = { _ in }) -> DashboardRow {
        var row = DashboardRow(id: name.lowercased(), name: name)
        row.status = .enrolled
        fill(&row)
        return row
    }

    var rows: [DashboardRow] {
        [
            row("Amara") { $0.standupStreak = 4; $0.moodToday = 4; $0.applicationsLast7Days = 5; $0.nextMeeting = day("2026-11-25") },
            row("Dev") { $0.status = .atRisk; $0.missing = ["Retrospective, due Sun 22 Nov 2026"]; $0.moodToday = 2; $0.openRequests = 1 },
            row("Bea") { $0.status = .placed; $0.standupStreak = 12; $0.interviewsLast7Days = 2; $0.nextMeeting = day("2026-12-10") },
            row("Chen") { $0.status = nil; $0.waitingSubmissions = 2; $0.overdueRecommendations = 1; $0.moodToday = 1 },
            row("Émile") { $0.status = .paused; $0.standupStreak = 1; $0.applicationsLast7Days = 1 },
        ]
    }

    func names(_ query: DashboardQuery) -> [String] { query.arrange(rows, today: today).map(\.name) }

    @Test func a_row_kept_as_a_line_reads_back_the_same() {
        for row in rows {
            #expect(DashboardRow(id: row.id, name: row.name, kept: row.kept) == row)
        }
        var two = row("Two") { $0.status = .atRisk; $0.missing = ["Standup, due Mon 16 Nov 2026", "Blog post | week 3, due Sun 22 Nov 2026"] }
        #expect(DashboardRow(id: two.id, name: two.name, kept: two.kept)?.missing == two.missing)
        two.missing = []
        #expect(DashboardRow(id: two.id, name: two.name, kept: two.kept) == two)
        #expect(DashboardRow(id: "x", name: "X", kept: "") == nil)
        #expect(DashboardRow(id: "x", name: "X", kept: "nonsense\u{1F}1") == nil)
        #expect(DashboardRow(id: "x", name: "X", kept: row("X").kept.replacingOccurrences(of: "enrolled", with: "asleep")) == nil)
    }

    @Test func by_default_those_at_risk_come_first_then_by_status_and_name() {
        #expect(names(DashboardQuery()) == ["Dev", "Amara", "Émile", "Bea", "Chen"], "no programme last")
    }

    @Test func each_column_sorts_both_ways_with_missing_figures_last() {
        #expect(names(DashboardQuery(sort: .name)) == ["Amara", "Bea", "Chen", "Dev", "Émile"])
        #expect(names(DashboardQuery(sort: .name, order: .descending)) == ["Émile", "Dev", "Chen", "Bea", "Amara"])
        #expect(names(DashboardQuery(sort: .streak)) == ["Chen", "Dev", "Émile", "Amara", "Bea"])
        #expect(names(DashboardQuery(sort: .streak, order: .descending)) == ["Bea", "Amara", "Émile", "Chen", "Dev"])
        #expect(names(DashboardQuery(sort: .mood)) == ["Chen", "Dev", "Amara", "Bea", "Émile"], "no mood yet last")
        #expect(names(DashboardQuery(sort: .mood, order: .descending)) == ["Amara", "Dev", "Chen", "Bea", "Émile"], "still last")
        #expect(names(DashboardQuery(sort: .applications)).first == "Bea")
        #expect(names(DashboardQuery(sort: .interviews, order: .descending)).first == "Bea")
        #expect(names(DashboardQuery(sort: .requests)).first == "Dev", "the most open requests first")
        #expect(names(DashboardQuery(sort: .submissions)).first == "Chen")
        #expect(names(DashboardQuery(sort: .overdue)).first == "Chen")
        #expect(names(DashboardQuery(sort: .meeting)) == ["Amara", "Bea", "Chen", "Dev", "Émile"], "the soonest first, none last")
    }

    @Test func each_filter_keeps_only_the_graduates_it_names() {
        func shown(_ filter: DashboardFilter) -> [String] { names(DashboardQuery(sort: .name, filter: filter)) }
        #expect(shown(.everyone).count == 5)
        #expect(shown(.atRisk) == ["Dev"])
        #expect(shown(.enrolled) == ["Amara"])
        #expect(shown(.placed) == ["Bea"])
        #expect(shown(.paused) == ["Émile"])
        #expect(shown(.noProgramme) == ["Chen"])
        #expect(shown(.noStreak) == ["Chen", "Dev"])
        #expect(shown(.noStandupToday) == ["Bea", "Émile"])
        #expect(shown(.lowMood) == ["Chen", "Dev"])
        #expect(shown(.noApplications) == ["Bea", "Chen", "Dev"])
        #expect(shown(.noInterviews) == ["Amara", "Chen", "Dev", "Émile"])
        #expect(shown(.openRequests) == ["Dev"])
        #expect(shown(.waitingSubmissions) == ["Chen"])
        #expect(shown(.overdueRecommendations) == ["Chen"])
        #expect(shown(.meetingThisWeek) == ["Amara"], "the 25th is within 7 days of the 23rd; the 10th of December is not")
        #expect(shown(.noMeeting) == ["Chen", "Dev", "Émile"])
        #expect(DashboardFilter.allCases.allSatisfy { $0 == .everyone || $0.column != nil })
    }

    @Test func the_search_matches_part_of_a_name_without_case_or_accents() {
        #expect(names(DashboardQuery(search: "emi")) == ["Émile"])
        #expect(names(DashboardQuery(search: "A")) == ["Amara", "Bea"])
    }

    @Test func an_address_with_unknown_values_reads_as_the_default() {
        #expect(DashboardQuery(sort: "drop table", order: "sideways", show: "nobody", search: nil) == DashboardQuery())
        let read = DashboardQuery(sort: "mood", order: "desc", show: "low_mood", search: "  Dev \u{0}")
        #expect(read.sort == .mood && read.order == .descending && read.filter == .lowMood)
        #expect(read.search == "", "a control character is refused, not searched for")
        #expect(DashboardQuery(sort: "requests", order: nil, show: nil, search: String(repeating: "x", count: 500)).order == .descending)
        #expect(DashboardQuery(sort: nil, order: nil, show: nil, search: String(repeating: "x", count: 500)).search.count == DashboardQuery.searchLimit)
    }

    @Test func a_standup_streak_counts_days_in_a_row_and_weekends_do_not_break_it() {
        let monday = day("2026-11-23")
        let lastWeek = Set((16...20).map { day("2026-11-\($0)") })
        #expect(StandupRules.streak(posted: lastWeek, today: monday) == 5, "Friday to Monday: the weekend is passed over, today's may still come")
        #expect(StandupRules.streak(posted: lastWeek.union([monday]), today: monday) == 6)
        #expect(StandupRules.streak(posted: lastWeek.union([day("2026-11-21")]), today: monday) == 6, "a Saturday's standup adds")
        #expect(StandupRules.streak(posted: lastWeek.subtracting([day("2026-11-19")]), today: monday) == 1, "a missed Thursday breaks it")
        #expect(StandupRules.streak(posted: [], today: monday) == 0)
        #expect(StandupRules.streak(posted: [day("2026-11-24")], today: monday) == 0, "a day ahead does not count")
        let everyDay = Set((0..<100).map { monday.adding(days: -$0) })
        #expect(StandupRules.streak(posted: everyDay, today: monday) == StandupRules.streakCap)
        let weekdays = everyDay.filter { !$0.isWeekend }
        #expect(StandupRules.streak(posted: weekdays, today: monday) == StandupRules.streakCap, "every weekday for weeks reaches the cap")
        #expect(StandupRules.streak(posted: weekdays.filter { monday.days(to: $0) > -18 }, today: monday) == 12, "the twelve weekdays of the last 18 days")
        #expect(day("2026-11-21").isWeekend && day("2026-11-22").isWeekend && !monday.isWeekend && !day("2026-11-20").isWeekend)
    }
}

@Suite struct CoachingEventTests {
    let now = Date(timeIntervalSince1970: 1_795_435_200) // Monday 23 November 2026, 12:00 UTC
    let london = TimeZone(identifier: "Europe/London")!

    func draft(day: String = "2026-11-30", start: String = "14:00", end: String = "15:30", link: String = "https://meet.example/cv",
               place: String = "", title: String = "CV clinic", description: String = "Bring your CV") throws(ValidationErrors) -> EventDraft {
        try EventDraft.validate(title: title, description: description, day: day, start: start, end: end, timeZone: london, link: link,
                                place: place, cohortID: nil, now: now)
    }

    func fields(_ make: () throws -> EventDraft) -> [String] {
        do { _ = try make(); return [] } catch let error as ValidationErrors { return error.errors.map(\.field) } catch { return ["unexpected \(error)"] }
    }

    @Test func an_event_is_read_in_the_coachs_time_zone() throws {
        let event = try draft(day: "2027-07-01")
        #expect(event.startsAt == Date(timeIntervalSince1970: 1_814_446_800), "14:00 in London in July is 13:00 UTC")
        #expect(event.endsAt.timeIntervalSince(event.startsAt) == 5_400)
        #expect(event.link == "https://meet.example/cv")
    }

    @Test func an_event_needs_a_title_a_description_a_future_time_and_somewhere_to_be() {
        #expect(fields { try draft(title: " ") } == ["title"])
        #expect(fields { try draft(description: "") } == ["description"])
        #expect(fields { try draft(link: "", place: "") } == ["place"])
        #expect(fields { try draft(link: "javascript:alert(1)") } == ["link"])
        #expect(fields { try draft(link: "", place: "Room 2, 5 Commercial St") } == [])
        #expect(fields { try draft(day: "2026-11-23", start: "11:00", end: "12:00") } == ["day"], "11:00 today has passed")
        #expect(fields { try draft(day: "2028-01-01") } == ["day"], "more than a year ahead")
        #expect(fields { try draft(start: "15:00", end: "14:00") } == ["end"])
        #expect(fields { try draft(start: "07:00", end: "20:00") } == ["end"], "at most 12 hours")
        #expect(fields { try draft(day: "30/11/2026", start: "2pm", end: "") } == ["day", "start", "end"])
        #expect(fields { try draft(title: String(repeating: "x", count: 201)) } == ["title"])
        #expect(fields { try draft(place: "Room\u{0}2") } == ["place"])
    }

    @Test func answers_close_when_the_event_starts_and_it_is_upcoming_until_it_ends() {
        let start = now.addingTimeInterval(3_600)
        #expect(EventRules.takesAnswers(startsAt: start, now: now))
        #expect(!EventRules.takesAnswers(startsAt: start, now: start))
        #expect(EventRules.isUpcoming(endsAt: start, now: now))
        #expect(!EventRules.isUpcoming(endsAt: now, now: now))
    }

    @Test func graduates_see_events_for_everyone_and_their_cohort_and_the_team_sees_who_comes() {
        let grace = Viewer(id: "g", role: .graduate), coach = Viewer(id: "c", role: .coach), admin = Viewer(id: "a", role: .admin), partner = Viewer(id: "p", role: .partner)
        #expect(Access.canSeeEvent(grace, audience: nil, viewerCohort: "autumn"))
        #expect(Access.canSeeEvent(grace, audience: "autumn", viewerCohort: "autumn"))
        #expect(!Access.canSeeEvent(grace, audience: "winter", viewerCohort: "autumn"))
        #expect(!Access.canSeeEvent(grace, audience: "winter", viewerCohort: nil))
        #expect(Access.canSeeEvent(coach, audience: "winter", viewerCohort: nil) && Access.canSeeEvent(admin, audience: "winter", viewerCohort: nil))
        #expect(!Access.canSeeEvent(partner, audience: nil, viewerCohort: nil) && !Access.seesEvents(partner))
        #expect(Access.canAnswerEvent(grace, audience: nil, viewerCohort: nil) && !Access.canAnswerEvent(coach, audience: nil, viewerCohort: nil))
        #expect(Access.seesWhoComes(coach) && !Access.seesWhoComes(grace))
        #expect(Access.canCancelEvent(coach, createdBy: "c") && !Access.canCancelEvent(Viewer(id: "c2", role: .coach), createdBy: "c"))
        #expect(Access.canCancelEvent(admin, createdBy: "c") && !Access.canCancelEvent(grace, createdBy: "g"))
        #expect(Access.readsCoachDashboard(coach) && Access.readsCoachDashboard(admin) && !Access.readsCoachDashboard(grace) && !Access.readsCoachDashboard(partner))
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct DashboardTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    /// Monday 23 November 2026.
    var today: LocalDate { day("2026-11-23") }

    /// Every capability's columns, in the dashboard's order.
    let columns = [ProgrammeColumns.status, ProgrammeColumns.streak, ProgrammeColumns.mood, JobSearchColumns.applications, JobSearchColumns.interviews,
                   CoachingColumns.requests, CoachingColumns.submissions, CoachingColumns.overdue, CoachingColumns.meeting]

    struct Figures {
        var status: ProgrammeStatus.Kind? = .enrolled
        var missing: [String] = []
        var streak = 0
        var mood: Int?
        var applications = 0, interviews = 0, requests = 0, submissions = 0, overdue = 0
        var meeting: LocalDate?
    }

    func row(_ name: String, _ fill: (inout Figures) -> Void = { _ in }) -> DashboardRow {
        var figures = Figures()
        fill(&figures)
        var row = DashboardRow(id: name.lowercased(), name: name)
        row[ProgrammeColumns.status] = figures.status.map { ProgrammeColumns.figure($0, missing: figures.missing) }
        row[ProgrammeColumns.streak] = DashboardFigure(figures.streak)
        row[ProgrammeColumns.mood] = figures.mood.map { DashboardFigure($0) }
        row[JobSearchColumns.applications] = DashboardFigure(figures.applications)
        row[JobSearchColumns.interviews] = DashboardFigure(figures.interviews)
        row[CoachingColumns.requests] = DashboardFigure(figures.requests)
        row[CoachingColumns.submissions] = DashboardFigure(figures.submissions)
        row[CoachingColumns.overdue] = DashboardFigure(figures.overdue)
        row[CoachingColumns.meeting] = figures.meeting.map(CoachingColumns.figure(meeting:))
        return row
    }

    var rows: [DashboardRow] {
        [
            row("Amara") { $0.streak = 4; $0.mood = 4; $0.applications = 5; $0.meeting = day("2026-11-25") },
            row("Dev") { $0.status = .atRisk; $0.missing = ["Retrospective, due Sun 22 Nov 2026"]; $0.mood = 2; $0.requests = 1 },
            row("Bea") { $0.status = .placed; $0.streak = 12; $0.interviews = 2; $0.meeting = day("2026-12-10") },
            row("Chen") { $0.status = nil; $0.submissions = 2; $0.overdue = 1; $0.mood = 1 },
            row("Émile") { $0.status = .paused; $0.streak = 1; $0.applications = 1 },
        ]
    }

    func names(_ query: DashboardQuery) -> [String] { query.arrange(rows, today: today).map(\.name) }
    func query(sort: DashboardColumn? = nil, order: DashboardColumn.Order? = nil, show: String? = nil, search: String = "") -> DashboardQuery {
        var query = DashboardQuery(columns: columns, sort: sort?.id, order: nil, show: show, search: search)
        if let order { query.order = order }
        return query
    }

    @Test func a_row_kept_as_a_line_reads_back_the_same() {
        for row in rows {
            #expect(DashboardRow(id: row.id, name: row.name, kept: row.kept(columns), columns: columns) == row)
        }
        var two = row("Two") { $0.status = .atRisk; $0.missing = ["Standup, due Mon 16 Nov 2026", "Blog post | week 3, due Sun 22 Nov 2026"] }
        #expect(DashboardRow(id: two.id, name: two.name, kept: two.kept(columns), columns: columns)?.figure(ProgrammeColumns.status)?.notes
                == ["Standup, due Mon 16 Nov 2026", "Blog post | week 3, due Sun 22 Nov 2026"])
        two[ProgrammeColumns.status] = ProgrammeColumns.figure(.atRisk, missing: [])
        #expect(DashboardRow(id: two.id, name: two.name, kept: two.kept(columns), columns: columns) == two)
        #expect(DashboardRow(id: "x", name: "X", kept: "", columns: columns) == nil)
        #expect(DashboardRow(id: "x", name: "X", kept: "nonsense\u{1F}1", columns: columns) == nil)
        let line = row("X").kept(columns)
        #expect(line.contains("streak\u{1F}0\u{1F}"), "a figure the row has is written")
        #expect(DashboardRow(id: "x", name: "X", kept: line.replacingOccurrences(of: "streak\u{1F}0", with: "streak\u{1F}x"), columns: columns) == nil)
        #expect(DashboardRow(id: "x", name: "X", kept: line, columns: Array(columns.dropLast())) == nil, "a line of other columns is stale")
        #expect(DashboardRow(id: "x", name: "X", kept: line, columns: columns.reversed()) == nil)
        #expect(DashboardRow(id: "x", name: "X", kept: row("X").kept(Array(columns.dropLast())), columns: columns) == nil, "a column added since")
        #expect(DashboardRow(id: "x", name: "X", kept: line.replacingOccurrences(of: "streak\u{1F}0", with: "streak\u{1F}-1"), columns: columns) == nil)
    }

    @Test func by_default_those_at_risk_come_first_then_by_status_and_name() {
        #expect(names(query()) == ["Dev", "Amara", "Émile", "Bea", "Chen"], "no programme last")
        #expect(query().sort.id == "status", "the first column")
    }

    @Test func each_column_sorts_both_ways_with_missing_figures_last() {
        #expect(names(query(sort: .name)) == ["Amara", "Bea", "Chen", "Dev", "Émile"])
        #expect(names(query(sort: .name, order: .descending)) == ["Émile", "Dev", "Chen", "Bea", "Amara"])
        #expect(names(query(sort: ProgrammeColumns.streak)) == ["Chen", "Dev", "Émile", "Amara", "Bea"])
        #expect(names(query(sort: ProgrammeColumns.streak, order: .descending)) == ["Bea", "Amara", "Émile", "Chen", "Dev"])
        #expect(names(query(sort: ProgrammeColumns.mood)) == ["Chen", "Dev", "Amara", "Bea", "Émile"], "no mood yet last")
        #expect(names(query(sort: ProgrammeColumns.mood, order: .descending)) == ["Amara", "Dev", "Chen", "Bea", "Émile"], "still last")
        #expect(names(query(sort: JobSearchColumns.applications)).first == "Bea")
        #expect(names(query(sort: JobSearchColumns.interviews, order: .descending)).first == "Bea")
        #expect(names(query(sort: CoachingColumns.requests)).first == "Dev", "the most open requests first")
        #expect(names(query(sort: CoachingColumns.submissions)).first == "Chen")
        #expect(names(query(sort: CoachingColumns.overdue)).first == "Chen")
        #expect(names(query(sort: CoachingColumns.meeting)) == ["Amara", "Bea", "Chen", "Dev", "Émile"], "the soonest first, none last")
    }

    @Test func a_row_without_a_capabilitys_figures_counts_none() {
        let bare = DashboardRow(id: "z", name: "Zed")
        #expect(bare.figure(JobSearchColumns.applications) == DashboardFigure(0) && bare.figure(ProgrammeColumns.mood) == nil)
        #expect(names(query(sort: .name, show: "no_applications")) == ["Bea", "Chen", "Dev"])
        #expect(query(show: "no_applications").arrange([bare], today: today).map(\.name) == ["Zed"], "no figures: no application")
    }

    @Test func each_filter_keeps_only_the_graduates_it_names() {
        func shown(_ filter: String) -> [String] { names(query(sort: .name, show: filter)) }
        #expect(shown("everyone").count == 5)
        #expect(shown("at_risk") == ["Dev"])
        #expect(shown("enrolled") == ["Amara"])
        #expect(shown("placed") == ["Bea"])
        #expect(shown("paused") == ["Émile"])
        #expect(shown("no_programme") == ["Chen"])
        #expect(shown("no_streak") == ["Chen", "Dev"])
        #expect(shown("no_standup_today") == ["Bea", "Émile"])
        #expect(shown("low_mood") == ["Chen", "Dev"])
        #expect(shown("no_applications") == ["Bea", "Chen", "Dev"])
        #expect(shown("no_interviews") == ["Amara", "Chen", "Dev", "Émile"])
        #expect(shown("open_requests") == ["Dev"])
        #expect(shown("waiting_submissions") == ["Chen"])
        #expect(shown("overdue_recommendations") == ["Chen"])
        #expect(shown("meeting_this_week") == ["Amara"], "the 25th is within 7 days of the 23rd; the 10th of December is not")
        #expect(shown("no_meeting") == ["Chen", "Dev", "Émile"])
        let ids = columns.flatMap(\.filters).map(\.id)
        #expect(Set(ids).count == ids.count && !ids.contains(DashboardQuery.everyone), "a filter's id names it alone")
        #expect(Set(columns.map(\.id)).count == columns.count && !columns.contains { $0.id == DashboardColumn.name.id })
        #expect(columns.allSatisfy { column in column.filters.allSatisfy { $0.columnID == column.id } })
    }

    @Test func the_search_matches_part_of_a_name_without_case_or_accents() {
        #expect(names(query(search: "emi")) == ["Émile"])
        #expect(names(query(search: "A")) == ["Amara", "Bea"])
    }

    @Test func an_address_with_unknown_values_reads_as_the_default() {
        #expect(DashboardQuery(columns: columns, sort: "drop table", order: "sideways", show: "nobody", search: nil) == query())
        let read = DashboardQuery(columns: columns, sort: "mood", order: "desc", show: "low_mood", search: "  Dev \u{0}")
        #expect(read.sort.id == "mood" && read.order == .descending && read.filter?.id == "low_mood")
        #expect(read.search == "", "a control character is refused, not searched for")
        #expect(DashboardQuery(columns: columns, sort: "requests", order: nil, show: nil, search: String(repeating: "x", count: 500)).order == .descending)
        #expect(DashboardQuery(columns: columns, sort: nil, order: nil, show: nil, search: String(repeating: "x", count: 500)).search.count == DashboardQuery.searchLimit)
        #expect(DashboardQuery(columns: [], sort: "mood", order: nil, show: "low_mood", search: nil) == DashboardQuery(sort: .name), "no columns: by name, everyone")
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

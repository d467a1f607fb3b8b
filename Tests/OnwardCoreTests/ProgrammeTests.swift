import Foundation
import Testing
@testable import OnwardCore

@Suite struct ProgrammeTests {
    /// A course that ended on Friday 30 October 2026: week 1 is Monday 2 to Sunday 8 November.
    let london = ProgrammeCalendar(courseEnd: LocalDate(iso: "2026-10-30")!, timeZone: TimeZone(identifier: "Europe/London")!)
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    func done(_ id: String, _ iso: String, writtenOn: String? = nil) -> ActivityRecord {
        ActivityRecord(activityID: id, day: day(iso), writtenOn: writtenOn.map(day))
    }
    let retrospective = Activity(id: "retro", title: "Retrospective", kind: .retrospective, schedule: .weekly, isRequired: true)

    @Test func weeks_start_on_the_first_monday_after_the_course() {
        #expect(london.firstMonday == day("2026-11-02"))
        #expect(london.week(of: day("2026-10-31")) == 0)
        #expect(london.week(of: day("2026-11-02")) == 1)
        #expect(london.week(of: day("2026-11-08")) == 1)
        #expect(london.week(of: day("2026-11-09")) == 2)
        // A course ending on a Sunday starts the next day; one ending on a Monday waits a week.
        #expect(ProgrammeCalendar(courseEnd: day("2026-11-01"), timeZone: .gmt).firstMonday == day("2026-11-02"))
        #expect(ProgrammeCalendar(courseEnd: day("2026-11-02"), timeZone: .gmt).firstMonday == day("2026-11-09"))
        #expect(london.days(ofWeek: 2) == day("2026-11-09")...day("2026-11-15"))
    }

    @Test func the_week_in_progress_asks_nothing_yet() {
        let status = ProgrammeStatus.of(activities: [retrospective], records: [], calendar: london, today: day("2026-11-08"))
        #expect(status == .enrolled)
    }

    @Test func a_missing_retrospective_of_a_week_that_has_ended_puts_the_graduate_at_risk_naming_it() {
        let status = ProgrammeStatus.of(activities: [retrospective], records: [], calendar: london, today: day("2026-11-09"))
        guard case .atRisk(let missing) = status else { Issue.record("expected at risk, got \(status)"); return }
        #expect(missing.map(\.activity.id) == ["retro"])
        #expect(missing.first?.period == day("2026-11-02")...day("2026-11-08"))
    }

    @Test func the_last_minute_of_a_week_is_read_in_the_cohorts_time_zone() {
        let pacific = ProgrammeCalendar(courseEnd: day("2026-10-30"), timeZone: TimeZone(identifier: "America/Los_Angeles")!)
        // Sunday 8 November, 23:59 in Los Angeles is already Monday 07:59 in UTC.
        let lastMinute = Date(timeIntervalSince1970: 1_794_211_140)
        #expect(LocalDate(lastMinute, in: .gmt) == day("2026-11-09"))
        #expect(pacific.day(at: lastMinute) == day("2026-11-08"))
        #expect(ProgrammeStatus.of(activities: [retrospective], records: [], calendar: pacific, today: pacific.day(at: lastMinute)) == .enrolled)
        let midnight = lastMinute.addingTimeInterval(60)
        #expect(ProgrammeStatus.of(activities: [retrospective], records: [], calendar: pacific, today: pacific.day(at: midnight)).name == "at_risk")
    }

    @Test func a_retrospective_written_after_its_week_still_counts_but_late() {
        let late = done("retro", "2026-11-08", writtenOn: "2026-11-10")
        let occurrence = ProgrammeRules.occurrences(of: [retrospective], calendar: london, throughWeek: 1)[0]
        #expect(ProgrammeRules.state(of: occurrence, records: [late], today: day("2026-11-10")) == .doneLate)
        #expect(ProgrammeStatus.of(activities: [retrospective], records: [late], calendar: london, today: day("2026-11-10")) == .enrolled)
    }

    @Test func a_counted_activity_needs_its_count_by_the_end_of_its_week() {
        let interviews = Activity(id: "ii", title: "Three informational interviews", kind: .informationalInterview, schedule: .byWeek(7), isRequired: true, count: 3)
        let afterWeek7 = day("2026-12-21") // Monday of week 8
        let two = [done("ii", "2026-11-05"), done("ii", "2026-11-20")]
        #expect(ProgrammeStatus.of(activities: [interviews], records: two, calendar: london, today: day("2026-12-20")) == .enrolled, "week 7 is not over")
        #expect(ProgrammeStatus.of(activities: [interviews], records: two, calendar: london, today: afterWeek7).name == "at_risk")
        let third = two + [done("ii", "2026-12-22")]
        let occurrence = ProgrammeRules.occurrences(of: [interviews], calendar: london, throughWeek: 8)[0]
        #expect(ProgrammeRules.state(of: occurrence, records: third, today: day("2026-12-22")) == .doneLate)
        #expect(ProgrammeStatus.of(activities: [interviews], records: third, calendar: london, today: day("2026-12-22")) == .enrolled)
        // One from before the programme began counts too.
        #expect(ProgrammeRules.state(of: occurrence, records: [done("ii", "2026-10-20")] + two, today: afterWeek7) == .done)
    }

    @Test func a_programme_changed_mid_way_asks_nothing_of_the_weeks_before_the_change() {
        let addedInWeek3 = day("2026-11-16")
        let analysis = Activity(id: "analysis", title: "Analysis", kind: .jobSearchAnalysis, schedule: .byWeek(2), isRequired: true, since: addedInWeek3)
        let weekly = Activity(id: "retro", title: "Retrospective", kind: .retrospective, schedule: .weekly, isRequired: true, since: addedInWeek3)
        let today = day("2026-11-30") // week 5: weeks 1 to 4 have ended
        guard case .atRisk(let missing) = ProgrammeStatus.of(activities: [analysis, weekly], records: [], calendar: london, today: today) else {
            Issue.record("expected at risk"); return
        }
        #expect(missing.map(\.due) == [day("2026-11-22"), day("2026-11-29")], "only the retrospectives of weeks 3 and 4")
    }

    @Test func only_what_is_not_required_can_be_skipped() {
        let apply = Activity(id: "apply", title: "Apply", kind: .custom, schedule: .daily, isRequired: false)
        let skippedRetro = ActivityRecord(activityID: "retro", day: day("2026-11-04"), mark: .skipped)
        let skippedApply = ActivityRecord(activityID: "apply", day: day("2026-11-04"), mark: .skipped)
        #expect(ProgrammeStatus.of(activities: [retrospective, apply], records: [skippedRetro, skippedApply], calendar: london, today: day("2026-11-09")).name == "at_risk")
        let map = RoadMap.on(day("2026-11-04"), activities: [retrospective, apply], records: [skippedApply], calendar: london)
        #expect(map.today.map(\.state) == [.skipped])
        #expect(map.thisWeek.map(\.activity.id) == ["retro"])
        #expect(map.thisWeek.first?.canSkip == false)
        // Daily tasks left undone ask nothing of the status.
        #expect(ProgrammeStatus.of(activities: [apply], records: [], calendar: london, today: day("2026-11-30")) == .enrolled)
    }

    @Test func placed_and_paused_come_before_anything_missing() {
        #expect(ProgrammeStatus.of(activities: [retrospective], records: [], calendar: london, today: day("2026-11-30"), placed: true) == .placed)
        #expect(ProgrammeStatus.of(activities: [retrospective], records: [], calendar: london, today: day("2026-11-30"), paused: true) == .paused)
    }

    @Test func the_default_road_map_of_a_third_week_morning() {
        let today = day("2026-11-18") // Wednesday of week 3
        let records = [done("reassess-goals", "2026-11-03"), done("retrospective", "2026-11-08"), done("standup", "2026-11-18"),
                       ActivityRecord(activityID: "network", day: today, mark: .skipped)]
        let map = RoadMap.on(today, activities: DefaultProgramme.activities, records: records, calendar: london)
        #expect(map.week == 3)
        #expect(map.today.map(\.activity.id) == ["apply", "code", "network", "practise", "standup"])
        #expect(map.today.first { $0.activity.id == "standup" }?.state == .done)
        #expect(map.today.first { $0.activity.id == "network" }?.state == .skipped)
        #expect(map.thisWeek.map(\.activity.id) == ["retrospective"])
        #expect(map.overdue.map(\.activity.id) == ["retrospective"], "week 2's retrospective is missing")
        #expect(map.ahead.map(\.number) == [4, 6])
        #expect(map.ahead.first?.items.map(\.activity.id) == ["analyse-job-search"])
    }
}

@Suite struct StandupTests {
    let london = TimeZone(identifier: "Europe/London")!
    let ten = StandupTime(hour: 10, minute: 0)!

    @Test func a_standup_is_late_after_the_standup_time_in_the_cohorts_zone() {
        // 24 November 2026 is in GMT; 10:00 London is 10:00 UTC.
        let day = LocalDate(iso: "2026-11-24")!
        let deadline = StandupRules.deadline(of: day, at: ten, in: london)
        #expect(deadline == Date(timeIntervalSince1970: 1_795_514_400))
        #expect(!StandupRules.isLate(postedAt: deadline, for: day, at: ten, in: london))
        #expect(StandupRules.isLate(postedAt: deadline.addingTimeInterval(1), for: day, at: ten, in: london))
        // In summer time, 10:00 London is 09:00 UTC.
        let summer = LocalDate(iso: "2026-07-01")!
        #expect(StandupRules.deadline(of: summer, at: ten, in: london) == Date(timeIntervalSince1970: 1_782_896_400))
    }

    @Test func a_standup_needs_today_and_a_mood_and_help_needs_a_reason() {
        #expect(throws: ValidationErrors.self) { try StandupDraft.validate(yesterday: "", today: " ", blockers: "", mood: "3", wantsHelp: false) }
        #expect(throws: ValidationErrors.self) { try StandupDraft.validate(yesterday: "", today: "Apply", blockers: "", mood: "6", wantsHelp: false) }
        #expect(throws: ValidationErrors.self) { try StandupDraft.validate(yesterday: "", today: "Apply", blockers: "", mood: "3", wantsHelp: true) }
        let draft = try? StandupDraft.validate(yesterday: "Kata", today: "Apply to two", blockers: "", mood: "4", wantsHelp: false)
        #expect(draft?.mood == 4)
    }

    @Test func every_letter_of_a_smart_goal_is_required_and_its_date_is_after_today() throws {
        let today = LocalDate(iso: "2026-11-24")!
        do {
            _ = try SmartGoalDraft.validate(specific: "", measurable: " ", achievable: "", relevant: "", timeBound: "2026-11-24", today: today)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.field) == ["specific", "measurable", "achievable", "relevant", "time_bound"])
            #expect(error.message(for: "time_bound") == "Choose a date after today.")
        }
        let goal = try SmartGoalDraft.validate(specific: "Land a junior Rails role", measurable: "An accepted offer", achievable: "Three interviews so far",
                                               relevant: "It is the job I trained for", timeBound: "2026-11-25", today: today)
        #expect(goal.timeBound == LocalDate(iso: "2026-11-25"))
    }

    @Test func a_weeks_figures_count_only_that_week() {
        let week = LocalDate(iso: "2026-11-16")!...LocalDate(iso: "2026-11-22")!
        let days = ["2026-11-15", "2026-11-16", "2026-11-22", "2026-11-23"].map { LocalDate(iso: $0)! }
        let figures = RetrospectiveFigures.count(in: week, applications: days, interviews: [days[1]], standups: [days[1], days[1], days[2]])
        #expect(figures == RetrospectiveFigures(applications: 2, interviews: 1, standups: 2))
    }
}

@Suite struct RetrospectiveTests {
    @Test func every_answer_and_the_question_are_required() {
        do {
            _ = try RetrospectiveDraft.validate(wentWell: " ", didNotGoWell: "", learned: "", focus: "", better: "maybe")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.field) == ["went_well", "did_not_go_well", "learned", "focus", "better"])
        }
        let draft = try? RetrospectiveDraft.validate(wentWell: "Two interviews", didNotGoWell: "nothing", learned: "SQL window functions", focus: "Tech tests", better: "not_sure")
        #expect(draft?.better == .notSure)
    }

    @Test func the_weeks_one_may_write_are_this_one_and_those_that_have_ended() {
        let calendar = ProgrammeCalendar(courseEnd: LocalDate(iso: "2026-10-30")!, timeZone: .gmt)
        #expect(RetrospectiveDraft.writableWeeks(on: LocalDate(iso: "2026-11-01")!, calendar: calendar) == nil)
        #expect(RetrospectiveDraft.writableWeeks(on: LocalDate(iso: "2026-11-18")!, calendar: calendar) == 1...3)
    }
}

@Suite struct ActivityDraftTests {
    let today = LocalDate(iso: "2026-11-23")!

    @Test func an_activity_gets_a_key_of_its_own_and_counts_from_the_day_it_is_added() throws {
        let activity = try ActivityDraft.validate(title: "Mock interview!", description: "", kind: "custom", schedule: "by_week", dueWeek: "5",
                                                  required: true, count: "", today: today, takenKeys: ["mock-interview"])
        #expect(activity.id == "mock-interview-2")
        #expect(activity.schedule == .byWeek(5))
        #expect(activity.count == 1)
        #expect(activity.since == today)
    }

    @Test func its_schedule_week_and_count_are_bounded() {
        for (schedule, week, count, kind, field) in [("by_week", "53", "1", "custom", "due_week"), ("by_week", "", "1", "custom", "due_week"),
                                                     ("monthly", "", "1", "custom", "schedule"), ("daily", "", "21", "custom", "count"),
                                                     ("weekly", "", "1", "standup", "schedule"), ("daily", "", "1", "party", "kind")] {
            do {
                _ = try ActivityDraft.validate(title: "X", description: "", kind: kind, schedule: schedule, dueWeek: week, required: false, count: count,
                                               today: today, takenKeys: [])
                Issue.record("\(field) refused")
            } catch {
                #expect(error.message(for: field) != nil, "\(field)")
            }
        }
    }

    @Test func an_activity_added_mid_way_does_not_put_anyone_at_risk_for_weeks_already_gone() {
        let calendar = ProgrammeCalendar(courseEnd: LocalDate(iso: "2026-10-30")!, timeZone: TimeZone(identifier: "Europe/London")!)
        let added = Activity(id: "demo", title: "Demo day", kind: .custom, schedule: .weekly, isRequired: true, since: LocalDate(iso: "2026-11-18"))
        // Week 3 (16–22 November) ends after it was added: it counts; weeks 1 and 2 do not.
        let status = ProgrammeStatus.of(activities: [added], records: [], calendar: calendar, today: LocalDate(iso: "2026-11-23")!)
        guard case .atRisk(let missing) = status else { Issue.record("week 3 is missing"); return }
        #expect(missing.map(\.due) == [LocalDate(iso: "2026-11-22")!])
    }
}

@Suite struct JoinedMidWayTests {
    @Test func one_who_joins_mid_way_owes_from_the_week_they_joined() {
        let calendar = ProgrammeCalendar(courseEnd: LocalDate(iso: "2026-10-30")!, timeZone: TimeZone(identifier: "Europe/London")!)
        let activities = DefaultProgramme.activities.map { $0.owed(byOneWhoJoinedOn: LocalDate(iso: "2026-11-18")) }
        let status = ProgrammeStatus.of(activities: activities, records: [], calendar: calendar, today: LocalDate(iso: "2026-11-23")!)
        guard case .atRisk(let missing) = status else { Issue.record("week 3's retrospective"); return }
        #expect(missing.map(\.activity.id) == ["retrospective"])
        // An activity added later than they joined keeps its own day.
        let later = Activity(id: "x", title: "X", kind: .custom, schedule: .weekly, isRequired: true, since: LocalDate(iso: "2026-11-20"))
        #expect(later.owed(byOneWhoJoinedOn: LocalDate(iso: "2026-11-18")).since == LocalDate(iso: "2026-11-20"))
        #expect(later.owed(byOneWhoJoinedOn: nil) == later)
    }
}

extension ProgrammeTests {
    @Test func the_standup_repeats_on_weekdays_at_its_time_in_the_cohorts_zone() {
        let event = london.standup(at: StandupTime("10:00")!, uid: "standup@onward", description: "Post yours", url: nil)
        let lines = ICalendar.lines(of: ICalendar.document(name: "Feed", events: [event], now: london.start(of: day("2026-11-02"))))
        // Week 1 begins on Monday 2 November, in GMT; the event is kept at 10:00 London time.
        #expect(lines.contains("DTSTART;TZID=Europe/London:20261102T100000") && lines.contains("DTEND;TZID=Europe/London:20261102T101500"))
        #expect(event.recurrence == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    }

    @Test func due_dates_are_the_required_activities_not_done_late_ones_included() {
        let goals = Activity(id: "goals", title: "Goals", kind: .goalReassessment, schedule: .byWeek(1), isRequired: true)
        let analysis = Activity(id: "analysis", title: "Analysis", kind: .jobSearchAnalysis, schedule: .byWeek(4), isRequired: true)
        let blog = Activity(id: "blog", title: "Blog", kind: .blogPost, schedule: .byWeek(9), isRequired: true)
        let apply = Activity(id: "apply", title: "Apply", kind: .custom, schedule: .daily, isRequired: true)
        let optional = Activity(id: "opt", title: "Optional", kind: .custom, schedule: .weekly, isRequired: false)
        // Wednesday of week 2: week 1's goals are past, this week's retrospective is due Sunday.
        let today = day("2026-11-11")
        let due = london.dueDates(of: [retrospective, goals, analysis, blog, apply, optional], records: [done("retro", "2026-11-16")], today: today, from: day("2026-11-09"))
        // From 9 November through week 6 (13 December); week 3's retrospective is done; the blog
        // post is due in week 9; week 1's goals fell due before the feed's reach.
        #expect(due.map(\.activity.id) == ["retro", "analysis", "retro", "retro", "retro"])
        #expect(due.map(\.due) == [day("2026-11-15"), day("2026-11-29"), day("2026-11-29"), day("2026-12-06"), day("2026-12-13")])
        #expect(!due.contains { $0.activity.id == "apply" || $0.activity.id == "opt" })
        // Week 1's goals, not done and late, stay while the feed reaches back to them.
        let late = london.dueDates(of: [goals], records: [], today: today, from: day("2026-11-01"))
        #expect(late.map(\.due) == [day("2026-11-08")])
        #expect(london.dueDates(of: [goals], records: [done("goals", "2026-11-10")], today: today, from: day("2026-11-01")).isEmpty, "done: gone")
    }
}


import Foundation
import Testing
@testable import OnwardCore

/// Each signal at its edges, with the day pinned: Saturday 5 December 2026, the job search
/// begun on 1 September.
@Suite struct SignalsTests {
    static let today = LocalDate(iso: "2026-12-05")!
    static let since = LocalDate(iso: "2026-09-01")!

    /// Evidence that raises nothing: commits on target, a side project this week, a standup every
    /// working day at a steady mood, a mock interview last week.
    static func calm(today: LocalDate = today) -> SignalEvidence {
        var evidence = SignalEvidence(today: today, huntingSince: since, commits: [today: 3])
        evidence.sideProjects = [today.adding(days: -2)]
        evidence.standups = (1...30).map { today.adding(days: -$0) }.filter { !$0.isWeekend }.map { .init(day: $0, mood: 4) }
        evidence.mockInterviews = [today.adding(days: -7)]
        return evidence
    }

    static func kinds(_ evidence: SignalEvidence, _ thresholds: SignalThresholds = SignalThresholds()) -> [SignalKind] {
        Signals.raised(by: evidence, thresholds: thresholds).map(\.kind)
    }

    @Test func calm_evidence_raises_nothing() {
        #expect(Self.kinds(Self.calm()) == [])
    }

    @Test func fewer_commits_than_the_target_in_seven_days_is_little_code() {
        var evidence = Self.calm()
        evidence.commits = [Self.today.adding(days: -6): 2]
        let raised = Signals.raised(by: evidence)
        #expect(raised.map(\.kind) == [.littleCode])
        #expect(raised.first?.reason == "2 commits in the last 7 days, fewer than the 3 a week to aim at.")
        evidence.commits = [Self.today.adding(days: -6): 2, Self.today: 1]
        #expect(Self.kinds(evidence) == [], "three within the seven days")
        evidence.commits = [Self.today.adding(days: -7): 5]
        #expect(Self.kinds(evidence) == [.littleCode], "the eighth day back is outside")
        #expect(Self.kinds(evidence, SignalThresholds(weeklyCommits: 0)) == [], "the target is a setting")
        evidence.commits = nil
        #expect(Self.kinds(evidence) == [], "without a linked login Onward cannot tell")
        var early = Self.calm()
        early.huntingSince = Self.today.adding(days: -6)
        early.commits = [:]
        #expect(!Self.kinds(early).contains(.littleCode), "not in the search's first week")
        early.huntingSince = Self.today.adding(days: -7)
        #expect(Self.kinds(early).contains(.littleCode))
    }

    @Test func no_side_project_in_three_weeks_is_tutorials_only() {
        var evidence = Self.calm()
        evidence.sideProjects = [Self.today.adding(days: -21)]
        #expect(Self.kinds(evidence) == [], "worked on 21 days ago is within three weeks")
        evidence.sideProjects = [Self.today.adding(days: -22), Self.today.adding(days: -40)]
        #expect(Signals.raised(by: evidence).first == RaisedSignal(.tutorialsOnly, "No side project worked on in the last 3 weeks: the last was on 13 Nov 2026."))
        evidence.sideProjects = []
        #expect(Signals.raised(by: evidence).first?.reason == "No side project recorded, 13 weeks into the job search.")
        evidence.huntingSince = Self.today.adding(days: -20)
        evidence.mockInterviews = []
        #expect(Self.kinds(evidence) == [], "not before the search has run three weeks")
    }

    @Test func mood_falling_by_more_than_the_margin_is_motivation_flagging() {
        var evidence = Self.calm()
        let days = (1...40).map { Self.today.adding(days: -$0) }.filter { !$0.isWeekend }.prefix(15)
        // The latest five at 3, the ten before at 4: down by 1.
        evidence.standups = days.enumerated().map { .init(day: $1, mood: $0 < 5 ? 3 : 4) }
        let raised = Signals.raised(by: evidence)
        #expect(raised == [RaisedSignal(.motivation, "Mood over the last 5 standups 3.0 of 5, down from 4.0 over the 10 before.")])
        evidence.standups = days.enumerated().map { i, day in .init(day: day, mood: i < 5 ? [3, 4, 3, 4, 4][i] : 4) }
        #expect(Self.kinds(evidence) == [], "3.6 against 4.0: down 0.4")
        evidence.standups = days.enumerated().map { i, day in .init(day: day, mood: i < 5 ? [3, 4, 3, 4, 3][i] : 4) }
        #expect(Self.kinds(evidence) == [.motivation], "3.4 against 4.0: down 0.6")
        evidence.standups = days.prefix(14).enumerated().map { .init(day: $1, mood: $0 < 5 ? 1 : 5) }
        #expect(Self.kinds(evidence) == [], "fourteen standups are too few to compare")
    }

    @Test func three_working_days_without_a_standup_is_motivation_flagging() {
        var evidence = Self.calm()
        // Today is a Saturday: the last three working days are Thursday, Wednesday and Tuesday.
        evidence.standups.removeAll { $0.day >= LocalDate(iso: "2026-12-01")! }
        #expect(Signals.raised(by: evidence) == [RaisedSignal(.motivation, "No standup on the last 3 working days (since 2 Dec 2026).")])
        evidence.standups.append(.init(day: LocalDate(iso: "2026-12-02")!, mood: 4))
        #expect(Self.kinds(evidence) == [], "one of the three posted")
        var monday = Self.calm(today: LocalDate(iso: "2026-12-07")!)
        monday.standups.removeAll { $0.day >= LocalDate(iso: "2026-12-02")! }
        #expect(Self.kinds(monday) == [.motivation], "a weekend does not count: Wednesday, Thursday and Friday were missed")
        monday.huntingSince = LocalDate(iso: "2026-12-03")!
        monday.mockInterviews = []
        #expect(!Self.kinds(monday).contains(.motivation), "days before the search began are not missed")
    }

    @Test func fifteen_applications_in_thirty_days_with_none_past_the_first_step_is_the_first_hurdle() {
        var evidence = Self.calm()
        evidence.applications = (0..<15).map { .init(sent: Self.today.adding(days: -$0 * 2), pastFirstStep: false) }
        #expect(Signals.raised(by: evidence) == [RaisedSignal(.firstHurdle, "15 applications in the last 30 days, and none got past the first step to a screening, a tech test or an interview.")])
        evidence.applications[3] = .init(sent: evidence.applications[3].sent, pastFirstStep: true)
        #expect(Self.kinds(evidence) == [], "one reached a first response")
        evidence.applications = (0..<14).map { .init(sent: Self.today.adding(days: -$0), pastFirstStep: false) }
        #expect(Self.kinds(evidence) == [], "fourteen are not enough")
        evidence.applications.append(.init(sent: Self.today.adding(days: -30), pastFirstStep: false))
        #expect(Self.kinds(evidence) == [], "the thirty-first day back is outside")
        evidence.applications.append(.init(sent: Self.today.adding(days: -29), pastFirstStep: false))
        #expect(Self.kinds(evidence) == [.firstHurdle])
    }

    @Test func over_a_month_of_job_hunting_without_a_mock_interview() {
        var evidence = Self.calm()
        evidence.mockInterviews = [Self.today.adding(days: -31)]
        #expect(Signals.raised(by: evidence) == [RaisedSignal(.noMockInterview, "95 days of job hunting and no mock interview in the last 30 (the last was on 4 Nov 2026).")])
        evidence.mockInterviews = [Self.today.adding(days: -30)]
        #expect(Self.kinds(evidence) == [])
        evidence.mockInterviews = [Self.today.adding(days: 3)]
        #expect(Self.kinds(evidence) == [], "one booked ahead answers it")
        evidence.mockInterviews = []
        evidence.huntingSince = Self.today.adding(days: -30)
        evidence.sideProjects = [Self.today]
        #expect(Self.kinds(evidence) == [], "thirty days is not over a month")
        evidence.huntingSince = Self.today.adding(days: -31)
        #expect(Signals.raised(by: evidence).last?.reason == "31 days of job hunting and no mock interview in the last 30 (none yet).")
    }

    @Test func two_retrospectives_running_not_feeling_better() {
        var evidence = Self.calm()
        evidence.retrospectives = [.init(week: 13, writtenOn: Self.today.adding(days: -1), answer: "Not sure", feltBetter: false),
                                   .init(week: 12, writtenOn: Self.today.adding(days: -8), answer: "No", feltBetter: false)]
        #expect(Signals.raised(by: evidence) == [RaisedSignal(.notFeelingBetter, "\"Am I a better developer than a week ago?\" answered \"No\" in week 12 and \"Not sure\" in week 13.")])
        evidence.retrospectives.append(.init(week: 14, writtenOn: Self.today, answer: "Yes", feltBetter: true))
        #expect(Self.kinds(evidence) == [], "the latest said yes")
        evidence.retrospectives = [.init(week: 13, writtenOn: Self.today, answer: "No", feltBetter: false), .init(week: 11, writtenOn: Self.today.adding(days: -14), answer: "No", feltBetter: false)]
        #expect(Self.kinds(evidence) == [], "not two weeks running")
        evidence.retrospectives = [.init(week: 13, writtenOn: Self.today.adding(days: -15), answer: "No", feltBetter: false), .init(week: 12, writtenOn: Self.today.adding(days: -22), answer: "No", feltBetter: false)]
        #expect(Self.kinds(evidence) == [], "long past: the retrospectives since are missing, not negative")
        evidence.retrospectives = [.init(week: 13, writtenOn: Self.today, answer: "No", feltBetter: false)]
        #expect(Self.kinds(evidence) == [], "one week is not two")
    }

    @Test func feedback_open_for_three_weeks_is_not_acted_on() {
        var evidence = Self.calm()
        evidence.openFeedback = [.init(what: "Name things for what they hold", given: Self.today.adding(days: -20))]
        #expect(Self.kinds(evidence) == [])
        evidence.openFeedback.append(.init(what: "Test the edges", given: Self.today.adding(days: -21)))
        evidence.openFeedback.append(.init(what: "Smaller commits", given: Self.today.adding(days: -30)))
        #expect(Signals.raised(by: evidence) == [RaisedSignal(.feedbackNotActedOn, "\"Smaller commits\", given on 5 Nov 2026, has had nothing done about it for 4 weeks (and 1 more piece).")])
    }

    @Test func the_thresholds_table_states_each_rule_once() {
        let table = SignalThresholds(weeklyCommits: 5).table
        #expect(table.map(\.signal) == SignalKind.allCases)
        #expect(table[0].rule == "Fewer than 5 commits in the last 7 days.")
    }

    @Test func a_side_project_on_github_is_matched_by_owner_and_name() throws {
        #expect(ProjectDraft.gitHubRepository(of: "https://github.com/Amara-Okafor/Shelf.git") == "amara-okafor/shelf")
        #expect(ProjectDraft.gitHubRepository(of: "https://www.github.com/amara-okafor/shelf/tree/main") == "amara-okafor/shelf")
        #expect(ProjectDraft.gitHubRepository(of: "https://gitlab.com/amara/shelf") == nil)
        #expect(ProjectDraft.gitHubRepository(of: "https://github.com/amara") == nil)
        #expect(ProjectDraft.lastWorked(said: Self.today.adding(days: -3), lastCommit: Self.today, started: Self.since) == Self.today)
        #expect(ProjectDraft.lastWorked(said: nil, lastCommit: nil, started: Self.since) == Self.since)
        let draft = try ProjectDraft.validate(name: " Shelf ", repository: "https://github.com/amara/shelf", live: "", description: "Books I lend.",
                                              stacks: "Ruby, Rails", isSide: true, startedOn: "2026-10-01", lastWorkedOn: "", today: Self.today)
        #expect(draft.name == "Shelf" && draft.stacks == ["Ruby", "Rails"] && draft.live == nil && draft.lastWorkedOn == nil)
        let refused = #expect(throws: ValidationErrors.self) {
            try ProjectDraft.validate(name: "", repository: "ftp://x", live: "", description: "", stacks: "", isSide: false,
                                      startedOn: "2026-12-06", lastWorkedOn: "2026-09-01", today: Self.today)
        }
        #expect(Set(refused?.errors.map(\.field) ?? []) == ["name", "repository", "started_on", "last_worked_on"], "worked on before it started, too")
        let before = #expect(throws: ValidationErrors.self) {
            try ProjectDraft.validate(name: "Shelf", repository: "", live: "", description: "", stacks: "", isSide: false,
                                      startedOn: "2026-10-01", lastWorkedOn: "2026-09-30", today: Self.today)
        }
        #expect(before?.errors.map(\.field) == ["last_worked_on"])
    }
}

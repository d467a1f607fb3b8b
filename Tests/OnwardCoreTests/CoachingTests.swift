import Foundation
import Testing
@testable import OnwardCore

@Suite struct CoachingTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func the_next_meeting_follows_the_cadence_and_is_never_in_the_past() {
        let started = day("2026-11-02")
        #expect(LearningPlanRules.nextMeeting(cadence: .weekly, started: started, lastMeeting: nil, today: day("2026-11-01")) == started)
        #expect(LearningPlanRules.nextMeeting(cadence: .weekly, started: started, lastMeeting: day("2026-11-09"), today: day("2026-11-10")) == day("2026-11-16"))
        #expect(LearningPlanRules.nextMeeting(cadence: .fortnightly, started: started, lastMeeting: day("2026-11-09"), today: day("2026-11-10")) == day("2026-11-23"))
        // Missed: due today, not on a day gone by.
        #expect(LearningPlanRules.nextMeeting(cadence: .weekly, started: started, lastMeeting: day("2026-11-02"), today: day("2026-11-20")) == day("2026-11-20"))
    }

    @Test func a_recommendation_is_overdue_only_when_not_done_and_past_its_day() {
        let today = day("2026-11-23")
        #expect(RecommendationState.toDo.isOverdue(due: day("2026-11-22"), today: today))
        #expect(RecommendationState.doing.isOverdue(due: day("2026-11-22"), today: today))
        #expect(!RecommendationState.done.isOverdue(due: day("2026-11-22"), today: today))
        #expect(!RecommendationState.toDo.isOverdue(due: today, today: today), "due today is not late yet")
        #expect(!RecommendationState.toDo.isOverdue(due: nil, today: today))
    }

    @Test func a_review_goes_round_until_approved_and_refuses_what_does_not_apply() {
        var state = ReviewState.waiting
        state = state.after(.requestChanges)!
        #expect(state == .changesRequested)
        #expect(state.after(.approve) == nil, "nothing to approve until it is resubmitted")
        state = state.after(.resubmit)!
        #expect(state == .waiting)
        #expect(state.after(.resubmit) == nil)
        #expect(state.after(.approve) == .approved)
        #expect(ReviewState.approved.after(.requestChanges) == nil)
    }

    @Test func a_graduates_reply_reopens_a_request_and_the_teams_makes_it_pending() {
        #expect(SupportRequestState.open.after(.teamReplied) == .pending)
        #expect(SupportRequestState.pending.after(.graduateReplied) == .open)
        #expect(SupportRequestState.solved.after(.graduateReplied) == .open)
        #expect(SupportRequestState.solved.after(.teamReplied) == .solved)
        #expect(SupportRequestState.pending.after(.solved) == .solved)
    }
}

@Suite struct CoachingAccessTests {
    @Test func plan_notes_are_for_the_graduate_and_their_coaches_only() {
        let owner = Access.Owner(id: "g", role: .graduate, coachIDs: ["c"], sharedWithPartners: true)
        #expect(Access.canReadLearningPlanNotes(Viewer(id: "g", role: .graduate), of: owner))
        #expect(Access.canReadLearningPlanNotes(Viewer(id: "c", role: .coach), of: owner))
        #expect(!Access.canReadLearningPlanNotes(Viewer(id: "other", role: .coach), of: owner))
        #expect(!Access.canReadLearningPlanNotes(Viewer(id: "a", role: .admin), of: owner))
        #expect(!Access.canReadLearningPlanNotes(Viewer(id: "p", role: .partner), of: owner), "not even when the graduate shares with partners")
        #expect(!Access.canReadLearningPlanNotes(Viewer(id: "h", role: .graduate), of: owner))
    }
}

@Suite struct ReviewDraftTests {
    @Test func asking_for_changes_must_say_which_and_an_approval_may_go_without_a_word() throws {
        #expect(throws: ValidationErrors.self) { _ = try ReviewDraft.validate(verdict: "changes_requested", comment: " \n ") }
        #expect(throws: ValidationErrors.self) { _ = try ReviewDraft.validate(verdict: "maybe", comment: "Fine") }
        #expect(throws: ValidationErrors.self) { _ = try ReviewDraft.validate(verdict: "approved", comment: "bad\u{7}bell") }
        let approved = try ReviewDraft.validate(verdict: "approved", comment: "")
        #expect(approved.verdict == .approved && approved.comment.isEmpty)
        let asked = try ReviewDraft.validate(verdict: " changes_requested ", comment: "Add numbers")
        #expect(asked.verdict == .changesRequested && asked.verdict.event == .requestChanges)
        // Fails if the validation stops throwing, not only if its message changes.
        let empty = #expect(throws: ValidationErrors.self) { _ = try ReviewDraft.validate(verdict: "changes_requested", comment: "") }
        #expect(empty?.message(for: "comment")?.contains("Say what to change") == true)
    }
}

@Suite struct SupportDraftTests {
    static let now = InternetDateTime.parse("2026-11-23T10:00:00Z")!
    static let london = TimeZone(identifier: "Europe/London")!

    @Test func a_one_to_one_says_which_times_suit_and_a_question_keeps_none() throws {
        #expect(throws: ValidationErrors.self) { _ = try SupportRequestDraft.validate(kind: "one_to_one", subject: "Mock", message: "Please", preferredTimes: " ") }
        let question = try SupportRequestDraft.validate(kind: "question", subject: "CV", message: "Long?", preferredTimes: "Mornings")
        #expect(question.kind == .question && question.preferredTimes.isEmpty)
        let meeting = try SupportRequestDraft.validate(kind: "one_to_one", subject: "Mock", message: "Please", preferredTimes: " Mornings ")
        #expect(meeting.preferredTimes == "Mornings")
    }

    @Test func a_meeting_time_is_read_in_the_coachs_zone_and_lies_ahead_within_ninety_days() throws {
        let reply = try SupportReplyDraft.validate(body: "Tuesday", date: "2026-11-24", time: "09:30", timeZone: Self.london, now: Self.now)
        #expect(reply.meetingAt == InternetDateTime.parse("2026-11-24T09:30:00Z"))
        let summer = try SupportReplyDraft.validate(body: "Later", date: "2027-02-20", time: "09:30", timeZone: TimeZone(identifier: "America/New_York")!, now: Self.now)
        #expect(summer.meetingAt == InternetDateTime.parse("2027-02-20T14:30:00Z"))
        #expect(try SupportReplyDraft.validate(body: "No time", date: "", time: "", timeZone: Self.london, now: Self.now).meetingAt == nil)
        for (date, time) in [("2026-11-23", "09:00"), ("2027-03-01", "09:00"), ("2026-11-24", ""), ("", "10:00"), ("2026-02-30", "10:00"), ("2026-11-24", "25:00")] {
            #expect(throws: ValidationErrors.self, "\(date) \(time)") { _ = try SupportReplyDraft.validate(body: "x", date: date, time: time, timeZone: Self.london, now: Self.now) }
        }
        #expect(throws: ValidationErrors.self) { _ = try SupportReplyDraft.validate(body: " ", meetingAt: nil, now: Self.now) }
    }

    @Test func a_team_reply_makes_a_request_pending_and_the_graduates_opens_it_again() {
        #expect(SupportRequestState.open.after(.teamReplied) == .pending)
        #expect(SupportRequestState.pending.after(.graduateReplied) == .open)
        #expect(SupportRequestState.solved.after(.graduateReplied) == .open)
        #expect(SupportRequestState.solved.after(.teamReplied) == .solved)
        #expect(SupportRequestState.pending.after(.solved) == .solved)
    }
}

@Suite struct LearningPlanDraftTests {
    static let today = LocalDate(iso: "2026-11-23")!
    static let started = LocalDate(iso: "2026-11-09")!

    static func row(_ kind: String = "kata", _ description: String = "Bowling", link: String = "", due: String = "") -> MeetingDraft.Row {
        MeetingDraft.Row(kind: kind, description: description, link: link, due: due)
    }

    @Test func a_meeting_is_held_between_the_start_and_today_and_keeps_only_filled_rows() throws {
        let draft = try MeetingDraft.validate(heldOn: "2026-11-20", notes: "Tests", rows: [Self.row(), Self.row("", "", due: ""), Self.row("reading", "A book", due: "2026-12-01")],
                                              today: Self.today)
        #expect(draft.recommendations.map(\.kind) == [.kata, .reading])
        #expect(draft.recommendations[1].due == LocalDate(iso: "2026-12-01"))
        for day in ["2026-11-24", "23/11/2026"] {
            #expect(throws: ValidationErrors.self, "\(day)") { _ = try MeetingDraft.validate(heldOn: day, notes: "x", rows: [], today: Self.today) }
        }
        // Before the plan started is a conflict with the plan: the day itself is well formed.
        #expect(MeetingDraft.conflict(heldOn: LocalDate(iso: "2026-11-08")!, started: Self.started)?.field == "held_on")
        #expect(MeetingDraft.conflict(heldOn: Self.started, started: Self.started) == nil)
    }

    @Test func each_row_names_its_own_fields_and_six_are_too_many() {
        do {
            _ = try MeetingDraft.validate(heldOn: "2026-11-20", notes: "x", rows: [Self.row(), Self.row("kata", "", due: "2026-11-19")], today: Self.today)
            Issue.record("a row without a description and due before the meeting passed")
        } catch {
            #expect(error.message(for: "rec2_description") != nil)
            #expect(error.message(for: "rec2_due") != nil)
            #expect(error.message(for: "rec1_description") == nil)
        }
        #expect(throws: ValidationErrors.self) {
            _ = try MeetingDraft.validate(heldOn: "2026-11-20", notes: "x", rows: Array(repeating: Self.row(), count: 6), today: Self.today)
        }
    }

    @Test func a_plan_names_its_focus_and_cadence_and_progress_its_state() throws {
        #expect(throws: ValidationErrors.self) { _ = try LearningPlanDraft.validate(focusAreas: "", cadence: "weekly") }
        #expect(throws: ValidationErrors.self) { _ = try LearningPlanDraft.validate(focusAreas: "SQL", cadence: "daily") }
        #expect(try LearningPlanDraft.validate(focusAreas: " SQL ", cadence: "fortnightly") == LearningPlanDraft(focusAreas: "SQL", cadence: .fortnightly))
        #expect(throws: ValidationErrors.self) { _ = try RecommendationProgress.validate(state: "finished", outcomeLink: "") }
        #expect(throws: ValidationErrors.self) { _ = try RecommendationProgress.validate(state: "done", outcomeLink: "ftp://x") }
        #expect(try RecommendationProgress.validate(state: "doing", outcomeLink: "").state == .doing)
    }
}

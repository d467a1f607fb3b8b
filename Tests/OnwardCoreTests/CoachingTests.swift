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
        do {
            _ = try ReviewDraft.validate(verdict: "changes_requested", comment: "")
        } catch {
            #expect(error.message(for: "comment")?.contains("Say what to change") == true)
        }
    }
}

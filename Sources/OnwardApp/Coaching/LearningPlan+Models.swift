import Fluent
import Foundation
import OnwardCore

/// A graduate's Individual Learning Plan: asked for by them or started by a coach, with focus
/// areas and a cadence of meetings.
final class LearningPlanModel: Model, @unchecked Sendable {
    static let schema = "learning_plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    /// The coach who keeps it; none while it is only asked for.
    @OptionalParent(key: "coach_id") var coach: UserModel?
    @Field(key: "focus_areas") var focusAreas: String
    @Field(key: "cadence") var cadence: MeetingCadence
    @Field(key: "state") var state: LearningPlanState
    /// YYYY-MM-DD: the day it became active; its first meeting is due then.
    @OptionalField(key: "started_on") var startedOn: String?
    /// YYYY-MM-DD.
    @OptionalField(key: "finished_on") var finishedOn: String?
    @Field(key: "asked_at") var askedAt: Date
    /// When and where meetings happen (`MeetingWhere`): HH:MM in the graduate's zone, an address,
    /// a place; shown to the graduate and their coach.
    @OptionalField(key: "meeting_time") var meetingTime: String?
    @OptionalField(key: "meeting_link") var meetingLink: String?
    @OptionalField(key: "meeting_place") var meetingPlace: String?

    init() {}

    init(userID: UUID, coachID: UUID?, draft: LearningPlanDraft, state: LearningPlanState, startedOn: LocalDate?, at moment: Date) {
        self.$user.id = userID
        self.$coach.id = coachID
        focusAreas = draft.focusAreas
        cadence = draft.cadence
        self.state = state
        self.startedOn = startedOn?.iso
        askedAt = moment
    }

}

/// A meeting of a plan: the day it was held and its notes (private to the graduate and their coaches).
final class PlanMeetingModel: Model, @unchecked Sendable {
    static let schema = "plan_meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: LearningPlanModel
    /// YYYY-MM-DD.
    @Field(key: "held_on") var heldOn: String
    @Field(key: "notes") var notes: String
    @Parent(key: "recorded_by_id") var recordedBy: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(planID: UUID, heldOn: LocalDate, notes: String, recordedByID: UUID) {
        self.$plan.id = planID
        self.heldOn = heldOn.iso
        self.notes = notes
        self.$recordedBy.id = recordedByID
    }
}

/// What a coach recommended at a meeting, and where the graduate has got with it.
final class RecommendationModel: Model, @unchecked Sendable {
    static let schema = "recommendations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: LearningPlanModel
    @Parent(key: "meeting_id") var meeting: PlanMeetingModel
    @Field(key: "kind") var kind: RecommendationKind
    @Field(key: "description") var description: String
    @Field(key: "link") var link: String
    /// YYYY-MM-DD, or none.
    @OptionalField(key: "due") var due: String?
    @Field(key: "state") var state: RecommendationState
    /// A link to what the graduate made of it.
    @Field(key: "outcome_link") var outcomeLink: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(planID: UUID, meetingID: UUID, draft: RecommendationDraft) {
        self.$plan.id = planID
        self.$meeting.id = meetingID
        kind = draft.kind
        description = draft.description
        link = draft.link ?? ""
        due = draft.due?.iso
        state = .toDo
        outcomeLink = ""
    }

    func isOverdue(today: LocalDate) -> Bool {
        state.isOverdue(due: due.flatMap(LocalDate.init(iso:)), today: today)
    }
}

import Fluent
import Foundation
import OnwardCore

/// A coaching event (a workshop, a panel, a CV clinic) for one cohort or for every graduate.
final class CoachingEventModel: Model, @unchecked Sendable {
    static let schema = "coaching_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    /// The online link to join; empty for none.
    @Field(key: "link") var link: String
    /// The place; empty for an event only online.
    @Field(key: "place") var place: String
    /// The cohort it is for; nil for every graduate.
    @OptionalParent(key: "cohort_id") var cohort: CohortModel?
    @Parent(key: "created_by_id") var createdBy: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(draft: EventDraft, createdBy: UUID) {
        title = draft.title
        description = draft.description
        startsAt = draft.startsAt
        endsAt = draft.endsAt
        link = draft.link ?? ""
        place = draft.place
        $cohort.id = draft.cohortID.flatMap(UUID.init(uuidString:))
        $createdBy.id = createdBy
    }

    /// The cohort it is for, as `Access` compares it; nil for everyone.
    var audience: String? { $cohort.id?.uuidString }
}

/// A graduate's answer to an event: one per graduate and event, changed until it starts.
final class EventAnswerModel: Model, @unchecked Sendable {
    static let schema = "event_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: CoachingEventModel
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "answer") var answer: EventAnswer
    @Field(key: "answered_at") var answeredAt: Date

    init() {}

    init(eventID: UUID, userID: UUID, answer: EventAnswer, at moment: Date) {
        $event.id = eventID
        $user.id = userID
        self.answer = answer
        answeredAt = moment
    }
}

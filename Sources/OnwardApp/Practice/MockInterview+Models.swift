import Fluent
import Foundation
import OnwardCore

/// A coach's open slot for a mock technical interview.
final class MockSlotModel: Model, @unchecked Sendable {
    static let schema = "mock_slots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "coach_id") var coach: UserModel
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    /// The themes it covers, their raw values joined by commas.
    @Field(key: "themes") var themesText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Where to meet, for the coach and the graduate who books it only.
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "place") var place: String?

    init() {}

    init(coachID: UUID, draft: MockSlotDraft) {
        $coach.id = coachID
        startsAt = draft.startsAt
        minutes = draft.minutes
        link = draft.link.isEmpty ? nil : draft.link
        place = draft.place.isEmpty ? nil : draft.place
        themesText = MockTheme.allCases.filter(draft.themes.contains).map(\.rawValue).joined(separator: ",")
    }

    var themes: Set<MockTheme> { Set(themesText.split(separator: ",").compactMap { MockTheme(rawValue: String($0)) }) }
    var endsAt: Date { startsAt.addingTimeInterval(Double(minutes) * 60) }
}

/// A graduate's booking of a slot. Cancelling keeps the row (with whether it was late); one slot
/// has at most one booking that is not cancelled, which the database enforces.
final class MockBookingModel: Model, @unchecked Sendable {
    static let schema = "mock_bookings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "slot_id") var slot: MockSlotModel
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "theme") var theme: MockTheme
    @Field(key: "practise") var practise: String
    @Field(key: "booked_at") var bookedAt: Date
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    /// Cancelled less than 24 hours before the start.
    @Field(key: "late_cancellation") var lateCancellation: Bool

    init() {}

    init(slotID: UUID, userID: UUID, draft: MockBookingDraft, at moment: Date) {
        $slot.id = slotID
        $user.id = userID
        theme = draft.theme
        practise = draft.practise
        bookedAt = moment
        lateCancellation = false
    }

}

/// The coach's written feedback on a mock interview: one per booking.
final class MockRubricModel: Model, @unchecked Sendable {
    static let schema = "mock_rubrics"

    @ID(key: .id) var id: UUID?
    @Parent(key: "booking_id") var booking: MockBookingModel
    @Field(key: "problem_solving") var problemSolving: Int
    @Field(key: "code_comprehension") var codeComprehension: Int
    @Field(key: "communication") var communication: Int
    @Field(key: "technical_knowledge") var technicalKnowledge: Int
    @Field(key: "topic_area") var topicArea: Int
    @Field(key: "strengths") var strengths: String
    @Field(key: "improvements") var improvements: String
    @Field(key: "resources") var resources: String
    @Field(key: "scored_at") var scoredAt: Date

    init() {}

    init(bookingID: UUID, draft: RubricDraft, at moment: Date) {
        $booking.id = bookingID
        problemSolving = draft.scores[.problemSolving] ?? 0
        codeComprehension = draft.scores[.codeComprehension] ?? 0
        communication = draft.scores[.communication] ?? 0
        technicalKnowledge = draft.scores[.technicalKnowledge] ?? 0
        topicArea = draft.scores[.topicArea] ?? 0
        strengths = draft.strengths
        improvements = draft.improvements
        resources = draft.resources
        scoredAt = moment
    }

    var scores: [RubricCriterion: Int] {
        [.problemSolving: problemSolving, .codeComprehension: codeComprehension, .communication: communication,
         .technicalKnowledge: technicalKnowledge, .topicArea: topicArea]
    }
}

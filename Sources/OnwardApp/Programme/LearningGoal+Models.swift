import Fluent
import Foundation
import OnwardCore

/// A yearly learning goal; at most three of a graduate's are active at once.
final class LearningGoalModel: Model, @unchecked Sendable {
    static let schema = "learning_goals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "title") var title: String
    @Field(key: "now") var now: String
    @Field(key: "success") var success: String
    @Field(key: "why") var why: String
    /// Set aside (reached, or dropped) when false: it no longer counts toward the three.
    @Field(key: "active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, draft: LearningGoalDraft) {
        self.$user.id = userID
        title = draft.title
        now = draft.now
        success = draft.success
        why = draft.why
        isActive = true
    }
}

/// A book, a talk, a thing to build… toward a learning goal.
final class LearningResourceModel: Model, @unchecked Sendable {
    static let schema = "learning_resources"

    @ID(key: .id) var id: UUID?
    @Parent(key: "goal_id") var goal: LearningGoalModel
    @Field(key: "kind") var kind: LearningResourceKind
    @Field(key: "name") var name: String
    /// Empty when it has no address.
    @Field(key: "link") var link: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(goalID: UUID, draft: LearningResourceDraft) {
        self.$goal.id = goalID
        kind = draft.kind
        name = draft.name
        link = draft.link ?? ""
    }
}

/// A milestone toward a learning goal, with its self-assigned due date.
final class LearningMilestoneModel: Model, @unchecked Sendable {
    static let schema = "learning_milestones"

    @ID(key: .id) var id: UUID?
    @Parent(key: "goal_id") var goal: LearningGoalModel
    @Field(key: "title") var title: String
    /// YYYY-MM-DD.
    @Field(key: "due") var due: String
    /// YYYY-MM-DD when done; nil while not.
    @OptionalField(key: "done_on") var doneOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(goalID: UUID, draft: MilestoneDraft) {
        self.$goal.id = goalID
        title = draft.title
        due = draft.due.iso
    }
}

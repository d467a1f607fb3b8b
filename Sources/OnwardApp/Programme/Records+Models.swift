import Fluent
import Foundation
import OnwardCore

/// A SMART job-search goal. What it says lives in its versions: reassessing writes a new one and
/// keeps the earlier ones as its history.
final class SmartGoalModel: Model, @unchecked Sendable {
    static let schema = "smart_goals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Children(for: \.$goal) var versions: [SmartGoalVersionModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID) {
        self.$user.id = userID
    }
}

/// One version of a SMART goal: the first is the goal as set, each later one a reassessment.
final class SmartGoalVersionModel: Model, @unchecked Sendable {
    static let schema = "smart_goal_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "goal_id") var goal: SmartGoalModel
    /// 1 for the goal as first set; unique per goal, so two reassessments at once cannot both be version 2.
    @Field(key: "version") var version: Int
    @Field(key: "specific") var specific: String
    @Field(key: "measurable") var measurable: String
    @Field(key: "achievable") var achievable: String
    @Field(key: "relevant") var relevant: String
    /// YYYY-MM-DD.
    @Field(key: "time_bound") var timeBound: String
    /// YYYY-MM-DD, in the cohort's time zone.
    @Field(key: "written_on") var writtenOn: String

    init() {}

    init(goalID: UUID, version: Int, draft: SmartGoalDraft, writtenOn: LocalDate) {
        self.$goal.id = goalID
        self.version = version
        specific = draft.specific
        measurable = draft.measurable
        achievable = draft.achievable
        relevant = draft.relevant
        timeBound = draft.timeBound.iso
        self.writtenOn = writtenOn.iso
    }
}

/// A conversation with someone doing the job the graduate wants; ahead when planned.
final class InformationalInterviewModel: Model, @unchecked Sendable {
    static let schema = "informational_interviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "person") var person: String
    @Field(key: "company") var company: String
    @Field(key: "role") var role: String
    /// YYYY-MM-DD.
    @Field(key: "day") var day: String
    @Field(key: "how_it_came_about") var howItCameAbout: String
    @Field(key: "notes") var notes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, draft: InformationalInterviewDraft) {
        self.$user.id = userID
        person = draft.person
        company = draft.company
        role = draft.role
        day = draft.day.iso
        howItCameAbout = draft.howItCameAbout
        notes = draft.notes
    }
}

/// A blog post the graduate published.
final class BlogPostModel: Model, @unchecked Sendable {
    static let schema = "blog_posts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "title") var title: String
    @Field(key: "url") var url: String
    /// YYYY-MM-DD.
    @Field(key: "published") var published: String
    @Field(key: "kind") var kind: BlogPostKind
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, draft: BlogPostDraft) {
        self.$user.id = userID
        title = draft.title
        url = draft.url
        published = draft.published.iso
        kind = draft.kind
    }
}

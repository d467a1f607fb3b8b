import Fluent
import Foundation
import OnwardCore

/// One commit of a graduate's, counted once however often GitHub delivers it: its id, its
/// moment, and its day in the graduate's calendar when it arrived.
final class GitHubCommitModel: Model, @unchecked Sendable {
    static let schema = "github_commits"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "sha") var sha: String
    @Field(key: "committed_at") var committedAt: Date
    /// YYYY-MM-DD in the graduate's time zone.
    @Field(key: "day") var day: String
    /// The repository it was pushed to, "owner/name" in lower case; nil for those counted before it was kept.
    @OptionalField(key: "repository") var repository: String?

    init() {}

    init(userID: UUID, sha: String, at moment: Date, day: LocalDate) {
        $user.id = userID
        self.sha = sha
        committedAt = moment
        self.day = day.iso
    }
}

/// A webhook delivery already read (`X-GitHub-Delivery`): GitHub redelivers, and a redelivery
/// changes nothing.
final class GitHubDeliveryModel: Model, @unchecked Sendable {
    static let schema = "github_deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "delivery") var delivery: String
    @Field(key: "received_at") var receivedAt: Date

    init() {}
}

/// A project a graduate built: a side project of their own, or course work.
final class ProjectModel: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    @OptionalField(key: "repository_url") var repositoryURL: String?
    /// The repository as "owner/name" in lower case when it is on GitHub: what commits match.
    @OptionalField(key: "github_repository") var gitHubRepository: String?
    @OptionalField(key: "live_url") var liveURL: String?
    @Field(key: "description") var description: String
    /// One per line.
    @Field(key: "stacks") var stacksText: String
    @Field(key: "is_side") var isSide: Bool
    /// YYYY-MM-DD.
    @Field(key: "started_on") var startedOn: String
    /// YYYY-MM-DD, as the graduate said it.
    @OptionalField(key: "last_worked_on") var lastWorkedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, draft: ProjectDraft) {
        $user.id = userID
        apply(draft)
    }

    func apply(_ draft: ProjectDraft) {
        name = draft.name
        repositoryURL = draft.repository
        gitHubRepository = ProjectDraft.gitHubRepository(of: draft.repository)
        liveURL = draft.live
        description = draft.description
        stacksText = draft.stacks.joined(separator: "\n")
        isSide = draft.isSide
        startedOn = draft.startedOn.iso
        lastWorkedOn = draft.lastWorkedOn?.iso
    }

    var stacks: [String] { stacksText.split(separator: "\n").map(String.init) }
}

/// When a signal was raised for a graduate and, once the evidence changed, cleared: one row a
/// time it stood, so that a coach sees how long it has.
final class SignalRecordModel: Model, @unchecked Sendable {
    static let schema = "signal_records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "signal") var signal: String
    /// The sentence it was raised with.
    @Field(key: "reason") var reason: String
    @Field(key: "raised_at") var raisedAt: Date
    @OptionalField(key: "cleared_at") var clearedAt: Date?

    init() {}
}

/// What a graduate did about a piece of technical feedback given elsewhere (named by its key).
final class FeedbackActionModel: Model, @unchecked Sendable {
    static let schema = "feedback_actions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    /// The feedback's key, as its capability publishes it ("interview:…").
    @Field(key: "feedback_key") var feedbackKey: String
    @Field(key: "kind") var kind: FeedbackActionKind
    @OptionalField(key: "link") var link: String?
    @Field(key: "note") var note: String
    /// YYYY-MM-DD.
    @Field(key: "day") var day: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, feedbackKey: String, draft: FeedbackActionDraft) {
        $user.id = userID
        self.feedbackKey = feedbackKey
        kind = draft.kind
        link = draft.link
        note = draft.note
        day = draft.day.iso
    }
}

/// A day the daily GitHub sync ran, claimed by the instance that ran it.
final class GitHubSyncDayModel: Model, @unchecked Sendable {
    static let schema = "github_sync_days"

    @ID(key: .id) var id: UUID?
    /// YYYY-MM-DD in UTC.
    @Field(key: "day") var day: String
    @Field(key: "started_at") var startedAt: Date

    init() {}
}

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

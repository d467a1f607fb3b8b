import Fluent
import Foundation
import OnwardCore

/// The careers team's answer to a standup's request for help: answering resolves it.
final class HelpReplyModel: Model, @unchecked Sendable {
    static let schema = "help_replies"

    @ID(key: .id) var id: UUID?
    /// One reply per request: two coaches answering at once give one reply and one refusal.
    @Parent(key: "standup_id") var standup: StandupModel
    @Parent(key: "author_id") var author: UserModel
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(standupID: UUID, authorID: UUID, body: String) {
        self.$standup.id = standupID
        self.$author.id = authorID
        self.body = body
    }
}

import Fluent
import Foundation

/// A person's calendar feed: the SHA-256 of its secret token (the token itself is shown once and
/// never kept), when it was made and when a calendar last read it. One a person at most.
final class CalendarFeedModel: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_read_at") var lastReadAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, at moment: Date) {
        $user.id = userID
        self.tokenHash = tokenHash
        createdAt = moment
    }
}

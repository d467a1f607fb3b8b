import Fluent
import Foundation
import OnwardCore

/// Something a person was told: a sentence, the page it is about, when, and when they read it.
final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "kind") var kind: NotificationKind
    @Field(key: "text") var text: String
    /// The path of the page it is about, on this site.
    @Field(key: "path") var path: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(userID: UUID, notice: Notice, at moment: Date) {
        $user.id = userID
        kind = notice.kind
        text = String(notice.text.prefix(NotificationKind.textLimit))
        path = notice.url.path
        createdAt = moment
    }
}

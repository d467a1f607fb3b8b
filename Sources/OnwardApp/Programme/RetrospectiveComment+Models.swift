import Fluent
import Foundation
import OnwardCore

/// A coach's comment on a graduate's retrospective.
final class RetrospectiveCommentModel: Model, @unchecked Sendable {
    static let schema = "retrospective_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "retrospective_id") var retrospective: RetrospectiveModel
    @Parent(key: "author_id") var author: UserModel
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(retrospectiveID: UUID, authorID: UUID, body: String) {
        self.$retrospective.id = retrospectiveID
        self.$author.id = authorID
        self.body = body
    }
}

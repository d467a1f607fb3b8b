import Fluent
import Foundation
import OnwardCore

/// A graduate's programme paused by an admin: one row while paused, removed on resuming.
final class ProgrammePauseModel: Model, @unchecked Sendable {
    static let schema = "programme_pauses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Parent(key: "paused_by_id") var pausedBy: UserModel
    @Field(key: "reason") var reason: String
    /// YYYY-MM-DD.
    @Field(key: "since") var since: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, pausedByID: UUID, reason: String, since: LocalDate) {
        self.$user.id = userID
        self.$pausedBy.id = pausedByID
        self.reason = reason
        self.since = since.iso
    }
}

import Fluent
import Foundation
import OnwardCore

/// One account deleted: when, what it was, and who deleted it (its owner, or an admin on their
/// request). Nothing of the account itself is kept.
final class AccountDeletionModel: Model, @unchecked Sendable {
    static let schema = "account_deletions"

    @ID(key: .id) var id: UUID?
    @Field(key: "role") var role: Role
    /// Deleted by its owner; otherwise by the admin `doneBy`.
    @Field(key: "by_owner") var byOwner: Bool
    /// The admin who deleted it; nil when its owner did, or once the admin's account is gone.
    @OptionalParent(key: "done_by_id") var doneBy: UserModel?
    @Field(key: "done_at") var doneAt: Date

    init() {}

    init(role: Role, byOwner: Bool, doneBy: UUID?, at moment: Date) {
        self.role = role
        self.byOwner = byOwner
        $doneBy.id = doneBy
        doneAt = moment
    }
}

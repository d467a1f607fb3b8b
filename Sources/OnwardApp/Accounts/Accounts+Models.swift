import Fluent
import Foundation
import OnwardCore
import Vapor




/// An invitation to join with a role. Only a hash of its token is kept.
final class InvitationModel: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "cohort_id") var cohort: CohortModel?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "invited_by_id") var invitedBy: UserModel
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, role: Role, cohortID: UUID?, tokenHash: String, invitedByID: UUID, expiresAt: Date) {
        self.id = id
        self.email = email
        self.role = role
        self.$cohort.id = cohortID
        self.tokenHash = tokenHash
        self.$invitedBy.id = invitedByID
        self.expiresAt = expiresAt
    }

    func status(now: Date) -> InvitationRules.Status {
        InvitationRules.status(expiresAt: expiresAt, acceptedAt: acceptedAt, now: now)
    }
}

/// A personal API token. Only the SHA-256 of the token is stored; the token is shown once.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the token, so a person can tell their tokens apart.
    @Field(key: "prefix") var prefix: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// When it stops working; nil for a token that works until revoked (`TokenLifetime`).
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, prefix: String, expiresAt: Date?) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.expiresAt = expiresAt
    }
}

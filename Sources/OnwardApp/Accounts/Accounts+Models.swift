import Fluent
import Foundation
import OnwardCore
import Vapor

/// A person with an account: graduate, coach, partner or admin.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "cohort_id") var cohort: CohortModel?
    @Field(key: "time_zone") var timeZone: String
    @OptionalField(key: "github_login") var githubLogin: String?
    /// Stacks of interest, one per line.
    @Field(key: "stacks") var stacksText: String
    @Field(key: "bio") var bio: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, name: String, passwordHash: String, role: Role, cohortID: UUID?, timeZone: String) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.$cohort.id = cohortID
        self.timeZone = timeZone
        self.githubLogin = nil
        self.stacksText = ""
        self.bio = ""
    }

    var stacks: [String] {
        get { stacksText.split(separator: "\n").map(String.init) }
        set { stacksText = newValue.joined(separator: "\n") }
    }

    var viewer: Viewer { Viewer(id: requireIDString, role: role) }

    var requireIDString: String { id!.uuidString }
}


/// A group of graduates who finished the course together.
final class CohortModel: Model, @unchecked Sendable {
    static let schema = "cohorts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// YYYY-MM-DD.
    @Field(key: "course_end_date") var courseEndDate: String
    @Field(key: "time_zone") var timeZone: String
    /// HH:MM in the cohort's time zone.
    @Field(key: "standup_time") var standupTime: String
    @Children(for: \.$cohort) var members: [UserModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, draft: CohortDraft) {
        self.id = id
        self.name = draft.name
        self.courseEndDate = draft.courseEndDate.iso
        self.timeZone = draft.timeZone
        self.standupTime = draft.standupTime.description
    }
}

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

/// Mail waiting to be sent. There is no mail server yet: a later capability sends what is here.
final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "to_email") var toEmail: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// What the message is about ("invitation"), and which row, so it can be found again.
    @Field(key: "topic") var topic: String
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(toEmail: String, subject: String, body: String, topic: String, subjectID: UUID?) {
        self.toEmail = toEmail
        self.subject = subject
        self.body = body
        self.topic = topic
        self.subjectID = subjectID
    }
}

/// A coach assigned to a graduate.
final class CoachAssignmentModel: Model, @unchecked Sendable {
    static let schema = "coach_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "coach_id") var coach: UserModel
    @Parent(key: "graduate_id") var graduate: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(coachID: UUID, graduateID: UUID) {
        self.$coach.id = coachID
        self.$graduate.id = graduateID
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

    init() {}

    init(userID: UUID, name: String, tokenHash: String, prefix: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
    }
}

/// A failed sign-in, kept for fifteen minutes' worth of throttling.
final class SignInFailureModel: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "failed_at") var failedAt: Date

    init() {}

    init(email: String, failedAt: Date) {
        self.email = email
        self.failedAt = failedAt
    }
}

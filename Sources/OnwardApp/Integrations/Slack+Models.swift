import Fluent
import Foundation

/// A cohort's Slack incoming-webhook address: the secret that lets Onward post to its channel.
/// Shown only masked once saved.
final class SlackWebhookModel: Model, @unchecked Sendable {
    static let schema = "slack_webhooks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cohort_id") var cohort: CohortModel
    @Field(key: "url") var url: String
    @Field(key: "set_at") var setAt: Date
    /// Who saved it; nil once their account is gone.
    @OptionalParent(key: "set_by_id") var setBy: UserModel?

    init() {}

    init(cohortID: UUID, url: String, setBy: UUID, at moment: Date) {
        $cohort.id = cohortID
        self.url = url
        $setBy.id = setBy
        setAt = moment
    }
}

/// A post for a cohort's channel, kept until Slack takes it (`SlackDelivery`), then kept as the
/// admin's log of what was sent. The address is read at each try, so a changed webhook takes
/// what still waits; a cohort whose webhook is removed has what waits set aside.
final class SlackDeliveryModel: Model, @unchecked Sendable {
    static let schema = "slack_deliveries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cohort_id") var cohort: CohortModel
    /// What it is ("pairing", "standup", "events", "test").
    @Field(key: "kind") var kind: String
    /// Its plain-text fallback, for the admin's log.
    @Field(key: "summary") var summary: String
    /// The Block Kit JSON posted.
    @Field(key: "payload") var payload: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: UUID?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "failed_at") var failedAt: Date?

    init() {}

    init(cohortID: UUID, kind: String, summary: String, payload: String, at moment: Date) {
        $cohort.id = cohortID
        self.kind = kind
        self.summary = summary
        self.payload = payload
        createdAt = moment
        attempts = 0
    }
}

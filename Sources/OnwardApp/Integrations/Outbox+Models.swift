import Fluent
import Foundation

/// Mail waiting to be sent, and mail sent: written in the same transaction as what causes it
/// (an invitation), sent by `OutboxDelivery` when a mail server is set, read by the admin either
/// way. A sender claims a message before sending it, so with several instances each message goes
/// once; one that fails is tried again later (`DeliveryRules`).
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
    /// Tries made so far, the last one's error, when the next may be made.
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    /// Until when a sender holds it, and which sender.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: UUID?
    /// Past this it is no use (an invitation's link has expired): given up, not sent.
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// When it was given up (a final refusal, or too many tries).
    @OptionalField(key: "failed_at") var failedAt: Date?

    init() {}

    init(toEmail: String, subject: String, body: String, topic: String, subjectID: UUID?, expiresAt: Date? = nil) {
        self.expiresAt = expiresAt
        self.toEmail = toEmail
        self.subject = subject
        self.body = body
        self.topic = topic
        self.subjectID = subjectID
        attempts = 0
    }
}

import Fluent
import Foundation
import OnwardCore

/// A graduate's request in the help desk: a question, or a 1:1 they ask for.
final class SupportRequestModel: Model, @unchecked Sendable {
    static let schema = "support_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "kind") var kind: SupportRequestKind
    @Field(key: "subject") var subject: String
    @Field(key: "message") var message: String
    /// For a 1:1: the times that suit the graduate.
    @Field(key: "preferred_times") var preferredTimes: String
    @Field(key: "state") var state: SupportRequestState
    /// For a 1:1: the time a coach set.
    @OptionalField(key: "meeting_at") var meetingAt: Date?
    /// When the careers team first replied: the time to a first reply is measured to here.
    @OptionalField(key: "first_reply_at") var firstReplyAt: Date?
    @Field(key: "opened_at") var openedAt: Date
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "origin") var origin: SupportRequestOrigin
    /// For a request from a standup: the standup's day (YYYY-MM-DD), one request per day.
    @OptionalField(key: "origin_day") var originDay: String?

    init() {}

    init(userID: UUID, draft: SupportRequestDraft, at moment: Date, fromStandupOf day: LocalDate? = nil) {
        self.$user.id = userID
        kind = draft.kind
        subject = draft.subject
        message = draft.message
        preferredTimes = draft.preferredTimes
        state = .open
        openedAt = moment
        origin = day == nil ? .desk : .standup
        originDay = day?.iso
    }


    /// What the request is, as the lists name it: one a standup opened says so.
    var label: String { origin == .standup ? "Asked at a standup" : kind.title }
}

/// A reply in a support request's thread, by the graduate or the careers team.
final class SupportReplyModel: Model, @unchecked Sendable {
    static let schema = "support_replies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: SupportRequestModel
    @Parent(key: "author_id") var author: UserModel
    @Field(key: "body") var body: String
    /// The 1:1's time, when this reply set it.
    @OptionalField(key: "meeting_at") var meetingAt: Date?
    @Field(key: "written_at") var writtenAt: Date

    init() {}

    init(requestID: UUID, authorID: UUID, draft: SupportReplyDraft, at moment: Date) {
        self.$request.id = requestID
        self.$author.id = authorID
        body = draft.body
        meetingAt = draft.meetingAt
        writtenAt = moment
    }
}

import Fluent
import Foundation
import OnwardCore

/// Work submitted for review: a job search analysis, SMART goals, a CV or cover letter. It holds
/// the latest round's text and where the review stands; every round sent is kept in
/// `SubmissionRoundModel`, and every verdict in `SubmissionReviewModel`.
final class SubmissionModel: Model, @unchecked Sendable {
    static let schema = "submissions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "kind") var kind: SubmissionKind
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "link") var link: String
    /// What the graduate will change, for a job search analysis; empty for other kinds.
    @Field(key: "changes") var changes: String
    /// The figures a job search analysis was written beside, as `JobSearchAnalysis` JSON; empty
    /// for other kinds (and analyses sent before the figures were kept).
    @Field(key: "figures") var figures: String
    /// YYYY-MM-DD, in the cohort's time zone: the day the latest round was sent. An approved
    /// submission completes its programme activity on this day.
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "state") var state: ReviewState
    /// The latest round, from 1.
    @Field(key: "round") var round: Int
    /// When the latest round was sent: the review queue waits from here.
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, draft: SubmissionDraft, figures: JobSearchAnalysis? = nil, on day: LocalDate, at moment: Date) {
        self.$user.id = userID
        kind = draft.kind
        title = draft.title
        body = draft.body
        link = draft.link ?? ""
        changes = draft.changes
        self.figures = Self.json(figures)
        submittedOn = day.iso
        state = .waiting
        round = 1
        sentAt = moment
    }

    /// Takes the text of a new round, and the figures it was written beside.
    func take(_ draft: SubmissionDraft, figures: JobSearchAnalysis?) {
        title = draft.title
        body = draft.body
        link = draft.link ?? ""
        changes = draft.changes
        self.figures = Self.json(figures)
    }

    static func json(_ figures: JobSearchAnalysis?) -> String {
        guard let figures, let data = try? JSONEncoder().encode(figures) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The figures kept as `json`; nil when there are none (or they no longer read).
    static func analysis(_ json: String) -> JobSearchAnalysis? {
        json.isEmpty ? nil : try? JSONDecoder().decode(JobSearchAnalysis.self, from: Data(json.utf8))
    }
}

/// One round of a submission as it was sent: the first, and each resubmission.
final class SubmissionRoundModel: Model, @unchecked Sendable {
    static let schema = "submission_rounds"

    @ID(key: .id) var id: UUID?
    /// (submission, round) is unique: two resubmissions at once give one round.
    @Parent(key: "submission_id") var submission: SubmissionModel
    @Field(key: "round") var round: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "link") var link: String
    @Field(key: "changes") var changes: String
    @Field(key: "figures") var figures: String
    @Field(key: "sent_at") var sentAt: Date

    init() {}

    init(of submission: SubmissionModel, id submissionID: UUID) {
        self.$submission.id = submissionID
        round = submission.round
        title = submission.title
        body = submission.body
        link = submission.link
        changes = submission.changes
        figures = submission.figures
        sentAt = submission.sentAt ?? Date()
    }
}

/// A coach's verdict on one round, with their comment.
final class SubmissionReviewModel: Model, @unchecked Sendable {
    static let schema = "submission_reviews"

    @ID(key: .id) var id: UUID?
    /// (submission, round) is unique: two coaches reviewing the same round at once give one
    /// review and one refusal.
    @Parent(key: "submission_id") var submission: SubmissionModel
    @Field(key: "round") var round: Int
    @Parent(key: "reviewer_id") var reviewer: UserModel
    @Field(key: "verdict") var verdict: ReviewVerdict
    @Field(key: "comment") var comment: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(submissionID: UUID, round: Int, reviewerID: UUID, draft: ReviewDraft) {
        self.$submission.id = submissionID
        self.round = round
        self.$reviewer.id = reviewerID
        verdict = draft.verdict
        comment = draft.comment
    }
}

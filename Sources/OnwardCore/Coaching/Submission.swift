import Foundation

/// What a graduate can submit for review.
public enum SubmissionKind: String, CaseIterable, Codable, Sendable {
    case jobSearchAnalysis = "job_search_analysis"
    case smartGoals = "smart_goals"
    case applicationMaterial = "application_material"

    public var title: String {
        switch self {
        case .jobSearchAnalysis: "Job search analysis"
        case .smartGoals: "SMART goals"
        case .applicationMaterial: "CV or cover letter"
        }
    }

    /// The kind of programme activity a submission of this kind completes, if any.
    public var activityKind: ActivityKind? {
        switch self {
        case .jobSearchAnalysis: .jobSearchAnalysis
        case .applicationMaterial: .applicationMaterial
        case .smartGoals: nil
        }
    }
}

/// Work submitted for review, checked: its kind, a title, and the work itself as text, a link, or
/// both. A job search analysis also says what the graduate will change (its text is their reading
/// of the figures it is sent with); no other kind has changes.
public struct SubmissionDraft: Equatable, Sendable {
    public let kind: SubmissionKind
    public let title: String
    public let body: String
    public let link: String?
    public let changes: String

    public init(kind: SubmissionKind, title: String, body: String, link: String?, changes: String = "") {
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.changes = changes
    }

    public static func validate(kind rawKind: String, title: String, body: String, link: String, changes rawChanges: String = "") throws(ValidationErrors) -> SubmissionDraft {
        var errors = ValidationErrors()
        let kind = SubmissionKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose what you are submitting.") }
        let title = TextRules.checked(title, field: "title", label: "title", limit: TextRules.Limit.short, into: &errors)
        if title.isEmpty { errors.add("title", "Give it a title, such as \"Job search analysis, week 4\".") }
        let body = TextRules.checked(body, field: "body", label: "text", limit: TextRules.Limit.long, into: &errors)
        let link = WebAddress.validate(link, field: "link", into: &errors)
        if body.isEmpty && link == nil && errors.message(for: "link") == nil {
            errors.add("body", kind == .jobSearchAnalysis ? "Write your reading of the figures here, or give a link to it." : "Write the text here, or give a link to it.")
        }
        let changes = TextRules.checked(rawChanges, field: "changes", label: "changes", limit: TextRules.Limit.long, into: &errors)
        if !changes.isEmpty && kind != nil && kind != .jobSearchAnalysis {
            errors.add("changes", "Only a job search analysis says what will change: leave this empty.")
        }
        try errors.throwIfAny()
        return SubmissionDraft(kind: kind!, title: title, body: body, link: link, changes: changes)
    }
}

/// A coach's verdict on one round of a submission.
public enum ReviewVerdict: String, CaseIterable, Codable, Sendable {
    case approved
    case changesRequested = "changes_requested"

    public var title: String {
        switch self {
        case .approved: "Approved"
        case .changesRequested: "Changes asked"
        }
    }

    /// The event this verdict is in the review's rounds.
    public var event: ReviewState.Event {
        switch self {
        case .approved: .approve
        case .changesRequested: .requestChanges
        }
    }
}

/// A review, checked: the verdict, and a comment. Asking for changes must say which; an approval
/// may go without a word.
public struct ReviewDraft: Equatable, Sendable {
    public let verdict: ReviewVerdict
    public let comment: String

    public init(verdict: ReviewVerdict, comment: String) {
        self.verdict = verdict
        self.comment = comment
    }

    public static func validate(verdict rawVerdict: String, comment rawComment: String) throws(ValidationErrors) -> ReviewDraft {
        var errors = ValidationErrors()
        let verdict = ReviewVerdict(rawValue: rawVerdict.trimmed)
        if verdict == nil { errors.add("verdict", "Choose whether to approve it or ask for changes.") }
        let comment = TextRules.checked(rawComment, field: "comment", label: "comment", limit: TextRules.Limit.long, into: &errors)
        if verdict == .changesRequested && comment.isEmpty && errors.message(for: "comment") == nil {
            errors.add("comment", "Say what to change, so they know what to do before resubmitting.")
        }
        try errors.throwIfAny()
        return ReviewDraft(verdict: verdict!, comment: comment)
    }
}

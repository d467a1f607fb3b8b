import Foundation

/// What a graduate did about a piece of technical feedback: the guide's proof that they act on
/// it, which hiring partners ask for.
public enum FeedbackActionKind: String, CaseIterable, Codable, Sendable {
    case commit
    case project
    case kata
    case blogPost = "blog_post"
    case other

    public var title: String {
        switch self {
        case .commit: "A commit or a repository"
        case .project: "A project"
        case .kata: "A kata"
        case .blogPost: "A blog post"
        case .other: "Something else"
        }
    }
}

/// One thing done about a piece of feedback, checked: its kind, where to see it, a note and the day.
public struct FeedbackActionDraft: Equatable, Sendable {
    public let kind: FeedbackActionKind
    public let link: String?
    public let note: String
    public let day: LocalDate

    /// Feedback with nothing done about it this long is open (the signal's threshold too).
    public static let openAfterDays = SignalThresholds().feedbackOpenDays

    public init(kind: FeedbackActionKind, link: String?, note: String, day: LocalDate) {
        (self.kind, self.link, self.note, self.day) = (kind, link, note, day)
    }

    /// `given` is the day the feedback was given: nothing is done about it before.
    public static func validate(kind rawKind: String, link: String, note: String, day rawDay: String, given: LocalDate, today: LocalDate) throws(ValidationErrors) -> FeedbackActionDraft {
        var errors = ValidationErrors()
        let kind = FeedbackActionKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose what you did: a commit, a project, a kata, a blog post or something else.") }
        let link = WebAddress.validate(link, field: "link", into: &errors)
        let note = TextRules.checked(note, field: "note", label: "note", limit: TextRules.Limit.sentence, into: &errors)
        if note.isEmpty { errors.add("note", "Say in a line what you did about it.") }
        let day = DayRules.day(rawDay, field: "day", from: min(given, today), to: today, into: &errors,
                               after: "Choose today or a day before: the day you did it.")
        try errors.throwIfAny()
        return FeedbackActionDraft(kind: kind!, link: link, note: note, day: day!)
    }
}

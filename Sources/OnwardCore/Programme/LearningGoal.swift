import Foundation

/// Where a learning resource comes from, as the Turing plan lists them.
public enum LearningResourceKind: String, CaseIterable, Codable, Sendable {
    case book
    case blog
    case talk
    case podcast
    case course
    case mentor
    case meetup
    case thingToBuild = "thing_to_build"
    case talkToGive = "talk_to_give"
    case openSource = "open_source"

    public var title: String {
        switch self {
        case .book: "Books"
        case .blog: "Blogs"
        case .talk: "Talks"
        case .podcast: "Podcasts"
        case .course: "Courses"
        case .mentor: "Mentors"
        case .meetup: "Meetups and conferences"
        case .thingToBuild: "Things to build"
        case .talkToGive: "Talks I could give"
        case .openSource: "Open-source projects"
        }
    }
}

/// A yearly learning goal, checked: what it is, where the graduate is now, what success looks
/// like in a year, and why it matters to them.
public struct LearningGoalDraft: Equatable, Sendable {
    /// At most this many goals are active at once (the Turing plan: focus on a few).
    public static let maximumActive = 3
    /// At most this many resources, and this many milestones, on one goal: a year's plan, not a
    /// library. `openapi.json` states both as `maxItems`.
    public static let maximumResources = 50
    public static let maximumMilestones = 50

    /// Refuses more resources or milestones than a goal may hold, counting those it has already;
    /// the messages go to the fields named (the API's arrays, or the one item a form adds).
    public static func checkCounts(resources: Int, milestones: Int, fields: (resources: String, milestones: String) = ("resources", "milestones")) throws(ValidationErrors) {
        var errors = ValidationErrors()
        if resources > maximumResources { errors.add(fields.resources, "A goal holds at most \(maximumResources) resources.") }
        if milestones > maximumMilestones { errors.add(fields.milestones, "A goal holds at most \(maximumMilestones) milestones.") }
        try errors.throwIfAny()
    }

    public let title: String
    public let now: String
    public let success: String
    public let why: String

    public init(title: String, now: String, success: String, why: String) {
        self.title = title
        self.now = now
        self.success = success
        self.why = why
    }

    public static func validate(title: String, now: String, success: String, why: String) throws(ValidationErrors) -> LearningGoalDraft {
        var errors = ValidationErrors()
        func text(_ raw: String, _ field: String, _ label: String, limit: Int, prompt: String) -> String {
            let text = TextRules.checked(raw, field: field, label: label, limit: limit, into: &errors)
            if text.isEmpty && errors.message(for: field) == nil { errors.add(field, prompt) }
            return text
        }
        let title = text(title, "title", "goal", limit: TextRules.Limit.short, prompt: "Name the goal, such as \"Become confident with SQL\".")
        let now = text(now, "now", "where you are now", limit: TextRules.Limit.long, prompt: "Say where you are now.")
        let success = text(success, "success", "what success looks like", limit: TextRules.Limit.long, prompt: "Say what success looks like in a year.")
        let why = text(why, "why", "why it matters", limit: TextRules.Limit.long, prompt: "Say why it matters to you.")
        try errors.throwIfAny()
        return LearningGoalDraft(title: title, now: now, success: success, why: why)
    }
}

/// A resource toward a learning goal: a name, and where to find it if it is online.
public struct LearningResourceDraft: Equatable, Sendable {
    public let kind: LearningResourceKind
    public let name: String
    public let link: String?

    public init(kind: LearningResourceKind, name: String, link: String?) {
        self.kind = kind
        self.name = name
        self.link = link
    }

    public static func validate(kind rawKind: String, name: String, link: String) throws(ValidationErrors) -> LearningResourceDraft {
        var errors = ValidationErrors()
        let kind = LearningResourceKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose what kind of resource it is.") }
        let name = TextRules.checked(name, field: "name", label: "name", limit: TextRules.Limit.short, into: &errors)
        if name.isEmpty && errors.message(for: "name") == nil { errors.add("name", "Name the resource.") }
        let link = WebAddress.validate(link, field: "link", into: &errors)
        try errors.throwIfAny()
        return LearningResourceDraft(kind: kind!, name: name, link: link)
    }
}

/// A milestone toward a learning goal, with the due date the graduate gives themselves.
public struct MilestoneDraft: Equatable, Sendable {
    public let title: String
    public let due: LocalDate

    public init(title: String, due: LocalDate) {
        self.title = title
        self.due = due
    }

    /// Due from today to two years ahead: a milestone of a yearly goal.
    public static func validate(title: String, due rawDue: String, today: LocalDate) throws(ValidationErrors) -> MilestoneDraft {
        var errors = ValidationErrors()
        let title = TextRules.checked(title, field: "title", label: "milestone", limit: TextRules.Limit.short, into: &errors)
        if title.isEmpty && errors.message(for: "title") == nil { errors.add("title", "Say what the milestone is.") }
        let due = DayRules.day(rawDue, field: "due", from: today, to: today.adding(days: 730), into: &errors)
        try errors.throwIfAny()
        return MilestoneDraft(title: title, due: due!)
    }
}

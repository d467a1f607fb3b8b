import Foundation

/// What a mock interview is scored on, 1 to 4 each.
public enum RubricCriterion: String, CaseIterable, Codable, Sendable {
    case problemSolving = "problem_solving"
    case codeComprehension = "code_comprehension"
    case communication
    case technicalKnowledge = "technical_knowledge"
    /// The theme's own area (`MockTheme.topicArea`).
    case topicArea = "topic_area"

    public var title: String {
        switch self {
        case .problemSolving: "Problem solving"
        case .codeComprehension: "Code comprehension"
        case .communication: "Communication"
        case .technicalKnowledge: "Technical knowledge"
        case .topicArea: "Topic area"
        }
    }

    /// What each score means, for the form.
    public static let scale = [1: "Not yet", 2: "Getting there", 3: "Ready", 4: "Strong"]
}

/// A coach's written feedback on a mock interview, checked: a score of 1 to 4 on every criterion,
/// strengths and what to improve (both required), and resources (optional).
public struct RubricDraft: Equatable, Sendable {
    public let scores: [RubricCriterion: Int]
    public let strengths: String
    public let improvements: String
    public let resources: String

    public init(scores: [RubricCriterion: Int], strengths: String, improvements: String, resources: String = "") {
        self.scores = scores
        self.strengths = strengths
        self.improvements = improvements
        self.resources = resources
    }

    public static let scores = 1...4

    /// `rawScores` by criterion's raw value.
    public static func validate(scores rawScores: [String: String], strengths rawStrengths: String, improvements rawImprovements: String,
                                resources rawResources: String) throws(ValidationErrors) -> RubricDraft {
        var errors = ValidationErrors()
        var scores: [RubricCriterion: Int] = [:]
        for criterion in RubricCriterion.allCases {
            if let score = rawScores[criterion.rawValue].flatMap({ Int($0.trimmed) }), Self.scores.contains(score) { scores[criterion] = score }
            else { errors.add(criterion.rawValue, "Score \(criterion.title.lowercased()) from 1 to 4.") }
        }
        let strengths = TextRules.checked(rawStrengths, field: "strengths", label: "strengths", limit: TextRules.Limit.long, into: &errors)
        if strengths.isEmpty && errors.message(for: "strengths") == nil { errors.add("strengths", "Say what went well.") }
        let improvements = TextRules.checked(rawImprovements, field: "improvements", label: "what to improve", limit: TextRules.Limit.long, into: &errors)
        if improvements.isEmpty && errors.message(for: "improvements") == nil { errors.add("improvements", "Say what to work on next.") }
        let resources = TextRules.checked(rawResources, field: "resources", label: "resources", limit: TextRules.Limit.long, into: &errors)
        try errors.throwIfAny()
        return RubricDraft(scores: scores, strengths: strengths, improvements: improvements, resources: resources)
    }

    /// The mean of the five scores.
    public var average: Double {
        Double(scores.values.reduce(0, +)) / Double(max(1, scores.count))
    }
}

/// A graduate's scores over their mock interviews, the earliest first: for each criterion, and
/// the mean, with whether they are rising.
public struct RubricTrend: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public let day: LocalDate
        public let theme: MockTheme
        public let scores: [RubricCriterion: Int]

        public init(day: LocalDate, theme: MockTheme, scores: [RubricCriterion: Int]) {
            self.day = day
            self.theme = theme
            self.scores = scores
        }

        public var average: Double { Double(scores.values.reduce(0, +)) / Double(max(1, scores.count)) }
    }

    public let points: [Point]

    public init(_ points: [Point]) {
        self.points = points.sorted { $0.day < $1.day }
    }

    /// The change in the mean from the first interview to the last; nil with fewer than two.
    public var change: Double? {
        guard let first = points.first, let last = points.last, points.count > 1 else { return nil }
        return last.average - first.average
    }

    /// The criteria that went up from the first interview to the last, and those that went down.
    public var movers: (up: [RubricCriterion], down: [RubricCriterion]) {
        guard let first = points.first, let last = points.last, points.count > 1 else { return ([], []) }
        let up = RubricCriterion.allCases.filter { (last.scores[$0] ?? 0) > (first.scores[$0] ?? 0) }
        let down = RubricCriterion.allCases.filter { (last.scores[$0] ?? 0) < (first.scores[$0] ?? 0) }
        return (up, down)
    }
}

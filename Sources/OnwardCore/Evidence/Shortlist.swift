import Foundation

/// What a shared candidate's evidence says to the three questions the Makers guide says hiring
/// partners ask: how often do they commit, do they have a side project, do they act on technical
/// feedback? One function ranks candidates on them, so that equal evidence always gives an equal
/// rank and every figure can be shown beside the evidence it came from.
public enum Shortlist {
    /// The weeks commits are counted over.
    public static let weeksRead = 12
    /// A side project counts when worked on within this many days.
    public static let sideProjectDays = 42

    public struct Evidence: Equatable, Sendable {
        public let id: String
        public let name: String
        /// Commits in each of the `weeksRead` complete weeks before this one, the latest last; nil
        /// when no GitHub login is linked.
        public let weeklyCommits: [Int]?
        /// The days each side project was last worked on.
        public let sideProjects: [LocalDate]
        /// Pieces of technical feedback given, and how many of them something was done about.
        public let feedbackGiven: Int
        public let feedbackActedOn: Int

        public init(id: String, name: String, weeklyCommits: [Int]?, sideProjects: [LocalDate], feedbackGiven: Int, feedbackActedOn: Int) {
            (self.id, self.name, self.weeklyCommits, self.sideProjects) = (id, name, weeklyCommits, sideProjects)
            (self.feedbackGiven, self.feedbackActedOn) = (feedbackGiven, feedbackActedOn)
        }
    }

    /// A candidate's answers, each a share from 0 to 1, and their rank (1 the best; candidates
    /// with equal scores share a rank, and the next rank skips as many as shared it).
    public struct Ranked: Equatable, Sendable {
        public let evidence: Evidence
        /// The weeks, of `weeksRead`, with at least the target's commits.
        public let weeksOnTarget: Int
        /// Whether a side project was worked on within `sideProjectDays`.
        public let activeSideProject: Bool
        /// Feedback acted on, as a share of feedback given; nil when none was given (read as neutral).
        public let feedbackShare: Double?
        public let score: Double
        public let rank: Int
    }

    /// `candidates` ranked on `today` against `weeklyTarget` commits a week: each question weighs
    /// the same (a third of a score of 3); feedback never given counts half, neither for nor
    /// against. Scores are compared to six decimals, so that equal evidence ties exactly; ties are
    /// listed by name.
    public static func rank(_ candidates: [Evidence], today: LocalDate, weeklyTarget: Int) -> [Ranked] {
        let scored = candidates.map { evidence -> (Evidence, Int, Bool, Double?, Double) in
            let weeks = (evidence.weeklyCommits ?? []).suffix(weeksRead).filter { $0 >= weeklyTarget }.count
            let active = evidence.sideProjects.contains { $0 >= today.adding(days: -sideProjectDays) && $0 <= today }
            let share = evidence.feedbackGiven > 0 ? Double(min(evidence.feedbackActedOn, evidence.feedbackGiven)) / Double(evidence.feedbackGiven) : nil
            let score = Double(weeks) / Double(weeksRead) + (active ? 1 : 0) + (share ?? 0.5)
            return (evidence, weeks, active, share, (score * 1_000_000).rounded() / 1_000_000)
        }
        let ordered = scored.sorted { ($1.4, $0.0.name, $0.0.id) < ($0.4, $1.0.name, $1.0.id) }
        var result: [Ranked] = []
        for (index, entry) in ordered.enumerated() {
            let rank = index > 0 && entry.4 == ordered[index - 1].4 ? result[index - 1].rank : index + 1
            result.append(Ranked(evidence: entry.0, weeksOnTarget: entry.1, activeSideProject: entry.2, feedbackShare: entry.3, score: entry.4, rank: rank))
        }
        return result
    }
}

extension Shortlist.Ranked {
    /// "9 of 12 weeks with 3+ commits", or that no GitHub login is linked.
    public func weeksFigure(target: Int) -> String {
        evidence.weeklyCommits == nil ? "No GitHub login linked" : "\(weeksOnTarget) of \(Shortlist.weeksRead) weeks with \(target)+ commits"
    }

    /// The commits counted over the weeks read.
    public var commits: Int { (evidence.weeklyCommits ?? []).suffix(Shortlist.weeksRead).reduce(0, +) }

    public var sideProjectFigure: String {
        activeSideProject ? "Yes, worked on in the last \(Shortlist.sideProjectDays / 7) weeks" : "None worked on in the last \(Shortlist.sideProjectDays / 7) weeks"
    }

    /// "3 of 4 acted on", or that none was given.
    public var feedbackFigure: String {
        evidence.feedbackGiven == 0 ? "None given yet" : "\(min(evidence.feedbackActedOn, evidence.feedbackGiven)) of \(evidence.feedbackGiven) acted on"
    }
}

extension Shortlist {
    /// A shortlist's export: one row a candidate, in rank order, each cell plain text (no cell a
    /// spreadsheet would run as a formula).
    public static func csv(_ rows: [[String]], target: Int) -> String {
        ApplicationsCSV.table(header: [
            "Rank", "Name", "Headline", "Stacks", "Availability", "Weeks with \(target)+ commits (of \(weeksRead))", "Commits in \(weeksRead) weeks",
            "Side project", "Feedback acted on", "Mock interview mean (1-4)", "GitHub", "Evidence",
        ], rows: rows)
    }
}

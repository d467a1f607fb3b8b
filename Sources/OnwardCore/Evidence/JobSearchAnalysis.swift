import Crypto
import Foundation

/// One application as the week-4 analysis reads it: where it was found, where it stands, and its
/// dated moves and interviews.
public struct AnalysedApplication: Sendable, Equatable {
    public let source: ApplicationSource
    public let stage: Stage
    public let history: ApplicationHistory
    /// The days of tech tests recorded under it (the history knows them only as not interviews).
    public let techTests: [LocalDate]

    public init(source: ApplicationSource, stage: Stage, history: ApplicationHistory, techTests: [LocalDate] = []) {
        self.source = source
        self.stage = stage
        self.history = history
        self.techTests = techTests
    }

    /// The application as it stood at the end of `day`: what happened after is not known yet.
    func asOf(_ day: LocalDate) -> AnalysedApplication {
        let moves = history.moves.filter { $0.on <= day }
        let interviews = history.interviews.filter { $0.on <= day }
        guard moves.count < history.moves.count || interviews.count < history.interviews.count else { return self }
        return AnalysedApplication(source: source, stage: moves.last?.stage ?? .wishlist, history: ApplicationHistory(moves: moves, interviews: interviews),
                                   techTests: techTests.filter { $0 <= day })
    }

    /// The furthest step of the pipeline it reached once sent (an interview recorded under it
    /// counts as reaching the interview); nil while it is on the wishlist.
    var furthestStage: Stage? {
        guard history.submittedOn != nil else { return nil }
        var furthest = history.moves.map(\.stage).filter { Stage.pipeline.contains($0) && $0 != .wishlist }.max() ?? .applied
        if history.interviews.contains(where: \.isInterview) { furthest = max(furthest, .interview) }
        else if !techTests.isEmpty { furthest = max(furthest, .techTest) }
        else if !history.interviews.isEmpty { furthest = max(furthest, .screening) }
        return furthest
    }
}

/// A signal as the analysis lists it: what it was, why, and from when to when.
public struct AnalysedSignal: Sendable, Equatable, Codable {
    public let title: String
    public let reason: String
    public let raised: LocalDate
    /// Nil while it stands.
    public let cleared: LocalDate?

    public init(title: String, reason: String, raised: LocalDate, cleared: LocalDate?) {
        self.title = title
        self.reason = reason
        self.raised = raised
        self.cleared = cleared
    }
}

/// A piece of technical feedback as the analysis lists it: where it came from, when, and the
/// first thing done about it (nil: nothing yet).
public struct AnalysedFeedback: Sendable, Equatable, Codable {
    public let source: String
    public let given: LocalDate
    public let done: String?
    public let doneOn: LocalDate?

    public init(source: String, given: LocalDate, done: String?, doneOn: LocalDate?) {
        self.source = source
        self.given = given
        self.done = done
        self.doneOn = doneOn
    }
}

/// The facts of a graduate's job search as their week-4 analysis opens with them, kept with each
/// round sent so the coach reviews the figures the graduate read. Worked out by `init`, from the
/// graduate's applications, their cohort's, the signals' history and their feedback.
public struct JobSearchAnalysis: Sendable, Equatable, Codable {
    /// Where applications were found, with what came of them.
    public struct SourceLine: Sendable, Equatable, Codable {
        public let source: String
        public let sent: Int
        public let answered: Int
        public let interviewed: Int
        /// Median days from sending to the employer's first answer, over those answered.
        public let medianDaysToFirstAnswer: Double?

        public var answerRate: Double? { Funnel.rate(answered, of: sent) }
    }

    /// How many applications reached a step of the pipeline as their furthest.
    public struct StageLine: Sendable, Equatable, Codable {
        public let stage: String
        public let count: Int
    }

    /// One step of the funnel: the graduate's count and share of what they sent, beside the
    /// cohort's medians of the same.
    public struct FunnelLine: Sendable, Equatable, Codable {
        public let step: String
        public let count: Int
        /// Of the applications sent; nil for the first step, or when none was sent.
        public let rate: Double?
        public let cohortMedianCount: Double?
        public let cohortMedianRate: Double?
    }

    /// The day the figures were read.
    public let asOf: LocalDate
    /// The day the first application was sent; nil before one.
    public let firstSent: LocalDate?
    public let sources: [SourceLine]
    public let stages: [StageLine]
    /// Where the applications sent stand now: still open, a job accepted, rejected, withdrawn.
    public let open: Int
    public let accepted: Int
    public let rejected: Int
    public let withdrawn: Int
    public let funnel: [FunnelLine]
    /// How many others of the cohort have sent an application. The medians are theirs, and are
    /// shown only from `cohortMinimum` on: fewer, and one person's figures could be read from them.
    public let cohortSearching: Int

    public static let cohortMinimum = 5

    public var showsCohort: Bool { cohortSearching >= Self.cohortMinimum }
    public let signals: [AnalysedSignal]
    public let feedback: [AnalysedFeedback]

    public var feedbackActedOn: Int { feedback.filter { $0.done != nil }.count }

    /// The figures' version: SHA-256 of their JSON, keys sorted. A form shows the figures with
    /// their version, so that what is sent was written beside the figures as they still are.
    public var version: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(self)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The analysis of `applications` read on `asOf`, with the funnel beside the medians of
    /// `cohort` (each other graduate's applications; those with none sent are left out, and no
    /// median is given under `cohortMinimum` of them). Only what happened by the end of `asOf`
    /// counts. Signals and feedback come as they were kept:
    /// signals in the order raised, feedback the latest given first.
    public init(applications: [AnalysedApplication], cohort: [[AnalysedApplication]], signals: [AnalysedSignal], feedback: [AnalysedFeedback], asOf: LocalDate) {
        self.asOf = asOf
        let applications = applications.map { $0.asOf(asOf) }
        let cohort = cohort.map { $0.map { $0.asOf(asOf) } }
        let sent = applications.filter { $0.history.submittedOn != nil }
        firstSent = sent.compactMap(\.history.submittedOn).min()
        sources = ApplicationSource.allCases.compactMap { source in
            let found = sent.filter { $0.source == source }
            guard !found.isEmpty else { return nil }
            let funnel = Funnel(histories: found.map(\.history))
            return SourceLine(source: source.title, sent: funnel.applied, answered: funnel.responded, interviewed: funnel.interviewed,
                              medianDaysToFirstAnswer: funnel.medianDaysToFirstResponse)
        }.sorted { ($0.sent, $1.source) > ($1.sent, $0.source) }
        let furthest = Dictionary(grouping: sent.compactMap(\.furthestStage), by: { $0 }).mapValues(\.count)
        stages = Stage.pipeline.filter { $0 != .wishlist }.map { StageLine(stage: $0.title, count: furthest[$0] ?? 0) }
        open = sent.filter(\.stage.isOpen).count
        accepted = sent.filter { $0.stage == .accepted }.count
        rejected = sent.filter { $0.stage == .rejected }.count
        withdrawn = sent.filter { $0.stage == .withdrawn }.count

        let others = cohort.map { Funnel(histories: $0.map(\.history)) }.filter { $0.applied > 0 }
        cohortSearching = others.count
        let searching = others.count >= Self.cohortMinimum ? others : []
        let mine = Funnel(histories: sent.map(\.history))
        let steps: [(String, (Funnel) -> Int)] = [("Sent", \.applied), ("First answer", \.responded), ("Interview", \.interviewed), ("Offer", \.offered)]
        funnel = steps.enumerated().map { index, step in
            let (name, count) = step
            return FunnelLine(step: name, count: count(mine), rate: index == 0 ? nil : Funnel.rate(count(mine), of: mine.applied),
                              cohortMedianCount: Self.median(searching.map { Double(count($0)) }),
                              cohortMedianRate: index == 0 ? nil : Self.median(searching.compactMap { Funnel.rate(count($0), of: $0.applied) }))
        }
        self.signals = signals
        self.feedback = feedback
    }

    /// The middle value, or the mean of the middle two; nil for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

import Foundation

/// The signs the Makers guide says a graduate should reach out for coaching, read from the
/// evidence and the clock rather than judged by hand, late, from memory.
public enum SignalKind: String, CaseIterable, Codable, Sendable, Comparable {
    case littleCode = "little_code"
    case tutorialsOnly = "tutorials_only"
    case motivation
    case firstHurdle = "first_hurdle"
    case noMockInterview = "no_mock_interview"
    case notFeelingBetter = "not_feeling_better"
    case feedbackNotActedOn = "feedback_not_acted_on"

    public var title: String {
        switch self {
        case .littleCode: "Not writing much code"
        case .tutorialsOnly: "Tutorials only"
        case .motivation: "Motivation flagging"
        case .firstHurdle: "Not past the first hurdle"
        case .noMockInterview: "No mock interview in a month"
        case .notFeelingBetter: "Not feeling better as a developer"
        case .feedbackNotActedOn: "Feedback not acted on"
        }
    }

    /// What acts on it, as the graduate is offered it.
    public var action: SignalAction {
        switch self {
        case .littleCode: .writeCode
        case .tutorialsOnly: .startSideProject
        case .motivation: .askToPair
        case .firstHurdle: .askForLearningPlan
        case .noMockInterview: .bookMockInterview
        case .notFeelingBetter: .askToPair
        case .feedbackNotActedOn: .actOnFeedback
        }
    }

    public static func < (a: SignalKind, b: SignalKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What a signal recommends, with the words of its link; the app gives each its address.
public enum SignalAction: String, Sendable {
    case writeCode
    case startSideProject
    case askToPair
    case askForLearningPlan
    case bookMockInterview
    case actOnFeedback

    public var recommendation: String {
        switch self {
        case .writeCode: "Spend the next two weeks mainly on code: a few commits each week is what hiring partners look for."
        case .startSideProject: "Start (or pick up again) a side project of your own: partners ask whether you have one."
        case .askToPair: "Pair with another graduate: an hour of code with someone else lifts a slow week."
        case .askForLearningPlan: "Ask your coach for an individual learning plan: many applications stopping at the first step say the application itself needs work."
        case .bookMockInterview: "Book a mock interview: a month of job hunting without one is the guide's sign to practise."
        case .actOnFeedback: "Do something about the feedback and record it: partners ask for proof that you act on technical feedback."
        }
    }

    public var label: String {
        switch self {
        case .writeCode: "Your projects"
        case .startSideProject: "Add a side project"
        case .askToPair: "Ask to pair"
        case .askForLearningPlan: "Ask for a learning plan"
        case .bookMockInterview: "Book a mock interview"
        case .actOnFeedback: "Record what you did"
        }
    }
}

/// Every signal's thresholds, in one table: changing a number here changes the rule, its
/// sentence and its tests' edges together.
public struct SignalThresholds: Equatable, Sendable {
    /// Commits a week to aim at (the setting `ONWARD_WEEKLY_COMMIT_TARGET`), counted over `codeDays`.
    public var weeklyCommits = ContributionCalendar.defaultWeeklyTarget
    public var codeDays = 7
    /// A side project worked on within this many days.
    public var sideProjectDays = 21
    /// The mood of the last `recentMoods` standups against the `earlierMoods` before them…
    public var recentMoods = 5
    public var earlierMoods = 10
    /// …falling by more than this on the 1–5 scale.
    public var moodDrop = 0.5
    /// Working days running with no standup.
    public var missedStandups = 3
    /// At least this many applications within `hurdleDays`, and none past the first step.
    public var hurdleApplications = 15
    public var hurdleDays = 30
    /// Job hunting longer than this with no mock interview within it.
    public var mockInterviewDays = 30
    /// Retrospectives running that answer "no" or "not sure".
    public var notBetterWeeks = 2
    /// Technical feedback with nothing done about it for this many days.
    public var feedbackOpenDays = 21

    public init(weeklyCommits: Int = ContributionCalendar.defaultWeeklyTarget) {
        self.weeklyCommits = weeklyCommits
    }

    /// The table as a page lists it: each rule and its numbers.
    public var table: [(signal: SignalKind, rule: String)] {
        [
            (.littleCode, "Fewer than \(weeklyCommits) commits in the last \(codeDays) days."),
            (.tutorialsOnly, "No side project worked on in the last \(sideProjectDays / 7) weeks."),
            (.motivation, "Mood over the last \(recentMoods) standups below the \(earlierMoods) before by more than \(moodDrop), or no standup on \(missedStandups) working days running."),
            (.firstHurdle, "At least \(hurdleApplications) applications in the last \(hurdleDays) days and none got past the first step to a screening, a tech test or an interview."),
            (.noMockInterview, "Over \(mockInterviewDays) days of job hunting and no mock interview in the last \(mockInterviewDays)."),
            (.notFeelingBetter, "\"Am I a better developer than a week ago?\" answered no or not sure \(notBetterWeeks) weeks running."),
            (.feedbackNotActedOn, "A piece of technical feedback with nothing done about it for \(feedbackOpenDays / 7) weeks."),
        ]
    }
}

/// What the signals are read from, for one graduate on one day (`today`, in their programme's zone).
public struct SignalEvidence: Sendable {
    public struct Standup: Equatable, Sendable {
        public let day: LocalDate
        public let mood: Int
        public init(day: LocalDate, mood: Int) { (self.day, self.mood) = (day, mood) }
    }

    public struct Application: Equatable, Sendable {
        public let sent: LocalDate
        /// It got past the first step: to a screening, a tech test or an interview (or further); a rejection is not.
        public let pastFirstStep: Bool
        public init(sent: LocalDate, pastFirstStep: Bool) { (self.sent, self.pastFirstStep) = (sent, pastFirstStep) }
    }

    public struct Retrospective: Equatable, Sendable {
        public let week: Int
        public let writtenOn: LocalDate
        /// The answer as the form words it ("Not sure").
        public let answer: String
        public let feltBetter: Bool
        public init(week: Int, writtenOn: LocalDate, answer: String, feltBetter: Bool) {
            (self.week, self.writtenOn, self.answer, self.feltBetter) = (week, writtenOn, answer, feltBetter)
        }
    }

    public struct Feedback: Equatable, Sendable {
        public let what: String
        public let given: LocalDate
        public init(what: String, given: LocalDate) { (self.what, self.given) = (what, given) }
    }

    public var today: LocalDate
    /// The first day of the job search: the day after the course ended.
    public var huntingSince: LocalDate
    /// Commits by day; nil when no GitHub login is linked (Onward cannot tell).
    public var commits: [LocalDate: Int]?
    /// The day each side project was last worked on.
    public var sideProjects: [LocalDate] = []
    public var standups: [Standup] = []
    public var applications: [Application] = []
    /// Days of mock interviews booked and not cancelled, held or ahead.
    public var mockInterviews: [LocalDate] = []
    public var retrospectives: [Retrospective] = []
    /// Technical feedback with nothing done about it yet.
    public var openFeedback: [Feedback] = []

    public init(today: LocalDate, huntingSince: LocalDate, commits: [LocalDate: Int]? = nil) {
        self.today = today
        self.huntingSince = huntingSince
        self.commits = commits
    }
}

/// A signal standing, with the sentence that explains it in the graduate's own figures.
public struct RaisedSignal: Equatable, Sendable {
    public let kind: SignalKind
    public let reason: String

    public init(_ kind: SignalKind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

public enum Signals {
    /// The signals `evidence` raises under `thresholds`, in `SignalKind`'s order.
    public static func raised(by evidence: SignalEvidence, thresholds t: SignalThresholds = SignalThresholds()) -> [RaisedSignal] {
        let today = evidence.today
        let hunting = evidence.huntingSince.days(to: today)
        var raised: [RaisedSignal] = []

        // A week of code is only a week once the job search has run a week.
        if let commits = evidence.commits, hunting >= t.codeDays {
            let recent = (0..<t.codeDays).reduce(0) { $0 + (commits[today.adding(days: -$1)] ?? 0) }
            if recent < t.weeklyCommits {
                raised.append(RaisedSignal(.littleCode, "\(Wording.count(recent, "commit")) in the last \(t.codeDays) days, fewer than the \(t.weeklyCommits) a week to aim at."))
            }
        }

        if hunting >= t.sideProjectDays {
            let since = today.adding(days: -t.sideProjectDays)
            if let last = evidence.sideProjects.max() {
                if last < since {
                    raised.append(RaisedSignal(.tutorialsOnly, "No side project worked on in the last \(t.sideProjectDays / 7) weeks: the last was on \(last.display)."))
                }
            } else {
                raised.append(RaisedSignal(.tutorialsOnly, "No side project recorded, \(hunting / 7) weeks into the job search."))
            }
        }

        if let motivation = motivation(evidence, t) { raised.append(motivation) }

        let hurdleFrom = today.adding(days: -(t.hurdleDays - 1))
        let recentApplications = evidence.applications.filter { $0.sent >= hurdleFrom && $0.sent <= today }
        if recentApplications.count >= t.hurdleApplications, !recentApplications.contains(where: \.pastFirstStep) {
            raised.append(RaisedSignal(.firstHurdle, "\(recentApplications.count) applications in the last \(t.hurdleDays) days, and none got past the first step to a screening, a tech test or an interview."))
        }

        let mockFrom = today.adding(days: -t.mockInterviewDays)
        if hunting > t.mockInterviewDays, !evidence.mockInterviews.contains(where: { $0 >= mockFrom }) {
            let last = evidence.mockInterviews.max().map { "the last was on \($0.display)" } ?? "none yet"
            raised.append(RaisedSignal(.noMockInterview, "\(hunting) days of job hunting and no mock interview in the last \(t.mockInterviewDays) (\(last))."))
        }

        let latest = evidence.retrospectives.sorted { $0.week > $1.week }.prefix(t.notBetterWeeks)
        if latest.count == t.notBetterWeeks, let newest = latest.first, let oldest = latest.last,
           newest.week - oldest.week == t.notBetterWeeks - 1, newest.writtenOn >= today.adding(days: -14),
           latest.allSatisfy({ !$0.feltBetter }) {
            let answers = Wording.list(latest.reversed().map { "\"\($0.answer)\" in week \($0.week)" })
            raised.append(RaisedSignal(.notFeelingBetter, "\"Am I a better developer than a week ago?\" answered \(answers)."))
        }

        let feedbackBy = today.adding(days: -t.feedbackOpenDays)
        let stale = evidence.openFeedback.filter { $0.given <= feedbackBy }.sorted { $0.given < $1.given }
        if let oldest = stale.first {
            let more = stale.count > 1 ? " (and \(Wording.count(stale.count - 1, "more piece", "more pieces")))" : ""
            raised.append(RaisedSignal(.feedbackNotActedOn, "\"\(oldest.what)\", given on \(oldest.given.display), has had nothing done about it for \(oldest.given.days(to: today) / 7) weeks\(more)."))
        }
        return raised
    }

    /// Mood falling (the latest standups' mean below the earlier ones' by more than the margin),
    /// or no standup on the last working days before today.
    private static func motivation(_ evidence: SignalEvidence, _ t: SignalThresholds) -> RaisedSignal? {
        let today = evidence.today
        var workingDays: [LocalDate] = []
        var day = today.adding(days: -1)
        while workingDays.count < t.missedStandups {
            if !day.isWeekend { workingDays.append(day) }
            day = day.adding(days: -1)
        }
        let posted = Set(evidence.standups.map(\.day))
        if let first = workingDays.last, first >= evidence.huntingSince, !workingDays.contains(where: posted.contains) {
            return RaisedSignal(.motivation, "No standup on the last \(t.missedStandups) working days (since \(first.display)).")
        }
        let moods = evidence.standups.filter { $0.day <= today }.sorted { $0.day > $1.day }.map(\.mood)
        guard moods.count >= t.recentMoods + t.earlierMoods else { return nil }
        let recent = mean(moods.prefix(t.recentMoods))
        let earlier = mean(moods.dropFirst(t.recentMoods).prefix(t.earlierMoods))
        guard earlier - recent > t.moodDrop else { return nil }
        return RaisedSignal(.motivation, "Mood over the last \(t.recentMoods) standups \(oneDecimal(recent)) of 5, down from \(oneDecimal(earlier)) over the \(t.earlierMoods) before.")
    }

    private static func mean<S: Collection>(_ values: S) -> Double where S.Element == Int {
        Double(values.reduce(0, +)) / Double(max(1, values.count))
    }

    private static func oneDecimal(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

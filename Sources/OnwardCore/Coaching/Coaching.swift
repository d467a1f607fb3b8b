import Foundation

/// How often an Individual Learning Plan's meetings fall.
public enum MeetingCadence: String, CaseIterable, Codable, Sendable {
    case weekly
    case fortnightly

    public var days: Int {
        switch self {
        case .weekly: 7
        case .fortnightly: 14
        }
    }

    public var title: String {
        switch self {
        case .weekly: "Every week"
        case .fortnightly: "Every two weeks"
        }
    }
}

public enum LearningPlanRules {
    /// The next meeting of a plan: a cadence after the last one; the day the plan started when
    /// none has been held; never before today (a meeting missed is due now, not in the past).
    public static func nextMeeting(cadence: MeetingCadence, started: LocalDate, lastMeeting: LocalDate?, today: LocalDate) -> LocalDate {
        let due = lastMeeting.map { $0.adding(days: cadence.days) } ?? started
        return max(due, today)
    }

    /// A graduate moves their recommendations while the plan is active; a finished plan is kept
    /// as it ended, so what it shows a coach later is what was done by then.
    public static func recommendationsMove(inA state: LearningPlanState) -> Bool { state == .active }

    public static let finishedPlanKeeps = "This plan is finished: its recommendations stay as they were when it ended."
}

/// What a coach recommends at an ILP meeting.
public enum RecommendationKind: String, CaseIterable, Codable, Sendable {
    case kata
    case codeReview = "code_review"
    case project
    case processObservation = "process_observation"
    case reading
    case other

    public var title: String {
        switch self {
        case .kata: "Kata"
        case .codeReview: "Code review"
        case .project: "Project"
        case .processObservation: "Process observation"
        case .reading: "Reading"
        case .other: "Other"
        }
    }
}

/// Where a recommendation stands; the graduate moves it.
public enum RecommendationState: String, CaseIterable, Codable, Sendable {
    case toDo = "to_do"
    case doing
    case done

    /// Overdue: not done, and its due day has passed.
    public func isOverdue(due: LocalDate?, today: LocalDate) -> Bool {
        guard self != .done, let due else { return false }
        return due < today
    }
}

/// A review of a submission: each round approves or asks for changes; asking for changes sends
/// the graduate back to edit and resubmit, and every round is kept.
public enum ReviewState: String, Codable, Sendable {
    /// Submitted (or resubmitted), waiting for a coach.
    case waiting
    /// A coach asked for changes: waiting for the graduate to resubmit.
    case changesRequested = "changes_requested"
    /// Approved: it completes its programme activity.
    case approved

    public var title: String {
        switch self {
        case .waiting: "Waiting for review"
        case .changesRequested: "Changes asked"
        case .approved: "Approved"
        }
    }

    public enum Event: Equatable, Sendable {
        case approve
        case requestChanges
        case resubmit
    }

    /// The state after `event`, or nil when the event does not apply (approving what is not
    /// waiting, resubmitting what was not sent back).
    public func after(_ event: Event) -> ReviewState? {
        switch (self, event) {
        case (.waiting, .approve): .approved
        case (.waiting, .requestChanges): .changesRequested
        case (.changesRequested, .resubmit): .waiting
        default: nil
        }
    }
}

/// A support request's state: open (waiting for the careers team), pending (waiting for the
/// graduate), solved. A reply from the team makes it pending; one from the graduate opens it
/// again, a solved one included.
public enum SupportRequestState: String, CaseIterable, Codable, Sendable {
    case open
    case pending
    case solved

    public enum Event: Equatable, Sendable {
        case teamReplied
        case graduateReplied
        case solved
    }

    public func after(_ event: Event) -> SupportRequestState {
        switch event {
        case .teamReplied: self == .solved ? .solved : .pending
        case .graduateReplied: .open
        case .solved: .solved
        }
    }
}

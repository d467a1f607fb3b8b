import Foundation

/// Where an Individual Learning Plan stands: asked for by the graduate, active with a coach, or
/// finished.
public enum LearningPlanState: String, CaseIterable, Codable, Sendable {
    case requested
    case active
    case finished

    public var title: String {
        switch self {
        case .requested: "Asked for"
        case .active: "Active"
        case .finished: "Finished"
        }
    }
}

/// A plan asked for or started, checked: the focus areas, one per line, and for a coach starting
/// it, the cadence of its meetings.
public struct LearningPlanDraft: Equatable, Sendable {
    public let focusAreas: String
    public let cadence: MeetingCadence

    public init(focusAreas: String, cadence: MeetingCadence) {
        self.focusAreas = focusAreas
        self.cadence = cadence
    }

    public static func validate(focusAreas raw: String, cadence rawCadence: String) throws(ValidationErrors) -> LearningPlanDraft {
        var errors = ValidationErrors()
        let focus = TextRules.checked(raw, field: "focus_areas", label: "focus areas", limit: TextRules.Limit.sentence, into: &errors)
        if focus.isEmpty && errors.message(for: "focus_areas") == nil {
            errors.add("focus_areas", "Name what to work on, such as \"Testing, and explaining my code in interviews\".")
        }
        let cadence = MeetingCadence(rawValue: rawCadence.trimmed)
        if cadence == nil { errors.add("cadence", "Choose how often to meet.") }
        try errors.throwIfAny()
        return LearningPlanDraft(focusAreas: focus, cadence: cadence!)
    }
}

/// When and where a plan's meetings happen, as its coach sets them: a time of day (in the
/// graduate's zone), a video call's address, a place; each may be left empty.
public struct MeetingWhere: Equatable, Sendable {
    public let time: StandupTime?
    public let link: String
    public let place: String

    public init(time: StandupTime?, link: String, place: String) {
        self.time = time
        self.link = link
        self.place = place
    }

    public static func validate(time rawTime: String, link rawLink: String, place rawPlace: String) throws(ValidationErrors) -> MeetingWhere {
        var errors = ValidationErrors()
        var time: StandupTime?
        if !rawTime.trimmed.isEmpty {
            time = StandupTime(rawTime.trimmed)
            if time == nil { errors.add("meeting_time", "Enter the time as HH:MM, such as 14:00.") }
        }
        let link = WebAddress.validate(rawLink, field: "meeting_link", into: &errors) ?? ""
        let place = TextRules.checked(rawPlace, field: "meeting_place", label: "place", limit: TextRules.Limit.short, into: &errors)
        try errors.throwIfAny()
        return MeetingWhere(time: time, link: link, place: place)
    }
}

/// A recommendation made at a meeting, checked.
public struct RecommendationDraft: Equatable, Sendable {
    public let kind: RecommendationKind
    public let description: String
    public let link: String?
    public let due: LocalDate?

    public init(kind: RecommendationKind, description: String, link: String? = nil, due: LocalDate? = nil) {
        self.kind = kind
        self.description = description
        self.link = link
        self.due = due
    }

    /// How far ahead a recommendation may be due.
    public static let horizonDays = 365

    /// `field` prefixes the field names of a meeting form's numbered rows ("rec1_description").
    public static func validate(kind rawKind: String, description raw: String, link rawLink: String, due rawDue: String, heldOn: LocalDate,
                                prefix: String = "", into errors: inout ValidationErrors) -> RecommendationDraft? {
        let before = errors.errors.count
        let kind = RecommendationKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add(prefix + "kind", "Choose the kind of recommendation.") }
        let description = TextRules.checked(raw, field: prefix + "description", label: "recommendation", limit: TextRules.Limit.sentence, into: &errors)
        if description.isEmpty && errors.message(for: prefix + "description") == nil { errors.add(prefix + "description", "Describe what to do.") }
        let link = WebAddress.validate(rawLink, field: prefix + "link", into: &errors)
        var due: LocalDate?
        if !rawDue.trimmed.isEmpty {
            due = LocalDate(iso: rawDue.trimmed)
            if let day = due {
                if day < heldOn || day > heldOn.adding(days: horizonDays) {
                    errors.add(prefix + "due", "Set the due date between the meeting and a year after it.")
                }
            } else {
                errors.add(prefix + "due", "Enter the due date as YYYY-MM-DD.")
            }
        }
        guard errors.errors.count == before else { return nil }
        return RecommendationDraft(kind: kind!, description: description, link: link, due: due)
    }
}

/// A meeting of a plan, checked: the day it was held (not ahead of today; `conflict` checks it
/// against the plan's start), notes, and what was recommended.
public struct MeetingDraft: Equatable, Sendable {
    public let heldOn: LocalDate
    public let notes: String
    public let recommendations: [RecommendationDraft]

    public init(heldOn: LocalDate, notes: String, recommendations: [RecommendationDraft] = []) {
        self.heldOn = heldOn
        self.notes = notes
        self.recommendations = recommendations
    }

    /// At most this many recommendations come from one meeting.
    public static let maxRecommendations = 5

    /// A recommendation row of a form, as typed: kind, description, link, due.
    public struct Row: Sendable {
        public let kind: String
        public let description: String
        public let link: String
        public let due: String

        public init(kind: String, description: String, link: String, due: String) {
            self.kind = kind
            self.description = description
            self.link = link
            self.due = due
        }

        /// A row left wholly empty is no recommendation.
        public var isEmpty: Bool { [kind, description, link, due].allSatisfy { $0.trimmed.isEmpty } }
    }

    /// `rows` are numbered from 1 in field names ("rec1_description"); empty rows are skipped.
    public static func validate(heldOn rawDay: String, notes rawNotes: String, rows: [Row], today: LocalDate,
                                rowPrefix: (Int) -> String = { "rec\($0)_" }) throws(ValidationErrors) -> MeetingDraft {
        var errors = ValidationErrors()
        let day = LocalDate(iso: rawDay.trimmed)
        if day == nil { errors.add("held_on", "Enter the day of the meeting as YYYY-MM-DD.") }
        else if day! > today { errors.add("held_on", "Record a meeting once it has been held: the day is after today.") }
        let notes = TextRules.checked(rawNotes, field: "notes", label: "notes", limit: TextRules.Limit.long, into: &errors)
        if notes.isEmpty && errors.message(for: "notes") == nil { errors.add("notes", "Write what you talked about and agreed.") }
        if rows.count > maxRecommendations {
            errors.add("recommendations", "At most \(maxRecommendations) recommendations come from one meeting.")
        }
        var recommendations: [RecommendationDraft] = []
        for (n, row) in rows.enumerated() where !row.isEmpty {
            if let draft = RecommendationDraft.validate(kind: row.kind, description: row.description, link: row.link, due: row.due,
                                                        heldOn: day ?? today, prefix: rowPrefix(n + 1), into: &errors) {
                recommendations.append(draft)
            }
        }
        try errors.throwIfAny()
        return MeetingDraft(heldOn: day!, notes: notes, recommendations: recommendations)
    }

    /// A meeting is held on or after the day its plan started. The plan's start is its state, not
    /// the request's, so a day before it is a conflict with the plan (409), not invalid input.
    public static func conflict(heldOn day: LocalDate, started: LocalDate) -> FieldError? {
        day < started ? FieldError(field: "held_on", message: "The plan started on \(started.display): the meeting cannot be before.") : nil
    }
}

/// A graduate's progress on a recommendation, checked: its state, and a link to what they made.
public struct RecommendationProgress: Equatable, Sendable {
    public let state: RecommendationState
    public let outcomeLink: String?
    /// Whether the link was named at all: a change that does not name it (an API PATCH of the
    /// state alone) keeps the one stored, where a form's empty field clears it.
    public let namesOutcomeLink: Bool

    public init(state: RecommendationState, outcomeLink: String? = nil, namesOutcomeLink: Bool = true) {
        self.state = state
        self.outcomeLink = outcomeLink
        self.namesOutcomeLink = namesOutcomeLink
    }

    /// `rawLink` nil: the link is not named, and stays as it is.
    public static func validate(state rawState: String, outcomeLink rawLink: String?) throws(ValidationErrors) -> RecommendationProgress {
        var errors = ValidationErrors()
        let state = RecommendationState(rawValue: rawState.trimmed)
        if state == nil { errors.add("state", "Choose to do, doing or done.") }
        let link = rawLink.flatMap { WebAddress.validate($0, field: "outcome_link", into: &errors) }
        try errors.throwIfAny()
        return RecommendationProgress(state: state!, outcomeLink: link, namesOutcomeLink: rawLink != nil)
    }
}

extension RecommendationState {
    public var title: String {
        switch self {
        case .toDo: "To do"
        case .doing: "Doing"
        case .done: "Done"
        }
    }
}

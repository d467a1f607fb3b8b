import Foundation

/// The Makers guide's question that ends every retrospective: "Am I a better developer than I was
/// a week ago?"
public enum BetterDeveloper: String, CaseIterable, Codable, Sendable {
    case yes
    case notSure = "not_sure"
    case no

    public var title: String {
        switch self {
        case .yes: "Yes"
        case .notSure: "Not sure"
        case .no: "No"
        }
    }
}

/// A weekly retrospective, checked: what went well, what didn't, what I learned, the focus for
/// next week, and the answer to the question.
public struct RetrospectiveDraft: Equatable, Sendable {
    public let wentWell: String
    public let didNotGoWell: String
    public let learned: String
    public let focus: String
    public let better: BetterDeveloper

    public init(wentWell: String, didNotGoWell: String, learned: String, focus: String, better: BetterDeveloper) {
        self.wentWell = wentWell
        self.didNotGoWell = didNotGoWell
        self.learned = learned
        self.focus = focus
        self.better = better
    }

    public static func validate(wentWell: String, didNotGoWell: String, learned: String, focus: String, better rawBetter: String) throws(ValidationErrors) -> RetrospectiveDraft {
        var errors = ValidationErrors()
        func answer(_ raw: String, _ field: String, _ label: String, _ prompt: String) -> String {
            let text = TextRules.checked(raw, field: field, label: label, limit: TextRules.Limit.long, into: &errors)
            if text.isEmpty { errors.add(field, prompt) }
            return text
        }
        let well = answer(wentWell, "went_well", "what went well", "Say what went well, even a small thing.")
        let notWell = answer(didNotGoWell, "did_not_go_well", "what didn't go well", "Say what didn't go well, or 'nothing'.")
        let learned = answer(learned, "learned", "what you learned", "Say what you learned.")
        let focus = answer(focus, "focus", "your focus", "Say what you will focus on next week.")
        let better = BetterDeveloper(rawValue: rawBetter)
        if better == nil { errors.add("better", "Answer the question: are you a better developer than a week ago?") }
        try errors.throwIfAny()
        return RetrospectiveDraft(wentWell: well, didNotGoWell: notWell, learned: learned, focus: focus, better: better!)
    }

    /// Which weeks a graduate may write (or rewrite) on `today`: the week in progress and every
    /// week of the programme that has ended.
    public static func writableWeeks(on today: LocalDate, calendar: ProgrammeCalendar) -> ClosedRange<Int>? {
        let current = calendar.week(of: today)
        return current >= 1 ? 1...current : nil
    }
}

/// A coach's comment on a retrospective, the careers team's reply to a request for help, or an
/// admin's reason for pausing a programme: text that must say something.
public enum ProgrammeReply {
    public static func validate(_ raw: String, field: String = "body", label: String = "reply", limit: Int = TextRules.Limit.long) throws(ValidationErrors) -> String {
        var errors = ValidationErrors()
        let text = TextRules.checked(raw, field: field, label: label, limit: limit, into: &errors)
        if text.isEmpty && errors.isEmpty { errors.add(field, "Write something first.") }
        try errors.throwIfAny()
        return text
    }
}

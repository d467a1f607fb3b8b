import Crypto
import Foundation

/// What a graduate says on the candidate profile they may share with the partnerships team: a
/// headline and when they can start. Sharing is off until they turn it on, and turning it off
/// takes the profile away from partners at once.
public struct CandidateProfileDraft: Equatable, Sendable {
    public let headline: String
    /// The first day they can start; nil when they can start now.
    public let availableFrom: LocalDate?

    /// A start further ahead than this is not a candidate's date but a slip.
    public static let furthestStartDays = 365
    public static let headlineLimit = 120

    public init(headline: String, availableFrom: LocalDate?) {
        (self.headline, self.availableFrom) = (headline, availableFrom)
    }

    /// An empty `availableFrom`, or a day up to today, means "now".
    public static func validate(headline: String, availableFrom raw: String, today: LocalDate) throws(ValidationErrors) -> CandidateProfileDraft {
        var errors = ValidationErrors()
        let headline = TextRules.checked(headline, field: "headline", label: "headline", limit: headlineLimit, into: &errors)
        var from: LocalDate?
        if !raw.trimmed.isEmpty {
            from = DayRules.day(raw, field: "available_from", from: today.adding(days: -furthestStartDays), to: today.adding(days: furthestStartDays), into: &errors,
                                after: "Choose a day within a year: the first day you could start.")
        }
        try errors.throwIfAny()
        return CandidateProfileDraft(headline: headline, availableFrom: from.flatMap { $0 > today ? $0 : nil })
    }

    /// "Available now", or the day they can start, as a partner reads it on `today`.
    public static func availability(from day: LocalDate?, today: LocalDate) -> String {
        guard let day, day > today else { return "Available now" }
        return "Available from \(day.display)"
    }
}

/// What a coach writes of a graduate's technical ability for hiring partners (the guide: partners
/// "ask us for our technical recommendations"). The graduate reads it before it is shared.
public enum TechnicalRecommendation {
    public static let limit = 2_000

    /// The words' version, which the graduate's "I have read it" names: SHA-256 of the text in
    /// hex, so that words a coach changed after the page was shown are not marked read.
    public static func version(of text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public static func validate(_ text: String) throws(ValidationErrors) -> String {
        var errors = ValidationErrors()
        let text = TextRules.checked(text, field: "text", label: "recommendation", limit: limit, into: &errors)
        if text.isEmpty { errors.add("text", "Write the recommendation: what they can do, with an example.") }
        try errors.throwIfAny()
        return text
    }
}

/// A named shortlist the partnerships team makes for a hiring partner.
public struct ShortlistDraft: Equatable, Sendable {
    public let name: String
    public let hiringPartner: String

    public static let nameLimit = 80
    public static let hiringPartnerLimit = 120

    public init(name: String, hiringPartner: String) {
        (self.name, self.hiringPartner) = (name, hiringPartner)
    }

    public static func validate(name: String, hiringPartner: String) throws(ValidationErrors) -> ShortlistDraft {
        var errors = ValidationErrors()
        let name = TextRules.checked(name, field: "name", label: "name", limit: nameLimit, into: &errors)
        if name.isEmpty { errors.add("name", "Name the shortlist: the role it is for.") }
        let partner = TextRules.checked(hiringPartner, field: "hiring_partner", label: "hiring partner", limit: hiringPartnerLimit, into: &errors)
        if partner.isEmpty { errors.add("hiring_partner", "Say which hiring partner it is for.") }
        try errors.throwIfAny()
        return ShortlistDraft(name: name, hiringPartner: partner)
    }
}

/// Which shared candidates a partner lists: those with a stack (any case), and those who can
/// start within so many days.
public struct CandidateFilter: Equatable, Sendable {
    public let stack: String?
    public let startsWithinDays: Int?

    /// The choices a partner has for when a candidate can start.
    public static let startChoices = [0, 30, 90]

    public init(stack: String? = nil, startsWithinDays: Int? = nil) {
        let stack = stack?.trimmed ?? ""
        self.stack = stack.isEmpty ? nil : String(stack.prefix(Stacks.longest))
        self.startsWithinDays = startsWithinDays.map { min(max($0, 0), CandidateProfileDraft.furthestStartDays) }
    }

    public func admits(stacks: [String], availableFrom: LocalDate?, today: LocalDate) -> Bool {
        if let stack, !stacks.contains(where: { Stacks.key($0) == Stacks.key(stack) }) { return false }
        if let days = startsWithinDays, let from = availableFrom, from > today.adding(days: days) { return false }
        return true
    }
}

extension Access {
    /// Who shares a candidate profile of their own: a graduate.
    public static func sharesCandidateProfile(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who writes a graduate's technical recommendation: one of their coaches.
    public static func canRecommend(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role == .coach && owner.coachIDs.contains(viewer.id)
    }
}

import Foundation

/// A window as a form types it: a day and two times, in the person's time zone.
public struct WindowRow: Sendable {
    public let day: String
    public let start: String
    public let end: String

    public init(day: String, start: String, end: String) {
        self.day = day
        self.start = start
        self.end = end
    }

    /// A row left wholly empty is no window.
    public var isEmpty: Bool { [day, start, end].allSatisfy { $0.trimmed.isEmpty } }
}

/// The windows of a request to pair, or of a volunteer's availability, checked: each at least an
/// hour, at most twelve, starting after now and within the next 14 days; one to five of them.
public enum PairingWindows {
    public static let horizonDays = 14
    public static let most = 5
    public static let longestHours = 12

    /// Rows numbered from 1 in field names ("window1_day"); an end before the start is read on the
    /// next day (a window from 22:00 to 01:00 crosses midnight).
    public static func validate(_ rows: [WindowRow], timeZone: TimeZone, now: Date, into errors: inout ValidationErrors,
                                field: (Int) -> String = { "window\($0)_" }) -> [TimeWindow] {
        var windows: [TimeWindow] = []
        let filled = rows.enumerated().filter { !$0.element.isEmpty }
        if filled.isEmpty { errors.add(field(1) + "day", "Give at least one time that suits you.") }
        if filled.count > most { errors.add(field(most + 1) + "day", "Give at most \(most) times.") }
        for (n, row) in filled {
            let prefix = field(n + 1)
            let day = TypedMoment.day(row.day, field: prefix + "day", into: &errors)
            let start = TypedMoment.time(row.start, field: prefix + "start", into: &errors)
            let end = TypedMoment.time(row.end, field: prefix + "end", ends: true, into: &errors)
            guard let day, let start, let end else { continue }
            let from = TypedMoment.moment(day, start, in: timeZone)
            var to = TypedMoment.moment(day, end, in: timeZone)
            if to == from { errors.add(prefix + "end", "End the window after it starts."); continue }
            if to < from { to = TypedMoment.moment(day.adding(days: 1), end, in: timeZone) }
            if let window = checked(TimeWindow(start: from, end: to), now: now, field: prefix + "day", into: &errors) { windows.append(window) }
        }
        return windows.sorted()
    }

    /// One window as the API sends it.
    public static func checked(_ window: TimeWindow, now: Date, field: String, into errors: inout ValidationErrors) -> TimeWindow? {
        if window.start <= now { errors.add(field, "Choose a time that has not begun yet."); return nil }
        if window.start > now.addingTimeInterval(Double(horizonDays) * 86_400) { errors.add(field, "Choose a time within the next \(horizonDays) days."); return nil }
        if window.seconds < PairingMatcher.sessionSeconds { errors.add(field, "Leave at least an hour: a session lasts an hour."); return nil }
        if window.seconds > Double(longestHours) * 3_600 { errors.add(field, "Keep a window to at most \(longestHours) hours."); return nil }
        return window
    }
}

/// The windows of a request or an availability, as they come: typed in a form (a day and two
/// times in the typist's zone), or as moments (the API).
public enum WindowsInput: Sendable {
    case rows([WindowRow], timeZone: TimeZone)
    case moments([TimeWindow])
}

/// A graduate's request to pair, checked: what about (free text, kinds of session, the stacks to
/// work in and those to avoid) and when.
public struct PairingRequestDraft: Equatable, Sendable {
    public let topic: String
    public let kinds: Set<PairingKind>
    public let stacks: [String]
    public let avoidedStacks: [String]
    public let windows: [TimeWindow]

    public init(topic: String, kinds: Set<PairingKind>, stacks: [String] = [], avoidedStacks: [String] = [], windows: [TimeWindow]) {
        self.topic = topic
        self.kinds = kinds
        self.stacks = stacks
        self.avoidedStacks = avoidedStacks
        self.windows = windows
    }

    /// `stacks` and `avoiding` as typed, comma- or line-separated.
    public static func validate(topic: String, kinds: [String], stacks: String = "", avoiding: String = "", windows: WindowsInput,
                                now: Date) throws(ValidationErrors) -> PairingRequestDraft {
        var errors = ValidationErrors()
        let wanted = Stacks.validate(stacks, field: "stacks", into: &errors)
        let avoided = Stacks.validate(avoiding, field: "avoid_stacks", into: &errors)
        let wantedKeys = Stacks.keys(wanted)
        if let both = avoided.first(where: { wantedKeys.contains(Stacks.key($0)) }), errors.message(for: "avoid_stacks") == nil {
            errors.add("avoid_stacks", "\(both) is in both lists: keep it where it belongs.")
        }
        let checked = try PairingDrafts.checked(topic, field: "topic", label: "topic", prompt: "Say what you want to work on, such as \"the bowling kata in Ruby\".",
                                                kinds: kinds, windows: windows, now: now, errors: errors)
        return PairingRequestDraft(topic: checked.text, kinds: checked.kinds, stacks: wanted, avoidedStacks: avoided, windows: checked.windows)
    }
}

/// A volunteer's availability, checked: what they can help with (free text, kinds of session,
/// stacks), and when.
public struct AvailabilityDraft: Equatable, Sendable {
    public let topics: String
    public let kinds: Set<PairingKind>
    public let stacks: [String]
    public let windows: [TimeWindow]

    public init(topics: String, kinds: Set<PairingKind>, stacks: [String] = [], windows: [TimeWindow]) {
        self.topics = topics
        self.kinds = kinds
        self.stacks = stacks
        self.windows = windows
    }

    public static func validate(topics: String, kinds: [String], stacks: String = "", windows: WindowsInput, now: Date) throws(ValidationErrors) -> AvailabilityDraft {
        var errors = ValidationErrors()
        let stacks = Stacks.validate(stacks, field: "stacks", into: &errors)
        let checked = try PairingDrafts.checked(topics, field: "topics", label: "topics", prompt: "Say what you can help with, such as \"Ruby, Rails, tech tests\".",
                                                kinds: kinds, windows: windows, now: now, errors: errors)
        return AvailabilityDraft(topics: checked.text, kinds: checked.kinds, stacks: stacks, windows: checked.windows)
    }
}

enum PairingDrafts {
    /// What a request and an availability share: a text (one sentence), kinds, windows; thrown
    /// with `errors` found before.
    static func checked(_ raw: String, field: String, label: String, prompt: String, kinds rawKinds: [String], windows input: WindowsInput,
                        now: Date, errors: ValidationErrors) throws(ValidationErrors) -> (text: String, kinds: Set<PairingKind>, windows: [TimeWindow]) {
        var errors = errors
        let text = TextRules.checked(raw, field: field, label: label, limit: TextRules.Limit.sentence, into: &errors)
        if text.isEmpty && errors.message(for: field) == nil { errors.add(field, prompt) }
        let kinds = Self.kinds(rawKinds, into: &errors)
        let windows: [TimeWindow]
        switch input {
        case .rows(let rows, let zone): windows = PairingWindows.validate(rows, timeZone: zone, now: now, into: &errors)
        case .moments(let moments): windows = Self.windows(moments, now: now, into: &errors)
        }
        try errors.throwIfAny()
        return (text, kinds, windows)
    }

    static func kinds(_ raw: [String], into errors: inout ValidationErrors) -> Set<PairingKind> {
        let kinds = Set(raw.compactMap { PairingKind(rawValue: $0.trimmed) })
        if raw.count > PairingKind.allCases.count || Set(raw.map(\.trimmed)).count != raw.count { errors.add("kinds", "Choose at most \(PairingKind.allCases.count) kinds of session, each once.") }
        else if kinds.count != Set(raw.map(\.trimmed).filter { !$0.isEmpty }).count { errors.add("kinds", "Choose the kinds of session from the list.") }
        else if kinds.isEmpty { errors.add("kinds", "Choose at least one kind of session: a match shares one.") }
        return kinds
    }

    static func windows(_ raw: [TimeWindow], now: Date, into errors: inout ValidationErrors) -> [TimeWindow] {
        if raw.isEmpty { errors.add("windows", "Give at least one time that suits you.") }
        if raw.count > PairingWindows.most { errors.add("windows", "Give at most \(PairingWindows.most) times.") }
        return raw.enumerated().compactMap { n, window in PairingWindows.checked(window, now: now, field: "windows[\(n)]", into: &errors) }.sorted()
    }
}

/// Where a pairing stands. Proposed by the matcher (or a coach), each side accepts or declines;
/// accepted once both have. Withdrawn when the request behind it is withdrawn, or the volunteer
/// stops, before both accepted: unlike a decline, that keeps nobody apart.
public enum PairingState: String, CaseIterable, Codable, Sendable {
    case proposed
    case accepted
    case declined
    case withdrawn

    public var title: String {
        switch self {
        case .proposed: "Proposed"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .withdrawn: "Withdrawn"
        }
    }

    /// After one side's answer, given whether the other side has accepted already. A decline ends
    /// it; an answer to what is settled changes nothing (nil).
    public func after(accepting: Bool, otherAccepted: Bool) -> PairingState? {
        guard self == .proposed else { return nil }
        if !accepting { return .declined }
        return otherAccepted ? .accepted : .proposed
    }
}

/// Where a request to pair stands: looking for a partner, paired (its pairing accepted), or
/// withdrawn. A graduate has at most one open request.
public enum PairingRequestStatus: String, CaseIterable, Codable, Sendable {
    case open
    case paired
    case withdrawn

    public var title: String {
        switch self {
        case .open: "Looking for a partner"
        case .paired: "Paired"
        case .withdrawn: "Withdrawn"
        }
    }
}

public enum PairingRules {
    /// A request unmatched this long shows on the coaches' list.
    public static let unmatchedHours = 48

    public static func isLongUnmatched(askedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(askedAt) > Double(unmatchedHours) * 3_600
    }

    /// Pairing with the same person again counts as recent within this many days; a decline
    /// keeps the two apart as long.
    public static let recentDays = 30

    /// How long the two have to answer a proposal.
    public static let answerHours = 48

    /// A proposal not accepted by both within 48 hours, or before its hour began, has lapsed: its
    /// requests look again (and show on the coaches' list when they have waited long).
    public static func isLapsed(_ state: PairingState, startsAt: Date, proposedAt: Date, now: Date) -> Bool {
        state == .proposed && (startsAt <= now || now.timeIntervalSince(proposedAt) > Double(answerHours) * 3_600)
    }

    /// How a pairing reads: its state, or that it lapsed.
    public static func title(_ state: PairingState, startsAt: Date, proposedAt: Date, now: Date) -> String {
        isLapsed(state, startsAt: startsAt, proposedAt: proposedAt, now: now) ? "Not accepted in time" : state.title
    }

    /// The two add the link to join once accepted, until the hour ends; notes come after it begins.
    public static func mayNote(_ state: PairingState, startsAt: Date, now: Date) -> Bool {
        state == .accepted && startsAt <= now
    }
}

/// What one person may do with one pairing, decided once from who they are and where the pairing
/// stands, and used alike by its page, the API and the use cases.
public struct PairingScope: Equatable, Sendable {
    /// Reads the link to join: its two people, once both accepted.
    public let readsLink: Bool
    /// Adds or changes the link: its two people, once both accepted, until the hour ends.
    public let setsLink: Bool
    /// Notes what they worked on: its two people, once the accepted hour has begun.
    public let notes: Bool

    public init(readsLink: Bool, setsLink: Bool, notes: Bool) {
        self.readsLink = readsLink
        self.setsLink = setsLink
        self.notes = notes
    }

    public static func of(_ viewer: Viewer, sides: Set<String>, state: PairingState, startsAt: Date, endsAt: Date, now: Date) -> PairingScope {
        let side = Access.isSideOfPairing(viewer, sides: sides)
        return PairingScope(readsLink: side && state == .accepted, setsLink: side && state == .accepted && now < endsAt,
                            notes: side && PairingRules.mayNote(state, startsAt: startsAt, now: now))
    }
}

/// What one side worked on in a pairing, noted afterwards.
public enum PairingNote {
    public static func validate(_ raw: String) throws(ValidationErrors) -> String {
        try PracticeNote.validate(raw, prompt: "Say what you worked on, such as \"the bowling kata, test first, swapping every ten minutes\".")
    }
}

/// The link to join a pairing, which the two fill.
public enum PairingLink {
    public static func validate(_ raw: String) throws(ValidationErrors) -> String {
        var errors = ValidationErrors()
        let link = WebAddress.validate(raw, field: "link", into: &errors)
        if link == nil && errors.message(for: "link") == nil { errors.add("link", "Give the link to join, such as a video call's.") }
        try errors.throwIfAny()
        return link!
    }
}

/// A coach's match by hand, checked: whom with (a request or a volunteer, by the key the form
/// lists), and the hour it starts, in the next 14 days; or no hour (nil), for the first hour the
/// two share.
public struct HandMatchDraft: Equatable, Sendable {
    public let partner: String
    public let slot: TimeWindow?

    public init(partner: String, slot: TimeWindow?) {
        self.partner = partner
        self.slot = slot
    }

    /// A day and a time both left empty ask for the first hour the two share.
    public static func validate(partner: String, day: String, time: String, timeZone: TimeZone, now: Date) throws(ValidationErrors) -> HandMatchDraft {
        var errors = ValidationErrors()
        if day.trimmed.isEmpty && time.trimmed.isEmpty { return try checked(partner: partner, startsAt: nil, now: now, field: "day", errors: errors) }
        let day = TypedMoment.day(day, field: "day", into: &errors), time = TypedMoment.time(time, field: "time", into: &errors)
        return try checked(partner: partner, startsAt: day.flatMap { day in time.map { TypedMoment.moment(day, $0, in: timeZone) } }, now: now, field: "day", errors: errors)
    }

    public static func validate(partner: String, startsAt: Date, now: Date) throws(ValidationErrors) -> HandMatchDraft {
        try checked(partner: partner, startsAt: startsAt, now: now, field: "starts_at", errors: ValidationErrors())
    }

    private static func checked(partner raw: String, startsAt: Date?, now: Date, field: String, errors: ValidationErrors) throws(ValidationErrors) -> HandMatchDraft {
        var errors = errors
        let partner = raw.trimmed
        if partner.isEmpty { errors.add("partner", "Choose whom to pair them with.") }
        let slot = startsAt.flatMap {
            PairingWindows.checked(TimeWindow(start: $0, end: $0.addingTimeInterval(PairingMatcher.sessionSeconds)), now: now, field: field, into: &errors)
        }
        try errors.throwIfAny()
        return HandMatchDraft(partner: partner, slot: slot)
    }
}

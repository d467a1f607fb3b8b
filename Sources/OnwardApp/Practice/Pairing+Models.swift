import Fluent
import Foundation
import OnwardCore

/// Kinds, stacks and windows as their columns hold them: kinds by raw value, comma-separated;
/// stacks as typed, a line each; windows as pairs of seconds since 1970, "start-end",
/// comma-separated.
enum PairingColumns {
    static func kinds(_ kinds: Set<PairingKind>) -> String {
        PairingKind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: ",")
    }

    static func kinds(_ column: String) -> Set<PairingKind> {
        Set(column.split(separator: ",").compactMap { PairingKind(rawValue: String($0)) })
    }

    static func stacks(_ column: String?) -> [String] {
        (column ?? "").split(separator: "\n").map(String.init)
    }

    static func windows(_ windows: [TimeWindow]) -> String {
        windows.map { "\(Int64($0.start.timeIntervalSince1970))-\(Int64($0.end.timeIntervalSince1970))" }.joined(separator: ",")
    }

    static func windows(_ column: String) -> [TimeWindow] {
        column.split(separator: ",").compactMap { pair in
            let ends = pair.split(separator: "-").compactMap { Int64($0) }
            guard ends.count == 2 else { return nil }
            return TimeWindow(start: Date(timeIntervalSince1970: Double(ends[0])), end: Date(timeIntervalSince1970: Double(ends[1])))
        }
    }
}

/// A graduate's request to pair: what about, and when suits them. At most one is open per person.
final class PairingRequestModel: Model, @unchecked Sendable {
    static let schema = "pairing_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "topic") var topic: String
    /// The kinds of session (the column held categories, named tags, before stacks came in).
    @Field(key: "tags") var kindsColumn: String
    @OptionalField(key: "stacks") var stacksColumn: String?
    @OptionalField(key: "avoided_stacks") var avoidedStacksColumn: String?
    @Field(key: "windows") var windowsColumn: String
    @Field(key: "asked_at") var askedAt: Date
    @Field(key: "status") var status: PairingRequestStatus
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    init(userID: UUID, draft: PairingRequestDraft, at moment: Date) {
        $user.id = userID
        topic = draft.topic
        kindsColumn = PairingColumns.kinds(draft.kinds)
        stacksColumn = draft.stacks.joined(separator: "\n")
        avoidedStacksColumn = draft.avoidedStacks.joined(separator: "\n")
        windowsColumn = PairingColumns.windows(draft.windows)
        askedAt = moment
        status = .open
    }

    var kinds: Set<PairingKind> { PairingColumns.kinds(kindsColumn) }
    var stacks: [String] { PairingColumns.stacks(stacksColumn) }
    var avoidedStacks: [String] { PairingColumns.stacks(avoidedStacksColumn) }
    var windows: [TimeWindow] { PairingColumns.windows(windowsColumn) }
    /// What it brings to a match.
    var side: PairingMatcher.Side { .init(kinds: kinds, stacks: Stacks.keys(stacks), avoided: Stacks.keys(avoidedStacks)) }
}

/// A volunteer pairer: the flag (active), what they help with and when they are free. One row a
/// person, replaced each time they post their availability.
final class PairingVolunteerModel: Model, @unchecked Sendable {
    static let schema = "pairing_volunteers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "topics") var topics: String
    /// The kinds of session, as on a request.
    @Field(key: "tags") var kindsColumn: String
    @OptionalField(key: "stacks") var stacksColumn: String?
    @Field(key: "windows") var windowsColumn: String
    @Field(key: "active") var active: Bool
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(userID: UUID) {
        $user.id = userID
        topics = ""
        kindsColumn = ""
        windowsColumn = ""
        active = false
        updatedAt = .distantPast
    }

    func post(_ draft: AvailabilityDraft, at moment: Date) {
        topics = draft.topics
        kindsColumn = PairingColumns.kinds(draft.kinds)
        stacksColumn = draft.stacks.joined(separator: "\n")
        windowsColumn = PairingColumns.windows(draft.windows)
        active = true
        updatedAt = moment
    }

    var kinds: Set<PairingKind> { PairingColumns.kinds(kindsColumn) }
    var stacks: [String] { PairingColumns.stacks(stacksColumn) }
    var windows: [TimeWindow] { PairingColumns.windows(windowsColumn) }
    var side: PairingMatcher.Side { .init(kinds: kinds, stacks: Stacks.keys(stacks), avoided: []) }
}

/// Two people proposed an hour together, by the matcher or by a coach: the one who asked (first)
/// and another who asked, or a volunteer (second). Each accepts or declines; once both accept,
/// they add the link to join, and afterwards each notes what they worked on.
final class PairingModel: Model, @unchecked Sendable {
    static let schema = "pairings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: PairingRequestModel
    @OptionalParent(key: "partner_request_id") var partnerRequest: PairingRequestModel?
    @Parent(key: "first_id") var first: UserModel
    @Parent(key: "second_id") var second: UserModel
    /// The coach who matched them by hand; nil for the matcher.
    @OptionalParent(key: "matched_by_id") var matchedBy: UserModel?
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    /// What each side asked about or helps with, as it was when they were matched.
    @Field(key: "first_topic") var firstTopic: String
    @Field(key: "second_topic") var secondTopic: String
    @Field(key: "state") var state: PairingState
    @Field(key: "first_accepted") var firstAccepted: Bool
    @Field(key: "second_accepted") var secondAccepted: Bool
    @Field(key: "link") var link: String
    @Field(key: "first_note") var firstNote: String
    @Field(key: "second_note") var secondNote: String
    @Field(key: "proposed_at") var proposedAt: Date

    init() {}

    init(request: PairingRequestModel, partnerRequest: PairingRequestModel?, secondID: UUID, secondTopic: String, slot: TimeWindow, matchedBy: UUID?, at moment: Date) {
        $request.id = request.id!
        $partnerRequest.id = partnerRequest?.id
        $first.id = request.$user.id
        $second.id = secondID
        $matchedBy.id = matchedBy
        startsAt = slot.start
        endsAt = slot.end
        firstTopic = request.topic
        self.secondTopic = secondTopic
        state = .proposed
        firstAccepted = false
        secondAccepted = false
        link = ""
        firstNote = ""
        secondNote = ""
        proposedAt = moment
    }

    var sides: Set<String> { [$first.id.uuidString, $second.id.uuidString] }

    /// What `viewer` may do with this pairing at `now` (Core's `PairingScope`).
    func scope(for viewer: Viewer, now: Date) -> PairingScope {
        PairingScope.of(viewer, sides: sides, state: state, startsAt: startsAt, endsAt: endsAt, now: now)
    }
    /// The requests it holds: its own, and the partner's when the partner asked too.
    var requestIDs: [UUID] { [$request.id] + ($partnerRequest.id.map { [$0] } ?? []) }

    func isFirst(_ userID: UUID?) -> Bool { $first.id == userID }

    func isLapsed(at now: Date) -> Bool { PairingRules.isLapsed(state, startsAt: startsAt, proposedAt: proposedAt, now: now) }
    /// Proposed and still open to answers: it holds its requests and takes its people's hour.
    func isLive(at now: Date) -> Bool { state == .proposed && !isLapsed(at: now) }
    func title(at now: Date) -> String { PairingRules.title(state, startsAt: startsAt, proposedAt: proposedAt, now: now) }
}

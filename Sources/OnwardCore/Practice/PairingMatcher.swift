import Foundation

/// What a pairing session is about, as a tag both sides choose from.
public enum PairingTag: String, CaseIterable, Codable, Sendable {
    case language
    case framework
    case kata
    case sideProject = "side_project"
    case techTest = "tech_test"

    public var title: String {
        switch self {
        case .language: "A language"
        case .framework: "A framework"
        case .kata: "A kata"
        case .sideProject: "A side project"
        case .techTest: "A tech test"
        }
    }

    var bit: UInt8 { UInt8(1) << UInt8(Self.allCases.firstIndex(of: self)!) }
}

/// A span of time, absolute: windows typed in different time zones compare as they are.
public struct TimeWindow: Equatable, Hashable, Sendable, Comparable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public var seconds: TimeInterval { end.timeIntervalSince(start) }

    /// The part both windows share, nil when they do not meet.
    public func overlap(with other: TimeWindow) -> TimeWindow? {
        let start = max(self.start, other.start), end = min(self.end, other.end)
        return start < end ? TimeWindow(start: start, end: end) : nil
    }

    public static func < (lhs: TimeWindow, rhs: TimeWindow) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// Pairs requests to pair with each other, or with volunteers who posted availability, by overlap
/// of time (at least an hour, whatever time zones they typed it in) and of topic (a tag in
/// common). Deterministic: the same input gives the same matches.
///
/// The oldest request is matched first. Among those it could pair with, it takes, in this order:
/// someone it has not paired with recently; another graduate before a volunteer (volunteers'
/// time is the scarcer); the volunteer with the fewest sessions; the earliest hour; the most
/// tags in common; the lowest id. A request is in at most one match; a volunteer takes several
/// only at times that do not clash, and nobody at an hour they are already taken. Two people in `avoid` (one declined the other lately) are
/// never proposed to each other.
public enum PairingMatcher {
    /// A session lasts an hour, and that is the overlap it needs.
    public static let sessionSeconds: TimeInterval = 3_600

    /// A graduate's open request to pair.
    public struct Request: Equatable, Sendable {
        public let id: String
        public let person: String
        public let tags: Set<PairingTag>
        public let windows: [TimeWindow]
        public let askedAt: Date
        /// The hours the person is already taken (a pairing accepted or proposed).
        public let busy: [TimeWindow]

        public init(id: String, person: String, tags: Set<PairingTag>, windows: [TimeWindow], askedAt: Date, busy: [TimeWindow] = []) {
            self.id = id
            self.person = person
            self.tags = tags
            self.windows = windows
            self.askedAt = askedAt
            self.busy = busy
        }
    }

    /// A volunteer's availability: when, and what they help with.
    public struct Volunteer: Equatable, Sendable {
        public let id: String
        public let person: String
        public let tags: Set<PairingTag>
        public let windows: [TimeWindow]
        /// Sessions they already have in the coming weeks (to spread the load).
        public let load: Int
        /// The hours they are already taken.
        public let busy: [TimeWindow]

        public init(id: String, person: String, tags: Set<PairingTag>, windows: [TimeWindow], load: Int = 0, busy: [TimeWindow] = []) {
            self.id = id
            self.person = person
            self.tags = tags
            self.windows = windows
            self.load = load
            self.busy = busy
        }
    }

    public enum Partner: Equatable, Sendable {
        case request(String)
        case volunteer(String)
    }

    public struct Match: Equatable, Sendable {
        public let request: String
        public let partner: Partner
        public let slot: TimeWindow
    }

    /// Two people, in either order.
    public struct Pair: Hashable, Sendable {
        public let a: String
        public let b: String

        public init(_ x: String, _ y: String) {
            (a, b) = x < y ? (x, y) : (y, x)
        }
    }

    /// What is left of `windows` from the next quarter hour after `now` (12:00 reads from 12:15):
    /// an hour to propose has never begun, and starts on the quarter.
    public static func ahead(_ windows: [TimeWindow], of now: Date) -> [TimeWindow] {
        let quarter = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 900).rounded(.down) * 900 + 900)
        return windows.compactMap { window in
            let start = max(window.start, quarter)
            return start < window.end ? TimeWindow(start: start, end: window.end) : nil
        }
    }

    /// The earliest hour two sets of windows share, avoiding `busy`; nil when there is none.
    public static func firstHour(_ left: [TimeWindow], _ right: [TimeWindow], avoiding busy: [TimeWindow] = []) -> TimeWindow? {
        var best: TimeWindow?
        for l in left {
            for r in right {
                guard let shared = l.overlap(with: r), shared.seconds >= sessionSeconds else { continue }
                var start = shared.start
                // Step past any busy hour that clashes, within the shared window.
                while start.addingTimeInterval(sessionSeconds) <= shared.end {
                    let hour = TimeWindow(start: start, end: start.addingTimeInterval(sessionSeconds))
                    guard let clash = busy.filter({ $0.overlap(with: hour) != nil }).map(\.end).max() else {
                        if best.map({ hour < $0 }) ?? true { best = hour }
                        break
                    }
                    start = clash
                }
            }
        }
        return best
    }

    public static func match(requests: [Request], volunteers: [Volunteer], recentPairs: Set<Pair> = [], avoid: Set<Pair> = []) -> [Match] {
        struct Option {
            let key: (Int, Int, Int, Date, Int, String)
            /// The other request's place in `ordered`, or the volunteer's in `volunteers`.
            let index: Int
            let isVolunteer: Bool
            let slot: TimeWindow
        }
        func bits(_ tags: Set<PairingTag>) -> UInt8 { tags.reduce(0) { $0 | $1.bit } }
        let ordered = requests.sorted { ($0.askedAt, $0.id) < ($1.askedAt, $1.id) }
        let requestBits = ordered.map { bits($0.tags) }
        let volunteerBits = volunteers.map { bits($0.tags) }
        var matched = [Bool](repeating: false, count: ordered.count)
        var load = volunteers.map(\.load)
        var busy = volunteers.map(\.busy)
        var result: [Match] = []
        for i in ordered.indices where !matched[i] {
            let request = ordered[i]
            var best: Option?
            func consider(_ option: Option) {
                if best.map({ option.key < $0.key }) ?? true { best = option }
            }
            for j in ordered.indices where j != i && !matched[j] {
                let shared = requestBits[i] & requestBits[j]
                guard shared != 0, ordered[j].person != request.person, !avoid.contains(Pair(request.person, ordered[j].person)),
                      let slot = firstHour(request.windows, ordered[j].windows, avoiding: request.busy + ordered[j].busy) else { continue }
                let recent = recentPairs.contains(Pair(request.person, ordered[j].person)) ? 1 : 0
                consider(Option(key: (recent, 0, 0, slot.start, -shared.nonzeroBitCount, ordered[j].id), index: j, isVolunteer: false, slot: slot))
            }
            for v in volunteers.indices {
                let shared = requestBits[i] & volunteerBits[v]
                guard shared != 0, volunteers[v].person != request.person, !avoid.contains(Pair(request.person, volunteers[v].person)),
                      let slot = firstHour(request.windows, volunteers[v].windows, avoiding: busy[v] + request.busy) else { continue }
                let recent = recentPairs.contains(Pair(request.person, volunteers[v].person)) ? 1 : 0
                consider(Option(key: (recent, 1, load[v], slot.start, -shared.nonzeroBitCount, volunteers[v].id), index: v, isVolunteer: true, slot: slot))
            }
            guard let best else { continue }
            matched[i] = true
            if best.isVolunteer {
                load[best.index] += 1
                busy[best.index].append(best.slot)
                result.append(Match(request: request.id, partner: .volunteer(volunteers[best.index].id), slot: best.slot))
            } else {
                matched[best.index] = true
                result.append(Match(request: request.id, partner: .request(ordered[best.index].id), slot: best.slot))
            }
        }
        return result
    }
}

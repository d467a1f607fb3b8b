import Foundation

/// What kind of session a pairing is: both sides choose from these, and a match shares one.
public enum PairingKind: String, CaseIterable, Codable, Sendable {
    case kata
    case techTest = "tech_test"
    case project
    case interviewPractice = "interview_practice"

    public var title: String {
        switch self {
        case .kata: "A kata"
        case .techTest: "A tech test"
        case .project: "A project"
        case .interviewPractice: "Interview practice"
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
/// of time (at least an hour, whatever time zones they typed it in) and of kind (a kind of session
/// in common), preferring shared stacks. Deterministic: the same input gives the same matches.
///
/// The oldest request is matched first. Among those it could pair with, it takes, in this order:
/// someone it has not paired with recently; the most stacks in common; another graduate before a
/// volunteer (volunteers' time is the scarcer); the volunteer with the fewest sessions; the
/// earliest hour; the most kinds in common; the lowest id. Two who share no stack are never paired
/// when either would work in a stack the other said to avoid. A request is in at most one match; a
/// volunteer takes several only at times that do not clash, and nobody at an hour they are already
/// taken. Two people in `avoid` (one declined the other lately) are never proposed to each other.
public enum PairingMatcher {
    /// A session lasts an hour, and that is the overlap it needs.
    public static let sessionSeconds: TimeInterval = 3_600

    /// A graduate's open request to pair.
    public struct Request: Equatable, Sendable {
        public let id: String
        public let person: String
        public let kinds: Set<PairingKind>
        /// The stacks they want to work in, and those they would rather not, as `Stacks.key`s.
        public let stacks: Set<String>
        public let avoided: Set<String>
        public let windows: [TimeWindow]
        public let askedAt: Date
        /// The hours the person is already taken (a pairing accepted or proposed).
        public let busy: [TimeWindow]

        public init(id: String, person: String, kinds: Set<PairingKind>, stacks: Set<String> = [], avoided: Set<String> = [], windows: [TimeWindow],
                    askedAt: Date, busy: [TimeWindow] = []) {
            self.id = id
            self.person = person
            self.kinds = kinds
            self.stacks = stacks
            self.avoided = avoided
            self.windows = windows
            self.askedAt = askedAt
            self.busy = busy
        }

        var side: Side { Side(kinds: kinds, stacks: stacks, avoided: avoided) }
    }

    /// A volunteer's availability: when, and what they help with.
    public struct Volunteer: Equatable, Sendable {
        public let id: String
        public let person: String
        public let kinds: Set<PairingKind>
        public let stacks: Set<String>
        public let windows: [TimeWindow]
        /// Sessions they already have in the coming weeks (to spread the load).
        public let load: Int
        /// The hours they are already taken.
        public let busy: [TimeWindow]

        public init(id: String, person: String, kinds: Set<PairingKind>, stacks: Set<String> = [], windows: [TimeWindow], load: Int = 0, busy: [TimeWindow] = []) {
            self.id = id
            self.person = person
            self.kinds = kinds
            self.stacks = stacks
            self.windows = windows
            self.load = load
            self.busy = busy
        }

        var side: Side { Side(kinds: kinds, stacks: stacks, avoided: []) }
    }

    /// What one side brings to a match: the kinds of session, the stacks, the stacks to avoid.
    public struct Side: Equatable, Sendable {
        public let kinds: Set<PairingKind>
        public let stacks: Set<String>
        public let avoided: Set<String>

        public init(kinds: Set<PairingKind>, stacks: Set<String>, avoided: Set<String>) {
            self.kinds = kinds
            self.stacks = stacks
            self.avoided = avoided
        }

        /// How many stacks the two share, or nil when they may not pair: no kind of session in
        /// common, or no stack in common and one of them works in a stack the other avoids.
        public func shared(with other: Side) -> (stacks: Int, kinds: Int)? {
            let kinds = self.kinds.intersection(other.kinds).count
            guard kinds > 0, !crosses(other) else { return nil }
            return (self.stacks.intersection(other.stacks).count, kinds)
        }

        /// The two share no stack, and one works in a stack the other avoids: they would pair
        /// across it.
        public func crosses(_ other: Side) -> Bool {
            stacks.isDisjoint(with: other.stacks) && (!avoided.isDisjoint(with: other.stacks) || !other.avoided.isDisjoint(with: stacks))
        }
    }

    /// Someone a coach might pair a request with by hand: another request, or a volunteer.
    public struct Candidate: Equatable, Sendable {
        public let id: String
        public let person: String
        public let side: Side
        /// Their times ahead, and the hours they are already taken.
        public let windows: [TimeWindow]
        public let busy: [TimeWindow]

        public init(id: String, person: String, side: Side, windows: [TimeWindow], busy: [TimeWindow] = []) {
            self.id = id
            self.person = person
            self.side = side
            self.windows = windows
            self.busy = busy
        }
    }

    /// A candidate as a coach weighs them: the stacks and hours they share with the request, and
    /// the first hour both are free.
    public struct Ranked: Equatable, Sendable {
        public let id: String
        public let sharedStacks: Set<String>
        public let sharedKinds: Set<PairingKind>
        public let sharedSeconds: TimeInterval
        public let firstHour: TimeWindow?
    }

    /// Whom a coach may pair `request` with by hand, best first: the most hours in common, then
    /// the most stacks, then a kind of session in common, then the earliest first hour. Unlike the
    /// matcher it lists those with no hour or kind in common too (the coach may know better), but
    /// never the person themselves, anyone across a stack either avoids, or anyone in `avoid`.
    public static func rank(_ request: Request, candidates: [Candidate], avoid: Set<Pair> = []) -> [Ranked] {
        candidates.filter { $0.person != request.person && !avoid.contains(Pair(request.person, $0.person)) && !request.side.crosses($0.side) }
            .map { candidate in
                Ranked(id: candidate.id, sharedStacks: request.stacks.intersection(candidate.side.stacks), sharedKinds: request.kinds.intersection(candidate.side.kinds),
                       sharedSeconds: sharedSeconds(request.windows, candidate.windows),
                       firstHour: firstHour(request.windows, candidate.windows, avoiding: request.busy + candidate.busy))
            }
            .sorted { a, b in
                (-a.sharedSeconds, -a.sharedStacks.count, a.sharedKinds.isEmpty ? 1 : 0, a.firstHour?.start ?? .distantFuture, a.id)
                    < (-b.sharedSeconds, -b.sharedStacks.count, b.sharedKinds.isEmpty ? 1 : 0, b.firstHour?.start ?? .distantFuture, b.id)
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

    /// How long two sets of windows overlap in all, in seconds (each set's windows apart).
    public static func sharedSeconds(_ left: [TimeWindow], _ right: [TimeWindow]) -> TimeInterval {
        left.reduce(0) { sum, l in right.reduce(sum) { $0 + (l.overlap(with: $1)?.seconds ?? 0) } }
    }

    public static func match(requests: [Request], volunteers: [Volunteer], recentPairs: Set<Pair> = [], avoid: Set<Pair> = []) -> [Match] {
        struct Option {
            /// Recent partner, stacks in common, then 0 for a peer and 1 + their load for a volunteer
            /// (a peer first, then the least loaded volunteer), the hour, kinds in common, the id.
            let key: (Int, Int, Int, Date, Int, String)
            /// The other request's place in `ordered`, or the volunteer's in `volunteers`.
            let index: Int
            let isVolunteer: Bool
            let slot: TimeWindow
        }
        let ordered = requests.sorted { ($0.askedAt, $0.id) < ($1.askedAt, $1.id) }
        // Kinds and stacks as bits, for the square loop: a stack's bit is its place among all.
        let names = Array(Set(ordered.flatMap { $0.stacks.union($0.avoided) } + volunteers.flatMap(\.stacks))).sorted()
        let place = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let bits = { (side: Side) in Bits(side, words: (names.count + 63) / 64, place: place) }
        let requestBits = ordered.map { bits($0.side) }
        let volunteerBits = volunteers.map { bits($0.side) }
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
                guard let shared = requestBits[i].shared(with: requestBits[j]), ordered[j].person != request.person,
                      !avoid.contains(Pair(request.person, ordered[j].person)),
                      let slot = firstHour(request.windows, ordered[j].windows, avoiding: request.busy + ordered[j].busy) else { continue }
                let recent = recentPairs.contains(Pair(request.person, ordered[j].person)) ? 1 : 0
                consider(Option(key: (recent, -shared.stacks, 0, slot.start, -shared.kinds, ordered[j].id), index: j, isVolunteer: false, slot: slot))
            }
            for v in volunteers.indices {
                guard let shared = requestBits[i].shared(with: volunteerBits[v]), volunteers[v].person != request.person,
                      !avoid.contains(Pair(request.person, volunteers[v].person)),
                      let slot = firstHour(request.windows, volunteers[v].windows, avoiding: busy[v] + request.busy) else { continue }
                let recent = recentPairs.contains(Pair(request.person, volunteers[v].person)) ? 1 : 0
                consider(Option(key: (recent, -shared.stacks, 1 + load[v], slot.start, -shared.kinds, volunteers[v].id), index: v, isVolunteer: true, slot: slot))
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

    /// A side as bits, for speed: the same answers as `Side.shared(with:)`.
    private struct Bits {
        let kinds: UInt8
        let stacks: [UInt64]
        let avoided: [UInt64]

        init(_ side: Side, words: Int, place: [String: Int]) {
            kinds = side.kinds.reduce(0) { $0 | $1.bit }
            func set(_ names: Set<String>) -> [UInt64] {
                var words = [UInt64](repeating: 0, count: words)
                for name in names { if let n = place[name] { words[n / 64] |= UInt64(1) << UInt64(n % 64) } }
                return words
            }
            stacks = set(side.stacks)
            avoided = set(side.avoided)
        }

        func shared(with other: Bits) -> (stacks: Int, kinds: Int)? {
            let kinds = (self.kinds & other.kinds).nonzeroBitCount
            guard kinds > 0 else { return nil }
            var stacks = 0, crosses = false
            for w in self.stacks.indices {
                stacks += (self.stacks[w] & other.stacks[w]).nonzeroBitCount
                crosses = crosses || (self.avoided[w] & other.stacks[w]) != 0 || (other.avoided[w] & self.stacks[w]) != 0
            }
            return stacks == 0 && crosses ? nil : (stacks, kinds)
        }
    }
}

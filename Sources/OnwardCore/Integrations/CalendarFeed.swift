import Crypto
import Foundation

/// What a person's feed remembers of an event it has written: the fingerprint of its content, its
/// revision (SEQUENCE), when that revision was made (DTSTAMP), and the event as written, so one
/// that is gone can be written once more as cancelled.
public struct KeptCalendarEntry: Sendable, Equatable {
    public let uid: String
    public let fingerprint: String
    public let sequence: Int
    public let changed: Date
    public let event: CalendarEvent

    public init(uid: String, fingerprint: String, sequence: Int, changed: Date, event: CalendarEvent) {
        self.uid = uid
        self.fingerprint = fingerprint
        self.sequence = sequence
        self.changed = changed
        self.event = event
    }

    public init(_ event: CalendarEvent) {
        self.init(uid: event.uid, fingerprint: CalendarFeedRules.fingerprint(of: event), sequence: event.sequence, changed: event.stamp ?? Date(timeIntervalSince1970: 0), event: event)
    }
}

/// How a feed keeps calendars right: each capability says what its events are now, and the feed
/// compares them with what it wrote before. An event whose content changed gets the next SEQUENCE
/// and a new DTSTAMP, so a calendar replaces its copy; one that is gone (a deleted event, a due
/// date met) is written as `STATUS:CANCELLED` with the next SEQUENCE, so a calendar removes it,
/// rather than silently left behind. Events that ended long ago leave the feed quietly.
public enum CalendarFeedRules {
    /// How far back a feed reaches: older events are neither written nor remembered.
    public static let reach: TimeInterval = 60 * 86_400

    /// What to write and what to remember.
    public struct Reconciliation: Sendable, Equatable {
        /// The events of the feed, each with its SEQUENCE and DTSTAMP, in a stable order.
        public let events: [CalendarEvent]
        /// Entries new or changed since the last read, to remember.
        public let changed: [KeptCalendarEntry]
        /// UIDs to forget.
        public let forgotten: [String]

        public var changesAnything: Bool { !changed.isEmpty || !forgotten.isEmpty }
    }

    /// The feed of `current` (the capabilities' events now) against `kept` (what it remembers),
    /// read at `now`; what ended before `now - reach` is forgotten.
    public static func reconcile(current: [CalendarEvent], kept: [KeptCalendarEntry], now: Date) -> Reconciliation {
        let horizon = now.addingTimeInterval(-reach)
        let remembered = Dictionary(kept.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var events: [CalendarEvent] = [], changed: [KeptCalendarEntry] = [], forgotten: [String] = []
        for var event in current where seen.insert(event.uid).inserted {
            guard end(of: event) >= horizon else { continue }
            let fingerprint = fingerprint(of: event)
            if let before = remembered[event.uid], before.fingerprint == fingerprint {
                event.sequence = before.sequence
                event.stamp = before.changed
            } else {
                event.sequence = remembered[event.uid].map { $0.sequence + 1 } ?? 0
                event.stamp = now
                changed.append(KeptCalendarEntry(uid: event.uid, fingerprint: fingerprint, sequence: event.sequence, changed: now, event: event))
            }
            events.append(event)
        }
        for entry in kept where !seen.contains(entry.uid) {
            seen.insert(entry.uid)
            // Ended long ago, or cancelled long enough for every calendar to have read it: gone.
            if end(of: entry.event) < horizon || (entry.event.cancelled && entry.changed < horizon) {
                forgotten.append(entry.uid)
                continue
            }
            if entry.event.cancelled {
                var event = entry.event
                event.sequence = entry.sequence
                event.stamp = entry.changed
                events.append(event)
                continue
            }
            var event = entry.event
            event.cancelled = true
            event.sequence = entry.sequence + 1
            event.stamp = now
            changed.append(KeptCalendarEntry(uid: entry.uid, fingerprint: fingerprint(of: event), sequence: event.sequence, changed: now, event: event))
            events.append(event)
        }
        events.sort { (start(of: $0), $0.uid) < (start(of: $1), $1.uid) }
        return Reconciliation(events: events, changed: changed, forgotten: forgotten)
    }

    /// A digest of what a calendar shows of `event` (all but its revision and stamp): equal
    /// fingerprints, nothing to tell the calendar.
    public static func fingerprint(of event: CalendarEvent) -> String {
        var bare = event
        bare.sequence = 0
        bare.stamp = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data = (try? encoder.encode(bare)) ?? Data(event.uid.utf8)
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// When `event` ends; a repeating one never does.
    static func end(of event: CalendarEvent) -> Date {
        if event.recurrence != nil { return .distantFuture }
        switch event.when {
        case .timed(_, let end, _): return end
        // A day ends at the latest where the day ends last (UTC-12), a day and a half after it starts in UTC.
        case .allDay(let day): return Date(timeIntervalSince1970: Double(day.adding(days: 1).dayNumber) * 86_400 + 12 * 3600)
        }
    }

    static func start(of event: CalendarEvent) -> Date {
        switch event.when {
        case .timed(let start, _, _): start
        case .allDay(let day): Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
        }
    }

    /// The entity tag of a written feed: its bytes' digest, quoted.
    public static func entityTag(of document: String) -> String {
        "\"" + SHA256.hash(data: Data(document.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }
}

/// A feed's secret: 32 random bytes, URL-safe, in the feed's address. Onward keeps only its
/// SHA-256, so the address is shown once, when it is made.
public enum CalendarFeedToken {
    /// A new token.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The token in a feed's file name ("TOKEN.ics"), if it is one's shape at all.
    public static func token(inFileName name: String) -> String? {
        guard name.hasSuffix(".ics") else { return nil }
        let token = String(name.dropLast(4))
        guard token.count == 43, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return token
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

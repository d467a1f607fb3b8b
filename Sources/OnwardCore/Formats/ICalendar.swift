import Foundation

/// One event of a calendar feed, as Onward writes it: a stable UID (so a calendar updates it
/// rather than adding a copy), a timed span in a zone or a whole day, and its revision.
public struct CalendarEvent: Sendable, Equatable, Codable {
    public enum When: Sendable, Equatable, Codable {
        /// From `start` to `end`, shown in `zone` (nil: written in UTC).
        case timed(start: Date, end: Date, zone: TimeZone?)
        /// The whole of `day`, wherever the reader is: a due date.
        case allDay(LocalDate)
    }

    public let uid: String
    public let summary: String
    public var description: String = ""
    public var location: String = ""
    public var url: String? = nil
    public let when: When
    /// Rises each time the event changes, so a calendar takes the new version.
    public var sequence: Int = 0
    public var cancelled = false
    /// An RRULE's value ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), for an event that repeats.
    public var recurrence: String? = nil
    /// When this version of it was made (its DTSTAMP); nil for the moment the feed is written.
    public var stamp: Date? = nil

    public init(uid: String, summary: String, when: When) {
        self.uid = uid
        self.summary = summary
        self.when = when
    }
}

/// The iCalendar format (RFC 5545) as Onward writes its feeds: events with their time zones
/// (each as a VTIMEZONE of its real transitions), text escaped, lines folded at 75 octets and
/// ended by CRLF. `lines(of:)` reads a document back into its content lines, for tests and checks.
public enum ICalendar {
    /// The feed of `events`, named `name`, written at `now` (the DTSTAMP of an event without its
    /// own). Calendars that honour them read it again every `refresh`.
    public static func document(name: String, events: [CalendarEvent], now: Date, refresh: String = "PT1H") -> String {
        // No METHOD: a feed read by subscription is no iTIP message.
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Onward//Onward calendar//EN", "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + escape(name),
                     "REFRESH-INTERVAL;VALUE=DURATION:" + refresh, "X-PUBLISHED-TTL:" + refresh]
        // Each zone once, with its transitions over the span of the events it serves.
        var spans: [String: (zone: TimeZone, first: Date, last: Date)] = [:]
        for event in events {
            guard case .timed(let start, let end, let zone?) = event.when, zone.identifier != "GMT", zone.identifier != "UTC" else { continue }
            // A repeating event runs on: its zone's changes are written ten years ahead.
            let last = event.recurrence == nil ? end : end.addingTimeInterval(10 * 366 * 86_400)
            let known = spans[zone.identifier]
            spans[zone.identifier] = (zone, min(known?.first ?? start, start), max(known?.last ?? last, last))
        }
        for key in spans.keys.sorted() {
            let span = spans[key]!
            lines += timeZone(span.zone, from: span.first, to: span.last)
        }
        for event in events { lines += self.event(event, stamp: now) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(_ event: CalendarEvent, stamp: Date) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(event.stamp ?? stamp)]
        switch event.when {
        case .timed(let start, let end, let zone):
            if let zone, zone.identifier != "GMT", zone.identifier != "UTC" {
                lines.append("DTSTART;TZID=\(zone.identifier):" + local(start, in: zone))
                lines.append("DTEND;TZID=\(zone.identifier):" + local(end, in: zone))
            } else {
                lines.append("DTSTART:" + utc(start))
                lines.append("DTEND:" + utc(end))
            }
        case .allDay(let day):
            lines.append("DTSTART;VALUE=DATE:" + compact(day))
            lines.append("DTEND;VALUE=DATE:" + compact(day.adding(days: 1)))
        }
        if let recurrence = event.recurrence { lines.append("RRULE:" + recurrence) }
        lines.append("SUMMARY:" + escape(event.summary))
        if !event.description.isEmpty { lines.append("DESCRIPTION:" + escape(event.description)) }
        if !event.location.isEmpty { lines.append("LOCATION:" + escape(event.location)) }
        if let url = event.url { lines.append("URL:" + url) }
        lines.append("SEQUENCE:\(event.sequence)")
        lines.append("STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"))
        lines.append("END:VEVENT")
        return lines
    }

    /// A VTIMEZONE for `zone`: the offset in force a year before `first`, then each of its
    /// transitions up to a year after `last`, each its own STANDARD or DAYLIGHT component.
    static func timeZone(_ zone: TimeZone, from first: Date, to last: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        let start = first.addingTimeInterval(-366 * 86_400), end = last.addingTimeInterval(366 * 86_400)
        var moment = start
        var transitions: [Date] = []
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next <= end, transitions.count < 200 {
            transitions.append(next)
            moment = next
        }
        // What holds from the start, so no time before the first transition falls outside the zone.
        let opening = zone.secondsFromGMT(for: start)
        let openingKind = zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD"
        lines += ["BEGIN:" + openingKind, "DTSTART:" + local(start, offset: opening), "TZOFFSETFROM:" + offset(opening), "TZOFFSETTO:" + offset(opening)]
        if let name = zone.abbreviation(for: start) { lines.append("TZNAME:" + escape(name)) }
        lines.append("END:" + openingKind)
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the local time the change happens at, in the offset in force before it.
            lines += ["BEGIN:" + kind, "DTSTART:" + local(transition, offset: before), "TZOFFSETFROM:" + offset(before), "TZOFFSETTO:" + offset(after)]
            if let name = zone.abbreviation(for: transition) { lines.append("TZNAME:" + escape(name)) }
            lines.append("END:" + kind)
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// Text as a TEXT value: backslash, semicolon and comma escaped, a line break as `\n`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// A content line folded as RFC 5545 asks: no line longer than 75 octets, each continuation
    /// starting with a space, never inside a character's UTF-8 bytes.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", width = 0, limit = 75
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if width + size > limit {
                out += "\r\n "
                width = 0
                limit = 74
            }
            out.unicodeScalars.append(character)
            width += size
        }
        return out
    }

    /// The content lines of `document`, unfolded: what a reader of the feed sees.
    public static func lines(of document: String) -> [String] {
        document.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    static func utc(_ date: Date) -> String { local(date, offset: 0) + "Z" }

    static func local(_ date: Date, in zone: TimeZone) -> String { local(date, offset: zone.secondsFromGMT(for: date)) }

    static func local(_ date: Date, offset: Int) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.dayNumber * 86_400
        return compact(day) + "T" + two(inDay / 3600) + two(inDay % 3600 / 60) + two(inDay % 60)
    }

    static func compact(_ day: LocalDate) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + two(minutes / 60) + two(minutes % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}

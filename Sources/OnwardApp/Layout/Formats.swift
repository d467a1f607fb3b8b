import Foundation
import OnwardCore

/// How dates and times read on a page.
enum Formats {
    /// "Mon 30 Nov 2026, 14:05" in `zone` (UTC when none is given). Worked out from the zone's
    /// offset, as `LocalDate` is: a `DateFormatter` made for each call was a sixteenth of the
    /// graduate's home page.
    static func dayAndTime(_ date: Date, zone: String?) -> String {
        dayAndTime(date, in: zone.flatMap(TimeZone.init(identifier:)) ?? .gmt) + (zone == nil ? " UTC" : "")
    }

    /// "Mon 30 Nov 2026, 14:00–15:30" in `zone`: a span within a day, or across two.
    static func span(_ start: Date, _ end: Date, zone: String?) -> String {
        let timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? .gmt
        guard LocalDate(start, in: timeZone) == LocalDate(end, in: timeZone) else { return dayAndTime(start, zone: zone) + " to " + dayAndTime(end, zone: zone) }
        return dayAndTime(start, in: timeZone) + "–" + clock(end, in: timeZone) + (zone == nil ? " UTC" : "")
    }

    /// "14:05": the hour and minute `date` shows on a clock in `zone`.
    static func clock(_ date: Date, in zone: TimeZone) -> String {
        let minute = Int(((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))) / 60).rounded(.down))
        let ofDay = (minute % 1_440 + 1_440) % 1_440
        return twoDigits(ofDay / 60) + ":" + twoDigits(ofDay % 60)
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func dayAndTime(_ date: Date, in zone: TimeZone) -> String {
        let day = LocalDate(date, in: zone)
        // 1 January 1970, day 0, was a Thursday.
        return weekdays[(day.dayNumber % 7 + 11) % 7] + " " + day.display + ", " + clock(date, in: zone)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// "30 Nov 2026" for a YYYY-MM-DD day.
    static func day(iso: String) -> String {
        LocalDate(iso: iso)?.display ?? iso
    }

    /// "December 2026".
    static func month(year: Int, month: Int) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return names[(month - 1) % 12] + " " + String(year)
    }

    /// How long something has waited, for a queue: "under an hour", "5 h", "3 days".
    static func waited(since start: Date, now: Date) -> String {
        let hours = max(0, Int(now.timeIntervalSince(start) / 3600))
        return hours < 1 ? "under an hour" : hours < 48 ? "\(hours) h" : "\(hours / 24) days"
    }

    static func iso8601(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// "40%" for a rate; "–" when there was nothing to divide.
    static func percent(_ rate: Double?) -> String {
        rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    /// "4" or "4.5" for a median; "–" for none.
    static func median(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

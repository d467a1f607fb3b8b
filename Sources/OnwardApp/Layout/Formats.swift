import Foundation
import OnwardCore

/// How dates and times read on a page.
enum Formats {
    /// "Mon 30 Nov 2026, 14:05" in `zone` (UTC when none is given).
    static func dayAndTime(_ date: Date, zone: String?) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE d MMM yyyy, HH:mm"
        return formatter.string(from: date) + (zone == nil ? " UTC" : "")
    }

    /// "Mon 30 Nov 2026, 14:00–15:30" in `zone`: a span within a day, or across two.
    static func span(_ start: Date, _ end: Date, zone: String?) -> String {
        let timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        guard LocalDate(start, in: timeZone) == LocalDate(end, in: timeZone) else { return dayAndTime(start, zone: zone) + " to " + dayAndTime(end, zone: zone) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "HH:mm"
        return dayAndTime(start, zone: zone ?? "UTC") + "–" + formatter.string(from: end) + (zone == nil ? " UTC" : "")
    }

    /// "30 Nov 2026" for a YYYY-MM-DD day.
    static func day(iso: String) -> String {
        LocalDate(iso: iso)?.display ?? iso
    }

    /// How long something has waited, for a queue: "under an hour", "5 h", "3 days".
    static func waited(since start: Date, now: Date) -> String {
        let hours = max(0, Int(now.timeIntervalSince(start) / 3600))
        return hours < 1 ? "under an hour" : hours < 48 ? "\(hours) h" : "\(hours / 24) days"
    }

    static func iso8601(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

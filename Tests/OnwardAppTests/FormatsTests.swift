import Foundation
import Testing
@testable import OnwardApp

/// Dates and times on a page read as Foundation's formatter writes them, in every kind of zone:
/// behind and ahead of UTC, half and quarter hours, summer time beginning and ending.
@Suite struct FormatsTests {
    static let zones = ["Europe/London", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]

    static func formatter(_ format: String, in zone: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = format
        return formatter
    }

    @Test func day_and_time_and_clock_read_as_a_date_formatter_writes_them() {
        // Every 97 minutes and 13 seconds over two years: every hour of the day, every weekday,
        // both sides of each summer-time change.
        var date = Date(timeIntervalSince1970: 1_767_225_600 - 86_400 * 40)
        let end = date.addingTimeInterval(86_400 * 730)
        let formatters = Self.zones.map { (zone: $0, day: Self.formatter("EEE d MMM yyyy, HH:mm", in: $0), clock: Self.formatter("HH:mm", in: $0)) }
        var checked = 0
        while date < end {
            for (zone, day, clock) in formatters {
                #expect(Formats.dayAndTime(date, zone: zone) == day.string(from: date), "\(date) in \(zone)")
                #expect(Formats.clock(date, in: TimeZone(identifier: zone)!) == clock.string(from: date))
            }
            checked += 1
            date = date.addingTimeInterval(97 * 60 + 13)
        }
        #expect(checked > 10_000)
    }

    @Test func spans_within_a_day_and_across_two() {
        let start = Date(timeIntervalSince1970: 1_796_031_600) // Mon 30 Nov 2026, 09:40 UTC
        #expect(Formats.span(start, start.addingTimeInterval(5_400), zone: "Europe/London") == "Mon 30 Nov 2026, 09:40–11:10")
        #expect(Formats.span(start, start.addingTimeInterval(5_400), zone: nil) == "Mon 30 Nov 2026, 09:40–11:10 UTC")
        #expect(Formats.span(start, start.addingTimeInterval(86_400), zone: "Asia/Kolkata") == "Mon 30 Nov 2026, 15:10 to Tue 1 Dec 2026, 15:10")
        #expect(Formats.dayAndTime(start, zone: nil) == "Mon 30 Nov 2026, 09:40 UTC")
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct ICalendarTests {
    let london = TimeZone(identifier: "Europe/London")!
    /// Monday 7 December 2026, 09:30 in London (GMT).
    let standup = Date(timeIntervalSince1970: 1_796_635_800)

    @Test func text_is_escaped_as_the_rfc_says() {
        #expect(ICalendar.escape(#"Pair; then review, with \ care"#) == #"Pair\; then review\, with \\ care"#)
        #expect(ICalendar.escape("One\nTwo\r\nThree\rFour") == #"One\nTwo\nThree\nFour"#)
    }

    @Test func long_lines_fold_at_75_octets_and_never_inside_a_character() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60) + String(repeating: "a", count: 40)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Every physical line is whole UTF-8: a character split between lines would not decode.
        #expect(physical.allSatisfy { String(validating: Array($0.utf8), as: UTF8.self) != nil })
        #expect(ICalendar.lines(of: folded + "\r\n") == [line], "unfolding gives the line back")
        #expect(ICalendar.fold("SUMMARY:short") == "SUMMARY:short")
    }

    @Test func a_timed_event_in_a_zone_carries_its_vtimezone_with_real_transitions() {
        var event = CalendarEvent(uid: "standup-1@onward", summary: "Standup", when: .timed(start: standup, end: standup.addingTimeInterval(900), zone: london))
        event.recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        let lines = ICalendar.lines(of: ICalendar.document(name: "Grace's week", events: [event], now: standup))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("DTSTART;TZID=Europe/London:20261207T093000") && lines.contains("DTEND;TZID=Europe/London:20261207T094500"))
        #expect(lines.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"))
        #expect(lines.contains("X-WR-CALNAME:Grace's week"))
        // London moves to summer time on the last Sunday of March at 01:00 GMT, back at 02:00 BST
        // on the last Sunday of October.
        let zone = Array(lines.drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "END:VTIMEZONE" })
        #expect(zone.contains("TZID:Europe/London"))
        #expect(zone.contains("DTSTART:20270328T010000") && zone.contains("TZOFFSETFROM:+0000") && zone.contains("TZOFFSETTO:+0100"))
        #expect(zone.contains("DTSTART:20261025T020000"), "the change back, in summer time")
        #expect(zone.contains("BEGIN:DAYLIGHT") && zone.contains("BEGIN:STANDARD"))
    }

    @Test func a_zone_without_summer_time_has_one_standard_offset_and_utc_is_written_with_z() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let mock = CalendarEvent(uid: "mock@onward", summary: "Mock interview", when: .timed(start: standup, end: standup.addingTimeInterval(3600), zone: tokyo))
        let utc = CalendarEvent(uid: "utc@onward", summary: "Call", when: .timed(start: standup, end: standup.addingTimeInterval(1800), zone: nil))
        let lines = ICalendar.lines(of: ICalendar.document(name: "Feed", events: [mock, utc], now: standup))
        #expect(lines.contains("DTSTART;TZID=Asia/Tokyo:20261207T183000"))
        #expect(lines.contains("TZOFFSETFROM:+0900") && lines.contains("TZOFFSETTO:+0900") && !lines.contains("BEGIN:DAYLIGHT"))
        #expect(lines.contains("DTSTART:20261207T093000Z") && lines.contains("DTEND:20261207T100000Z"))
        #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 1, "UTC needs no VTIMEZONE")
    }

    @Test func a_due_date_is_a_whole_day_and_a_cancelled_revision_says_so() {
        let due = CalendarEvent(uid: "due@onward", summary: "Due: SMART goals", when: .allDay(LocalDate(iso: "2026-12-31")!))
        var cancelled = CalendarEvent(uid: "mock-2@onward", summary: "Mock interview", when: .timed(start: standup, end: standup.addingTimeInterval(3600), zone: nil))
        cancelled.sequence = 2
        cancelled.cancelled = true
        cancelled.description = "With Priya, on Zoom"
        let lines = ICalendar.lines(of: ICalendar.document(name: "Feed", events: [due, cancelled], now: standup))
        #expect(lines.contains("DTSTART;VALUE=DATE:20261231") && lines.contains("DTEND;VALUE=DATE:20270101"), "the day after, over a year's end")
        #expect(lines.contains("SEQUENCE:2") && lines.contains("STATUS:CANCELLED") && lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains(#"DESCRIPTION:With Priya\, on Zoom"#))
        #expect(lines.contains("DTSTAMP:20261207T093000Z"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2 && lines.filter { $0 == "END:VEVENT" }.count == 2)
    }

    @Test func every_line_ends_with_crlf() {
        let document = ICalendar.document(name: "Feed", events: [CalendarEvent(uid: "a", summary: "A", when: .allDay(LocalDate(iso: "2026-12-08")!))], now: standup)
        #expect(document.hasSuffix("\r\n"))
        #expect(!document.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}

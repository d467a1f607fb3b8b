import Foundation
import Testing
@testable import OnwardCore

@Suite struct TextTests {
    @Test(arguments: [
        ("Monzo", "Monzo"),
        ("  Monzo \t", "Monzo"),
        ("\r\nLine one\nLine two\r\n", "Line one\nLine two"),
        ("\u{00A0}Zürich\u{2003}", "Zürich"),
        ("café ", "café"),
        ("é", "é"),
        (" \t\r\n ", ""),
        ("", ""),
    ])
    func trimmed_drops_white_space_at_both_ends_only(raw: String, expected: String) {
        #expect(raw.trimmed == expected)
        #expect(raw[...].trimmed == expected)
    }

    @Test func iso_dates_are_zero_padded() {
        #expect(LocalDate(year: 2026, month: 3, day: 7)?.iso == "2026-03-07")
        #expect(LocalDate(year: 987, month: 12, day: 31)?.iso == "0987-12-31")
    }

    @Test(arguments: [
        ("30k-35k", SalaryRange(minimum: 30000, maximum: 35000)),
        ("£30k – £35k", SalaryRange(minimum: 30000, maximum: 35000)),
        ("30000 to 35000", SalaryRange(minimum: 30000, maximum: 35000)),
        ("32,500", SalaryRange(minimum: 32500, maximum: 32500)),
    ])
    func salary_ranges_read_dashes_and_to(raw: String, expected: SalaryRange) {
        #expect(SalaryRange.parse(raw) == expected)
    }
}

@Suite struct TimeOrderedIDTests {
    /// A generator that replays fixed numbers, so the random bits are known.
    struct Replay: RandomNumberGenerator {
        var values: [UInt64]
        mutating func next() -> UInt64 { values.removeFirst() }
    }

    @Test func the_first_48_bits_are_the_milliseconds_and_the_version_is_7() {
        var random = Replay(values: [UInt64.max, UInt64.max])
        let date = Date(timeIntervalSince1970: 1_795_435_200.25)  // 0x01A2 0x0B53 0x9B1A ms
        let id = UUID.timeOrdered(at: date, using: &random)
        let text = id.uuidString
        #expect(text.hasPrefix(String(format: "%08X-%04X", UInt64(1_795_435_200_250) >> 16, UInt64(1_795_435_200_250) & 0xFFFF)))
        #expect(Array(text)[14] == "7")
        #expect("89AB".contains(Array(text)[19]))
        // Every other bit is the generator's.
        #expect(text.hasSuffix("-7FFF-BFFF-FFFFFFFFFFFF"))
    }

    @Test func ids_of_a_later_millisecond_sort_after() {
        var random = SystemRandomNumberGenerator()
        // Half way through each millisecond, so that no rounding moves a date to the next one.
        let ids = (0..<200).map { UUID.timeOrdered(at: Date(timeIntervalSince1970: (1_795_435_200_000 + Double($0) + 0.5) / 1000), using: &random).uuidString }
        #expect(ids.indices.dropFirst().allSatisfy { ids[$0 - 1] < ids[$0] })
    }

    @Test func ids_made_now_are_all_different() {
        let ids = (0..<10_000).map { _ in UUID.timeOrdered() }
        #expect(Set(ids).count == 10_000)
    }

    @Test func a_count_is_said_with_the_word_it_needs() {
        #expect(Wording.count(0, "application") == "0 applications")
        #expect(Wording.count(1, "application") == "1 application")
        #expect(Wording.count(2, "week") == "2 weeks")
        #expect(Wording.count(1, "person", "people") == "1 person")
        #expect(Wording.count(3, "person", "people") == "3 people")
    }
}

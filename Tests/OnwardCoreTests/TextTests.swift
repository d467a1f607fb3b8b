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

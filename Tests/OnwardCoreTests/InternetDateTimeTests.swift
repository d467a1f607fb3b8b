import Foundation
import Testing
@testable import OnwardCore

@Suite struct InternetDateTimeTests {
    let moment = Date(timeIntervalSince1970: 1_791_267_285) // 2026-10-06T06:14:45Z

    @Test(arguments: [
        "2026-10-06T06:14:45Z", "2026-10-06t06:14:45z", "2026-10-06T07:14:45+01:00", "2026-10-05T20:45:45-09:29",
    ])
    func whole_seconds_in_any_spelling(_ text: String) throws {
        #expect(InternetDateTime.parse(text) == moment)
    }

    @Test func fractional_seconds_of_any_length() throws {
        #expect(try #require(InternetDateTime.parse("2026-10-06T06:14:45.5Z")).timeIntervalSince(moment) == 0.5)
        #expect(abs(try #require(InternetDateTime.parse("2026-10-06T06:14:45.123456789Z")).timeIntervalSince(moment) - 0.123456789) < 1e-6)
    }

    @Test(arguments: [
        "", "2026-10-06", "2026-10-06T06:14Z", "2026-13-06T06:14:45Z", "2026-02-29T06:14:45Z", "2026-10-06T24:00:00Z",
        "2026-10-06T06:14:45", "2026-10-06T06:14:45.Z", "2026-10-06T06:14:45+1:00", "2026-10-06T06:14:45Z ", "0000-01-01T00:00:00Z",
    ])
    func anything_else_is_refused(_ text: String) {
        #expect(InternetDateTime.parse(text) == nil)
    }
}

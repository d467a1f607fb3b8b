import Foundation
import Testing
@testable import OnwardCore

@Suite struct GitHubWebhookTests {
    static let secret = "a webhook secret of some length"
    static let sha = String(repeating: "a1", count: 20)

    static func push(login: String = "Amara-Okafor", commits: String) -> [UInt8] {
        Array(#"{"ref":"refs/heads/main","sender":{"login":"\#(login)"},"commits":[\#(commits)]}"#.utf8)
    }

    @Test func a_signature_is_the_hmac_of_the_raw_body_with_the_secret() {
        let body = Self.push(commits: "")
        let signature = GitHubWebhook.signature(of: body, secret: Self.secret)
        #expect(signature.hasPrefix("sha256=") && signature.count == 7 + 64)
        #expect(GitHubWebhook.isSigned(body, header: signature, secret: Self.secret))
        #expect(!GitHubWebhook.isSigned(body + [0x20], header: signature, secret: Self.secret), "one byte more")
        #expect(!GitHubWebhook.isSigned(body, header: signature, secret: Self.secret + "x"), "another secret")
        #expect(!GitHubWebhook.isSigned(body, header: nil, secret: Self.secret), "no header")
        #expect(!GitHubWebhook.isSigned(body, header: signature.replacingOccurrences(of: "sha256=", with: "sha1="), secret: Self.secret))
        #expect(!GitHubWebhook.isSigned(body, header: String(signature.dropLast(2)), secret: Self.secret), "a short code")
        #expect(!GitHubWebhook.isSigned(body, header: String(signature.dropLast()) + "g", secret: Self.secret), "not hex")
        #expect(!GitHubWebhook.isSigned(body, header: GitHubWebhook.signature(of: body, secret: ""), secret: ""), "no secret signs nothing")
        // A known answer, from RFC 4231's second test case (key "Jefe").
        let rfc = Array("what do ya want for nothing?".utf8)
        #expect(GitHubWebhook.signature(of: rfc, secret: "Jefe") == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func a_push_gives_its_sender_and_its_new_commits() throws {
        let body = Self.push(commits: """
            {"id":"\(Self.sha)","distinct":true,"timestamp":"2026-11-23T09:30:00+01:00"},
            {"id":"\(String(repeating: "b2", count: 20))","distinct":false,"timestamp":"2026-11-23T09:31:00+01:00"}
            """)
        let push = try GitHubPush.parse(body)
        #expect(push.login == "Amara-Okafor")
        #expect(push.commits == [.init(id: Self.sha, at: Date(timeIntervalSince1970: 1_795_422_600))], "the one pushed again elsewhere is not new")
        #expect(throws: GitHubPush.Unreadable.self) { try GitHubPush.parse(Array("not json".utf8)) }
        #expect(throws: GitHubPush.Unreadable.self) { try GitHubPush.parse(Self.push(commits: #"{"id":"xyz","timestamp":"2026-11-23T09:30:00Z"}"#)) }
        #expect(throws: GitHubPush.Unreadable.self) { try GitHubPush.parse(Self.push(commits: #"{"id":"\#(Self.sha)","timestamp":"yesterday"}"#)) }
        #expect(throws: GitHubPush.Unreadable.self) { try GitHubPush.parse(Self.push(login: "-bad-", commits: "")) }
    }
}

@Suite struct ContributionCalendarTests {
    /// Monday 23 November 2026.
    static let monday = LocalDate(iso: "2026-11-23")!

    @Test func this_week_the_average_and_the_shades_come_from_the_days() {
        let today = Self.monday.adding(days: 2)
        var counts: [LocalDate: Int] = [Self.monday: 1, today: 1, today.adding(days: 1): 9, Self.monday.adding(days: -1): 5]
        for week in 1...12 { counts[Self.monday.adding(days: -7 * week + 3), default: 0] += 2 }
        let calendar = ContributionCalendar(counts: counts, today: today, target: 3)
        #expect(calendar.thisWeek == 2, "Monday and today; tomorrow has not come")
        #expect(!calendar.meetsTarget)
        #expect(calendar.weeklyAverage == Double(5 + 2 * 12) / 12, "the twelve weeks before this one")
        #expect(calendar.weeks.count == 53 && calendar.weeks.allSatisfy { $0.count == 7 })
        #expect(calendar.weeks.last?.first?.date == Self.monday && calendar.weeks.last?[2].date == today)
        #expect(calendar.weeks.last?[3].isFuture == true && calendar.weeks.last?[3].count == 0, "a day to come is drawn empty")
        let busiest = calendar.weeks.joined().map(\.level).max()
        #expect(busiest == 4 && calendar.weeks.last?[0].level == 1 && calendar.weeks.last?[1].level == 0)
        #expect(calendar.total == 2 + 5 + 24)
        #expect(ContributionCalendar(counts: [Self.monday: 3], today: Self.monday).meetsTarget, "three on a Monday meets three a week")
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct SlackTests {
    static func refusal(_ raw: String) -> String? {
        do {
            _ = try SlackWebhook.validate(raw)
            return nil
        } catch {
            return error.message(for: "url")
        }
    }

    @Test func a_webhook_address_is_https_or_plain_http_to_this_machine_only() throws {
        #expect(try SlackWebhook.validate("  https://hooks.slack.com/services/T0/B0/abc123  ") == "https://hooks.slack.com/services/T0/B0/abc123")
        #expect(try SlackWebhook.validate("http://127.0.0.1:9999/hook") == "http://127.0.0.1:9999/hook")
        #expect(try SlackWebhook.validate("http://localhost/hook") == "http://localhost/hook")
        #expect(Self.refusal("http://hooks.slack.com/services/T0/B0/abc")?.contains("must start with https://") == true, "in the clear, the secret would travel readable")
        #expect(Self.refusal("http://127.evil.example/hook")?.contains("must start with https://") == true, "a name that starts with 127. is anyone's")
        #expect(SlackWebhook.isLoopback("127.0.0.1") && SlackWebhook.isLoopback("[::1]") && !SlackWebhook.isLoopback("127.1") && !SlackWebhook.isLoopback("127.0.0.256"))
        #expect(Self.refusal("")?.contains("Paste the webhook address") == true)
        #expect(Self.refusal("hooks.slack.com/services/x")?.contains("not a web address") == true)
        #expect(Self.refusal("https://user:pass@hooks.slack.com/x")?.contains("not a web address") == true)
        #expect(Self.refusal("https://hooks.slack.com/a b")?.contains("not a web address") == true)
        #expect(Self.refusal("https://hooks.slack.com/\u{0}x")?.contains("control character") == true)
        #expect(Self.refusal("https://hooks.slack.com/" + String(repeating: "a", count: SlackWebhook.limit))?.contains("Keep the webhook address under 500") == true)
    }

    @Test func a_masked_address_shows_its_host_and_end_never_the_path_that_posts() {
        let url = "https://hooks.slack.com/services/T0123/B0456/SecretPart9f3a"
        let masked = SlackWebhook.masked(url)
        #expect(masked == "https://hooks.slack.com/…9f3a")
        #expect(!masked.contains("T0123") && !masked.contains("SecretPart"))
    }

    @Test func names_are_escaped_so_nobody_pings_a_channel_or_forges_a_link() throws {
        let post = SlackPosts.availability(name: "<!channel> & co", topics: "<https://evil.example|React>", times: ["Mon 7 Dec 2026, 14:00–16:00"], link: "https://onward.example/pairing")
        let json = post.json
        #expect(!json.contains("<!channel>") && json.contains("&lt;!channel&gt; &amp; co"))
        #expect(!json.contains("<https://evil.example|React>"))
        #expect(post.text == "&lt;!channel&gt; &amp; co is free to pair on &lt;https://evil.example|React&gt; at Mon 7 Dec 2026, 14:00–16:00", "the fallback line too")
        #expect(SlackPosts.plain(post.text) == "<!channel> & co is free to pair on <https://evil.example|React> at Mon 7 Dec 2026, 14:00–16:00")
        let decoded = try JSONDecoder().decode(SlackPost.self, from: Data(json.utf8))
        #expect(decoded == post)
        #expect(decoded.blocks.map(\.type) == ["section", "context"])
        #expect(decoded.blocks[0].text?.type == "mrkdwn" && decoded.blocks[0].text!.text.contains("• Mon 7 Dec 2026, 14:00–16:00"))
        #expect(decoded.blocks[1].elements?.first?.text == "Ask to pair in Onward: <https://onward.example/pairing|Pairing>")
    }

    @Test func a_standup_digest_names_who_posted_and_who_has_not() {
        let post = SlackPosts.standupDigest(cohort: "Autumn 2026", day: "23 Nov 2026", posted: ["Amara", "Ben", "Chloé"], notYet: ["Dev"])
        #expect(post.blocks.map(\.type) == ["header", "section", "section"])
        #expect(post.blocks[0].text == SlackPost.Text(type: "plain_text", text: "Standup, 23 Nov 2026: Autumn 2026"))
        #expect(post.blocks[1].text?.text == "*Posted (3):* Amara, Ben and Chloé")
        #expect(post.blocks[2].text?.text == "*Not yet (1):* Dev")
        #expect(post.text == "Standup 23 Nov 2026, Autumn 2026: 3 posted, 1 not yet")
        let nobody = SlackPosts.standupDigest(cohort: "C", day: "d", posted: [], notYet: ["A", "B"])
        #expect(nobody.blocks[1].text?.text == "Nobody has posted a standup yet.")
        let crowd = SlackPosts.standupDigest(cohort: "C", day: "d", posted: (1...45).map { "P\($0)" }, notYet: [])
        #expect(crowd.blocks.count == 2 && crowd.blocks[1].text!.text.hasSuffix("P40 and 5 more"))
    }

    @Test func tomorrows_events_list_each_with_when_and_where() {
        let post = SlackPosts.tomorrow(cohort: "Autumn 2026", day: "24 Nov 2026", events: [
            .init(title: "CV clinic", times: "Tue 24 Nov 2026, 14:00–15:00", place: "", link: "https://o.example/events/1"),
            .init(title: "Panel", times: "Tue 24 Nov 2026, 18:00–19:30", place: "Room 2", link: "https://o.example/events/2"),
        ])
        #expect(post.text == "Tomorrow, 24 Nov 2026: 2 events for Autumn 2026")
        #expect(post.blocks[1].text?.text == "• <https://o.example/events/1|CV clinic>, Tue 24 Nov 2026, 14:00–15:00 (online)\n• <https://o.example/events/2|Panel>, Tue 24 Nov 2026, 18:00–19:30, Room 2")
    }

    @Test func many_long_events_keep_whole_lines_with_room_for_the_address() {
        let events = (1...20).map { n in
            SlackPosts.Event(title: String(repeating: "<T\(n)>", count: 30), times: "Tue 24 Nov 2026, 14:00–15:00", place: String(repeating: "P", count: 200), link: SlackPosts.site + "/coaching/events/\(n)")
        }
        let section = SlackPosts.tomorrow(cohort: "C", day: "24 Nov 2026", events: events).blocks[1].text!.text
        let sent = section.replacingOccurrences(of: SlackPosts.site, with: "https://onward.bootcamp-of-the-north.example")
        #expect(sent.count <= 3_000, "Slack refuses a longer section, for good")
        let lines = section.split(separator: "\n")
        #expect(lines.last?.hasPrefix("…and ") == true && lines.dropLast().allSatisfy { $0.hasPrefix("• <") && $0.hasSuffix("PPP") })
    }

    @Test func a_long_section_is_cut_to_what_slack_takes() {
        let post = SlackPosts.availability(name: "A", topics: String(repeating: "x", count: 5_000), times: [], link: "l")
        #expect(post.blocks[0].text!.text.count == SlackPosts.sectionLimit + 1)
    }

    @Test func the_digest_is_due_an_hour_after_standup_on_weekdays_and_skipped_when_long_missed() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let standup = StandupTime(hour: 9, minute: 30)!
        let monday = LocalDate(iso: "2026-11-23")!
        func at(_ day: LocalDate, _ time: String) -> Date { TypedMoment.moment(day, StandupTime(time)!, in: london) }
        #expect(SlackSchedule.digestDay(now: at(monday, "10:29"), standup: standup, zone: london) == nil)
        #expect(SlackSchedule.digestDay(now: at(monday, "10:30"), standup: standup, zone: london) == monday)
        #expect(SlackSchedule.digestDay(now: at(monday, "16:29"), standup: standup, zone: london) == monday)
        #expect(SlackSchedule.digestDay(now: at(monday, "16:30"), standup: standup, zone: london) == nil, "six hours late: skipped")
        #expect(SlackSchedule.digestDay(now: at(LocalDate(iso: "2026-11-28")!, "11:00"), standup: standup, zone: london) == nil, "no standup on a Saturday")
        // Summer time: the hour follows the zone, not UTC.
        let june = LocalDate(iso: "2026-06-15")!
        #expect(SlackSchedule.digestDay(now: Date(timeIntervalSince1970: 1_781_515_800), standup: standup, zone: london) == june) // 09:30 UTC = 10:30 BST
        // A standup at 23:30: its digest falls due after midnight, on the next day's clock.
        #expect(SlackSchedule.digestDay(now: at(LocalDate(iso: "2026-11-24")!, "00:45"), standup: StandupTime(hour: 23, minute: 30)!, zone: london) == monday)
        #expect(SlackSchedule.eventsDay(now: at(monday, "16:59"), zone: london) == nil)
        #expect(SlackSchedule.eventsDay(now: at(monday, "17:00"), zone: london) == LocalDate(iso: "2026-11-24"))
        #expect(SlackSchedule.eventsDay(now: at(monday, "23:30"), zone: london) == nil)
    }
}

import Foundation
import OnwardCore
import Testing

/// What the daily sync reads of GitHub's answers, and what the rate limit allows next.
@Suite struct GitHubSyncReadingTests {
    @Test func a_page_of_events_gives_its_pushes_distinct_commits() throws {
        let sha = String(repeating: "a", count: 40), other = String(repeating: "B", count: 40)
        let body = Array("""
            [{"type":"PushEvent","created_at":"2026-11-23T09:30:00Z","repo":{"name":"Grace-Codes/Shelf"},
              "payload":{"commits":[{"sha":"\(sha)","distinct":true},{"sha":"\(other)","distinct":false}]}},
             {"type":"IssuesEvent","created_at":"2026-11-22T09:30:00Z"}]
            """.utf8)
        let pushes = try GitHubSync.pushes(inEvents: body, login: "grace-codes")
        #expect(pushes == [GitHubPush(login: "grace-codes", commits: [.init(id: sha, at: Date(timeIntervalSince1970: 1_795_426_200))], repository: "grace-codes/shelf")])
        #expect(throws: GitHubPush.Unreadable.self) { try GitHubSync.pushes(inEvents: Array(#"{"message":"Not Found"}"#.utf8), login: "x") }
        #expect(throws: GitHubPush.Unreadable.self) {
            try GitHubSync.pushes(inEvents: Array(#"[{"type":"PushEvent","created_at":"yesterday","payload":{"commits":[]}}]"#.utf8), login: "x")
        }
    }

    @Test func the_commit_contributions_give_each_days_commits_over_every_repository() throws {
        let body = Array(#"{"data":{"user":{"contributionsCollection":{"commitContributionsByRepository":[{"contributions":{"nodes":[{"occurredAt":"2026-11-23T08:00:00Z","commitCount":3},{"occurredAt":"2026-11-22T08:00:00Z","commitCount":0}]}},{"contributions":{"nodes":[{"occurredAt":"2026-11-23T08:00:00Z","commitCount":2}]}}]}}}}"#.utf8)
        #expect(try GitHubSync.calendar(inAnswer: body) == [LocalDate(iso: "2026-11-23")!: 5])
        #expect(try GitHubSync.calendar(inAnswer: Array(#"{"data":{"user":null},"errors":[{"type":"NOT_FOUND","message":"Could not resolve to a User"}]}"#.utf8)).isEmpty,
                "a login GitHub does not know")
        let refused = #expect(throws: GitHubPush.Unreadable.self) { try GitHubSync.calendar(inAnswer: Array(#"{"data":null,"errors":[{"message":"Bad credentials"}]}"#.utf8)) }
        #expect(refused?.reason == "Bad credentials")
    }

    @Test func a_push_event_without_its_commits_counts_its_head() throws {
        let head = String(repeating: "c", count: 40)
        let body = Array(#"[{"type":"PushEvent","created_at":"2026-11-23T09:30:00Z","repo":{"name":"grace-codes/shelf"},"payload":{"head":"\#(head)","before":"\#(String(repeating: "d", count: 40))"}}]"#.utf8)
        #expect(try GitHubSync.pushes(inEvents: body, login: "grace-codes").flatMap(\.commits).map(\.id) == [head])
    }

    @Test func the_next_page_is_the_one_a_link_header_names_next() {
        #expect(GitHubSync.nextPage(link: #"<https://api.github.com/user/1/events?page=2>; rel="next", <https://api.github.com/user/1/events?page=3>; rel="last""#)
                == "https://api.github.com/user/1/events?page=2")
        #expect(GitHubSync.nextPage(link: #"<https://api.github.com/user/1/events?page=1>; rel="prev""#) == nil)
        #expect(GitHubSync.nextPage(link: nil) == nil)
    }

    @Test func the_rate_limit_says_when_to_wait_and_when_to_stop() {
        let now = Date(timeIntervalSince1970: 1_795_435_200)
        #expect(GitHubSync.next(status: 200, retryAfter: nil, remaining: "12", reset: nil, now: now) == .proceed)
        #expect(GitHubSync.next(status: 429, retryAfter: "30", remaining: nil, reset: nil, now: now) == .wait(seconds: 30))
        #expect(GitHubSync.next(status: 403, retryAfter: "61", remaining: nil, reset: nil, now: now) == .stop(reason: "GitHub asked to wait 61 s"))
        #expect(GitHubSync.next(status: 403, retryAfter: nil, remaining: "0", reset: "1795438800", now: now)
                == .stop(reason: "the rate limit is spent until 2026-11-23T13:00:00Z"))
        #expect(GitHubSync.next(status: 200, retryAfter: nil, remaining: "0", reset: nil, now: now) == .stop(reason: "the rate limit is spent"))
        #expect(GitHubSync.next(status: 404, retryAfter: nil, remaining: "50", reset: nil, now: now) == .proceed, "not a limit: the caller reads the status")
    }
}

import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import Testing
import Vapor
@testable import OnwardApp

/// The daily sync against a small GitHub of the tests' own on 127.0.0.1, serving recorded
/// answers: pages of public events, a contribution calendar, a rate limit, a `Retry-After`, an
/// error. Never the internet. The clock is Monday 23 November 2026, 12:00 UTC.
extension AppTests {
    @Suite struct GitHubSyncTests {
        static func sha(_ n: Int) -> String { String(format: "%040x", n) }

        static func push(_ shas: [(Int, Bool)], at: String, repository: String = "grace-codes/shelf") -> String {
            let commits = shas.map { #"{"sha":"\#(sha($0.0))","distinct":\#($0.1)}"# }.joined(separator: ",")
            return #"{"type":"PushEvent","created_at":"\#(at)","repo":{"name":"\#(repository)"},"payload":{"commits":[\#(commits)]}}"#
        }

        /// What the tests' GitHub was asked, and how it answers.
        final class Recorded: Sendable {
            let asked = NIOLockedValueBox<[String]>([])
            let waitedOnce = NIOLockedValueBox(false)
        }

        /// Runs `body` with a GitHub of the tests' own listening on a free port: its base URL.
        static func withGitHub(_ recorded: Recorded, _ body: (String) async throws -> Void) async throws {
            let github = try await Application.make(.testing)
            github.logger.logLevel = .critical
            github.get("users", ":login", "events", "public") { req async throws -> Response in
                let login = try req.parameters.require("login").lowercased()
                recorded.asked.withLockedValue { $0.append("events \(login) \(req.url.query ?? "")") }
                let base = "http://127.0.0.1:\(req.application.http.server.configuration.port)"
                switch (login, req.url.query?.contains("page=2") ?? false) {
                case ("grace-codes", false):
                    let body = "[" + [Self.push([(1, true), (2, true), (3, false)], at: "2026-11-23T09:30:00Z"), #"{"type":"WatchEvent","created_at":"2026-11-22T10:00:00Z"}"#,
                                      Self.push([(4, true)], at: "2026-11-20T18:00:00Z", repository: "grace-codes/notes")].joined(separator: ",") + "]"
                    var headers = HTTPHeaders([("Content-Type", "application/json"), ("X-RateLimit-Remaining", "57")])
                    headers.add(name: "Link", value: #"<\#(base)/users/grace-codes/events/public?per_page=100&page=2>; rel="next", <\#(base)/users/grace-codes/events/public?page=3>; rel="last""#)
                    return Response(status: .ok, headers: headers, body: .init(string: body))
                case ("grace-codes", true):
                    // The commit of page 1 again, and one more, on the page GitHub says is the last.
                    return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: "[" + Self.push([(2, true), (5, true)], at: "2026-11-16T08:00:00Z") + "]"))
                case ("otto-waits", _):
                    if recorded.waitedOnce.withLockedValue({ let first = !$0; $0 = true; return first }) {
                        return Response(status: .tooManyRequests, headers: ["Retry-After": "1"])
                    }
                    return Response(status: .ok, body: .init(string: "[" + Self.push([(9, true)], at: "2026-11-23T07:00:00Z", repository: "otto-waits/kata") + "]"))
                case ("broken", _):
                    return Response(status: .internalServerError)
                default:
                    return Response(status: .forbidden, headers: ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1795438800"],
                                    body: .init(string: #"{"message":"API rate limit exceeded"}"#))
                }
            }
            github.post("graphql") { req async throws -> Response in
                let query = try JSONSerialization.jsonObject(with: Data(buffer: req.body.data ?? ByteBuffer())) as? [String: Any]
                let login = ((query?["variables"] as? [String: Any])?["login"] as? String) ?? ""
                recorded.asked.withLockedValue { $0.append("graphql \(login) \(req.headers.first(name: .authorization) ?? "")") }
                // Two repositories: the 22nd's two commits in one, the 23rd's four split 3 + 1.
                func nodes(_ days: [(String, Int)]) -> String {
                    #"{"contributions":{"nodes":["# + days.map { #"{"occurredAt":"\#($0.0)T08:00:00Z","commitCount":\#($0.1)}"# }.joined(separator: ",") + "]}}"
                }
                let repositories = [nodes([("2026-11-21", 0), ("2026-11-22", 2), ("2026-11-23", 3)]), nodes([("2026-11-23", 1)])].joined(separator: ",")
                return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string:
                    #"{"data":{"user":{"contributionsCollection":{"commitContributionsByRepository":[\#(repositories)]}}}}"#))
            }
            github.http.server.configuration.hostname = "127.0.0.1"
            github.http.server.configuration.port = 0
            try await github.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(github.http.server.shared.localAddress?.port)
            github.http.server.configuration.port = port
            do {
                try await body("http://127.0.0.1:\(port)")
            } catch {
                await github.server.shutdown()
                try await github.asyncShutdown()
                throw error
            }
            await github.server.shutdown()
            try await github.asyncShutdown()
        }

        static func run(_ app: Application, base: String, token: String? = nil, only email: String? = nil, paused: NIOLockedValueBox<[Int]> = .init([])) async throws -> GitHubSyncRun.Report {
            var settings = app.settings
            settings.githubAPIURL = base
            settings.githubToken = token
            var run = GitHubSyncRun(db: app.db, http: app.http.client.shared, settings: settings, now: testNow, logger: app.logger)
            run.pause = { seconds in paused.withLockedValue { $0.append(seconds) } }
            run.rotates = false
            return try await run.run(only: email)
        }

        static func commits(_ user: UserModel, on app: Application) async throws -> [String] {
            try await GitHubCommitModel.query(on: app.db).filter(\.$user.$id == user.requireID()).sort(\.$sha).all().map(\.sha)
        }

        @Test func without_a_token_the_public_events_are_read_page_by_page_and_each_commit_counts_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "Grace-Codes"
                try await world.graduate.save(on: app.db)
                let recorded = Recorded()
                try await Self.withGitHub(recorded) { base in
                    let report = try await Self.run(app, base: base)
                    #expect(report == GitHubSyncRun.Report(graduates: 1, commits: 4, stopped: nil, failed: []))
                    // Page 1's pushes (not the commit pushed again elsewhere), then page 2's new one.
                    #expect(try await Self.commits(world.graduate, on: app) == [1, 2, 4, 5].map(Self.sha))
                    let shelf = try await GitHubCommitModel.query(on: app.db).filter(\.$sha == Self.sha(1)).first()
                    #expect(shelf?.repository == "grace-codes/shelf" && shelf?.day == "2026-11-23")
                    #expect(recorded.asked.withLockedValue { $0 }.count == 2, "the next page, not the last")
                    // Again tomorrow: nothing new.
                    #expect(try await Self.run(app, base: base).commits == 0)
                    #expect(try await Self.commits(world.graduate, on: app).count == 4)
                }
            }
        }

        @Test func a_spent_rate_limit_stops_the_run_a_short_retry_after_is_waited_and_an_error_is_reported() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                // Run in the order of their emails: a@ broken, b@ waits, c@ is limited, d@ never asked.
                let broken = try await world.graduate("Ann Broken", email: "a.broken@example.org", canSignIn: false, on: app)
                let waits = try await world.graduate("Bo Waits", email: "b.waits@example.org", canSignIn: false, on: app)
                let limited = try await world.graduate("Cy Limited", email: "c.limited@example.org", canSignIn: false, on: app)
                let never = try await world.graduate("Di Never", email: "d.never@example.org", canSignIn: false, on: app)
                for (user, login) in [(broken, "broken"), (waits, "otto-waits"), (limited, "limited"), (never, "never-asked")] {
                    user.githubLogin = login
                    try await user.save(on: app.db)
                }
                let recorded = Recorded()
                let paused = NIOLockedValueBox<[Int]>([])
                try await Self.withGitHub(recorded) { base in
                    let report = try await Self.run(app, base: base, paused: paused)
                    #expect(report.failed == ["a.broken@example.org: GitHub answered 500"])
                    #expect(paused.withLockedValue { $0 } == [1], "the Retry-After waited out")
                    #expect(try await Self.commits(waits, on: app) == [Self.sha(9)])
                    #expect(report.stopped?.hasPrefix("the rate limit is spent until 2026-11-23T13:00:00Z") == true, "\(String(describing: report.stopped))")
                    #expect(report.graduates == 1 && report.commits == 1, "only the one read is synced")
                    #expect(!recorded.asked.withLockedValue { $0 }.contains { $0.contains("never-asked") }, "the run stopped")
                    #expect(report.summary.contains("Stopped early: the rate limit is spent"))
                }
            }
        }

        /// Each day's run starts at the next graduate along, so a spent limit does not leave the same ones out every day.
        @Test func each_day_starts_at_another_graduate() {
            let day = LocalDate(iso: "2026-11-23")!
            let orders = (0..<3).map { GitHubSyncRun.rotated(["a", "b", "c"], on: day.adding(days: $0)) }
            #expect(Set(orders.map { $0[0] }) == ["a", "b", "c"])
            #expect(orders.allSatisfy { $0.sorted() == ["a", "b", "c"] })
            #expect(GitHubSyncRun.rotated(["a"], on: day) == ["a"])
        }

        /// Four instances serving one database reach 03:00 together: one of them runs the day's sync.
        @Test func one_instance_runs_a_days_sync_however_many_reach_it_at_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                let recorded = Recorded()
                try await Self.withGitHub(recorded) { base in
                    app.settings.githubAPIURL = base
                    let day = LocalDate(iso: "2026-11-23")!
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<4 { group.addTask { try await GitHubDailySync.runOnce(on: app, day: day) } }
                        try await group.waitForAll()
                    }
                    #expect(try await GitHubSyncDayModel.query(on: app.db).count() == 1)
                    #expect(recorded.asked.withLockedValue { $0 }.count == 2, "one run: two pages of events")
                    #expect(try await Self.commits(world.graduate, on: app).count == 4)
                    // The next day is another run.
                    try await GitHubDailySync.runOnce(on: app, day: day.adding(days: 1))
                    #expect(try await GitHubSyncDayModel.query(on: app.db).count() == 2)
                }
            }
        }

        @Test func with_a_token_the_calendar_tops_each_day_up_and_no_commit_counts_twice() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = EvidenceWebTests.secret }) { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                // The webhook already delivered one commit of the 22nd.
                _ = try await EvidenceUseCases(db: app.db, now: testNow).record(GitHubPush(login: "grace-codes", commits: [.init(id: Self.sha(1), at: Date(timeIntervalSince1970: 1_795_348_800))]),
                                                                              delivery: "one")
                let recorded = Recorded()
                try await Self.withGitHub(recorded) { base in
                    let report = try await Self.run(app, base: base, token: "a-token", only: world.graduate.email)
                    #expect(report.commits == 5, "one more on the 22nd, four on the 23rd")
                    #expect(recorded.asked.withLockedValue { $0 } == ["graphql grace-codes bearer a-token"])
                    let calendar = try await EvidenceUseCases(db: app.db, now: testNow).calendar(of: world.graduate, target: 3)
                    let days = Dictionary(uniqueKeysWithValues: calendar.weeks.joined().map { ($0.date.iso, $0.count) })
                    #expect(days["2026-11-22"] == 2 && days["2026-11-23"] == 4 && days["2026-11-21"] == 0)
                    // Again: nothing to top up.
                    #expect(try await Self.run(app, base: base, token: "a-token").commits == 0)
                    // A real commit of the 23rd arrives: it takes a stand-in's place, the day stays at 4.
                    let push = GitHubPush(login: "grace-codes", commits: [.init(id: Self.sha(7), at: testNow.addingTimeInterval(-3_600))], repository: "grace-codes/shelf")
                    #expect(try await EvidenceUseCases(db: app.db, now: testNow).record(push, delivery: "two").commits == 1)
                    let after = try await EvidenceUseCases(db: app.db, now: testNow).calendar(of: world.graduate, target: 3)
                    #expect(after.weeks.joined().first { $0.date.iso == "2026-11-23" }?.count == 4)
                    #expect(try await Self.commits(world.graduate, on: app).filter { $0.hasPrefix(GitHubSync.calendarPrefix) }.count == 4)
                }
            }
        }
    }
}

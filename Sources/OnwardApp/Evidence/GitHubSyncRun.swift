import AsyncHTTPClient
import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import OnwardCore
import SQLKit
import Vapor

/// The daily sync of linked graduates' commits from GitHub's API, beside the webhook: with a
/// token, each graduate's contribution calendar (GraphQL `contributionsCollection`), which tops up
/// each day to its count; without one, their public events, a page at a time, whose pushes are
/// recorded as the webhook records them. Every commit counts once whichever way it came. The run
/// waits out a short `Retry-After`, and stops cleanly, saying why, when the rate limit is spent.
struct GitHubSyncRun {
    let db: any Database
    let http: HTTPClient
    let settings: Settings
    let now: Date
    let logger: Logger
    /// How the run waits out a `Retry-After` (tests wait less).
    var pause: @Sendable (Int) async throws -> Void = { seconds in try await Task.sleep(for: .seconds(seconds)) }
    /// Whether each day starts at another graduate (tests that read in email order say not).
    var rotates = true

    /// `graduates` starting at a different one each day, so that a run the rate limit stops
    /// part-way does not leave the same ones unread every day.
    static func rotated<T>(_ graduates: [T], on day: LocalDate) -> [T] {
        guard graduates.count > 1 else { return graduates }
        let start = abs(LocalDate(iso: "2026-01-01")!.days(to: day)) % graduates.count
        return Array(graduates[start...] + graduates[..<start])
    }

    struct Report: Equatable {
        var graduates = 0
        var commits = 0
        /// Why the run stopped before the end, if it did.
        var stopped: String?
        /// The graduates whose answer could not be read, each with why.
        var failed: [String] = []
    }

    /// An answer that is neither data nor a reason to wait or stop (a 404, a 500).
    struct Refused: Error {
        let status: UInt
    }

    /// Syncs every graduate with a GitHub login, or only the one with `email`.
    func run(only email: String? = nil) async throws -> Report {
        var query = UserModel.query(on: db).filter(\.$role == .graduate).filter(\.$githubLogin != nil)
        if let email { query = query.filter(\.$email == email) }
        var report = Report()
        let graduates = try await query.sort(\.$email).all()
        for graduate in rotates ? Self.rotated(graduates, on: LocalDate(now, in: .gmt)) : graduates {
            guard report.stopped == nil else { break }
            do {
                let added = try await sync(graduate, report: &report)
                report.commits += added
                // One the run stopped at before reading anything is not synced.
                if report.stopped == nil || added > 0 { report.graduates += 1 }
            } catch let unreadable as GitHubPush.Unreadable {
                report.failed.append("\(graduate.email): \(unreadable.reason)")
            } catch let refused as Refused {
                report.failed.append("\(graduate.email): GitHub answered \(refused.status)")
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // A timeout or a broken connection costs this graduate's sync, not the others'.
                report.failed.append("\(graduate.email): \(String(describing: error))")
            }
        }
        return report
    }

    /// One graduate's commits: the calendar with a token, the public events without.
    private func sync(_ graduate: UserModel, report: inout Report) async throws -> Int {
        let login = graduate.githubLogin ?? ""
        let evidence = EvidenceUseCases(db: db, now: now)
        if let token = settings.githubToken {
            var request = HTTPClientRequest(url: settings.githubAPIURL + "/graphql")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "bearer " + token)
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(GitHubSync.calendarRequest(login: login, from: now.addingTimeInterval(-364 * 86_400), to: now))
            guard let (_, body) = try await fetch(request, report: &report) else { return 0 }
            return try await evidence.topUp(try GitHubSync.calendar(inAnswer: body), for: graduate.requireID())
        }
        var added = 0
        var next: String? = settings.githubAPIURL + "/users/\(login)/events/public?per_page=100"
        for _ in 0..<GitHubSync.mostEventPages {
            guard let url = next, report.stopped == nil else { break }
            guard let (headers, body) = try await fetch(HTTPClientRequest(url: url), report: &report) else { break }
            for push in try GitHubSync.pushes(inEvents: body, login: login) where !push.commits.isEmpty {
                added += try await evidence.record(push, delivery: nil).commits
            }
            // Only pages of the same API: a `Link` elsewhere is not followed.
            next = GitHubSync.nextPage(link: headers.first(name: "Link")).flatMap { $0.hasPrefix(settings.githubAPIURL + "/") ? $0 : nil }
        }
        return added
    }

    /// One request, asked again after a short `Retry-After`: the answer's headers and body, or
    /// nil when the run must stop (the reason in `report`). A 2xx that spends the budget is read,
    /// and the run stops after it.
    private func fetch(_ request: HTTPClientRequest, report: inout Report) async throws -> (HTTPHeaders, [UInt8])? {
        var request = request
        request.headers.replaceOrAdd(name: "User-Agent", value: "Onward")
        request.headers.replaceOrAdd(name: "Accept", value: "application/vnd.github+json")
        for _ in 0..<3 {
            let response = try await http.execute(request, timeout: .seconds(30), logger: logger)
            let body = Array(buffer: try await response.body.collect(upTo: 8 << 20))
            let status = Int(response.status.code)
            let headers = response.headers
            switch GitHubSync.next(status: status, retryAfter: headers.first(name: "Retry-After"), remaining: headers.first(name: "X-RateLimit-Remaining"),
                                   reset: headers.first(name: "X-RateLimit-Reset"), now: now) {
            case .wait(let seconds):
                try await pause(seconds)
            case .stop(let reason):
                report.stopped = reason
                return (200..<300).contains(status) ? (headers, body) : nil
            case .proceed:
                guard (200..<300).contains(status) else { throw Refused(status: response.status.code) }
                return (headers, body)
            }
        }
        report.stopped = "GitHub asked to wait three times running"
        return nil
    }
}

extension GitHubSyncRun.Report {
    /// The run in a sentence, for the command's output and the server's log.
    var summary: String {
        var text = "Synced \(Wording.count(graduates, "graduate")) from GitHub: \(Wording.count(commits, "new commit"))."
        if let stopped { text += " Stopped early: \(stopped)." }
        if !failed.isEmpty { text += " Not read: " + failed.joined(separator: "; ") + "." }
        return text
    }
}

/// The sync once a day while Onward serves, at 03:00 UTC: each day's run is claimed in the
/// database first, so however many instances serve, one runs it.
struct GitHubDailySync: LifecycleHandler {
    private let task: NIOLockedValueBox<Task<Void, Never>?> = .init(nil)

    /// Starts the daily loop on `app`.
    func start(on app: Application) {
        let handle = Task {
            while !Task.isCancelled {
                let now = app.settings.clock.now
                let today = LocalDate(now, in: .gmt)
                var next = TypedMoment.moment(today, StandupTime(hour: 3, minute: 0)!, in: .gmt)
                if next <= now { next = TypedMoment.moment(today.adding(days: 1), StandupTime(hour: 3, minute: 0)!, in: .gmt) }
                do {
                    try await Task.sleep(for: .seconds(next.timeIntervalSince(now)))
                    try await Self.runOnce(on: app, day: LocalDate(next, in: .gmt))
                } catch is CancellationError {
                    return
                } catch {
                    app.logger.error("The daily GitHub sync failed: \(String(describing: error))")
                }
            }
        }
        task.withLockedValue { $0 = handle }
    }

    /// The run of `day`, if this instance is the first to claim it.
    static func runOnce(on app: Application, day: LocalDate) async throws {
        let claimed = try await (app.db as! any SQLDatabase).raw("""
            INSERT INTO \(ident: GitHubSyncDayModel.schema) (id, day, started_at) VALUES (\(bind: UUID()), \(bind: day.iso), \(bind: app.settings.clock.now))
            ON CONFLICT (day) DO NOTHING RETURNING id
            """).all()
        guard !claimed.isEmpty else { return }
        let report = try await GitHubSyncRun(db: app.db, http: app.http.client.shared, settings: app.settings, now: app.settings.clock.now, logger: app.logger).run()
        app.logger.notice("\(report.summary)")
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel() }
    }
}

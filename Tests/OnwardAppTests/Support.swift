import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Every app test runs inside this suite, side by side, as many at once as `TestPlaces` lets in.
@Suite struct AppTests {}

/// How many apps the tests run at once. Each app on SQLite has its own in-memory database, so
/// several can run together (three: all at once stalled a two-core machine, three at once took
/// half the time of one at a time, see bench/RESULTS.md; `ONWARD_TEST_WIDTH` sets another); on
/// PostgreSQL they share one database, so one at a time. A test waits for a place before it
/// makes its app, not while it holds one.
actor TestPlaces {
    static let shared = TestPlaces(width: TestPlaces.configuredWidth)

    static var configuredWidth: Int {
        let environment = ProcessInfo.processInfo.environment
        if environment["DATABASE_URL"] != nil { return 1 }
        return environment["ONWARD_TEST_WIDTH"].flatMap(Int.init).map { max(1, $0) } ?? 3
    }

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) {
        free = width
    }

    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the first test waiting for one, if any.
    func leave() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// A fixed "now" for app tests: Monday 23 November 2026, 12:00:00.25 UTC. The fraction is on
/// purpose: databases round it, and code that compares stored times must not care.
let testNow = Date(timeIntervalSince1970: 1_795_435_200.25)

/// The real app, configured as in production, on an in-memory SQLite (or on PostgreSQL when
/// DATABASE_URL is set), with a pinned clock and a cheap bcrypt cost. With `migrate: false` the
/// database is left empty (on PostgreSQL, emptied of what the migrator knows it made).
func withApp(clock: Clock = .fixed(testNow), migrate: Bool = true, settings adjust: (inout Settings) -> Void = { _ in }, _ body: (Application) async throws -> Void) async throws {
    await TestPlaces.shared.enter()
    do {
        try await withAppInItsPlace(clock: clock, migrate: migrate, settings: adjust, body)
    } catch {
        await TestPlaces.shared.leave()
        throw error
    }
    await TestPlaces.shared.leave()
}

private func withAppInItsPlace(clock: Clock, migrate: Bool, settings adjust: (inout Settings) -> Void, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    // Each app its own pool for SQLite's work. The driver retries a locked database at once and
    // for ever, on a pool thread; apps side by side on NIO's one shared pool (a thread per core)
    // once left a waiter of each of two apps spinning on both threads while the transactions they
    // waited for queued for a thread: the suite hung. An app has at most two connections, so on
    // a pool of two the one holding the lock always has a thread.
    app.threadPool = NIOThreadPool(numberOfThreads: 2)
    app.logger.logLevel = .warning
    do {
        var settings = try Settings.fromEnvironment()
        if case .sqliteFile = settings.database { settings.database = .sqliteMemory }
        settings.clock = clock
        settings.bcryptCost = 4
        adjust(&settings)
        try await configure(app, settings: settings)
        if case .postgres = settings.database {
            try await app.autoRevert()
        }
        if migrate { try await app.autoMigrate() }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// The people and cohort most tests need.
struct World {
    let cohort: CohortModel
    let admin: UserModel
    let graduate: UserModel
    let otherGraduate: UserModel
    let coach: UserModel
    let unassignedCoach: UserModel
    let partner: UserModel
    static let password = "correct horse battery"

    static func make(on app: Application) async throws -> World {
        let db = app.db
        let cohort = CohortModel(draft: try CohortDraft.validate(name: "Autumn 2026", courseEndDate: "2026-10-30", timeZone: "Europe/London", standupTime: nil))
        try await cohort.create(on: db)
        let hash = try app.password.hash(password)
        func user(_ name: String, _ role: Role, cohort: UUID? = nil) async throws -> UserModel {
            let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.org"
            let user = UserModel(email: email, name: name, passwordHash: hash, role: role, cohortID: cohort, timeZone: "Europe/London")
            try await user.create(on: db)
            return user
        }
        let world = World(
            cohort: cohort,
            admin: try await user("Ada Admin", .admin),
            graduate: try await user("Grace Graduate", .graduate, cohort: cohort.id),
            otherGraduate: try await user("Otto Other", .graduate, cohort: cohort.id),
            coach: try await user("Cora Coach", .coach),
            unassignedCoach: try await user("Uma Unassigned", .coach),
            partner: try await user("Pat Partner", .partner))
        try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: world.graduate.requireID()).create(on: db)
        return world
    }
}

/// More people than the world's, made the one way every test makes them.
extension World {
    /// A graduate named `name` (their address made from it unless `email` says), of `cohort` (the
    /// world's unless given), coached by `coach` when given. `canSignIn` gives them the world's
    /// password; a crowd made only to be counted goes without, as a hash takes time.
    func graduate(_ name: String, email: String? = nil, cohort: CohortModel? = nil, coachedBy coach: UserModel? = nil, canSignIn: Bool = true,
                  on app: Application) async throws -> UserModel {
        let address = email ?? name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.org"
        let user = UserModel(email: address, name: name, passwordHash: canSignIn ? try app.password.hash(World.password) : "x", role: .graduate,
                             cohortID: (cohort ?? self.cohort).id, timeZone: "Europe/London")
        try await user.create(on: app.db)
        if let coach { try await CoachAssignmentModel(coachID: coach.requireID(), graduateID: user.requireID()).create(on: app.db) }
        return user
    }
}

/// A browser: keeps cookies between requests, and knows the CSRF token of the last page it read.
/// Tests send requests from one browser at once (two tabs), so its state is behind a lock.
final class Browser: Sendable {
    let app: Application
    private struct State {
        var cookies: [String: String] = [:]
        var csrf = ""
        /// The cookies the token was read under: a token is good only for its session (or visitor).
        var csrfReadUnder: [String?] = []
        var tokenCookies: [String?] { [cookies["onward_session"], cookies[CSRF.cookieName]] }
        var tokenIsStale: Bool { csrf.isEmpty || csrfReadUnder != tokenCookies }
    }
    private let state = NIOLockedValueBox(State())

    init(_ app: Application) {
        self.app = app
    }

    var cookies: [String: String] {
        get { state.withLockedValue { $0.cookies } }
        set { state.withLockedValue { $0.cookies = newValue } }
    }

    /// The CSRF token the last page carried.
    var csrf: String { state.withLockedValue { $0.csrf } }

    private var cookieHeader: String {
        cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    private func remember(_ response: TestingHTTPResponse) {
        let body = response.body.string
        let token = body.range(of: #"name="csrf" value="[^"]*""#, options: .regularExpression).map {
            String(body[$0].dropFirst(#"name="csrf" value=""#.count).dropLast())
        }
        state.withLockedValue { state in
            for header in response.headers[.setCookie] {
                let pair = header.split(separator: ";").first.map(String.init) ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { continue }
                if header.contains("Max-Age=0") || header.lowercased().contains("expires=thu, 01 jan 1970") {
                    state.cookies[parts[0]] = nil
                } else {
                    state.cookies[parts[0]] = parts[1]
                }
            }
            if let token {
                state.csrf = token
                state.csrfReadUnder = state.tokenCookies
            }
        }
    }

    /// Reads a page with a form when the token in hand is not this session's (after signing in or
    /// out, or before any page), as a person would see a page before sending its form.
    private func freshenToken() async throws {
        guard state.withLockedValue(\.tokenIsStale) else { return }
        if cookies["onward_session"] != nil { try await get(SiteURL.accounts(.profile).path) }
        if state.withLockedValue(\.tokenIsStale) { try await get(SiteURL.accounts(.signIn).path) }
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse!
        try await app.testing().test(.GET, path, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .cookie, value: cookieHeader)
        }, afterResponse: { res in
            result = res
        })
        remember(result)
        return result
    }

    /// Submits a form as a browser would: with this browser's CSRF token unless told otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [String: String] = [:], csrf: String? = nil) async throws -> TestingHTTPResponse {
        if csrf == nil { try await freshenToken() }
        var form = fields
        form[CSRF.fieldName] = csrf ?? self.csrf
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, path, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .cookie, value: cookieHeader)
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: Browser.encode(form))
        }, afterResponse: { res in
            result = res
        })
        remember(result)
        return result
    }

    static func encode(_ fields: [String: String]) -> String {
        encode(fields.map { ($0.key, $0.value) })
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    /// As `post(_:_:)`, for a form that sends a name more than once (ticked checkboxes).
    @discardableResult
    func post(_ path: String, pairs: [(String, String)]) async throws -> TestingHTTPResponse {
        try await freshenToken()
        let body = Browser.encode(pairs + [(CSRF.fieldName, csrf)])
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, path, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .cookie, value: cookieHeader)
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in
            result = res
        })
        remember(result)
        return result
    }

    /// Signs in through the real form.
    @discardableResult
    func signIn(_ user: UserModel, password: String = World.password) async throws -> TestingHTTPResponse {
        try await post(SiteURL.accounts(.signIn).path, ["email": user.email, "password": password])
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var location: String? { headers.first(name: .location) }
}

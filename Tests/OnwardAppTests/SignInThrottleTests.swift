import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The sign-in limits under concurrent attempts, and sign-ins in a burst (runs on SQLite, and on
/// PostgreSQL when DATABASE_URL is set).
extension AppTests {
    @Suite struct SignInThrottleTests {
        static func statuses(_ responses: [UInt]) -> [UInt: Int] {
            responses.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }

        @Test func thirty_wrong_passwords_at_once_for_one_account_check_five_and_refuse_the_rest() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                _ = try await browser.get(SiteURL.accounts(.signIn).path)
                let csrf = browser.csrf, cookies = browser.cookies
                let answers = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<30 {
                        group.addTask {
                            let tab = Browser(app)
                            tab.cookies = cookies
                            return try await tab.post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": "guess"], csrf: csrf).status.code
                        }
                    }
                    return try await group.reduce(into: [UInt]()) { $0.append($1) }
                }
                #expect(Self.statuses(answers) == [401: 5, 429: 25], "five checked, the rest refused before hashing: \(Self.statuses(answers))")
                // Locked: even the right password is refused now.
                #expect(try await browser.signIn(world.graduate).status == .tooManyRequests)
            }
        }

        @Test func one_client_guessing_across_accounts_is_stopped_after_twenty_failures() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                var answers: [UInt] = []
                for account in 0..<7 {
                    for _ in 0..<4 {
                        answers.append(try await browser.post(SiteURL.accounts(.signIn).path, ["email": "person\(account)@example.org", "password": "guess"]).status.code)
                    }
                }
                #expect(answers == Array(repeating: 401, count: 20) + Array(repeating: 429, count: 8))
                let refused = try await browser.signIn(world.graduate)
                #expect(refused.status == .tooManyRequests)
                #expect(refused.text.contains("Too many failed sign-ins from this network"))
            }
        }

        @Test func a_right_password_gives_its_attempt_back_to_the_client() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                for _ in 0..<19 {
                    _ = try await browser.post(SiteURL.accounts(.signIn).path, ["email": "nobody@example.org", "password": "guess"])
                }
                // People signing in rightly from the same address are not counted against it.
                for person in [world.graduate, world.coach, world.partner, world.admin] {
                    #expect(try await Browser(app).signIn(person).status == .seeOther)
                }
                let client = try #require(try await SignInAttempts(db: app.db, now: testNow).counter(SignInAttempts.client(nil)))
                #expect(client.attempts == 19)
                #expect(try await SignInAttempts(db: app.db, now: testNow).counter(SignInAttempts.account(world.graduate.email)) == nil, "a right password clears the account's count")
            }
        }

        @Test func behind_a_trusted_proxy_each_forwarded_address_has_its_own_limit() async throws {
            try await withApp(settings: { $0.trustedProxy = "127.0.0.1" }) { app in
                let world = try await World.make(on: app)
                try await ServedOnward.with(app) { onward in
                    let first = try await onward.visitor(forwardedFor: "198.51.100.1")
                    for n in 0..<20 {
                        #expect(try await onward.signIn("person\(n)@example.org", password: "guess", as: first).status == .unauthorized)
                    }
                    #expect(try await onward.signIn("person20@example.org", password: "guess", as: first).status == .tooManyRequests)
                    // A client cannot escape by claiming another address in front of the proxy's.
                    var spoofing = first
                    spoofing.forwardedFor = "203.0.113.9, 198.51.100.1"
                    #expect(try await onward.signIn(world.graduate.email, password: World.password, as: spoofing).status == .tooManyRequests)
                    let second = try await onward.visitor(forwardedFor: "198.51.100.2")
                    #expect(try await onward.signIn(world.graduate.email, password: World.password, as: second).status == .seeOther)
                }
            }
        }

        @Test func a_forwarded_address_from_a_peer_that_is_not_the_trusted_proxy_is_ignored() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await ServedOnward.with(app) { onward in
                    var visitor = try await onward.visitor()
                    for n in 0..<20 {
                        visitor.forwardedFor = "198.51.100.\(n)"
                        #expect(try await onward.signIn("person\(n)@example.org", password: "guess", as: visitor).status == .unauthorized)
                    }
                    visitor.forwardedFor = "198.51.100.200"
                    #expect(try await onward.signIn(world.graduate.email, password: World.password, as: visitor).status == .tooManyRequests)
                }
            }
        }

        /// The probe's burst: a hundred sign-ins at once, each from its own address with an unknown
        /// email, at a bcrypt cost that takes real time. Every answer is 401 or 429, never a server
        /// error, and a signed-in person's board keeps answering meanwhile.
        @Test func a_burst_of_a_hundred_sign_ins_gets_no_server_error_and_others_pages_keep_answering() async throws {
            try await withApp(settings: { $0.trustedProxy = "127.0.0.1"; $0.bcryptCost = 9 }) { app in
                let world = try await World.make(on: app)
                try await ServedOnward.with(app) { onward in
                    var graduate = try await onward.visitor(forwardedFor: "192.0.2.1")
                    let signedIn = try await onward.signIn(world.graduate.email, password: World.password, as: graduate)
                    #expect(signedIn.status == .seeOther)
                    graduate.remember(signedIn)
                    let reading = graduate
                    let signInPage = try await onward.visitor()
                    let (burst, boards) = try await withThrowingTaskGroup(of: (UInt?, UInt?).self) { group in
                        for n in 0..<100 {
                            group.addTask {
                                var visitor = signInPage
                                visitor.forwardedFor = "198.51.\(n / 250).\(n % 250 + 1)"
                                return (try await onward.signIn("nobody\(n)@example.org", password: "guess", as: visitor).status.code, nil)
                            }
                        }
                        for _ in 0..<10 {
                            group.addTask {
                                var reader = reading
                                return (nil, try await onward.get(SiteURL.jobSearch(.board).path, as: &reader).status.code)
                            }
                        }
                        return try await group.reduce(into: ([UInt](), [UInt]())) { all, answer in
                            answer.0.map { all.0.append($0) }
                            answer.1.map { all.1.append($0) }
                        }
                    }
                    #expect(burst.count == 100)
                    #expect(burst.allSatisfy { $0 == 401 || $0 == 429 }, "\(Self.statuses(burst))")
                    #expect(boards == Array(repeating: 200, count: 10))
                }
            }
        }
    }

    /// `PasswordHashing` takes on a bounded number of hashes and refuses the next at once.
    @Suite struct PasswordHashingTests {
        /// A hasher that holds every hash until it is let go.
        final class HeldHasher: PasswordHasher, @unchecked Sendable {
            private let gate = DispatchSemaphore(value: 0)
            private let entered = NIOLockedValueBox(0)
            var started: Int { entered.withLockedValue { $0 } }
            var holding = false

            func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
                if holding { entered.withLockedValue { $0 += 1 }; gate.wait() }
                return Array("hash".utf8)
            }

            func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
                _ = try hash(password)
                return Array(password) == Array("right".utf8)
            }

            func letGo(_ count: Int) { for _ in 0..<count { gate.signal() } }
        }

        @Test func beyond_its_capacity_a_hash_is_refused_at_once_and_the_others_finish() async throws {
            let hasher = HeldHasher()
            let hashing = try PasswordHashing(hasher: hasher, threads: 1, capacity: 2)
            hasher.holding = true
            async let first = hashing.verify("right", created: "x")
            async let second = hashing.verify("wrong", created: "x")
            // Wait until both are in hand (one hashing, one queued behind it), for at most 30 s:
            // a hash that never starts fails the test rather than hanging the run.
            let deadline = ContinuousClock.now + .seconds(30)
            while hashing.inHand < 2 || hasher.started < 1 {
                guard ContinuousClock.now < deadline else {
                    Issue.record("the two hashes were not in hand after 30 s")
                    hasher.letGo(3)
                    return
                }
                try await Task.sleep(for: .milliseconds(5))
            }
            await #expect(throws: AppError.busy) { try await hashing.verify("right", created: "x") }
            hasher.letGo(2)
            #expect(try await first == true)
            #expect(try await second == false)
            // Room again once they are done.
            hasher.letGo(1)
            #expect(try await hashing.verify("right", created: "x") == true)
            try await hashing.shutdown()
        }
    }
}

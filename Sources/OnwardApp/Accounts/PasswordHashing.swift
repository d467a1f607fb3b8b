import NIOConcurrencyHelpers
import NIOPosix
import OnwardCore
import Vapor

/// Checks and makes password hashes on threads of their own, a bounded number at a time.
///
/// bcrypt is slow on purpose. Run on the application's shared thread pool, a burst of sign-ins
/// queued ahead of every SQLite query (which runs on that pool too), so everyone's pages waited
/// and connections timed out. Here hashing has its own threads, and when more hashes are waiting
/// than those threads can finish in a few seconds, the next is refused at once (`AppError.busy`,
/// 429) instead of queueing: the person is asked to try again, and no one else waits.
final class PasswordHashing: Sendable {
    private let hasher: any PasswordHasher
    private let pool: NIOThreadPool
    /// Hashes running or waiting at most.
    let capacity: Int
    private let inFlight = NIOLockedValueBox(0)
    /// A hash of a random string, checked when no account has the email, so an unknown email
    /// takes as long as a wrong password.
    let decoyHash: String

    init(hasher: any PasswordHasher, threads: Int, capacity: Int) throws {
        self.hasher = hasher
        self.pool = NIOThreadPool(numberOfThreads: threads)
        self.capacity = capacity
        self.decoyHash = try hasher.hash(Data([UInt8].random(count: 32)).base64URLEncodedString())
        pool.start()
    }

    /// Whether `password` is the one `hash` was made from. Throws `AppError.busy` when full.
    func verify(_ password: String, created hash: String) async throws -> Bool {
        try await run { hasher in (try? hasher.verify(password, created: hash)) ?? false }
    }

    /// A new hash of `password`. Throws `AppError.busy` when full.
    func hash(_ password: String) async throws -> String {
        try await run { hasher in try hasher.hash(password) }
    }

    /// Hashes running or waiting now.
    var inHand: Int { inFlight.withLockedValue { $0 } }

    func shutdown() async throws {
        try await pool.shutdownGracefully()
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (any PasswordHasher) throws -> T) async throws -> T {
        let admitted = inFlight.withLockedValue { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else { throw AppError.busy }
        defer { inFlight.withLockedValue { $0 -= 1 } }
        let hasher = self.hasher
        return try await pool.runIfActive { try work(hasher) }
    }
}

extension Application {
    private struct PasswordHashingKey: StorageKey { typealias Value = PasswordHashing }

    /// Onward's one `PasswordHashing`, made by `configure` and stopped when the application stops.
    var passwordHashing: PasswordHashing {
        get {
            guard let hashing = storage[PasswordHashingKey.self] else { fatalError("configure(_:settings:) sets up password hashing") }
            return hashing
        }
        set { storage[PasswordHashingKey.self] = newValue }
    }

    /// Sets up `passwordHashing` with the configured hasher (bcrypt at the configured cost): half
    /// the cores hash (at least one), and sixteen hashes per hashing thread may be in hand.
    func usePasswordHashing() throws {
        let threads = max(1, System.coreCount / 2)
        let hashing = try PasswordHashing(hasher: password.sync, threads: threads, capacity: threads * 16)
        passwordHashing = hashing
        lifecycle.use(PasswordHashingLifecycle(hashing: hashing))
    }
}

private struct PasswordHashingLifecycle: LifecycleHandler {
    let hashing: PasswordHashing

    func shutdownAsync(_ application: Application) async {
        do {
            try await hashing.shutdown()
        } catch {
            application.logger.warning("Password hashing threads did not stop cleanly: \(String(reflecting: error))")
        }
    }
}

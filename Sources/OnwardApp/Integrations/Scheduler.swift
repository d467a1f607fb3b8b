import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs every module's scheduled jobs while Onward serves, every `every`. Each job claims its
/// runs in the database (`ScheduledRuns`), so several instances on one database may all tick:
/// each run happens once.
struct Scheduler: LifecycleHandler {
    static let every: Duration = .seconds(15)
    private let task: NIOLockedValueBox<Task<Void, Never>?> = .init(nil)

    /// Every module's jobs, in the modules' order.
    static let jobs = Capabilities.modules.flatMap(\.scheduled)

    /// One tick: every job at the clock's now, each on its own, so one that fails (a database
    /// hiccup, a bug) is logged and the others still run.
    static func tick(_ app: Application, jobs: [ScheduledJob] = jobs) async {
        for job in jobs {
            guard !Task.isCancelled else { return }
            do {
                try await job.run(app, app.settings.clock.now)
            } catch {
                app.logger.error("The scheduled job \(job.name) failed: \(String(describing: error))")
            }
        }
    }

    func start(on app: Application) async {
        await app.makeSlackClient()
        let handle = Task {
            while !Task.isCancelled {
                await Self.tick(app)
                try? await Task.sleep(for: Self.every)
            }
        }
        task.withLockedValue { $0 = handle }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel() }
    }
}

import ConsoleKit
import Fluent
import OnwardCore
import Vapor

/// `onward <command>`: serve, migrate, seed, and what later capabilities add.
public enum OnwardCommands {
    public static func register(on app: Application) async throws {
        app.asyncCommands.use(ServeCommand(), as: "serve", isDefault: true)
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(SeedCommand(), as: "seed")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(GitHubCommand(), as: "github")
    }
}

/// `onward serve [--hostname H] [--port P] [--demo]`: applies pending migrations, fills an empty
/// database with the demo bootcamp when asked, then serves.
struct ServeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "The address to listen on (default 127.0.0.1).")
        var hostname: String?
        @Option(name: "port", short: "p", help: "The port to listen on (default 8080).")
        var port: Int?
        @Option(name: "bind", short: "b", help: "hostname:port together.")
        var bind: String?
        @Flag(name: "demo", help: "Fill an empty database with a demo bootcamp and print its sign-ins.")
        var demo: Bool
    }

    var help: String { "Applies migrations and serves Onward over HTTP." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if signature.demo {
            try await DemoBootcamp.seedIfEmpty(app, console: context.console)
        }
        var arguments = ["serve"]
        if let hostname = signature.hostname { arguments += ["--hostname", hostname] }
        if let port = signature.port { arguments += ["--port", String(port)] }
        if let bind = signature.bind { arguments += ["--bind", bind] }
        var serve = CommandContext(console: context.console, input: CommandInput(arguments: arguments))
        serve.application = app
        if app.settings.githubDailySync {
            let daily = GitHubDailySync()
            app.lifecycle.use(daily)
            daily.start(on: app)
        }
        let scheduler = Scheduler()
        app.lifecycle.use(scheduler)
        await scheduler.start(on: app)
        if let smtp = app.settings.smtp {
            let outbox = OutboxDeliveryLoop()
            app.lifecycle.use(outbox)
            outbox.start(on: app, smtp: smtp)
        }
        try await app.servers.asyncCommand.run(using: &serve)
    }
}

/// `onward migrate [--revert] [--all]`: applies pending migrations, or reverts the last batch
/// (every batch with `--all`). Never asks a question, so it runs in scripts.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert the last batch of migrations instead of applying.")
        var revert: Bool
        @Flag(name: "all", help: "With --revert: revert every migration.")
        var all: Bool
    }

    var help: String { "Applies (or with --revert, reverts) database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let migrator = context.application.migrator
        try await migrator.setupIfNeeded().get()
        if signature.revert {
            if signature.all {
                try await migrator.revertAllBatches().get()
                context.console.print("Reverted every migration.")
            } else {
                let batch = try await migrator.previewRevertLastBatch().get()
                try await migrator.revertLastBatch().get()
                context.console.print("Reverted \(Wording.count(batch.count, "migration")).")
            }
        } else {
            let pending = try await migrator.previewPrepareBatch().get()
            try await migrator.prepareBatch().get()
            context.console.print(pending.isEmpty ? "No pending migrations." : "Applied \(Wording.count(pending.count, "migration")).")
        }
    }
}

/// `onward seed --demo`: fills an empty database with the demo bootcamp, without serving.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Seed the demo bootcamp.")
        var demo: Bool
    }

    var help: String { "Seeds data: --demo fills an empty database with a demo bootcamp." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.demo else {
            context.console.error("Say what to seed: onward seed --demo")
            throw ExitCode.failure
        }
        try await context.application.autoMigrate()
        try await DemoBootcamp.seedIfEmpty(context.application, console: context.console)
    }
}

/// A command that has already told the person what went wrong, and should end with status 1.
public enum ExitCode: Error {
    case failure
}

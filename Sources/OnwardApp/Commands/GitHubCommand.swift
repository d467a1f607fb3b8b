import ConsoleKit
import Fluent
import OnwardCore
import Vapor

/// `onward github sync [--user EMAIL]`: reads linked graduates' commits from GitHub's API now, as
/// the server does once a day (`ONWARD_GITHUB_API_URL`, and `ONWARD_GITHUB_TOKEN` for the
/// contribution calendar; without a token, public events).
struct GitHubCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "user", help: "Only this graduate's email")
        var user: String?
        @Argument(name: "what", help: "What to do: sync")
        var what: String
    }

    var help: String { "Reads linked graduates' commits from GitHub's API: onward github sync [--user EMAIL]." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        guard signature.what == "sync" else {
            console.error("Onward syncs from GitHub: onward github sync [--user EMAIL]")
            throw ExitCode.failure
        }
        let app = context.application
        try await app.autoMigrate()
        let email = signature.user.map(AccountRules.normalizedEmail)
        if let email {
            guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first(), user.role == .graduate else {
                console.error("No graduate has the email \(email).")
                throw ExitCode.failure
            }
            guard user.githubLogin != nil else {
                console.error("\(email) has not linked a GitHub login on their profile.")
                throw ExitCode.failure
            }
        }
        let report = try await GitHubSyncRun(db: app.db, http: app.http.client.shared, settings: app.settings, now: app.settings.clock.now, logger: app.logger)
            .run(only: email)
        console.print(report.summary)
        if report.stopped != nil || !report.failed.isEmpty { throw ExitCode.failure }
    }
}

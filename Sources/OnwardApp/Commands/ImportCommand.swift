import ConsoleKit
import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import Vapor

/// `onward import applications --user EMAIL FILE.csv`: the web page's import, from a terminal,
/// with a progress bar for large files. Wrong lines are listed and nothing is written.
struct ImportCommand: AsyncCommand {
    /// Options come first: ConsoleKit reads the signature in order, and an argument would
    /// otherwise take the option's value.
    struct Signature: CommandSignature {
        @Option(name: "user", help: "The graduate's email")
        var user: String?
        @Argument(name: "what", help: "What to import: applications")
        var what: String
        @Argument(name: "file", help: "The CSV file")
        var file: String
    }

    var help: String { "Imports a graduate's applications from a CSV file (Huntr, Teal, Onward or any with a header row)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        guard signature.what == "applications" else {
            console.error("Onward imports applications: onward import applications --user EMAIL FILE.csv")
            throw ExitCode.failure
        }
        guard let email = signature.user.map(AccountRules.normalizedEmail), !email.isEmpty else {
            console.error("Say whose applications these are: --user EMAIL")
            throw ExitCode.failure
        }
        let app = context.application
        try await app.autoMigrate()
        guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first(), Access.keepsJobSearch(user.viewer) else {
            console.error("No graduate has the email \(email).")
            throw ExitCode.failure
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            console.error("Cannot read \(signature.file).")
            throw ExitCode.failure
        }
        guard let text = String(data: data, encoding: .utf8) else {
            console.error("\(signature.file) is not UTF-8 text. Save it as 'CSV UTF-8' and try again.")
            throw ExitCode.failure
        }
        let search = JobSearch(db: app.db, now: app.settings.clock.now)
        let started = Date()
        // Rows are written while the file is still being read, so the total is not known until
        // the end: the bar measures against the file's line count, which quoted line ends in
        // fields can only make larger than the number of rows.
        let lines = max(1, text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
        let bar = console.progressBar(title: "Importing \(signature.file)")
        let showBar = lines >= 1000 && console.size.width > 0
        if showBar { bar.start() }
        let progress: @Sendable (Int) -> Void = { done in
            bar.activity.currentProgress = min(0.99, Double(done) / Double(lines))
        }
        let result: JobSearch.StreamedImport
        do {
            result = try await search.importStreaming(csv: text, for: user, progress: showBar ? progress : nil)
        } catch let refused as JobSearch.ImportRefused {
            if showBar { bar.fail() }
            let errors = refused.preview.errors
            console.error("Nothing was imported: \(Wording.count(errors.count, "line")) to fix.")
            for error in errors.prefix(50) { console.print("  line \(error.line): \(error.message)") }
            if errors.count > 50 { console.print("  … and \(errors.count - 50) more") }
            throw ExitCode.failure
        } catch let errors as ValidationErrors {
            if showBar { bar.fail() }
            console.error(errors.errors.map(\.message).joined(separator: " "))
            throw ExitCode.failure
        } catch {
            if showBar { bar.fail() }
            throw error
        }
        if showBar { bar.succeed() }
        let seconds = Date().timeIntervalSince(started)
        console.print("Imported \(Wording.count(result.imported, "application")) for \(user.email) in \(String(format: "%.2f", seconds)) s; \(Wording.count(result.preview.duplicates.count, "duplicate")) skipped.")
    }
}

import Logging
import OnwardApp
import Foundation
import NIOCore
import NIOPosix
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        // Swift's tasks run on NIO's event loops, not on a pool of their own: a page's handler,
        // its queries' results and its response then change threads far less (bench/RESULTS.md).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var env = try Environment.detect()
        // Vapor's console logger, with the secrets of every line taken out first.
        try LoggingSystem.bootstrap(from: &env) { level in
            let console = Terminal()
            return { label in RedactingLogHandler(ConsoleLogger(label: label, console: console, level: level)) }
        }
        let app = try await Application.make(env)
        do {
            try await configure(app)
            try await OnwardCommands.register(on: app)
            try await app.execute()
        } catch ExitCode.failure {
            try? await app.asyncShutdown()
            exit(1)
        } catch {
            // A clear line and a failing exit status, not a crash report (an error thrown out of
            // main traps): "Address already in use" is what someone starting Onward twice sees.
            app.logger.report(error: error)
            FileHandle.standardError.write(Data("onward: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}

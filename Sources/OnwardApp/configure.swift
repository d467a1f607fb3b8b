import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import OnwardCore
import Vapor

/// Sets Onward up on `app`, from the environment.
public func configure(_ app: Application) async throws {
    try await configure(app, settings: Settings.fromEnvironment())
}

/// Sets Onward up on `app` with `settings`. Tests call this too, with their own settings.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings

    // Database
    switch settings.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        config.searchPath = nil
        app.databases.use(.postgres(configuration: config, sqlLogLevel: .debug), as: .psql)
    }
    app.migrations.add(Migrations.history)

    // Sessions live in the database, so several instances can serve one PostgreSQL.
    let secure = settings.secureCookies
    app.sessions.use { app in ChangedOnlySessions(base: FluentSessionsReadBySQL(fluent: app.fluent.sessions.driver())) }
    // Max-Age rather than Expires: the cookie is sent again with every response, and formatting
    // an Expires date each time was a few percent of a page.
    app.sessions.configuration = SessionsConfiguration(cookieName: "onward_session") { id in
        HTTPCookies.Value(string: id.string, maxAge: 60 * 60 * 24 * 14, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    // What Onward signs (CSRF tokens)
    app.serverSecret = ServerSecret(configured: settings.secretKey)

    // Passwords
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    try app.usePasswordHashing()

    // Static files, from the package's resources so the binary works from any directory.
    guard let resources = Bundle.module.resourceURL else { throw Abort(.internalServerError, reason: "Onward's resources are missing") }

    // Requests
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxBodyBytes)
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorMiddleware())
    app.middleware.use(MethodsMiddleware())
    app.middleware.use(StaticFilesMiddleware(files: FileMiddleware(publicDirectory: resources.appendingPathComponent("Public").path + "/")))

    try routes(app)
}

import Fluent
import OnwardCore
import SQLKit
import Vapor

/// Registers every capability's routes, navigation and sections, from the module list.
func routes(_ app: Application) throws {
    app.homeSectionSources = Capabilities.modules.compactMap { $0.sections(settings: app.settings) }
    app.navigation = Capabilities.navigation
    app.dashboardColumns = Capabilities.dashboardColumns
    app.doors = Capabilities.modules.lazy.compactMap(\.doors).first
    app.notices = Capabilities.modules.lazy.compactMap(\.notices).first
    app.get(.healthz) { _ in "ok" }
    app.get(.readyz, use: readiness)

    let web = app.grouped(
        app.sessions.middleware,
        UserModel.sessionAuthenticator(),
        CSRFMiddleware(
            maxBodyBytes: app.settings.maxBodyBytes,
            uploads: Dictionary(uniqueKeysWithValues: [SiteURL.jobSearch(.importCSV), .jobSearch(.confirmImport)].map {
                ($0.path, UploadPath(maxBytes: app.settings.maxUploadBytes, mayUpload: Access.keepsJobSearch))
            })),
        UnreadNoticesMiddleware())
    let signedIn = web.grouped(Require.signedIn)

    for module in Capabilities.modules {
        try module.register(web: web, signedIn: signedIn, settings: app.settings)
        try module.register(hooks: app, settings: app.settings)
    }

    // The JSON API
    try API.register(on: app)
}

/// Ready when the database answers.
@Sendable func readiness(req: Request) async throws -> Response {
    do {
        _ = try await (req.db as! any SQLDatabase).raw("SELECT 1").all()
        return Response(status: .ok, body: .init(string: "ok"))
    } catch {
        req.logger.warning("readiness check failed: \(String(reflecting: error))")
        return Response(status: .serviceUnavailable, body: .init(string: "database unavailable"))
    }
}

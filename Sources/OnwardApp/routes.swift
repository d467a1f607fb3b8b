import Fluent
import OnwardCore
import SQLKit
import Vapor

/// Registers every capability's routes, grouped by who may reach them.
func routes(_ app: Application) throws {
    app.homeSectionSources = HomeController.sources
    app.get(.healthz) { _ in "ok" }
    app.get(.readyz, use: readiness)

    let web = app.grouped(
        app.sessions.middleware,
        UserModel.sessionAuthenticator(),
        CSRFMiddleware(
            maxBodyBytes: app.settings.maxBodyBytes,
            uploads: Dictionary(uniqueKeysWithValues: [SiteURL.jobSearch(.importCSV), .jobSearch(.confirmImport)].map {
                ($0.path, UploadPath(maxBytes: app.settings.maxUploadBytes, mayUpload: Access.keepsJobSearch))
            })))
    let signedIn = web.grouped(Require.signedIn)

    // Accounts
    try web.register(collection: SessionController())
    try web.register(collection: InvitationController())
    try signedIn.register(collection: AccountController())
    try web.register(collection: HomeController())
    try web.grouped(Require(Access.runsBootcamp)).register(collection: AdminController())

    // Job search
    try signedIn.register(collection: JobSearchController())
    try signedIn.register(collection: ImportController(maxUploadBytes: app.settings.maxUploadBytes))

    // Programme
    try web.register(collection: ProgrammeController())
    try web.register(collection: EvidenceController())
    try web.register(collection: CareersTeamController())
    try web.register(collection: LearningGoalController())

    // Coaching
    try web.register(collection: ReviewController())
    try web.register(collection: SupportController())
    try web.register(collection: LearningPlanController())
    try web.register(collection: EventController())
    try web.register(collection: CoachDashboardController())

    // Practice
    try web.register(collection: MockInterviewController())
    try web.register(collection: PeerSessionController())
    try web.register(collection: PairingController())

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

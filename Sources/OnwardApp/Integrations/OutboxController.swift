import Fluent
import OnwardCore
import Vapor

/// The admin's outbox page.
struct OutboxController: RouteCollection {
    /// The most messages the page lists, newest first.
    static let shown = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.integrations(.outbox), use: page)
    }

    func page(req: Request) async throws -> Response {
        let admin = try req.requireUser()
        let messages = try await OutboxMessageModel.query(on: req.db).sort(\.$createdAt, .descending).limit(Self.shown).all()
        let waiting = try await OutboxMessageModel.query(on: req.db).filter(\.$sentAt == nil).filter(\.$failedAt == nil).count()
        return req.render(OutboxPage(messages: messages, waiting: waiting, smtp: req.settings.smtp, zone: admin.timeZone))
    }
}

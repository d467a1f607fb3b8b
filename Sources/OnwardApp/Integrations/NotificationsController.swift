import Fluent
import OnwardCore
import SQLKit
import Vapor

/// One's notifications: read them, mark them read, choose which come by email.
struct NotificationsController: RouteCollection {
    /// The most a page lists, newest first.
    static let shown = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.integrations(.notifications), use: page)
        routes.post(.integrations(.readNotifications), use: markRead)
        routes.get(.integrations(.notificationSettings), use: settingsPage)
        routes.post(.integrations(.notificationSettings), use: saveSettings)
    }

    func page(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (items, unread) = try await NotificationUseCases(req: req).list(for: user, limit: Self.shown)
        return req.render(NotificationsPage(items, unread: unread, zone: user.timeZone))
    }

    func markRead(req: Request) async throws -> Response {
        try await NotificationUseCases(req: req).markAllRead(for: req.requireUser())
        return req.redirect(to: .integrations(.notifications), flash: "All read.")
    }

    func settingsPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let emailed = try await NotificationUseCases(req: req).emailed(for: user)
        return req.render(NotificationSettingsPage(choices: NotificationKind.allCases.filter { $0.concerns(user.role) }.map { .init(kind: $0, emailed: emailed.contains($0)) }))
    }

    func saveSettings(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let ticked = Set(NotificationKind.allCases.filter { $0.concerns(user.role) && form["email_" + $0.rawValue] != nil })
        try await NotificationUseCases(req: req).choose(ticked, for: user)
        return req.redirect(to: .integrations(.notificationSettings), flash: "Saved: " + (ticked.isEmpty ? "nothing comes by email." : Wording.count(ticked.count, "kind") + " by email."))
    }
}

/// One's notifications, as the page and the API read and change them.
struct NotificationUseCases: UseCases {
    let db: any Database
    let now: Date

    /// The newest `limit`, and how many are unread in all.
    func list(for user: UserModel, limit: Int) async throws -> ([NotificationModel], Int) {
        let id = try user.requireID()
        let items = try await NotificationModel.query(on: db).filter(\.$user.$id == id).sort(\.$createdAt, .descending).limit(limit).all()
        return (items, try await Self.unread(of: id, on: db))
    }

    /// How many of `userID`'s notifications are unread: the header's count.
    static func unread(of userID: UUID, on db: any Database) async throws -> Int {
        try await NotificationModel.query(on: db).filter(\.$user.$id == userID).filter(\.$readAt == nil).count()
    }

    func markAllRead(for user: UserModel) async throws {
        try await NotificationModel.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$readAt == nil).set(\.$readAt, to: now).update()
    }

    /// The kinds `user` gets by email: what they chose, or the defaults; only their role's.
    func emailed(for user: UserModel) async throws -> Set<NotificationKind> {
        let id = try user.requireID()
        return NotificationKind.emailed(chosen: try await NotificationSettings.emailed(of: [id], on: db)[id]).filter { $0.concerns(user.role) }
    }

    /// Keeps `kinds` as what comes by email (the others of the person's role do not).
    func choose(_ kinds: Set<NotificationKind>, for user: UserModel) async throws {
        try await NotificationSettings.save(kinds.filter { $0.concerns(user.role) }, for: user.requireID(), on: db)
    }
}

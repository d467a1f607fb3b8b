import Foundation
import OnwardCore
import Vapor

/// One's notifications through the JSON API: the same use cases as the page.
extension OnwardAPI {
    func listNotifications(_ input: Operations.ListNotifications.Input) async throws -> Operations.ListNotifications.Output {
        let (items, unread) = try await NotificationUseCases(req: request).list(for: user(), limit: NotificationsController.shown)
        return .ok(.init(body: .json(.init(unread: unread, items: try items.map { item in
            Components.Schemas.Notification(id: try item.requireID().uuidString, kind: .init(rawValue: item.kind.rawValue)!, text: item.text, url: item.path,
                                            createdAt: item.createdAt, readAt: item.readAt)
        }))))
    }

    func readNotifications(_ input: Operations.ReadNotifications.Input) async throws -> Operations.ReadNotifications.Output {
        try await NotificationUseCases(req: request).markAllRead(for: user())
        return .noContent(.init())
    }
}

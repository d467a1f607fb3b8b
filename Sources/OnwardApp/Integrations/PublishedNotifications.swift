import Fluent
import Foundation
import OnwardCore
import SQLKit

/// What Integrations offers the others of its notifications (`NotificationWrites`): each
/// notice is kept for the app, and queued as mail for whoever chose that kind by email.
struct PublishedNotifications: NotificationWrites {
    func notify(_ userIDs: [UUID], _ notice: Notice, at now: Date, on db: any Database) async throws {
        // A former account (someone who left) is told nothing.
        let people = Array(Set(userIDs)).filter { !AccountDeletion.isFormer($0) }
        guard !people.isEmpty else { return }
        for id in people { try await NotificationModel(userID: id, notice: notice, at: now).create(on: db) }
        let chosen = try await NotificationSettings.emailed(of: people, on: db)
        let recipients = try await UserModel.query(on: db).filter(\.$id ~~ people).all()
        for person in recipients where chosen[person.id!]?.contains(notice.kind) ?? NotificationKind.emailed(chosen: nil).contains(notice.kind) {
            try await PublishedMail().queue(Self.mail(notice, to: person), on: db)
        }
    }
}

extension PublishedNotifications {
    /// The email of `notice`, for `person`.
    static func mail(_ notice: Notice, to person: UserModel) -> QueuedMail {
        QueuedMail(
            to: person.email, subject: "Onward: " + String(notice.text.prefix(120)),
            body: """
            \(notice.text)

            See it in Onward: {{site}}\(notice.url.path)

            You get this email because you chose to hear of this by email. Choose what comes by email: {{site}}\(SiteURL.integrations(.notificationSettings).path)
            """,
            topic: "notification", subjectID: nil)
    }

    func notify(each all: [(userID: UUID, notice: Notice)], at now: Date, on db: any Database) async throws {
        let told = all.filter { !AccountDeletion.isFormer($0.userID) }
        guard !told.isEmpty else { return }
        var rows = BulkInsert(into: NotificationModel.schema, columns: ["id", "user_id", "kind", "text", "path", "created_at"])
        for (userID, notice) in told {
            rows.append([.id(UUID()), .id(userID), .text(notice.kind.rawValue), .text(String(notice.text.prefix(NotificationKind.textLimit))), .text(notice.url.path), .time(now)])
        }
        try await rows.run(on: db as! any SQLDatabase)
        let people = Array(Set(told.map(\.userID)))
        let chosen = try await NotificationSettings.emailed(of: people, on: db)
        let emailed = told.filter { chosen[$0.userID]?.contains($0.notice.kind) ?? NotificationKind.emailed(chosen: nil).contains($0.notice.kind) }
        guard !emailed.isEmpty else { return }
        let recipients = Dictionary(try await UserModel.query(on: db).filter(\.$id ~~ Set(emailed.map(\.userID))).all().map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        for (userID, notice) in emailed {
            guard let person = recipients[userID] else { continue }
            try await PublishedMail().queue(Self.mail(notice, to: person), on: db)
        }
    }
}

/// The kinds each person gets by email, as kept.
enum NotificationSettings {
    /// What each of `userIDs` chose, for those who ever chose.
    static func emailed(of userIDs: [UUID], on db: any Database) async throws -> [UUID: Set<NotificationKind>] {
        let rows = try await (db as! any SQLDatabase).select().columns("user_id", "emailed").from("notification_settings")
            .where("user_id", .in, SQLBind.group(userIDs)).all()
        var result: [UUID: Set<NotificationKind>] = [:]
        for row in rows { result[try row.decode(column: "user_id", as: UUID.self)] = NotificationKind.kinds(in: try row.decode(column: "emailed", as: String.self)) }
        return result
    }

    static func save(_ kinds: Set<NotificationKind>, for userID: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO notification_settings (user_id, emailed) VALUES (\(bind: userID), \(bind: NotificationKind.column(kinds)))
            ON CONFLICT (user_id) DO UPDATE SET emailed = excluded.emailed
            """).run()
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit

/// A person's data: everything of theirs as one JSON document, and deleting their account (by
/// themselves, or by an admin on their request), with each capability's part handed over by its
/// module (`PersonalData`).
struct YourDataUseCases: UseCases {
    let db: any Database
    let now: Date

    /// Every capability's part, in the modules' order.
    static var parts: [any PersonalData] { Capabilities.modules.compactMap(\.personalData) }
    static var tables: [ExportedTable] { parts.flatMap(\.exported) }

    /// The export of `person`: every list of every capability, read at one moment.
    func export(of person: UserModel) async throws -> Data {
        let id = try person.requireID()
        let tables = Self.tables
        // One read transaction, so the lists agree with each other.
        let records = try await db.transaction { db in
            // One snapshot for every list (SQLite's transaction is one already).
            if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            var records: [String: [[String: ExportValue]]] = [:]
            for table in tables { records[table.shape.name] = try await table.records(of: id, on: db) }
            return records
        }
        return try YourDataExport.document(tables: tables.map(\.shape), records: records, at: now)
    }

    /// `person` deletes their own account, having typed their email again.
    func deleteOwnAccount(of person: UserModel, typed: String) async throws {
        try AccountDeletion.confirm(typed: typed, email: person.email)
        try await delete(person, byOwner: true, doneBy: nil)
    }

    /// `admin` deletes the account whose email they typed, at its owner's request.
    @discardableResult
    func deleteAccount(withEmail typed: String, by admin: UserModel) async throws -> AccountDeletionModel {
        let email = AccountRules.normalizedEmail(typed)
        guard !email.isEmpty, let person = try await UserModel.query(on: db).filter(\.$email == email).filter(\.$role != .former).first() else {
            throw ValidationErrors.one("email", email.isEmpty ? "Type the email address of the account to delete." : "No account has that email address: nothing was deleted.")
        }
        // An admin deleting their own account here does what they would do on Your data.
        let own = try person.requireID() == admin.requireID()
        return try await delete(person, byOwner: own, doneBy: own ? nil : admin.requireID())
    }

    /// The record, newest first, with the name of the admin who did each (nil: its owner did, or
    /// the admin's own account is gone).
    func record() async throws -> [AccountDeletionModel] {
        try await AccountDeletionModel.query(on: db).with(\.$doneBy).sort(\.$doneAt, .descending).all()
    }

    /// Everything of `person` goes in one transaction: each capability deletes what is theirs and
    /// hands their place in others' threads to the former account, then the account goes (and
    /// with it whatever still pointed at it), and the record is written.
    @discardableResult
    private func delete(_ person: UserModel, byOwner: Bool, doneBy: UUID?) async throws -> AccountDeletionModel {
        let id = try person.requireID()
        let role = person.role
        let deletion = AccountDeletionModel(role: role, byOwner: byOwner, doneBy: doneBy, at: now)
        try await db.writeTransaction { db in
            // Two deletions at once take turns: the second finds the account gone, and two admins
            // deleting each other cannot leave none.
            try await db.lockTable(UserModel.schema)
            guard try await UserModel.find(id, on: db) != nil else { throw Refusal(.notFound, "That account is already gone.", field: "email") }
            if let doneBy, try await UserModel.query(on: db).filter(\.$id == doneBy).filter(\.$role == .admin).count() == 0 {
                throw Refusal.notAllowed("Only an admin deletes someone else's account.")
            }
            if role == .admin {
                let admins = try await UserModel.query(on: db).filter(\.$role == .admin).count()
                guard admins > 1 else {
                    throw Refusal(.conflict, "This is the only admin account: invite another admin first, so someone can still run the bootcamp.", field: "email")
                }
            }
            let leaving = Leaving(id: id, email: person.email, name: person.name, role: role, former: try await UserModel.former(of: role, on: db), now: now)
            for part in Self.parts { try await part.erase(leaving, on: db) }
            try await UserModel.query(on: db).filter(\.$id == id).delete()
            try await deletion.create(on: db)
        }
        return deletion
    }
}

/// Integrations' own part of a person's data: their notifications and what they chose to get by
/// email, and their calendar feed (never its address). It all goes with them, with mail still
/// waiting for them and the scheduler's notes of what it told them.
struct IntegrationsPersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("notifications", "Notifications in Onward.", [
                .text("kind"), .text("text"), .text("path", "The page it is about"), .moment("created_at"), .moment("read_at"),
            ])) { "notifications WHERE user_id = \(bind: $0) ORDER BY created_at" },
            ExportedTable(ExportTable("notifications_by_email", "The kinds chosen to come by email too (none saved: the defaults).", [
                .text("emailed", "One kind a line"),
            ])) { "notification_settings WHERE user_id = \(bind: $0)" },
            ExportedTable(ExportTable("calendar_feed", "The calendar feed, when it is on (never its address).", [
                .moment("created_at"), .moment("last_read_at"),
            ])) { "calendar_feeds WHERE user_id = \(bind: $0)" },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        for table in [NotificationModel.schema, "notification_settings", CalendarFeedModel.schema, "calendar_entries"] {
            try await leaving.delete(from: table, on: db)
        }
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM \(ident: OutboxMessageModel.schema) WHERE LOWER(to_email) = \(bind: leaving.email.lowercased())").run()
        // What others were told about them ("Amara Okafor booked your slot") now names them as
        // their threads do. A one-word name could be part of other words, and one inside another
        // person's name ("Ben Li", "Ben Lima") would change theirs: only a full name no one
        // else's holds is replaced.
        let former = AccountDeletion.formerName(of: leaving.role)
        let others = try await UserModel.query(on: db).filter(\.$id != leaving.id).filter(\.$name, .custom("LIKE"), "%" + leaving.name + "%").count()
        if leaving.name.contains(" "), leaving.name.count >= 5, others == 0 {
            let name = leaving.name, like = "%" + leaving.name + "%"
            try await sql.raw("UPDATE \(ident: NotificationModel.schema) SET text = REPLACE(text, \(bind: name), \(bind: former)) WHERE text LIKE \(bind: like)").run()
            try await sql.raw("""
                UPDATE \(ident: OutboxMessageModel.schema) SET subject = REPLACE(subject, \(bind: name), \(bind: former)), body = REPLACE(body, \(bind: name), \(bind: former))
                WHERE subject LIKE \(bind: like) OR body LIKE \(bind: like)
                """).run()
            try await sql.raw("""
                UPDATE \(ident: SlackDeliveryModel.schema) SET summary = REPLACE(summary, \(bind: name), \(bind: former)), payload = REPLACE(payload, \(bind: name), \(bind: former))
                WHERE summary LIKE \(bind: like) OR payload LIKE \(bind: like)
                """).run()
        }
        // A claim names the person it told ("event/start/person"): none is needed once they are gone.
        try await sql.raw("DELETE FROM \(ident: ScheduledRuns.schema) WHERE period LIKE \(bind: "%" + leaving.id.uuidString + "%")").run()
    }
}

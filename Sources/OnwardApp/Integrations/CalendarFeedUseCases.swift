import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// A person's calendar feed: made (its address shown once), made anew (the old address stops
/// working), turned off, and read by a calendar. Reading asks every capability's `CalendarSource`
/// for its events and keeps, per event, what it last wrote (`CalendarFeedRules`), so a changed
/// event gets the next SEQUENCE and one that is gone is written cancelled.
struct CalendarFeedUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A feed read again within this long is not noted as read again: no write for every poll.
    static let readNotedEvery: TimeInterval = 600

    func feed(of user: UserModel) async throws -> CalendarFeedModel? {
        try await CalendarFeedModel.query(on: db).filter(\.$user.$id == user.requireID()).first()
    }

    /// A new feed for `user`, in place of the one they had: its token, to be shown once.
    func start(for user: UserModel) async throws -> (CalendarFeedModel, String) {
        let userID = try user.requireID()
        let token = CalendarFeedToken.make()
        let feed = CalendarFeedModel(userID: userID, tokenHash: CalendarFeedToken.hash(token), at: now)
        try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: userID)
            try await CalendarFeedModel.query(on: db).filter(\.$user.$id == userID).delete()
            try await feed.create(on: db)
        }
        return (feed, token)
    }

    /// Turns `user`'s feed off: its address stops working at once, and what it wrote is forgotten.
    func stop(for user: UserModel) async throws {
        let userID = try user.requireID()
        try await db.writeTransaction { db in
            try await CalendarFeedModel.query(on: db).filter(\.$user.$id == userID).delete()
            try await (db as! any SQLDatabase).delete(from: "calendar_entries").where("user_id", .equal, SQLBind(userID)).run()
        }
    }

    /// The feed a calendar reads with `token`: its text and entity tag; nil for no such feed.
    func read(token: String, on req: Request) async throws -> (body: String, entityTag: String)? {
        guard let feed = try await CalendarFeedModel.query(on: db).filter(\.$tokenHash == CalendarFeedToken.hash(token)).with(\.$user).first() else { return nil }
        let person = feed.user
        let since = now.addingTimeInterval(-CalendarFeedRules.reach - 86_400)
        var current: [CalendarEvent] = []
        for source in Capabilities.modules.compactMap(\.calendar) {
            current += try await source.calendarEvents(of: person, since: since, on: req)
        }
        let userID = try person.requireID()
        let events = current
        var read = CalendarFeedRules.reconcile(current: events, kept: try await entries(of: userID), now: now)
        if read.changesAnything {
            // Something changed: worked out again under the person's lock from what is kept then,
            // so two reads at once write one revision (the second finds the first's and writes nothing).
            read = try await db.writeTransaction { db in
                try await db.lockRow(of: UserModel.schema, id: userID)
                let again = CalendarFeedRules.reconcile(current: events, kept: try await entries(of: userID, on: db), now: now)
                if again.changesAnything { try await remember(again, for: userID, on: db) }
                return again
            }
        }
        if feed.lastReadAt.map({ now.timeIntervalSince($0) >= Self.readNotedEvery }) ?? true {
            feed.lastReadAt = now
            try await feed.update(on: db)
        }
        let body = ICalendar.document(name: "Onward: " + person.name, events: read.events, now: now)
        return (body, CalendarFeedRules.entityTag(of: body))
    }

    private func entries(of userID: UUID, on db: (any Database)? = nil) async throws -> [KeptCalendarEntry] {
        let sql = (db ?? self.db) as! any SQLDatabase
        let rows = try await sql.select().columns("uid", "fingerprint", "sequence", "changed_at", "event").from("calendar_entries")
            .where("user_id", .equal, SQLBind(userID)).all()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try rows.compactMap { row in
            // An entry written by another version that this one cannot read is written afresh.
            guard let event = try? decoder.decode(CalendarEvent.self, from: Data(try row.decode(column: "event", as: String.self).utf8)) else { return nil }
            return KeptCalendarEntry(uid: try row.decode(column: "uid", as: String.self), fingerprint: try row.decode(column: "fingerprint", as: String.self),
                                     sequence: try row.decode(column: "sequence", as: Int.self), changed: try row.decode(column: "changed_at", as: Date.self), event: event)
        }
    }

    /// Keeps what a read changed, inside the caller's transaction.
    private func remember(_ read: CalendarFeedRules.Reconciliation, for userID: UUID, on db: any Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let rows = try read.changed.map { entry in
            (entry, String(decoding: try encoder.encode(entry.event), as: UTF8.self))
        }
        let sql = db as! any SQLDatabase
        for (entry, event) in rows {
            try await sql.raw("""
                INSERT INTO calendar_entries (user_id, uid, fingerprint, sequence, changed_at, event)
                VALUES (\(bind: userID), \(bind: entry.uid), \(bind: entry.fingerprint), \(bind: entry.sequence), \(bind: entry.changed), \(bind: event))
                ON CONFLICT (user_id, uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence,
                    changed_at = excluded.changed_at, event = excluded.event
                """).run()
        }
        if !read.forgotten.isEmpty {
            try await sql.delete(from: "calendar_entries").where("user_id", .equal, SQLBind(userID))
                .where("uid", .in, SQLBind.group(read.forgotten)).run()
        }
    }
}

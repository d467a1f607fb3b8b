import Fluent
import Foundation
import OnwardCore
import Vapor

/// Tells the graduates going to an event, once, when it is a day away: a scheduled job, claimed
/// per event and start, so a moved event is told again and several instances tell it once.
enum EventReminders {
    static let job = ScheduledJob(name: "event-reminders") { app, now in try await remind(on: app.db, now: now) }

    /// How far ahead a reminder goes.
    static let ahead: TimeInterval = 86_400

    static func remind(on db: any Database, now: Date) async throws {
        let soon = try await CoachingEventModel.query(on: db).filter(\.$startsAt > now).filter(\.$startsAt <= now.addingTimeInterval(ahead)).all()
        let due = try soon.map { event in (event, "\(try event.requireID().uuidString)/\(Int(event.startsAt.timeIntervalSince1970))") }
        let done = try await ScheduledRuns.claimed(job.name, among: due.map(\.1), on: db)
        for (event, period) in due where !done.contains(period) {
            let eventID = try event.requireID()
            try await db.writeTransaction { db in
                guard try await ScheduledRuns.claim(job.name, period, at: now, on: db) else { return }
                let going = try await EventAnswerModel.query(on: db).filter(\.$event.$id == eventID).filter(\.$answer == .going).with(\.$user).all()
                for answer in going {
                    // Each in their own time zone.
                    try await Capabilities.reads.notifications.notify([answer.$user.id], Notice(
                        kind: .eventTomorrow, text: "Coming up: \(event.title), \(Formats.span(event.startsAt, event.endsAt, zone: answer.user.timeZone)).",
                        url: .coaching(.event(id: eventID.uuidString))), at: now, on: db)
                }
            }
        }
    }
}

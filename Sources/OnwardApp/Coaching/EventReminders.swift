import Fluent
import Foundation
import OnwardCore
import Vapor

/// Tells the graduates going to an event, once each, when it is a day away: a scheduled job,
/// claimed per person, event and start, so several instances tell each once.
enum EventReminders {
    static let job = ScheduledJob(name: "event-reminders") { app, now in try await remind(on: app.db, now: now) }

    /// How far ahead a reminder goes.
    static let ahead: TimeInterval = 86_400

    static func remind(on db: any Database, now: Date) async throws {
        let soon = try await CoachingEventModel.query(on: db).filter(\.$startsAt > now).filter(\.$startsAt <= now.addingTimeInterval(ahead)).all()
        guard !soon.isEmpty else { return }
        let going = try await EventAnswerModel.query(on: db).filter(\.$event.$id ~~ soon.compactMap(\.id)).filter(\.$answer == .going).with(\.$user).all()
        let byID = Dictionary(soon.compactMap { event in event.id.map { ($0, event) } }, uniquingKeysWith: { first, _ in first })
        // One claim a person, event and start: who says they are going within the day is told
        // then, and a moved event is told again.
        let due = going.compactMap { answer -> (EventAnswerModel, CoachingEventModel, String)? in
            guard let event = byID[answer.$event.id] else { return nil }
            return (answer, event, "\(answer.$event.id.uuidString)/\(Int(event.startsAt.timeIntervalSince1970))/\(answer.$user.id.uuidString)")
        }
        let done = try await ScheduledRuns.claimed(job.name, among: due.map(\.2), on: db)
        for (answer, event, period) in due where !done.contains(period) {
            try await db.writeTransaction { db in
                guard try await ScheduledRuns.claim(job.name, period, at: now, on: db) else { return }
                // In their own time zone.
                try await Capabilities.reads.notifications.notify([answer.$user.id], Notice(
                    kind: .eventTomorrow, text: "Coming up: \(event.title), \(Formats.span(event.startsAt, event.endsAt, zone: answer.user.timeZone)).",
                    url: .coaching(.event(id: answer.$event.id.uuidString))), at: now, on: db)
            }
        }
    }
}

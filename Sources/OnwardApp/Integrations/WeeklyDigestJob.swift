import Fluent
import Foundation
import OnwardCore
import Vapor

/// The weekly digest by email (`WeeklyDigest`): on Monday morning in each person's zone, a
/// graduate hears of their own week and a coach of their graduates' week, unless they chose not
/// to. Each person's digest is claimed with the mail it queues, in one transaction, so several
/// instances send it once.
enum WeeklyDigestJob {
    static let job = ScheduledJob(name: "weekly-digest") { app, now in try await send(on: app.db, now: now) }

    static func send(on db: any Database, now: Date) async throws {
        let people = try await UserModel.query(on: db).filter(\.$role ~~ [.graduate, .coach]).all()
        let due = people.compactMap { person -> (UserModel, LocalDate, String)? in
            guard let zone = TimeZone(identifier: person.timeZone), let week = WeeklyDigest.dueWeek(now: now, zone: zone), let id = person.id else { return nil }
            return (person, week, "\(id.uuidString)/\(week.iso)")
        }
        guard !due.isEmpty else { return }
        let done = try await ScheduledRuns.claimed(job.name, among: due.map(\.2), on: db)
        let waiting = due.filter { !done.contains($0.2) }
        guard !waiting.isEmpty else { return }
        let chosen = try await NotificationSettings.emailed(of: waiting.compactMap(\.0.id), on: db)
        let reads = Capabilities.reads
        for (person, week, period) in waiting where NotificationKind.emailed(chosen: chosen[person.id!]).contains(.weeklyDigest) {
            let zone = TimeZone(identifier: person.timeZone) ?? .gmt
            let start = TypedMoment.moment(week, StandupTime(hour: 0, minute: 0)!, in: zone)
            let end = TypedMoment.moment(week.adding(days: 7), StandupTime(hour: 0, minute: 0)!, in: zone)
            let graduates: [UserModel]
            if person.role == .coach {
                let assigned = try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == person.requireID()).all().map(\.$graduate.id)
                graduates = try await UserModel.query(on: db).filter(\.$id ~~ assigned).all()
                guard !graduates.isEmpty else { continue }
            } else {
                graduates = [person]
            }
            let ids = graduates.compactMap(\.id)
            // Placed and paused graduates are asked for nothing: their weeks are not reported.
            let resting = try await reads.jobSearch.whoAcceptedAJob(among: ids, on: db).union(reads.programme.paused(among: ids, on: db))
            let active = graduates.filter { !resting.contains($0.id!) }
            guard !active.isEmpty else { continue }
            let activeIDs = active.compactMap(\.id)
            let standups = try await reads.programme.standupMoods(of: activeIDs, from: week, on: db)
            let applications = try await reads.jobSearch.applicationsSent(by: activeIDs, from: week, on: db)
            let mocks = try await reads.practice.mockInterviews(of: activeIDs, from: start, on: db)
            let last = week.adding(days: 6)
            func figures(_ id: UUID, interviews: Int?) -> DigestWeek {
                DigestWeek(standups: (standups[id] ?? []).filter { $0.day <= last }.count,
                            applications: (applications[id] ?? []).filter { $0.sent <= last }.count,
                            interviews: interviews, mockInterviews: (mocks[id] ?? []).filter { $0 < end }.count)
            }
            let settings = "{{site}}" + SiteURL.integrations(.notificationSettings).path
            let mail: (subject: String, body: String)
            if person.role == .coach {
                mail = WeeklyDigest.coach(name: person.name, week: week, rows: active.map { ($0.name, figures($0.id!, interviews: nil)) },
                                          home: "{{site}}" + SiteURL.homes(.coach).path, settings: settings)
            } else {
                let interviews = try await reads.jobSearch.interviews(of: person.requireID(), from: start, to: end, on: db).count
                mail = WeeklyDigest.graduate(name: person.name, week: week, figures: figures(person.id!, interviews: interviews),
                                             home: "{{site}}" + SiteURL.homes(.graduate).path, settings: settings)
            }
            try await db.writeTransaction { db in
                guard try await ScheduledRuns.claim(job.name, period, at: now, on: db) else { return }
                try await reads.mail.queue(QueuedMail(to: person.email, subject: mail.subject, body: mail.body, topic: "weekly_digest", subjectID: nil,
                                                    expiresAt: now.addingTimeInterval(86_400)), on: db)
            }
        }
    }
}

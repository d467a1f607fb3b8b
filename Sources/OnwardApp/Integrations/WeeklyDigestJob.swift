import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The weekly digest by email (`WeeklyDigest`): on Monday morning in each person's zone, a
/// graduate hears of their own week and a coach of their graduates' week, unless they turned
/// it off. Each person's digest is claimed with the mail it queues, in one transaction, so
/// several instances send it once; one that is not sent (turned off, nothing to report) is
/// claimed too, so later ticks do not read it again.
enum WeeklyDigestJob {
    static let job = ScheduledJob(name: "weekly-digest") { app, now in try await send(on: app.db, now: now, logger: app.logger) }

    static func send(on db: any Database, now: Date, logger: Logger) async throws {
        // Most ticks of the week: no zone is at its Monday morning, one light query.
        let zones = try await (db as! any SQLDatabase).raw("SELECT DISTINCT time_zone FROM users WHERE role IN ('graduate', 'coach')").all()
            .compactMap { try? $0.decode(column: "time_zone", as: String.self) }
            .filter { zone in TimeZone(identifier: zone).flatMap { WeeklyDigest.dueWeek(now: now, zone: $0) } != nil }
        guard !zones.isEmpty else { return }
        let people = try await UserModel.query(on: db).filter(\.$role ~~ [.graduate, .coach]).filter(\.$timeZone ~~ zones).all()
        let due = people.compactMap { person -> (UserModel, LocalDate, String)? in
            guard let zone = TimeZone(identifier: person.timeZone), let week = WeeklyDigest.dueWeek(now: now, zone: zone), let id = person.id else { return nil }
            return (person, week, "\(id.uuidString)/\(week.iso)")
        }
        let done = try await ScheduledRuns.claimed(job.name, among: due.map(\.2), on: db)
        let waiting = due.filter { !done.contains($0.2) }
        guard !waiting.isEmpty else { return }
        let chosen = try await NotificationSettings.emailed(of: waiting.compactMap(\.0.id), on: db)
        for (person, week, period) in waiting {
            do {
                let mail = NotificationKind.emailed(chosen: chosen[person.id!]).contains(.weeklyDigest) ? try await digest(of: person, week: week, on: db) : nil
                try await db.writeTransaction { db in
                    guard try await ScheduledRuns.claim(job.name, period, at: now, on: db), let mail else { return }
                    try await Capabilities.reads.mail.queue(QueuedMail(to: person.email, subject: mail.subject, body: mail.body, topic: "weekly_digest", subjectID: nil,
                                                                       expiresAt: now.addingTimeInterval(86_400)), on: db)
                }
            } catch {
                // One person's digest that cannot be made keeps nobody else's from going.
                logger.error("The weekly digest of user \(person.id?.uuidString ?? "?") failed: \(String(describing: error))")
            }
        }
    }

    /// `person`'s digest of `week`, nil when there is nothing to report (a coach of nobody, a
    /// graduate placed, paused or not yet in their programme).
    private static func digest(of person: UserModel, week: LocalDate, on db: any Database) async throws -> (subject: String, body: String)? {
        let graduates: [UserModel]
        if person.role == .coach {
            let assigned = try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == person.requireID()).all().map(\.$graduate.id)
            graduates = try await UserModel.query(on: db).filter(\.$id ~~ assigned).all()
        } else {
            graduates = [person]
        }
        let ids = graduates.compactMap(\.id)
        guard !ids.isEmpty else { return nil }
        let reads = Capabilities.reads
        // Placed and paused graduates, and those whose programme had not begun, are asked for
        // nothing: their weeks are not reported.
        let resting = try await reads.jobSearch.whoAcceptedAJob(among: ids, on: db).union(reads.programme.paused(among: ids, on: db))
        let cohorts = Dictionary(try await CohortModel.query(on: db).filter(\.$id ~~ Set(graduates.compactMap(\.$cohort.id))).all().map { ($0.id!, $0) },
                                 uniquingKeysWith: { first, _ in first })
        let active = graduates.filter { graduate in
            guard !resting.contains(graduate.id!), let cohort = graduate.$cohort.id.flatMap({ cohorts[$0] }), let end = LocalDate(iso: cohort.courseEndDate) else { return false }
            return week >= ProgrammeCalendar(courseEnd: end, timeZone: TimeZone(identifier: cohort.timeZone) ?? .gmt).firstMonday
        }
        guard !active.isEmpty else { return nil }
        let activeIDs = active.compactMap(\.id)
        let last = week.adding(days: 6)
        // Each graduate's week in their own zone.
        func window(_ graduate: UserModel) -> (start: Date, end: Date) {
            let zone = TimeZone(identifier: graduate.timeZone) ?? .gmt
            return (TypedMoment.moment(week, StandupTime(hour: 0, minute: 0)!, in: zone), TypedMoment.moment(week.adding(days: 7), StandupTime(hour: 0, minute: 0)!, in: zone))
        }
        let earliest = active.map { window($0).start }.min()!.addingTimeInterval(-86_400)
        let standups = try await reads.programme.standupMoods(of: activeIDs, from: week, on: db)
        let applications = try await reads.jobSearch.applicationsSent(by: activeIDs, from: week, on: db)
        let mocks = try await reads.practice.mockInterviews(of: activeIDs, from: earliest, on: db)
        var rows: [(name: String, figures: DigestWeek)] = []
        for graduate in active {
            let id = graduate.id!, (start, end) = window(graduate)
            let interviews = try await reads.jobSearch.interviews(of: id, from: start, to: end, on: db).count
            rows.append((graduate.name, DigestWeek(standups: (standups[id] ?? []).filter { $0.day <= last }.count,
                                                   applications: (applications[id] ?? []).filter { $0.sent <= last }.count,
                                                   interviews: interviews, mockInterviews: (mocks[id] ?? []).filter { $0 >= start && $0 < end }.count)))
        }
        let settings = "{{site}}" + SiteURL.integrations(.notificationSettings).path
        if person.role == .coach {
            return WeeklyDigest.coach(name: person.name, week: week, rows: rows, resting: graduates.count - active.count,
                                      home: "{{site}}" + SiteURL.homes(.coach).path, settings: settings)
        }
        return WeeklyDigest.graduate(name: person.name, week: week, figures: rows[0].figures, home: "{{site}}" + SiteURL.homes(.graduate).path, settings: settings)
    }
}

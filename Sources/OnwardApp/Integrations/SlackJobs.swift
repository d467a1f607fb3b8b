import Fluent
import Foundation
import OnwardCore
import Vapor

/// What Onward posts to cohorts' channels on its own (`SlackSchedule`), and the sending of what
/// waits. Each post is claimed with the run that writes it, in one transaction, so with several
/// instances a cohort hears each once, and a post that could not be written is claimed by none.
enum SlackJobs {
    static let all = [digest, tomorrow, deliveries]

    static let digest = ScheduledJob(name: "slack-standup-digest") { app, now in try await standupDigests(on: app.db, now: now) }
    static let tomorrow = ScheduledJob(name: "slack-events-tomorrow") { app, now in try await eventsTomorrow(on: app.db, now: now) }
    static let deliveries = ScheduledJob(name: "slack-deliveries") { app, _ in
        guard let client = app.slackClient else { return }
        _ = try await SlackDelivery(db: app.db, sender: SlackHTTPSender(http: client), site: SiteURL.base(of: app), clock: app.settings.clock, logger: app.logger).deliverDue()
    }

    typealias Channel = (id: UUID, cohort: CohortModel, zone: TimeZone, standup: StandupTime)

    /// The cohorts with a channel, each with its zone and standup time.
    private static func channels(on db: any Database) async throws -> [Channel] {
        try await SlackWebhookModel.query(on: db).with(\.$cohort).all().compactMap { hook in
            guard let zone = TimeZone(identifier: hook.cohort.timeZone), let standup = StandupTime(hook.cohort.standupTime) else { return nil }
            return (try hook.cohort.requireID(), hook.cohort, zone, standup)
        }
    }

    /// Each cohort's digest of today's standups, once it is due: who posted and who has not, of
    /// the graduates still asked to (not placed, not paused). Never what anyone wrote or felt.
    static func standupDigests(on db: any Database, now: Date) async throws {
        let due = try await channels(on: db).compactMap { channel -> (Channel, LocalDate, String)? in
            guard let day = SlackSchedule.digestDay(now: now, standup: channel.standup, zone: channel.zone),
                  // Before week 1 (the course still running) nobody is asked to stand up.
                  let courseEnd = LocalDate(iso: channel.cohort.courseEndDate), day >= ProgrammeCalendar(courseEnd: courseEnd, timeZone: channel.zone).firstMonday else { return nil }
            return (channel, day, "\(channel.id.uuidString)/\(day.iso)")
        }
        let done = try await ScheduledRuns.claimed(digest.name, among: due.map(\.2), on: db)
        try await eachCohort(due.filter { !done.contains($0.2) }) { channel, day, period in
            try await db.writeTransaction { db in
                guard try await ScheduledRuns.claim(digest.name, period, at: now, on: db) else { return }
                let graduates = try await UserModel.query(on: db).filter(\.$cohort.$id == channel.id).filter(\.$role == .graduate).sort(\.$name).all()
                let ids = graduates.compactMap(\.id)
                let reads = Capabilities.reads
                let resting = try await reads.jobSearch.whoAcceptedAJob(among: ids, on: db).union(reads.programme.paused(among: ids, on: db))
                let asked = graduates.filter { !resting.contains($0.id!) }
                guard !asked.isEmpty else { return }
                let posted = try await reads.programme.postedStandup(among: asked.compactMap(\.id), on: day, on: db)
                let post = SlackPosts.standupDigest(cohort: channel.cohort.name, day: day.display,
                                                    posted: asked.filter { posted.contains($0.id!) }.map(\.name),
                                                    notYet: asked.filter { !posted.contains($0.id!) }.map(\.name))
                try await PublishedChannels().post(post, kind: "standup", toCohort: channel.id, at: now, on: db)
            }
        }
    }

    /// Each cohort's events of tomorrow, at 17:00 the day before; nothing when there are none.
    static func eventsTomorrow(on db: any Database, now: Date) async throws {
        let due = try await channels(on: db).compactMap { channel in
            SlackSchedule.eventsDay(now: now, zone: channel.zone).map { (channel, $0, "\(channel.id.uuidString)/\($0.iso)") }
        }
        let done = try await ScheduledRuns.claimed(tomorrow.name, among: due.map(\.2), on: db)
        try await eachCohort(due.filter { !done.contains($0.2) }) { channel, day, period in
            try await db.writeTransaction { db in
                guard try await ScheduledRuns.claim(tomorrow.name, period, at: now, on: db) else { return }
                let start = TypedMoment.moment(day, StandupTime(hour: 0, minute: 0)!, in: channel.zone)
                let end = TypedMoment.moment(day.adding(days: 1), StandupTime(hour: 0, minute: 0)!, in: channel.zone)
                let events = try await Capabilities.reads.coaching.events(forCohort: channel.id, from: start, to: end, on: db)
                guard !events.isEmpty else { return }
                let post = SlackPosts.tomorrow(cohort: channel.cohort.name, day: day.display, events: events.map {
                    SlackPosts.Event(title: $0.title, times: Formats.span($0.startsAt, $0.endsAt, zone: channel.cohort.timeZone), place: $0.place, link: SlackPosts.site + $0.url.path)
                })
                try await PublishedChannels().post(post, kind: "events", toCohort: channel.id, at: now, on: db)
            }
        }
    }

    /// `body` for each cohort due, each on its own: one that fails (its post could not be written)
    /// does not keep the others from theirs; the first failure is thrown after all have had their turn.
    private static func eachCohort(_ due: [(Channel, LocalDate, String)], _ body: (Channel, LocalDate, String) async throws -> Void) async throws {
        var failure: (any Error)?
        for (channel, day, period) in due {
            do {
                try await body(channel, day, period)
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }
}

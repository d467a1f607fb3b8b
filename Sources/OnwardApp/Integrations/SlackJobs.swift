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
        _ = try await SlackDelivery(db: app.db, sender: SlackHTTPSender(http: app.http.client.shared), site: SiteURL.base(of: app), clock: app.settings.clock, logger: app.logger).deliverDue()
    }

    /// The cohorts with a channel, each with its zone and standup time.
    private static func channels(on db: any Database) async throws -> [(id: UUID, cohort: CohortModel, zone: TimeZone, standup: StandupTime)] {
        try await SlackWebhookModel.query(on: db).with(\.$cohort).all().compactMap { hook in
            guard let zone = TimeZone(identifier: hook.cohort.timeZone), let standup = StandupTime(hook.cohort.standupTime) else { return nil }
            return (try hook.cohort.requireID(), hook.cohort, zone, standup)
        }
    }

    /// Each cohort's digest of today's standups, once it is due: who posted and who has not, of
    /// the graduates still asked to (not placed, not paused). Never what anyone wrote or felt.
    static func standupDigests(on db: any Database, now: Date) async throws {
        let due = try await channels(on: db).compactMap { channel in
            SlackSchedule.digestDay(now: now, standup: channel.standup, zone: channel.zone).map { (channel, $0, "\(channel.id.uuidString)/\($0.iso)") }
        }
        let done = try await ScheduledRuns.claimed(digest.name, among: due.map(\.2), on: db)
        for (channel, day, period) in due where !done.contains(period) {
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
        for (channel, day, period) in due where !done.contains(period) {
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
}

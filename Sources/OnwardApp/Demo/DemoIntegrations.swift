import Fluent
import Foundation
import OnwardCore

/// The demo's integrations: calendar feeds a calendar has read (a graduate's and Priya's), the Autumn cohort's channel (on
/// this machine, where nothing listens: its posts show the retries) with a week of posts, mail
/// sent, and notifications waiting for Amara.
enum DemoIntegrations {
    static let slackAddress = "http://127.0.0.1:9/services/DEMO/AUTUMN/onward-demo-hook"

    static func seed(cohort: CohortModel, graduates: [UserModel], coach: UserModel, admin: UserModel, on db: any Database, now: Date) async throws {
        let amara = graduates[0]
        let day: TimeInterval = 86_400
        // Feeds made a week ago and read an hour ago; their addresses were shown once, then.
        // Amara has none: she is where a graduate first makes one.
        for person in [graduates[1], coach] {
            let feed = CalendarFeedModel(userID: try person.requireID(), tokenHash: CalendarFeedToken.hash(CalendarFeedToken.make()), at: now.addingTimeInterval(-7 * day))
            feed.lastReadAt = now.addingTimeInterval(-3_600)
            try await feed.create(on: db)
        }

        let cohortID = try cohort.requireID()
        try await SlackWebhookModel(cohortID: cohortID, url: slackAddress, setBy: try admin.requireID(), at: now.addingTimeInterval(-10 * day)).create(on: db)
        let names = graduates.map(\.name)
        let sent: [(TimeInterval, String, SlackPost)] = [
            (3 * day, "standup", SlackPosts.standupDigest(cohort: cohort.name, day: LocalDate(now.addingTimeInterval(-3 * day), in: .gmt).display,
                                                         posted: Array(names[0..<9]), notYet: Array(names[9...]))),
            (2 * day, "pairing", SlackPosts.availability(name: graduates[2].name, topics: "React, testing", times: ["Thu, 14:00–16:00"], link: SlackPosts.site + SiteURL.practice(.pairing).path)),
            (1 * day, "events", SlackPosts.tomorrow(cohort: cohort.name, day: LocalDate(now, in: .gmt).display, events: [
                .init(title: "CV clinic", times: "14:00–15:00", place: "", link: SlackPosts.site + SiteURL.coaching(.events).path),
            ])),
        ]
        for (ago, kind, post) in sent {
            let delivery = SlackDeliveryModel(cohortID: cohortID, kind: kind, summary: SlackPosts.plain(post.text), payload: post.json, at: now.addingTimeInterval(-ago))
            delivery.attempts = 1
            delivery.sentAt = now.addingTimeInterval(-ago + 2)
            try await delivery.create(on: db)
        }

        // Mail that went out, beside the invitations that wait.
        for (ago, to, subject) in [(2 * day, amara.email, "Onward: Priya Natarajan reviewed “My CV”: changes asked."),
                                   (1 * day, coach.email, "Onward: \(graduates[1].name) booked your mock interview.")] {
            let mail = OutboxMessageModel(toEmail: to, subject: subject, body: "See it in Onward: {{site}}/notifications", topic: "notification", subjectID: nil)
            mail.attempts = 1
            mail.sentAt = now.addingTimeInterval(-ago + 5)
            try await mail.create(on: db)
        }

        // What waits for Amara when she signs in.
        let amaraID = try amara.requireID()
        for (ago, notice) in [
            (5 * 3_600.0, Notice(kind: .reviewDone, text: "Priya Natarajan reviewed “My CV”: changes asked.", url: .coaching(.submissions))),
            (3 * 3_600.0, Notice(kind: .eventTomorrow, text: "Coming up: CV clinic, tomorrow at 14:00.", url: .coaching(.events))),
            (3_600.0, Notice(kind: .requestReplied, text: "Tom Fletcher replied to “Cover letters”.", url: .coaching(.supportDesk))),
        ] {
            try await NotificationModel(userID: amaraID, notice: notice, at: now.addingTimeInterval(-ago)).create(on: db)
        }
    }
}

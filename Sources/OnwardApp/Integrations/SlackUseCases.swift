import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// Cohorts' Slack channels, as the admin keeps them: each cohort's webhook address (saved, shown
/// masked, removed), a test post, and the log of what was posted.
struct SlackUseCases: UseCases {
    let db: any Database
    let now: Date

    static let noSuchCohort = Refusal.notFound("There is no such cohort.")
    /// The most posts the log shows, newest first.
    static let logged = 100

    /// A cohort and its channel's address, if it has one.
    struct Channel {
        let cohort: CohortModel
        let webhook: SlackWebhookModel?
    }

    /// A post of the log, with its cohort's name.
    struct Logged {
        let delivery: SlackDeliveryModel
        let cohort: String
    }

    /// Every cohort, by name, with its address.
    func channels() async throws -> [Channel] {
        let hooks = Dictionary(try await SlackWebhookModel.query(on: db).all().map { ($0.$cohort.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try await CohortModel.query(on: db).sort(\.$name).all().map { Channel(cohort: $0, webhook: $0.id.flatMap { hooks[$0] }) }
    }

    func log(limit: Int = logged) async throws -> [Logged] {
        try await SlackDeliveryModel.query(on: db).with(\.$cohort).sort(\.$createdAt, .descending).limit(limit).all()
            .map { Logged(delivery: $0, cohort: $0.cohort.name) }
    }

    /// The cohort the address names, or not found.
    private func cohort(_ rawID: String) async throws -> CohortModel {
        guard let id = UUID(uuidString: rawID), let cohort = try await CohortModel.find(id, on: db) else { throw Self.noSuchCohort }
        return cohort
    }

    /// Saves `raw` as cohort `rawID`'s address, replacing any: what waits goes to the new one.
    /// Two admins saving at once leave the later one's.
    @discardableResult
    func save(_ raw: String, forCohort rawID: String, by admin: UserModel) async throws -> SlackWebhookModel {
        let url = try SlackWebhook.validate(raw)
        let cohortID = try await cohort(rawID).requireID()
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO \(ident: SlackWebhookModel.schema) (id, cohort_id, url, set_at, set_by_id)
            VALUES (\(bind: UUID()), \(bind: cohortID), \(bind: url), \(bind: now), \(bind: admin.requireID()))
            ON CONFLICT (cohort_id) DO UPDATE SET url = excluded.url, set_at = excluded.set_at, set_by_id = excluded.set_by_id
            """).run()
        // The cohort removed between the two: as if it never was.
        guard let saved = try await SlackWebhookModel.query(on: db).filter(\.$cohort.$id == cohortID).first() else { throw Self.noSuchCohort }
        return saved
    }

    /// Removes cohort `rawID`'s address; what waited for it is set aside, in the same transaction.
    func remove(forCohort rawID: String) async throws {
        let cohortID = try await cohort(rawID).requireID()
        let now = self.now
        try await db.writeTransaction { db in
            try await SlackWebhookModel.query(on: db).filter(\.$cohort.$id == cohortID).delete()
            try await (db as! any SQLDatabase).raw("""
                UPDATE \(ident: SlackDeliveryModel.schema) SET failed_at = \(bind: now), last_error = 'The cohort''s Slack address was removed before it could be sent.'
                WHERE cohort_id = \(bind: cohortID) AND sent_at IS NULL AND failed_at IS NULL
                """).run()
        }
    }

    /// Queues a short post to cohort `rawID`'s channel, to see that the address works.
    func test(forCohort rawID: String) async throws {
        let cohort = try await cohort(rawID)
        let cohortID = try cohort.requireID()
        guard try await SlackWebhookModel.query(on: db).filter(\.$cohort.$id == cohortID).count() > 0 else {
            throw Refusal.conflict("\(cohort.name) has no Slack address yet: save one first.")
        }
        let post = SlackPost(text: SlackPosts.escaped("Onward is connected to this channel for \(cohort.name)."),
                             blocks: [.section("Onward is connected to this channel for *\(SlackPosts.escaped(cohort.name))*: it will post who is free to pair, the standup digest and tomorrow's events.")])
        try await PublishedChannels().post(post, kind: "test", toCohort: cohortID, at: now, on: db)
    }
}

import AsyncHTTPClient
import Fluent
import Foundation
import Logging
import NIOCore
import OnwardCore
import SQLKit
import Vapor

/// Posts JSON to a Slack webhook address.
protocol SlackSender: Sendable {
    func post(_ json: String, to url: String) async throws
}

/// A post Slack did not take: why, whether trying again can help (Slack says the channel is gone,
/// or the address is wrong: it cannot), and how long Slack asked to wait.
struct SlackFailure: Error, CustomStringConvertible {
    let description: String
    let permanent: Bool
    var retryAfter: TimeInterval? = nil
}

/// Posts with AsyncHTTPClient, 15 s at most a try, through a client that follows no redirect (a
/// 307 would carry the post, and Slack's answer, to another address). Its log is silent: the
/// address is the secret.
struct SlackHTTPSender: SlackSender {
    let http: HTTPClient
    static let timeout: TimeAmount = .seconds(15)

    func post(_ json: String, to url: String) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Onward")
        request.body = .bytes(ByteBuffer(string: json))
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: Self.timeout, logger: Logger(label: "slack", factory: { _ in SwiftLogNoOpLogHandler() }))
        } catch {
            // The error may carry the address; what went wrong is said without it.
            throw SlackFailure(description: "Slack could not be reached: " + String(describing: error).replacingOccurrences(of: url, with: SlackWebhook.masked(url)),
                               permanent: false)
        }
        let status = Int(response.status.code)
        // Taken is taken: a 2xx whose body cannot be read is not tried again (and posted twice).
        guard !(200..<300).contains(status) else { return }
        let body = ((try? await response.body.collect(upTo: 64 << 10)).map { String(buffer: $0) } ?? "").prefix(200)
        switch status {
        case 429:
            throw SlackFailure(description: "Slack asked to wait (429).", permanent: false,
                               retryAfter: response.headers.first(name: "Retry-After").flatMap(TimeInterval.init))
        case 400, 403, 404, 410:
            // invalid_payload, action_prohibited, no_service, channel_is_archived: the same post
            // to the same address would be refused again.
            throw SlackFailure(description: "Slack refused it (\(status) \(body)).", permanent: true)
        default:
            throw SlackFailure(description: "Slack answered \(status) \(body).", permanent: false)
        }
    }
}

/// Sends what waits for cohorts' channels, a post at a time (`DeliveryQueue`: each claimed first,
/// so with several instances each goes once), to the cohort's address as it is at the try.
struct SlackDelivery {
    let db: any Database
    let sender: any SlackSender
    /// Onward's own address, written where a post says `SlackPosts.site`.
    var site = ""
    let clock: Clock
    let logger: Logger

    typealias Report = DeliveryQueue.Report

    func deliverDue(limit: Int = 20) async throws -> Report {
        let queue = DeliveryQueue(table: SlackDeliveryModel.schema, db: db as! any SQLDatabase)
        var report = Report()
        for id in try await queue.due(at: clock.now, limit: limit) {
            let now = clock.now
            guard try await queue.claim(id, at: now), let delivery = try await SlackDeliveryModel.find(id, on: db) else { continue }
            guard let webhook = try await SlackWebhookModel.query(on: db).filter(\.$cohort.$id == delivery.$cohort.id).first() else {
                try await queue.setAside(id, because: "The cohort's Slack address was removed before it could be sent.", at: now)
                report.failed += 1
                continue
            }
            let attempts = delivery.attempts + 1
            do {
                try await sender.post(delivery.payload.replacingOccurrences(of: SlackPosts.site, with: site), to: webhook.url)
            } catch {
                let failure = error as? SlackFailure
                let text = failure?.description ?? "Slack could not be reached."
                let failedAt = clock.now
                var next = DeliveryRules.nextAttempt(afterFailed: attempts, at: failedAt, permanent: failure?.permanent ?? false)
                if let wait = failure?.retryAfter, let planned = next { next = max(planned, failedAt.addingTimeInterval(min(wait, 7_200))) }
                try await queue.failed(id, attempts: attempts, error: text, next: next, at: failedAt)
                logger.warning("Slack post \(id) not sent (try \(attempts)\(next == nil ? ", given up" : "")): \(text)")
                report.failed += 1
                continue
            }
            // Outside the try: a failure to note it is not Slack's, and must not post it again.
            try await queue.sent(id, attempts: attempts, at: clock.now)
            report.sent += 1
        }
        return report
    }
}

/// What Integrations offers the others of cohorts' channels (`ChannelWrites`).
struct PublishedChannels: ChannelWrites {
    func post(_ post: SlackPost, kind: String, toCohort cohortID: UUID, at now: Date, on db: any Database) async throws {
        guard try await SlackWebhookModel.query(on: db).filter(\.$cohort.$id == cohortID).count() > 0 else { return }
        try await SlackDeliveryModel(cohortID: cohortID, kind: kind, summary: String(SlackPosts.plain(post.text).prefix(TextRules.Limit.sentence)), payload: post.json, at: now).create(on: db)
    }
}

extension Application {
    struct SlackClientKey: StorageKey {
        typealias Value = HTTPClient
    }

    /// Slack's own HTTP client, following no redirect: made when the scheduler starts.
    var slackClient: HTTPClient? { storage[SlackClientKey.self] }

    /// Makes Slack's client, shut down with the app.
    func makeSlackClient() async {
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: .init(redirectConfiguration: .disallow))
        await storage.setWithAsyncShutdown(SlackClientKey.self, to: client, onShutdown: { try await $0.shutdown() })
    }
}

import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import SQLKit
import Vapor

/// Sends what waits in the outbox, a message at a time (`DeliveryQueue`: each claimed first, so
/// with several instances each goes once). A failure is noted with its error and tried again
/// later, or given up.
struct OutboxDelivery {
    let db: any Database
    let sender: any MailSender
    let smtp: SMTPSettings
    /// Onward's own address, written where a body says `{{site}}`.
    var site = ""
    /// Read at each claim and each result: a batch can take minutes.
    let clock: Clock
    let logger: Logger

    typealias Report = DeliveryQueue.Report

    /// Sends every message due now (up to `limit`).
    func deliverDue(limit: Int = 20) async throws -> Report {
        let queue = DeliveryQueue(table: OutboxMessageModel.schema, db: db as! any SQLDatabase)
        var report = Report()
        for id in try await queue.due(at: clock.now, limit: limit) {
            let now = clock.now
            guard try await queue.claim(id, at: now), let message = try await OutboxMessageModel.find(id, on: db) else { continue }
            let attempts = message.attempts + 1
            if let expiry = message.expiresAt, expiry <= now {
                try await queue.setAside(id, because: "It expired before it could be sent.", at: now)
                report.failed += 1
                continue
            }
            let domain = smtp.from.split(separator: "@").last.map(String.init) ?? "onward.localhost"
            let mail = OutgoingMail(from: smtp.from, fromName: smtp.fromName, to: message.toEmail, subject: message.subject,
                                    body: message.body.replacingOccurrences(of: "{{site}}", with: site),
                                    messageID: id.uuidString.lowercased() + "@" + domain, date: message.createdAt ?? now)
            do {
                try await self.sender.send(mail)
                try await queue.sent(id, attempts: attempts, at: clock.now)
                report.sent += 1
            } catch {
                let failure = error as? MailFailure
                let text = String((failure?.description ?? String(describing: error)).prefix(500))
                let failedAt = clock.now
                let next = DeliveryRules.nextAttempt(afterFailed: attempts, at: failedAt, permanent: failure?.permanent ?? false)
                try await queue.failed(id, attempts: attempts, error: text, next: next, at: failedAt)
                // The message's id, never its address or words: the admin's outbox page has those.
                logger.warning("Outbox message \(id) not sent (try \(attempts)\(next == nil ? ", given up" : "")): \(text)")
                report.failed += 1
            }
        }
        return report
    }
}

/// The outbox sent every few seconds while Onward serves, when a mail server is set.
struct OutboxDeliveryLoop: LifecycleHandler {
    static let every: Duration = .seconds(10)
    private let task: NIOLockedValueBox<Task<Void, Never>?> = .init(nil)

    func start(on app: Application, smtp: SMTPSettings) {
        let client = SMTPClient(settings: smtp, group: app.eventLoopGroup)
        let handle = Task {
            while !Task.isCancelled {
                do {
                    _ = try await OutboxDelivery(db: app.db, sender: client, smtp: smtp, site: SiteURL.base(of: app), clock: app.settings.clock, logger: app.logger).deliverDue()
                    try await Task.sleep(for: Self.every)
                } catch is CancellationError {
                    return
                } catch {
                    app.logger.error("The outbox could not be read: \(String(describing: error))")
                    try? await Task.sleep(for: Self.every)
                }
            }
        }
        task.withLockedValue { $0 = handle }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel() }
    }
}

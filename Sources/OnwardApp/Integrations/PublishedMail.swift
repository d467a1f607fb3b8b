import Fluent
import Foundation

/// What Integrations offers the others of its outbox (`MailReads`).
struct PublishedMail: MailReads {
    func queue(_ mail: QueuedMail, on db: any Database) async throws {
        try await OutboxMessageModel(toEmail: mail.to, subject: mail.subject, body: mail.body, topic: mail.topic, subjectID: mail.subjectID,
                                 expiresAt: mail.expiresAt).create(on: db)
    }

    func bodies(topic: String, subjects: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !subjects.isEmpty else { return [:] }
        let messages = try await OutboxMessageModel.query(on: db).filter(\.$topic == topic).filter(\.$subjectID ~~ subjects).all()
        return Dictionary(messages.compactMap { message in message.subjectID.map { ($0, message.body) } }, uniquingKeysWith: { first, _ in first })
    }
}

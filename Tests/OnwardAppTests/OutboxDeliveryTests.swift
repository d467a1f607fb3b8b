import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import SQLKit
import Testing
import Vapor
@testable import OnwardApp

/// The outbox, sent: each message once however many senders run at once, a failure noted and
/// tried again later, a final refusal given up, a lapsed claim taken over, and the admin's page
/// saying where each message stands.
extension AppTests {
    @Suite struct OutboxDeliveryTests {
        /// A mail server that takes what it is sent (a little slowly, so two senders overlap) or
        /// refuses as told.
        final class Server: MailSender, @unchecked Sendable {
            let taken = NIOLockedValueBox<[OutgoingMail]>([])
            let refusal: MailFailure?

            init(refusal: MailFailure? = nil) {
                self.refusal = refusal
            }

            func send(_ mail: OutgoingMail) async throws {
                try await Task.sleep(for: .milliseconds(20))
                if let refusal { throw refusal }
                taken.withLockedValue { $0.append(mail) }
            }
        }

        static let smtp = SMTPSettings(host: "127.0.0.1")

        static func queue(_ count: Int, on app: Application) async throws {
            for n in 1...count {
                try await Capabilities.reads.mail.queue(QueuedMail(to: "person\(n)@example.org", subject: "Message \(n)", body: "Hello \(n)", topic: "test", subjectID: nil), on: app.db)
            }
        }

        static func deliver(_ app: Application, _ server: Server, at now: Date = testNow) async throws -> OutboxDelivery.Report {
            try await OutboxDelivery(db: app.db, sender: server, smtp: smtp, clock: .fixed(now), logger: app.logger).deliverDue()
        }

        @Test func each_message_goes_once_even_with_two_senders_at_once() async throws {
            try await withApp { app in
                try await Self.queue(6, on: app)
                let server = Server()
                let reports = try await withThrowingTaskGroup(of: OutboxDelivery.Report.self) { group in
                    for _ in 0..<2 { group.addTask { try await Self.deliver(app, server) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let taken = server.taken.withLockedValue { $0 }
                #expect(taken.count == 6 && Set(taken.map(\.to)).count == 6, "each message once")
                #expect(reports.map(\.sent).reduce(0, +) == 6)
                let messages = try await OutboxMessageModel.query(on: app.db).all()
                #expect(messages.allSatisfy { $0.sentAt != nil && $0.attempts == 1 && $0.claimedUntil == nil })
                #expect(try await Self.deliver(app, server).sent == 0, "nothing is sent twice")
                #expect(taken.allSatisfy { $0.from == "onward@localhost" && $0.messageID.hasSuffix("@localhost") })
            }
        }

        @Test func a_failure_is_tried_again_later_and_a_final_refusal_is_given_up() async throws {
            try await withApp { app in
                try await Self.queue(1, on: app)
                let down = Server(refusal: MailFailure(description: "Could not reach the mail server", permanent: false))
                #expect(try await Self.deliver(app, down).failed == 1)
                var message = try #require(try await OutboxMessageModel.query(on: app.db).first())
                #expect(message.attempts == 1 && message.lastError == "Could not reach the mail server" && message.failedAt == nil)
                #expect(message.nextAttemptAt.map { abs($0.timeIntervalSince(testNow) - 60) < 1 } == true, "again in a minute")
                let up = Server()
                #expect(try await Self.deliver(app, up, at: testNow.addingTimeInterval(30)).sent == 0, "not before its time")
                #expect(try await Self.deliver(app, up, at: testNow.addingTimeInterval(61)).sent == 1)
                message = try #require(try await OutboxMessageModel.query(on: app.db).first())
                #expect(message.sentAt != nil && message.attempts == 2 && message.lastError == nil)

                try await Self.queue(1, on: app)
                let refused = Server(refusal: MailFailure(description: "The mail server answered RCPT TO with 550 No such user", permanent: true))
                #expect(try await Self.deliver(app, refused, at: testNow.addingTimeInterval(120)).failed == 1)
                let given = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$sentAt == nil).first())
                #expect(given.failedAt != nil && given.nextAttemptAt == nil)
                #expect(try await Self.deliver(app, up, at: testNow.addingTimeInterval(86_400)).sent == 0, "given up is given up")
            }
        }

        @Test func a_claim_that_lapsed_is_taken_over() async throws {
            try await withApp { app in
                try await Self.queue(1, on: app)
                // Another sender took it and died before finishing.
                let message = try #require(try await OutboxMessageModel.query(on: app.db).first())
                message.claimedUntil = testNow.addingTimeInterval(DeliveryRules.claim)
                try await message.save(on: app.db)
                let server = Server()
                #expect(try await Self.deliver(app, server).sent == 0, "held by the other sender")
                #expect(try await Self.deliver(app, server, at: testNow.addingTimeInterval(DeliveryRules.claim + 1)).sent == 1)
            }
        }

        @Test func the_admin_reads_where_each_message_stands() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await Self.queue(2, on: app)
                _ = try await Self.deliver(app, Server(refusal: MailFailure(description: "The mail server did not answer in time", permanent: false)))
                let ada = Browser(app)
                try await ada.signIn(world.admin)
                let page = try await ada.get(SiteURL.integrations(.outbox).path)
                #expect(page.status == .ok)
                let text = page.body.string
                #expect(text.contains("No mail server is set") && text.contains("person1@example.org") && text.contains("1 try failed"))
                #expect(text.contains("The mail server did not answer in time") && text.contains("2 messages waiting"))
            }
        }
    }
}

import Foundation
import OnwardCore

/// The admin's outbox: whether mail goes out and through where, and each message with where it
/// stands (sent, waiting for its next try and why, or given up).
struct OutboxPage: PageView {
    struct Message {
        let to: String
        let subject: String
        let written: String
        /// In a word: Sent, Waiting, Given up.
        let state: String
        /// The tone of the state's badge: sent, waiting, failed.
        let tone: String
        /// When, and the tries made ("1 try failed; next Sun 6 Dec 2026, 15:38").
        let detail: String
        let error: String?
    }
    /// "smtp.example.org:587 (STARTTLS)", or nil with no mail server.
    let server: String?
    let messages: [Message]
    let waiting: Int

    var title: String { "Outbox" }

    func content(_ h: HTML) {
        h.h1("Outbox")
        if let server {
            h.p("Mail goes out through \(server), a few seconds after it is written. A message that cannot be sent is tried again, waiting longer each time, and given up after \(DeliveryRules.mostAttempts) tries or a final refusal.", .class("lead"))
        } else {
            h.p("No mail server is set (ONWARD_SMTP_HOST), so mail waits here. Invitation links can be copied from Invitations and sent by hand.", .class("lead"))
        }
        h.p(Wording.count(waiting, "message") + " waiting.")
        guard !messages.isEmpty else {
            h.p("Nothing has been written yet.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("To"); h.th("Subject"); h.th("Written"); h.th("Where it stands") } }
                h.tbody {
                    for message in messages {
                        h.tr {
                            h.td(message.to)
                            h.td(message.subject)
                            h.td(message.written)
                            h.td {
                                h.span(message.state, .class("state-badge delivery-\(message.tone)"))
                                if !message.detail.isEmpty { h.text(" " + message.detail) }
                                if let error = message.error { h.p(error, .class("hint")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension OutboxPage {
    init(messages: [OutboxMessageModel], waiting: Int, smtp: SMTPSettings?, zone: String) {
        let server = smtp.map { "\($0.host):\($0.port)" + ($0.security == .none ? " (no TLS)" : $0.security == .tls ? " (TLS)" : " (STARTTLS)") }
        self.init(server: server, messages: messages.map { message in
            let (state, tone, detail) = DeliveryState(sentAt: message.sentAt, failedAt: message.failedAt, attempts: message.attempts, nextAttemptAt: message.nextAttemptAt,
                                                      zone: zone, waitingFor: smtp == nil ? "for a mail server" : "").parts
            return Message(to: message.toEmail, subject: message.subject, written: message.createdAt.map { Formats.dayAndTime($0, zone: zone) } ?? "",
                           state: state, tone: tone, detail: detail, error: message.sentAt == nil ? message.lastError : nil)
        }, waiting: waiting)
    }
}

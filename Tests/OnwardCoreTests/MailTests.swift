import Foundation
import Testing
@testable import OnwardCore

@Suite struct MailTests {
    let mail = OutgoingMail(from: "careers@bootcamp.example", fromName: "Onward", to: "grace@example.org", subject: "Your invitation — welcome",
                            body: "Hello Grace,\n.leading dot\nSee you ✓", messageID: "abc@bootcamp.example", date: Date(timeIntervalSince1970: 1_796_635_800))

    @Test func a_message_has_its_headers_and_a_body_any_text_survives() throws {
        let message = MailFormat.message(mail)
        let parts = message.components(separatedBy: "\r\n\r\n")
        let headers = parts[0].components(separatedBy: "\r\n")
        #expect(headers.contains("From: Onward <careers@bootcamp.example>") && headers.contains("To: <grace@example.org>"))
        #expect(headers.contains("Date: Mon, 07 Dec 2026 09:30:00 +0000") && headers.contains("Message-ID: <abc@bootcamp.example>"))
        let subject = try #require(headers.first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?UTF-8?B?"), "a subject with a dash that is not ASCII is an encoded word")
        let encoded = String(subject.dropFirst("Subject: =?UTF-8?B?".count).dropLast(2))
        #expect(String(decoding: Data(base64Encoded: encoded)!, as: UTF8.self) == mail.subject)
        let body = parts[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: body)!, as: UTF8.self) == "Hello Grace,\r\n.leading dot\r\nSee you ✓")
        #expect(parts[1].components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(MailFormat.encodedWord("Plain subject") == "Plain subject")
        #expect(MailFormat.encodedWord("Two\r\nlines") == "Two  lines", "no header can be smuggled in")
    }

    @Test func data_stuffs_a_leading_dot_and_ends_with_the_lone_dot() {
        let dotted = OutgoingMail(from: mail.from, fromName: "", to: mail.to, subject: ".starts with a dot", body: "x", messageID: "m@x.example", date: mail.date)
        let data = MailFormat.data(dotted)
        #expect(data.hasSuffix("\r\n.\r\n"))
        #expect(data.components(separatedBy: "\r\n").contains("From: <careers@bootcamp.example>"))
        // A header line cannot start with a dot; the base64 body never holds one: only the end does.
        #expect(data.components(separatedBy: "\r\n").filter { $0.hasPrefix(".") } == ["."])
        // Text whose lines start with dots (a plain-text body) keeps them, doubled on the wire.
        #expect(MailFormat.stuffed("Hi\r\n.\r\n..x\r\n") == "Hi\r\n..\r\n...x\r\n.\r\n")
    }

    @Test func failures_are_tried_again_later_each_time_then_given_up() {
        let now = mail.date
        let waits = (1...DeliveryRules.mostAttempts).map { DeliveryRules.nextAttempt(afterFailed: $0, at: now)?.timeIntervalSince(now) }
        #expect(Array(waits.prefix(7)) == [60.0, 120, 240, 480, 960, 1920, 3840].map { Optional($0) })
        #expect(waits[7...10].allSatisfy { $0 == 7200 }, "two hours at most between tries")
        #expect(waits.last! == nil, "given up after the last try")
        #expect(DeliveryRules.nextAttempt(afterFailed: 1, at: now, permanent: true) == nil, "a final refusal is not tried again")
    }
}

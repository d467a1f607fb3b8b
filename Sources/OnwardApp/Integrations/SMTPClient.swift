import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import OnwardCore

/// What sends one message: the SMTP client, or a test's stand-in.
protocol MailSender: Sendable {
    func send(_ mail: OutgoingMail) async throws
}

/// A message the mail server would not take.
struct MailFailure: Error, CustomStringConvertible {
    let description: String
    /// The server said no for good (an SMTP 5xx, such as no such mailbox): trying again will not help.
    let permanent: Bool
}

/// Sends each message over a connection of its own (RFC 5321): the greeting, EHLO, STARTTLS
/// when asked (refusing to go on in the clear), AUTH PLAIN when a user name is set, then MAIL,
/// RCPT and DATA. Every reply is waited for at most `timeout`, and the whole try at most
/// `DeliveryRules.longestTry` (the connection is closed then, whatever it was doing).
struct SMTPClient: MailSender {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    var timeout: TimeAmount = .seconds(30)

    func send(_ mail: OutgoingMail) async throws {
        let replies = SMTPReplyHandler(timeout: timeout)
        let tls = try settings.security == .none ? nil : NIOSSLContext(configuration: .makeClientConfiguration())
        let host = settings.host
        // A name is checked against the certificate and sent as SNI; an address cannot be SNI.
        let serverName = Self.isAddress(host) ? nil : host
        let implicitTLS = settings.security == .tls ? tls : nil
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS { try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName)) }
                        try channel.pipeline.syncOperations.addHandler(replies)
                    }
                }
                .connect(host: host, port: settings.port).get()
        } catch {
            throw MailFailure(description: "Could not reach the mail server \(host):\(settings.port): \(error)", permanent: false)
        }
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(Int64(DeliveryRules.longestTry))) { channel.close(promise: nil) }
        defer { deadline.cancel() }
        do {
            try await converse(mail, on: channel, replies: replies, tls: tls)
            channel.close(promise: nil)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    static func isAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    static func isLoopback(_ host: String) -> Bool {
        ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
    }

    private func converse(_ mail: OutgoingMail, on channel: any Channel, replies: SMTPReplyHandler, tls: NIOSSLContext?) async throws {
        /// Says `line` and reads the reply. Only a refusal of the recipient or of the message is
        /// final: one of the connection, the sign-in or the sender is how Onward is set up, and
        /// is tried again once that is put right.
        func say(_ line: String?, expecting codes: Set<Int>, _ what: String, finalIfRefused: Bool = false) async throws -> SMTPReply {
            if let line { try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get() }
            let reply = try await replies.next(on: channel.eventLoop)
            guard codes.contains(reply.code) else {
                // The words are the server's; the command is named, never written out (AUTH carries the password).
                throw MailFailure(description: "The mail server answered \(what) with \(reply.code) \(reply.text)", permanent: finalIfRefused && (500...599).contains(reply.code))
            }
            return reply
        }
        _ = try await say(nil, expecting: [220], "the connection")
        let name = "onward.localhost"
        var hello = try await say("EHLO " + name, expecting: [250], "EHLO")
        if settings.security == .startTLS, let tls {
            guard hello.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                throw MailFailure(description: "The mail server does not offer STARTTLS, and Onward does not send mail in the clear (set ONWARD_SMTP_SECURITY)", permanent: false)
            }
            _ = try await say("STARTTLS", expecting: [220], "STARTTLS")
            // Nothing said in the clear may be read as said over TLS (RFC 3207 4.2).
            guard try await replies.isEmpty(on: channel.eventLoop) else {
                throw MailFailure(description: "The mail server sent more than its answer to STARTTLS: the connection is not trusted", permanent: false)
            }
            let host = Self.isAddress(settings.host) ? nil : settings.host
            // Made and added on the channel's own loop: a TLS handler never leaves it.
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: host), position: .first)
            }.get()
            hello = try await say("EHLO " + name, expecting: [250], "EHLO")
        }
        if let user = settings.username, let password = settings.password {
            guard tls != nil || Self.isLoopback(settings.host) else {
                throw MailFailure(description: "Onward does not send the mail server's password without TLS (set ONWARD_SMTP_SECURITY)", permanent: false)
            }
            let credentials = Data(("\u{0}" + user + "\u{0}" + password).utf8).base64EncodedString()
            _ = try await say("AUTH PLAIN " + credentials, expecting: [235], "AUTH")
        }
        _ = hello
        _ = try await say("MAIL FROM:<\(mail.from)>", expecting: [250], "MAIL FROM")
        _ = try await say("RCPT TO:<\(mail.to)>", expecting: [250, 251], "RCPT TO", finalIfRefused: true)
        _ = try await say("DATA", expecting: [354], "DATA")
        try await channel.writeAndFlush(ByteBuffer(string: MailFormat.data(mail))).get()
        _ = try await say(nil, expecting: [250], "the message", finalIfRefused: true)
        try? await channel.writeAndFlush(ByteBuffer(string: "QUIT\r\n")).get()
    }
}

/// One reply of the server: its code and its lines' text (a reply may run over several lines).
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
    var text: String { lines.joined(separator: " ") }
}

/// Gathers the server's lines into replies and hands them out in order. Touched only on its
/// channel's event loop: `next` hops there.
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private let timeout: TimeAmount
    private var pending = ""
    private var lines: [String] = []
    private var ready: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: MailFailure?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        pending += bytes.readString(length: bytes.readableBytes) ?? ""
        while let end = pending.range(of: "\r\n") {
            let line = String(pending[..<end.lowerBound])
            pending.removeSubrange(..<end.upperBound)
            let characters = Array(line)
            lines.append(characters.count > 4 ? String(characters[4...]) : "")
            // "250-…" goes on; "250 …" (or a bare code) ends the reply.
            if characters.count < 4 || characters[3] == " " {
                deliver(SMTPReply(code: Int(String(characters.prefix(3))) ?? 0, lines: lines))
                lines = []
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(MailFailure(description: "The connection to the mail server failed: \(error)", permanent: false))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(MailFailure(description: "The mail server closed the connection", permanent: false))
        context.fireChannelInactive()
    }

    /// The next reply, or a failure after `timeout`.
    func next(on loop: any EventLoop) async throws -> SMTPReply {
        try await loop.flatSubmit { () -> EventLoopFuture<SMTPReply> in
            if !self.ready.isEmpty { return loop.makeSucceededFuture(self.ready.removeFirst()) }
            if let failure = self.failure { return loop.makeFailedFuture(failure) }
            let promise = loop.makePromise(of: SMTPReply.self)
            self.waiting.append(promise)
            let timer = loop.scheduleTask(in: self.timeout) {
                guard let index = self.waiting.firstIndex(where: { $0.futureResult === promise.futureResult }) else { return }
                self.waiting.remove(at: index)
                promise.fail(MailFailure(description: "The mail server did not answer in time", permanent: false))
            }
            promise.futureResult.whenComplete { _ in timer.cancel() }
            return promise.futureResult
        }.get()
    }

    /// Whether nothing is read and waiting: no reply, no part of one.
    func isEmpty(on loop: any EventLoop) async throws -> Bool {
        try await loop.submit { self.ready.isEmpty && self.lines.isEmpty && self.pending.isEmpty }.get()
    }

    private func deliver(_ reply: SMTPReply) {
        if waiting.isEmpty { ready.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    private func fail(_ error: MailFailure) {
        failure = failure ?? error
        let all = waiting
        waiting = []
        for promise in all { promise.fail(error) }
    }
}

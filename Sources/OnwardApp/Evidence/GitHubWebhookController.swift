import Foundation
import OnwardCore
import Vapor

/// GitHub's webhook: `ping` is answered, a `push` signed with the configured secret is counted,
/// anything else signed is acknowledged and left. The signature is checked on the raw body before
/// anything reads it; without it, or with a wrong one, nothing is written (401).
struct GitHubWebhookController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, SiteURL.evidence(.githubWebhook).pathComponents, body: .collect(maxSize: ByteCount(value: GitHubWebhook.maxBodyBytes)), use: deliver)
    }

    struct Answer: Content {
        let event: String
        let commits: Int?
        let redelivered: Bool?
    }

    func deliver(req: Request) async throws -> Response {
        // The route collects at most the limit from the wire; a body handed in whole is held to it too.
        guard (req.body.data?.readableBytes ?? 0) <= GitHubWebhook.maxBodyBytes else {
            throw Abort(.payloadTooLarge, reason: "A delivery is at most \(GitHubWebhook.maxBodyBytes) bytes.")
        }
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        guard let secret = req.settings.githubWebhookSecret,
              GitHubWebhook.isSigned(body, header: req.headers.first(name: "X-Hub-Signature-256"), secret: secret) else {
            throw Abort(.unauthorized, reason: "The delivery is not signed with this server's webhook secret.")
        }
        let event = req.headers.first(name: "X-GitHub-Event") ?? ""
        guard event == "push" else {
            return try await Answer(event: event, commits: nil, redelivered: nil).encodeResponse(status: event == "ping" ? .ok : .accepted, for: req)
        }
        guard let delivery = req.headers.first(name: "X-GitHub-Delivery"), (1...100).contains(delivery.count) else {
            throw Abort(.badRequest, reason: "A push names its delivery (X-GitHub-Delivery).")
        }
        let push: GitHubPush
        do { push = try GitHubPush.parse(body) } catch { throw Abort(.badRequest, reason: "Unreadable push: \(error.reason).") }
        let counted = try await EvidenceUseCases(req: req).record(push, delivery: delivery)
        return try await Answer(event: event, commits: counted.commits, redelivered: counted.redelivered).encodeResponse(status: .ok, for: req)
    }
}

import Foundation
import OnwardCore
import Vapor

/// Cohorts' Slack channels in the JSON API, for admins: the same use cases as the Slack page.
/// An address is never answered whole.
extension OnwardAPI {
    func getSlack(_ input: Operations.GetSlack.Input) async throws -> Operations.GetSlack.Output {
        _ = try admin()
        let slack = SlackUseCases(req: try request)
        let channels = try await slack.channels().map(Self.channel)
        let posts = try await slack.log().map { entry in
            let delivery = entry.delivery
            return Components.Schemas.SlackPostState(
                id: delivery.id?.uuidString ?? "", cohortId: delivery.$cohort.id.uuidString,
                kind: Components.Schemas.SlackPostState.KindPayload(rawValue: delivery.kind) ?? .test, summary: delivery.summary,
                writtenAt: delivery.createdAt,
                state: delivery.sentAt != nil ? .sent : delivery.failedAt != nil ? .givenUp : .waiting, attempts: delivery.attempts,
                lastError: delivery.sentAt == nil ? delivery.lastError : nil, nextAttemptAt: delivery.sentAt == nil && delivery.failedAt == nil ? delivery.nextAttemptAt : nil,
                sentAt: delivery.sentAt)
        }
        return .ok(.init(body: .json(.init(channels: channels, posts: posts))))
    }

    func setSlackWebhook(_ input: Operations.SetSlackWebhook.Input) async throws -> Operations.SetSlackWebhook.Output {
        let admin = try admin()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let slack = SlackUseCases(req: try request)
        try await slack.save(body.url, forCohort: input.path.id, by: admin)
        guard let channel = try await slack.channels().first(where: { $0.cohort.id == UUID(uuidString: input.path.id) }) else { throw SlackUseCases.noSuchCohort }
        return .ok(.init(body: .json(Self.channel(channel))))
    }

    func removeSlackWebhook(_ input: Operations.RemoveSlackWebhook.Input) async throws -> Operations.RemoveSlackWebhook.Output {
        _ = try admin()
        try await SlackUseCases(req: try request).remove(forCohort: input.path.id)
        return .noContent(.init())
    }

    private static func channel(_ channel: SlackUseCases.Channel) -> Components.Schemas.SlackChannel {
        .init(cohortId: channel.cohort.id?.uuidString ?? "", cohort: channel.cohort.name, active: channel.webhook != nil,
              address: channel.webhook.map { SlackWebhook.masked($0.url) }, savedAt: channel.webhook?.setAt)
    }
}

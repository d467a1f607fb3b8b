import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// Evidence's API operations: a graduate's commits.
extension OnwardAPI {
    func getContributions(_ input: Operations.GetContributions.Input) async throws -> Operations.GetContributions.Output {
        let viewer = try user()
        let req = try request
        let scope: Policy.Scope
        if let id = input.query.graduateId {
            scope = try await Policy(db: req.db).scope(of: id, for: viewer)
        } else {
            guard Access.showsCommits(viewer.viewer) else { throw Refusal.notAllowed("Only a graduate has commits of their own: name a graduate with graduate_id.") }
            scope = try await Policy(db: req.db).scope(of: viewer, for: viewer)
        }
        guard scope.canReadEvidence else { throw Refusal.notFound() }
        let calendar = try await EvidenceUseCases(req: req).calendar(of: scope.person, target: req.settings.weeklyCommitTarget)
        return .ok(.init(body: .json(.init(
            graduateId: scope.person.requireIDString, githubLogin: scope.person.githubLogin, target: calendar.target, thisWeek: calendar.thisWeek,
            weeklyAverage: calendar.weeklyAverage, total: calendar.total,
            days: calendar.weeks.joined().filter { $0.count > 0 }.map { .init(day: $0.date.iso, count: $0.count) }))))
    }
}

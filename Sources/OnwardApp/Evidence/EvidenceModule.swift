import OnwardCore
import Vapor

/// Evidence: what a graduate's work shows (GitHub activity so far), gathered from where it
/// happens and shown to the graduate.
struct EvidenceModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {}

    func register(hooks: any RoutesBuilder, settings: Settings) throws {
        try hooks.register(collection: GitHubWebhookController())
    }

    var sections: (any HomeSectionSource)? { EvidenceHomeSections() }
}

/// On a graduate's home: a year of their commits, with this week's against the target.
struct EvidenceHomeSections: HomeSectionSource {
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        guard Access.showsCommits(person.viewer) else { return [] }
        guard person.githubLogin != nil else { return [ContributionsSection(calendar: nil, login: nil)] }
        let calendar = try await EvidenceUseCases(req: req).calendar(of: person, target: req.settings.weeklyCommitTarget)
        return [ContributionsSection(calendar: calendar, login: person.githubLogin)]
    }

    /// On the page about a graduate, for their coaches and an admin: the same year, said of them.
    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        guard scope.canReadEvidence, let login = scope.person.githubLogin else { return [] }
        let calendar = try await EvidenceUseCases(req: req).calendar(of: scope.person, target: req.settings.weeklyCommitTarget)
        return [ContributionsSection(calendar: calendar, login: login, name: scope.person.name)]
    }
}

import Fluent
import OnwardCore
import Vapor

/// A part of a page about a person that a capability supplies: the job search's figures today;
/// the programme's road map, coaching's next meeting and the evidence signals later. The home
/// pages (`Home/`) are composed of these, so the home depends on the capabilities and no
/// capability depends on the home.
protocol HomeSection {
    func content(_ h: HTML)
}

/// What a capability puts on the pages about a person.
protocol HomeSectionSource: Sendable {
    /// Sections for the signed-in `person`'s own home page.
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection]
    /// Sections for the page about a person as someone else (their coach, an admin) sees it, with
    /// what the policy says they may do; none when they may not see this capability's records.
    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection]
    /// Sections for a coach's home about the graduates they coach (`graduates`, as the policy gives
    /// them): who needs them first. Each capability answers for all of them in a fixed number of
    /// queries, not a query per graduate.
    func coachSections(for graduates: [UserModel], on req: Request) async throws -> [any HomeSection]
    /// This capability's columns of the coach's dashboard, filled into the rows of `graduates`
    /// (keyed by id), in a fixed number of queries however many there are.
    func fillDashboard(_ rows: inout [UUID: DashboardRow], of graduates: [UserModel], db: any Database, now: Date) async throws
    /// Sections for a partner's home: the candidates who share, and the shortlists.
    func partnerSections(for partner: UserModel, on req: Request) async throws -> [any HomeSection]
}

extension HomeSectionSource {
    func coachSections(for graduates: [UserModel], on req: Request) async throws -> [any HomeSection] { [] }
    func fillDashboard(_ rows: inout [UUID: DashboardRow], of graduates: [UserModel], db: any Database, now: Date) async throws {}
    func partnerSections(for partner: UserModel, on req: Request) async throws -> [any HomeSection] { [] }
}

extension Application {
    private struct HomeSectionSourcesKey: StorageKey {
        typealias Value = [any HomeSectionSource]
    }

    /// Every capability's source of sections and dashboard columns, in the order they show: set
    /// once where the routes are registered, so a page that gathers them (the coach's dashboard)
    /// names none of the capabilities.
    var homeSectionSources: [any HomeSectionSource] {
        get { storage[HomeSectionSourcesKey.self] ?? [] }
        set { storage[HomeSectionSourcesKey.self] = newValue }
    }
}

import Fluent
import OnwardCore
import Vapor

/// Each role's home page, and a person's page as the viewer may see it, composed of the sections
/// the capabilities supply.
struct HomeController: RouteCollection {
    /// In the order their sections show.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: frontDoor)
        routes.grouped(Require(Access.keepsJobSearch)).get(.homes(.graduate), use: graduateHome)
        routes.grouped(Require(Access.coachesGraduates)).get(.homes(.coach), use: coachHome)
        routes.grouped(Require(Access.shortlistsCandidates)).get(.homes(.partner), use: partnerHome)
        routes.grouped(Require.signedIn).get(.homes(.person(id: SiteURL.key(SiteURL.Parameter.id))), use: personPage)
    }

    /// The front door sends each person to their own home, and anyone else to sign in.
    func frontDoor(req: Request) async throws -> Response {
        guard let user = req.auth.get(UserModel.self) else { return req.redirect(to: SiteURL.accounts(.signIn).path) }
        return req.redirect(to: Self.home(for: user.role).path)
    }

    static func home(for role: Role) -> SiteURL {
        switch role {
        case .graduate: .homes(.graduate)
        case .coach: .homes(.coach)
        case .partner: .homes(.partner)
        case .admin: .accounts(.overview)
        // Nobody signs in as one.
        case .former: .home
        }
    }

    static func card(_ user: UserModel) -> PersonCard {
        PersonCard(name: user.name, url: Href(SiteURL.homes(.person(id: user.requireIDString))), cohort: user.cohort?.name, githubLogin: user.githubLogin, stacks: user.stacks)
    }

    func graduateHome(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var sections: [any HomeSection] = []
        for source in req.application.homeSectionSources { sections += try await source.homeSections(of: user, on: req) }
        return req.render(GraduateHomePage(firstName: String(user.name.split(separator: " ").first ?? Substring(user.name)), sections: sections))
    }

    func coachHome(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        // A coach's people are their graduates, read as rows with their dashboard lines, which
        // the sections read next: 200 Fluent models were a fifth of the page's time. An admin's
        // are everyone.
        let people = Access.reach(of: viewer.viewer) == .assignedGraduates ? try await req.graduatesWithDashboardRows()
            : try await Policy(db: req.db).visiblePeople(for: viewer)
        let graduates = people.filter { $0.role == .graduate }
        var sections: [any HomeSection] = []
        for source in req.application.homeSectionSources { sections += try await source.coachSections(for: graduates, on: req) }
        return req.render(CoachHomePage(sections: sections, graduates: people.map(Self.card)))
    }

    func partnerHome(req: Request) async throws -> Response {
        let partner = try req.requireUser()
        var sections: [any HomeSection] = []
        for source in req.application.homeSectionSources { sections += try await source.partnerSections(for: partner, on: req) }
        return req.render(PartnerHomePage(firstName: String(partner.name.split(separator: " ").first ?? Substring(partner.name)), sections: sections))
    }

    func personPage(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let scope = try await Policy(db: req.db).scope(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        let person = scope.person
        let coaches = try await Accounts(req: req).coachNames(of: person)
        var sections: [any HomeSection] = []
        if !scope.isSelf {
            for source in req.application.homeSectionSources { sections += try await source.personSections(in: scope, on: req) }
        }
        let page = PersonPage(
            card: Self.card(person), role: person.role.title, email: person.email, timeZone: person.timeZone, bio: person.bio,
            coaches: coaches, isSelf: scope.isSelf, sections: sections)
        return req.render(page)
    }
}

import Fluent
import OnwardCore
import Vapor

/// Each role's home page, and a person's page as the viewer may see it.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(.graduate)).get(.graduateHome, use: graduateHome)
        routes.grouped(RequireRole(.coach)).get(.coachHome, use: coachHome)
        routes.grouped(RequireRole(.partner)).get(.partnerHome, use: partnerHome)
        routes.get(.person(id: SiteURL.key(SiteURL.Parameter.id)), use: personPage)
    }

    struct PersonCard: Encodable {
        let name: String
        let url: String
        let cohort: String?
        let githubLogin: String?
        let githubURL: String?
        let stacks: [String]
        let hasStacks: Bool
    }

    static func card(_ user: UserModel) -> PersonCard {
        PersonCard(
            name: user.name, url: SiteURL.person(id: user.requireIDString).path, cohort: user.cohort?.name,
            githubLogin: user.githubLogin, githubURL: user.githubLogin.map { "https://github.com/\($0)" }, stacks: user.stacks, hasStacks: !user.stacks.isEmpty)
    }

    struct GraduateHome: Encodable {
        struct Cohort: Encodable {
            let name: String
            let courseEnd: String
            let standup: String
            let weeksSinceCourse: Int?
        }
        let firstName: String
        let cohort: Cohort?
        let coaches: [String]
        let hasCoaches: Bool
        let missing: [String]
        let hasMissing: Bool
        let profileURL: String
        let figures: FiguresView
        let newApplicationURL: String
    }

    func graduateHome(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let cohort = try await user.$cohort.get(on: req.db)
        let coachIDs = try await CoachAssignmentModel.query(on: req.db).filter(\.$graduate.$id == user.requireID()).all(\.$coach.$id)
        let coaches = try await UserModel.query(on: req.db).filter(\.$id ~~ coachIDs).sort(\.$name).all(\.$name)
        var missing: [String] = []
        if user.githubLogin == nil { missing.append("your GitHub login, so your coach and partners can see your code") }
        if user.stacks.isEmpty { missing.append("the stacks you want to work in") }
        if user.bio.isEmpty { missing.append("a short bio") }
        let today = LocalDate(req.now, in: TimeZone(identifier: user.timeZone) ?? .gmt)
        let page = GraduateHome(
            firstName: String(user.name.split(separator: " ").first ?? Substring(user.name)),
            cohort: cohort.map { cohort in
                let weeks = LocalDate(iso: cohort.courseEndDate).map { Self.weeks(from: $0, to: today) }
                return .init(name: cohort.name, courseEnd: Formats.day(iso: cohort.courseEndDate), standup: "\(cohort.standupTime) \(cohort.timeZone)", weeksSinceCourse: weeks.flatMap { $0 >= 0 ? $0 : nil })
            },
            coaches: coaches, hasCoaches: !coaches.isEmpty, missing: missing, hasMissing: !missing.isEmpty, profileURL: SiteURL.profile.path,
            figures: FiguresView(try await JobSearch(req: req).figures(of: user), boardURL: SiteURL.applicationsBoard.path, listURL: SiteURL.applications.path),
            newApplicationURL: SiteURL.newApplication.path)
        return try await req.render("accounts/graduate-home", page, title: "Home")
    }

    static func weeks(from start: LocalDate, to end: LocalDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let a = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day))!
        let b = calendar.date(from: DateComponents(year: end.year, month: end.month, day: end.day))!
        let days = calendar.dateComponents([.day], from: a, to: b).day ?? 0
        return days < 0 ? -1 : days / 7
    }

    struct CoachHome: Encodable {
        let graduates: [PersonCard]
        let hasGraduates: Bool
    }

    func coachHome(req: Request) async throws -> Response {
        let people = try await AccountsPolicy(db: req.db).visiblePeople(for: req.requireUser())
        return try await req.render("accounts/coach-home", CoachHome(graduates: people.map(Self.card), hasGraduates: !people.isEmpty), title: "My graduates")
    }

    struct PartnerHome: Encodable {
        let candidates: [PersonCard]
        let hasCandidates: Bool
    }

    func partnerHome(req: Request) async throws -> Response {
        let people = try await AccountsPolicy(db: req.db).visiblePeople(for: req.requireUser())
        return try await req.render("accounts/partner-home", PartnerHome(candidates: people.map(Self.card), hasCandidates: !people.isEmpty), title: "Candidates")
    }

    struct PersonPage: Encodable {
        let card: PersonCard
        let role: String
        let email: String
        let timeZone: String
        let bio: String
        let hasBio: Bool
        let coaches: [String]
        let hasCoaches: Bool
        let isSelf: Bool
        let profileURL: String
        /// A graduate's job search, for their coach or an admin.
        let figures: FiguresView?
    }

    func personPage(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let person = try await AccountsPolicy(db: req.db).person(req.parameter(SiteURL.Parameter.id), for: viewer)
        let coachIDs = try await CoachAssignmentModel.query(on: req.db).filter(\.$graduate.$id == person.requireID()).all(\.$coach.$id)
        let coaches = try await UserModel.query(on: req.db).filter(\.$id ~~ coachIDs).sort(\.$name).all(\.$name)
        var figures: FiguresView?
        if person.role == .graduate, [.coach, .admin].contains(viewer.role) {
            let id = person.requireIDString
            figures = FiguresView(try await JobSearch(req: req).figures(of: person), boardURL: SiteURL.personBoard(id: id).path, listURL: SiteURL.personApplications(id: id).path)
        }
        let page = PersonPage(
            card: Self.card(person), role: person.role.title, email: person.email, timeZone: person.timeZone, bio: person.bio, hasBio: !person.bio.isEmpty,
            coaches: coaches, hasCoaches: !coaches.isEmpty, isSelf: person.id == viewer.id, profileURL: SiteURL.profile.path, figures: figures)
        return try await req.render("accounts/person", page, title: person.name)
    }
}

import Vapor

/// Every page and form action of the site. Routes are registered from it and links are printed
/// from it, so no view or controller writes a path by hand. A case with an argument takes the
/// value for a link, or `SiteURL.key(...)` (":name") when registering the route.
enum SiteURL: Hashable, Sendable {
    case home
    case healthz
    case readyz

    // Accounts: signing in and out, invitations, one's own account.
    case signIn
    case signOut
    case invitation(token: String)
    case profile
    case password
    case tokens
    case revokeToken(id: String)
    case person(id: String)

    // Role homes.
    case graduateHome
    case coachHome
    case partnerHome
    case adminHome

    // Admin.
    case cohorts
    case cohort(id: String)
    case invitations
    case people
    case assignments
    case removeAssignment(id: String)

    // Job search: a graduate's own, and a graduate's as their coach sees it.
    case applications
    case applicationsBoard
    case newApplication
    case application(id: String)
    case editApplication(id: String)
    case deleteApplication(id: String)
    case moveApplication(id: String)
    case acceptOffer(id: String)
    case addInterview(id: String)
    case addContact(id: String)
    case personApplications(id: String)
    case personBoard(id: String)
    case correctPlacement(id: String)
    case importApplications
    case confirmImport
    case exportApplications

    // The JSON API's document.
    case openAPIDocument

    /// Parameter names, used both in registration and in `req.parameters`.
    enum Parameter {
        static let token = "token"
        static let id = "id"
    }

    /// ":name", for registering a route with a parameter.
    static func key(_ name: String) -> String { ":" + name }

    var path: String {
        switch self {
        case .home: "/"
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .invitation(let token): "/invitations/\(token)"
        case .profile: "/account/profile"
        case .password: "/account/password"
        case .tokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id)/revoke"
        case .person(let id): "/people/\(id)"
        case .graduateHome: "/graduate"
        case .coachHome: "/coach"
        case .partnerHome: "/partner"
        case .adminHome: "/admin"
        case .cohorts: "/admin/cohorts"
        case .cohort(let id): "/admin/cohorts/\(id)"
        case .invitations: "/admin/invitations"
        case .people: "/admin/people"
        case .assignments: "/admin/assignments"
        case .removeAssignment(let id): "/admin/assignments/\(id)/remove"
        case .applications: "/applications"
        case .applicationsBoard: "/applications/board"
        case .newApplication: "/applications/new"
        case .application(let id): "/applications/\(id)"
        case .editApplication(let id): "/applications/\(id)/edit"
        case .deleteApplication(let id): "/applications/\(id)/delete"
        case .moveApplication(let id): "/applications/\(id)/moves"
        case .acceptOffer(let id): "/applications/\(id)/accept"
        case .addInterview(let id): "/applications/\(id)/interviews"
        case .addContact(let id): "/applications/\(id)/contacts"
        case .personApplications(let id): "/people/\(id)/applications"
        case .personBoard(let id): "/people/\(id)/applications/board"
        case .correctPlacement(let id): "/applications/\(id)/placement"
        case .importApplications: "/applications/import"
        case .confirmImport: "/applications/import/confirm"
        case .exportApplications: "/applications/export"
        case .openAPIDocument: "/api/v1/openapi.json"
        }
    }

    var pathComponents: [PathComponent] { path.pathComponents }

    /// An absolute link, for text that leaves the site (an invitation email).
    func absolute(on req: Request) -> String {
        if let base = req.settings.publicURL { return base + path }
        let host = req.headers.first(name: .host) ?? "127.0.0.1:8080"
        return "http://\(host)\(path)"
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        get(url.pathComponents, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        post(url.pathComponents, use: handler)
    }
}

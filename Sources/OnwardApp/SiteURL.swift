import Vapor

/// Every page and form action of the site, nested by capability (`SiteURL.jobSearch(.board)`),
/// each capability's own enum in its folder. Routes are registered from it and links are printed
/// from it, so no view or controller writes a path by hand. A case with an argument takes the
/// value for a link, or `SiteURL.key(...)` (":name") when registering the route.
enum SiteURL: Hashable, Sendable {
    /// The front door: each person's own home, or signing in.
    case home
    case healthz
    case readyz
    /// The JSON API's document.
    case openAPIDocument
    case accounts(AccountsURL)
    case homes(HomeURL)
    case jobSearch(JobSearchURL)
    case programme(ProgrammeURL)
    case coaching(CoachingURL)
    case practice(PracticeURL)
    case evidence(EvidenceURL)
    case integrations(IntegrationsURL)
    case outcomes(OutcomesURL)

    /// Parameter names, used both in registration and in `req.parameters`.
    enum Parameter {
        static let token = "token"
        static let id = "id"
        static let graduate = "graduate"
    }

    /// ":name", for registering a route with a parameter.
    static func key(_ name: String) -> String { ":" + name }

    var path: String {
        switch self {
        case .home: "/"
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .openAPIDocument: "/api/v1/openapi.json"
        case .accounts(let url): url.path
        case .homes(let url): url.path
        case .jobSearch(let url): url.path
        case .programme(let url): url.path
        case .coaching(let url): url.path
        case .practice(let url): url.path
        case .evidence(let url): url.path
        case .integrations(let url): url.path
        case .outcomes(let url): url.path
        }
    }

    var pathComponents: [PathComponent] { path.pathComponents }

    /// An absolute link, for text that leaves the site (an invitation email): on the public
    /// address when one is set, else on the address Onward serves on. Never on the request's
    /// `Host` header, which whoever sends the request chooses.
    func absolute(on req: Request) -> String {
        Self.base(of: req.application) + path
    }

    /// Where Onward is reached, with no path: the public address when one is set, else the
    /// address it serves on.
    static func base(of app: Application) -> String {
        if let base = app.settings.publicURL { return base }
        let server = app.http.server.configuration
        let host = ["0.0.0.0", "::", ""].contains(server.hostname) ? "127.0.0.1" : server.hostname
        return "http://\(host):\(server.port)"
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

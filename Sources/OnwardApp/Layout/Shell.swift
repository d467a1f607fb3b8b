import OnwardCore
import Vapor

/// What every page shows around its content: the title, who is signed in, their navigation, the
/// flash messages and the CSRF token the page's forms carry.
struct Shell: Encodable {
    struct NavItem: Encodable {
        let label: String
        let url: String
        let current: Bool
    }

    struct SignedIn: Encodable {
        let name: String
        let role: String
    }

    let title: String
    let user: SignedIn?
    let nav: [NavItem]
    let accountNav: [NavItem]
    let flashes: [Flash]
    let csrf: String
    let homeURL: String
    let signOutURL: String
    let stylesheet: String
    let script: String

    /// Each role sees its own navigation, and only that.
    static func navigation(for role: Role) -> [(String, SiteURL)] {
        switch role {
        case .graduate: [("Home", .graduateHome), ("Board", .applicationsBoard), ("Applications", .applications)]
        case .coach: [("My graduates", .coachHome)]
        case .partner: [("Candidates", .partnerHome)]
        case .admin: [("Overview", .adminHome), ("Cohorts", .cohorts), ("People", .people), ("Invitations", .invitations)]
        }
    }

    static let accountNavigation: [(String, SiteURL)] = [("Profile", .profile), ("Password", .password), ("API tokens", .tokens)]
}

/// A page's content together with its shell; templates read `shell.*` and `page.*`.
struct PageContext<Page: Encodable>: Encodable {
    let shell: Shell
    let page: Page
}

extension Request {
    /// Renders `template` inside the page shell. The one way a page is rendered.
    func render<Page: Encodable>(_ template: String, _ page: Page, title: String, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = auth.get(UserModel.self)
        let path = url.path
        // The current item is the one whose path is the longest prefix of this page's.
        func items(_ list: [(String, SiteURL)]) -> [Shell.NavItem] {
            let matching = list.map(\.1.path).filter { path == $0 || path.hasPrefix($0 + "/") }
            let current = matching.max { $0.count < $1.count }
            return list.map { Shell.NavItem(label: $0.0, url: $0.1.path, current: $0.1.path == current) }
        }
        let csrf = csrfToken
        let flashes = takeFlashes()
        let shell = Shell(
            title: title,
            user: user.map { .init(name: $0.name, role: $0.role.title) },
            nav: user.map { items(Shell.navigation(for: $0.role)) } ?? [],
            accountNav: user == nil ? [] : items(Shell.accountNavigation),
            flashes: flashes,
            csrf: csrf.value,
            homeURL: SiteURL.home.path,
            signOutURL: SiteURL.signOut.path,
            stylesheet: "/css/onward.css",
            script: "/js/onward.js")
        let view = try await self.view.render(template, PageContext(shell: shell, page: page))
        let response = try await view.encodeResponse(status: status, for: self)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if csrf.isNew { response.cookies[CSRF.cookieName] = CSRF.cookie(csrf.value, secure: settings.secureCookies) }
        if !flashes.isEmpty { response.cookies[Flash.cookieName] = .expired }
        return response
    }
}

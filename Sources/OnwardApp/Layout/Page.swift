import OnwardCore
import Vapor

/// A page: what it shows, built from domain values without a `Request`, and how it shows it.
/// Its title goes in the browser's tab; its content inside the shell (`Shell`).
protocol PageView {
    var title: String { get }
    func content(_ h: HTML)
}

/// What every page shows around its content: who is signed in, their navigation, the flash
/// messages, and the CSRF token the page's forms carry.
struct Shell {
    struct NavItem: Equatable {
        let label: String
        let url: Href
        let current: Bool
    }

    struct SignedIn {
        let name: String
        let role: String
    }

    let user: SignedIn?
    let nav: [NavItem]
    /// The pages of the folded group this page is in (its label, and its links), shown above the page.
    let groupNav: (label: String, items: [NavItem])?
    let accountNav: [NavItem]
    let flashes: [Flash]
    let csrf: String
    /// Where the sign-out button posts (`Application.doors`); nil shows none.
    let signOut: Href?
    /// The signed-in person's unread notifications and where they are listed; nil shows none.
    var notices: (url: Href, unread: Int)? = nil

    static let stylesheet = Href.asset("/css/onward.css")
    static let script = Href.asset("/js/onward.js")

    /// The shell of a page at `path` for `user` (nil: not signed in), with the links of their
    /// main bar and of their account menu.
    init(path: String, user: (name: String, role: Role)?, links: (main: [NavLink], account: [NavLink]), flashes: [Flash], csrf: String,
         signOut: SiteURL?) {
        // The current page is the one whose path is the longest prefix of this page's, among
        // every page a bar leads to (a folded group's too); a group is current when one of its is.
        func current(_ list: [NavLink]) -> String? {
            let paths = list.flatMap { $0.children.isEmpty ? [$0.url.path] : $0.children.map(\.url.path) }
            return paths.filter { path == $0 || path.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        }
        func items(_ list: [NavLink], current: String?) -> [NavItem] {
            list.map { link in
                NavItem(label: link.label, url: Href(link.url),
                        current: link.children.isEmpty ? link.url.path == current : link.children.contains { $0.url.path == current })
            }
        }
        self.user = user.map { SignedIn(name: $0.name, role: $0.role.title) }
        let here = current(links.main)
        self.nav = user == nil ? [] : items(links.main, current: here)
        let group = links.main.first { link in link.children.contains { $0.url.path == here } }
        self.groupNav = user == nil ? nil : group.map { ($0.label, items($0.children, current: here)) }
        self.accountNav = user == nil ? [] : items(links.account, current: current(links.account))
        self.flashes = flashes
        self.csrf = csrf
        self.signOut = signOut.map(Href.init)
    }

    /// The whole document: the shell with `page` inside.
    func render(_ page: some PageView) -> HTML {
        let h = HTML(csrf: csrf)
        h.raw("<!doctype html>\n")
        h.element("html", [.attr(.lang, "en")]) {
            h.element("head", []) {
                h.open("meta", [.attr(.charset, "utf-8")])
                h.open("meta", [.name("viewport"), .attr(.content, "width=device-width, initial-scale=1")])
                h.open("meta", [.name("color-scheme"), .attr(.content, "light dark")])
                h.element("title", [], text: page.title + " · Onward")
                h.open("link", [.rel("stylesheet"), .href(Self.stylesheet)])
                h.raw("\n")
                h.element("script", [.src(Self.script), .flag(.defer)]) {}
            }
            h.element("body", []) {
                h.a("Skip to content", .class("skip"), .href(.fragment("main")))
                header(h)
                h.element("main", [.id("main"), .class("page")]) {
                    if let groupNav {
                        h.nav(.class("subnav"), .ariaLabel(groupNav.label)) { h.ul { links(groupNav.items, h) } }
                    }
                    for flash in flashes {
                        h.div(.class("flash flash-" + flash.kind.rawValue), .attr(.role, flash.kind == .error ? "alert" : "status")) { h.text(flash.message) }
                    }
                    page.content(h)
                }
                h.element("footer", [.class("site-footer")]) {
                    h.p("Onward helps bootcamp graduates into their first developer job.")
                }
            }
        }
        return h
    }

    private func header(_ h: HTML) {
        h.element("header", [.class("site-header")]) {
            h.div(.class("bar")) {
                h.a("Onward", .class("brand"), .href(Href(SiteURL.home)))
                guard let user else { return }
                h.nav(.class("nav"), .ariaLabel("Main")) {
                    h.ul { links(nav, h) }
                }
                // On a phone the same links fold into a menu that opens without a script; the
                // style sheet shows one of the two, so a screen reader meets one.
                h.details(.class("nav-menu")) {
                    h.summary { h.text("Menu") }
                    h.nav(.ariaLabel("Main")) { h.ul { links(nav, h) } }
                }
                h.div(.class("who")) {
                    if let notices {
                        let label = notices.unread == 0 ? "Notifications, none unread" : "Notifications, \(notices.unread) unread"
                        h.a(.href(notices.url), .class(notices.unread == 0 ? "notices" : "notices has-unread"), .ariaLabel(label)) {
                            h.span("Notifications", .class("notices-label"))
                            if notices.unread > 0 { h.span(notices.unread > 99 ? "99+" : String(notices.unread), .class("notices-count")) }
                        }
                    }
                    h.details(.class("account-menu")) {
                        h.summary {
                            h.span(user.name, .class("who-name"))
                            h.raw(" ")
                            h.span(user.role, .class("role-badge"))
                        }
                        h.ul {
                            links(accountNav, h)
                            if let signOut {
                                h.li {
                                    h.postForm(signOut) {
                                        h.button("Sign out", .type("submit"), .class("link-button"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func links(_ items: [NavItem], _ h: HTML) {
        for item in items {
            h.li { h.a(item.label, .href(item.url), .attr(.ariaCurrent, item.current ? "page" : nil)) }
        }
    }
}

extension Request {
    /// Renders `page` inside the shell. The one way a page is rendered.
    func render(_ page: some PageView, status: HTTPResponseStatus = .ok) -> Response {
        let user = auth.get(UserModel.self)
        let csrf = csrfToken
        let flashes = takeFlashes()
        // Each person sees the links their role's `Access` decisions allow, and only those.
        let items = application.navigation
        let links = user.map { user in
            (main: NavigationItem.links(of: items, in: .main, for: user.viewer), account: NavigationItem.links(of: items, in: .account, for: user.viewer))
        } ?? (main: [], account: [])
        var shell = Shell(path: url.path, user: user.map { ($0.name, $0.role) }, links: links, flashes: flashes, csrf: csrf, signOut: application.doors?.signOut)
        if user != nil, let notices = application.notices {
            shell.notices = (Href(notices.url), storage[UnreadNoticesMiddleware.Key.self] ?? 0)
        }
        let html = shell.render(page)
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let response = Response(status: status, headers: headers, body: .init(buffer: html.body))
        if !flashes.isEmpty { response.cookies[Flash.cookieName] = .expired }
        return response
    }

    /// `csv` as a file the browser saves as `filename`, kept by no cache (it is someone's data).
    func csvDownload(_ csv: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}

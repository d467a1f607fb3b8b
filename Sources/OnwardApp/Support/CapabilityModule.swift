import OnwardCore
import Vapor

/// Everything the rest of the app needs from one capability, said in one place: its pages and
/// forms, its items of the navigation, and what it puts on the pages about people (sections and
/// the coach's dashboard columns). The modules are listed once, in order, in `Capabilities.modules`;
/// the routes, the shell's navigation and the home pages are assembled from that list, so adding a
/// capability is its folder and one line there.
protocol CapabilityModule: Sendable {
    /// Registers the capability's pages and forms: `web` answers anyone (sessions and CSRF
    /// checked), `signedIn` only someone signed in.
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws
    /// Its items of the navigation, each shown to whom its `Access` decision allows.
    var navigation: [NavigationItem] { get }
    /// What it puts on a person's home, the pages about them and the coach's dashboard; nil for none.
    var sections: (any HomeSectionSource)? { get }
    /// Its columns of the coach's dashboard, which its `sections` fill.
    var dashboardColumns: [ShownDashboardColumn] { get }
    /// Where people sign in and out, for the capability that keeps accounts; nil for the others.
    var doors: Doors? { get }
}

extension CapabilityModule {
    var navigation: [NavigationItem] { [] }
    var sections: (any HomeSectionSource)? { nil }
    var dashboardColumns: [ShownDashboardColumn] { [] }
    var doors: Doors? { nil }
}

/// Where people sign in and out: the pages the shell (its sign-out button) and the error pages
/// (a visitor who must sign in first) send people to, without naming the capability that has them.
struct Doors: Sendable {
    let signIn: SiteURL
    let signOut: SiteURL
}

/// One link of the navigation a capability offers.
struct NavigationItem: Sendable {
    enum Bar: Sendable {
        /// The main bar across the top.
        case main
        /// The menu under the signed-in person's name.
        case account
    }

    let label: String
    let url: SiteURL
    var bar: Bar = .main
    /// Where it stands in its bar: lower first. Items of several capabilities interleave, so each
    /// says its place rather than taking its module's.
    let place: Int
    /// The `Access` decision that shows it.
    let shows: @Sendable (Viewer) -> Bool

    /// The links of `bar` that `viewer` sees, in the order of `items` (already in their places).
    static func links(of items: [NavigationItem], in bar: Bar, for viewer: Viewer) -> [(String, SiteURL)] {
        items.filter { $0.bar == bar && $0.shows(viewer) }.map { ($0.label, $0.url) }
    }
}

extension Application {
    private struct NavigationKey: StorageKey {
        typealias Value = [NavigationItem]
    }

    /// Every module's navigation items, in their places: set once where the routes are
    /// registered, so the shell names none of the capabilities.
    var navigation: [NavigationItem] {
        get { storage[NavigationKey.self] ?? [] }
        set { storage[NavigationKey.self] = newValue }
    }

    private struct DoorsKey: StorageKey {
        typealias Value = Doors
    }

    /// Where people sign in and out, as the module that keeps accounts says; nil before the
    /// routes are registered.
    var doors: Doors? {
        get { storage[DoorsKey.self] }
        set { storage[DoorsKey.self] = newValue }
    }
}

import Fluent
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
    /// Registers what other services call (a webhook): no session, no CSRF token; each such
    /// route proves its caller itself (a signature).
    func register(hooks: any RoutesBuilder, settings: Settings) throws
    /// Its items of the navigation, each shown to whom its `Access` decision allows.
    var navigation: [NavigationItem] { get }
    /// What it puts on a person's home, the pages about them and the coach's dashboard; nil for none.
    var sections: (any HomeSectionSource)? { get }
    /// Its sections as the settings shape them (a target the signals read); `sections` unless it
    /// says otherwise.
    func sections(settings: Settings) -> (any HomeSectionSource)?
    /// Its columns of the coach's dashboard, which its `sections` fill.
    var dashboardColumns: [ShownDashboardColumn] { get }
    /// What it puts in a person's calendar feed; nil for nothing dated.
    var calendar: (any CalendarSource)? { get }
    /// Where people sign in and out, for the capability that keeps accounts; nil for the others.
    var doors: Doors? { get }
    /// The header's count of what waits for the signed-in person and where it leads, for the
    /// capability that keeps notifications; nil for the others.
    var notices: Notices? { get }
    /// What it does on a timetable while Onward serves; none for most.
    var scheduled: [ScheduledJob] { get }
    /// Its part of a person's export and of deleting their account; nil for none.
    var personalData: (any PersonalData)? { get }
}

extension CapabilityModule {
    func register(hooks: any RoutesBuilder, settings: Settings) throws {}
    var navigation: [NavigationItem] { [] }
    var sections: (any HomeSectionSource)? { nil }
    func sections(settings: Settings) -> (any HomeSectionSource)? { sections }
    var dashboardColumns: [ShownDashboardColumn] { [] }
    var calendar: (any CalendarSource)? { nil }
    var doors: Doors? { nil }
    var notices: Notices? { nil }
    var scheduled: [ScheduledJob] { [] }
    var personalData: (any PersonalData)? { nil }
}

/// The header's count of a person's unread notifications, and the page that lists them.
struct Notices: Sendable {
    let url: SiteURL
    let unread: @Sendable (_ userID: UUID, _ db: any Database) async throws -> Int
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
    /// The heading it folds under ("Job search") when a person sees more than `mostInBar` items.
    var group: String? = nil

    init(label: String, url: SiteURL, bar: Bar = .main, place: Int, group: String? = nil, shows: @escaping @Sendable (Viewer) -> Bool) {
        self.label = label
        self.url = url
        self.bar = bar
        self.place = place
        self.group = group
        self.shows = shows
    }

    /// The most links one person's main bar holds: more wrap onto a second line.
    static let mostInBar = 6

    /// The links of `bar` that `viewer` sees, in the order of `items` (already in their places).
    /// Past `mostInBar`, groups fold into one link each (to their first page, the others a row of
    /// links on the group's pages), the last group first, until the bar holds `mostInBar`.
    static func links(of items: [NavigationItem], in bar: Bar, for viewer: Viewer) -> [NavLink] {
        let visible = items.filter { $0.bar == bar && $0.shows(viewer) }
        var links = visible.map { NavLink(label: $0.label, url: $0.url) }
        guard bar == .main, links.count > mostInBar else { return links }
        var groups: [String] = []
        for item in visible { if let group = item.group, !groups.contains(group) { groups.append(group) } }
        for group in groups.reversed() where links.count > mostInBar {
            let members = visible.filter { $0.group == group }
            guard members.count > 1, let first = links.firstIndex(where: { $0.url == members[0].url }) else { continue }
            let folded = NavLink(label: group, url: members[0].url, children: members.map { NavLink(label: $0.label, url: $0.url) })
            links.removeAll { link in members.contains { $0.url == link.url } }
            links.insert(folded, at: min(first, links.count))
        }
        return links
    }
}

/// A link of a bar: a page, or a folded group of pages (to the first of them).
struct NavLink: Equatable, Sendable {
    let label: String
    let url: SiteURL
    var children: [NavLink] = []
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

    private struct NoticesKey: StorageKey {
        typealias Value = Notices
    }

    /// The header's notices, as the module that keeps notifications says.
    var notices: Notices? {
        get { storage[NoticesKey.self] }
        set { storage[NoticesKey.self] = newValue }
    }
}

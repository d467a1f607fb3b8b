import OnwardCore
import Testing
@testable import OnwardApp

/// The navigation is assembled from the modules' items: each role sees its links, in order, and
/// only those its `Access` decisions allow.
@Suite struct NavigationTests {
    static func links(_ role: Role, _ bar: NavigationItem.Bar = .main) -> [String] {
        NavigationItem.links(of: Capabilities.navigation, in: bar, for: Viewer(id: "someone", role: role)).map { "\($0.0) \($0.1.path)" }
    }

    @Test func each_role_sees_its_own_bar_in_order() {
        #expect(Self.links(.graduate) == ["Home /graduate", "Programme /programme", "Board /applications/board", "Applications /applications",
                                          "Support /support", "Practice /practice/mock-interviews", "Events /events"])
        #expect(Self.links(.coach) == ["My graduates /coach", "Dashboard /dashboard", "Reviews /reviews", "Support /support-desk",
                                       "Mock interviews /practice/mock-slots", "Pairing /practice/pairing/unmatched", "Events /events"])
        #expect(Self.links(.partner) == ["Candidates /partner"])
        #expect(Self.links(.admin) == ["Overview /admin", "Cohorts /admin/cohorts", "People /admin/people", "Invitations /admin/invitations",
                                       "Programmes /admin/programmes", "Dashboard /dashboard", "Reviews /reviews", "Support /support-desk",
                                       "Pairing /practice/pairing/unmatched", "Events /events"])
        for role in Role.allCases {
            #expect(Self.links(role, .account) == ["Profile /account/profile", "Password /account/password", "API tokens /account/tokens"], "\(role)")
        }
    }

    /// On a phone the bar folds into a menu that opens with no script: a `details` with the same
    /// links, the page's current one marked in both.
    @Test func the_bar_folds_into_a_menu_with_the_same_links() {
        struct Empty: PageView {
            var title: String { "Empty" }
            func content(_ h: HTML) {}
        }
        let main = NavigationItem.links(of: Capabilities.navigation, in: .main, for: Viewer(id: "someone", role: .coach))
        let shell = Shell(path: "/dashboard", user: ("Priya Shah", .coach), links: (main: main, account: []), flashes: [], csrf: "x", signOut: nil)
        let page = shell.render(Empty()).string
        let bar = page.components(separatedBy: #"<nav class="nav" aria-label="Main">"#).dropFirst().first?.components(separatedBy: "</nav>").first
        let menu = page.components(separatedBy: #"<details class="nav-menu"><summary>Menu</summary><nav aria-label="Main">"#).dropFirst().first?.components(separatedBy: "</nav>").first
        #expect(bar != nil && bar == menu)
        #expect(menu?.contains(#"<a href="/dashboard" aria-current="page">Dashboard</a>"#) == true)
    }

    /// No two items one person sees share a place in a bar, so their order is never left to chance.
    @Test func no_two_items_of_a_bar_share_a_place_for_one_role() {
        for role in Role.allCases {
            let items = Capabilities.navigation.filter { $0.shows(Viewer(id: "someone", role: role)) }
            for bar in [NavigationItem.Bar.main, .account] {
                let places = items.filter { $0.bar == bar }.map(\.place)
                #expect(Set(places).count == places.count, "\(role) \(bar): \(places.sorted())")
            }
        }
    }
}

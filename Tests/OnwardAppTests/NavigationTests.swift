import OnwardCore
import Testing
@testable import OnwardApp

/// The navigation is assembled from the modules' items: each role sees its links, in order, and
/// only those its `Access` decisions allow.
@Suite struct NavigationTests {
    static func links(_ role: Role, _ bar: NavigationItem.Bar = .main) -> [String] {
        NavigationItem.links(of: Capabilities.navigation, in: bar, for: Viewer(id: "someone", role: role))
            .map { "\($0.label) \($0.url.path)" + ($0.children.isEmpty ? "" : " [" + $0.children.map(\.label).joined(separator: ", ") + "]") }
    }

    /// Each role's bar holds at most six links: past six, groups fold, the last first.
    @Test func each_role_sees_its_own_bar_in_order() {
        #expect(Self.links(.graduate) == ["Home /graduate", "Programme /programme", "Job search /applications/board [Board, Applications]",
                                          "Coaching /support [Support, Events]", "Practice /practice/mock-interviews",
                                          "Projects /projects [Projects, Candidate profile]"])
        #expect(Self.links(.coach) == ["My graduates /coach", "Dashboard /dashboard", "Reviews /reviews", "Support /support-desk",
                                       "Practice /practice/mock-slots [Mock interviews, Pairing]", "Events /events"])
        #expect(Self.links(.partner) == ["Home /partner", "Candidates /candidates", "Shortlists /shortlists"])
        #expect(Self.links(.admin) == ["Overview /admin", "Cohorts /admin/cohorts [Cohorts, Programmes, Outcomes]", "People /admin/people [People, Invitations, Outbox, Slack, Deletions]",
                                       "Coaching /dashboard [Dashboard, Reviews, Support, Events]", "Pairing /practice/pairing/unmatched"])
        for role in Role.given {
            #expect(NavigationItem.links(of: Capabilities.navigation, in: .main, for: Viewer(id: "someone", role: role)).count <= NavigationItem.mostInBar, "\(role)")
            let calendar = role == .partner ? [] : ["Calendar feed /account/calendar"]
            #expect(Self.links(role, .account) == ["Profile /account/profile", "Password /account/password", "API tokens /account/tokens"] + calendar
                    + ["Notifications by email /account/notifications", "Your data /account/data"], "\(role)")
        }
    }

    /// On a page of a folded group, the group is the bar's current link and its pages are a row
    /// of links above the page, the page's own marked.
    @Test func a_folded_groups_pages_show_its_links() {
        struct Empty: PageView {
            var title: String { "Empty" }
            func content(_ h: HTML) {}
        }
        let main = NavigationItem.links(of: Capabilities.navigation, in: .main, for: Viewer(id: "someone", role: .graduate))
        let page = Shell(path: "/applications/123", user: ("Amara", .graduate), links: (main: main, account: []), flashes: [], csrf: "x", signOut: nil).render(Empty()).string
        #expect(page.contains(#"<a href="/applications/board" aria-current="page">Job search</a>"#))
        #expect(page.contains(#"<nav class="subnav" aria-label="Job search"><ul><li><a href="/applications/board">Board</a></li><li><a href="/applications" aria-current="page">Applications</a></li></ul></nav>"#))
        let home = Shell(path: "/graduate", user: ("Amara", .graduate), links: (main: main, account: []), flashes: [], csrf: "x", signOut: nil).render(Empty()).string
        #expect(!home.contains("subnav"))
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
        for role in Role.given {
            let items = Capabilities.navigation.filter { $0.shows(Viewer(id: "someone", role: role)) }
            for bar in [NavigationItem.Bar.main, .account] {
                let places = items.filter { $0.bar == bar }.map(\.place)
                #expect(Set(places).count == places.count, "\(role) \(bar): \(places.sorted())")
            }
        }
    }
}

import OnwardCore
import Vapor

/// Each role's home, composed of the sections the capabilities supply, and the page about a person.
struct HomeModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try web.register(collection: HomeController())
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Home", url: .homes(.graduate), place: 10, shows: Access.keepsJobSearch),
            .init(label: "My graduates", url: .homes(.coach), place: 10, shows: Access.coachesGraduates),
            .init(label: "Home", url: .homes(.partner), place: 10, shows: Access.shortlistsCandidates),
        ]
    }
}

import OnwardCore
import Vapor

/// Practice: mock interviews, peer practice sessions and pairing.
struct PracticeModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try web.register(collection: MockInterviewController())
        try web.register(collection: PeerSessionController())
        try web.register(collection: PairingController())
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Practice", url: .practice(.mockInterviews), place: 60, shows: Access.booksMockInterviews),
            .init(label: "Mock interviews", url: .practice(.mockSlots), place: 61, group: "Practice", shows: Access.holdsMockInterviews),
            .init(label: "Pairing", url: .practice(.unmatchedRequests), place: 62, group: "Practice", shows: Access.matchesPairsByHand),
        ]
    }

    var sections: (any HomeSectionSource)? { PracticeHomeSections() }

    var calendar: (any CalendarSource)? { PracticeCalendar() }

    var personalData: (any PersonalData)? { PracticePersonalData() }
}

import OnwardCore
import Vapor

/// The programme: a graduate's road map, standups, retrospectives, SMART and learning goals and the
/// records of the programme's activities; the careers team's view of them, the help queue, and the
/// admin's programme editor.
struct ProgrammeModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try web.register(collection: ProgrammeController())
        try web.register(collection: RecordsController())
        try web.register(collection: CareersTeamController())
        try web.register(collection: LearningGoalController())
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Programmes", url: .programme(.cohorts), place: 15, shows: Access.runsBootcamp),
            .init(label: "Programme", url: .programme(.roadMap), place: 20, shows: Access.followsProgramme),
            .init(label: "Help requests", url: .programme(.helpQueue), place: 52, shows: Access.worksHelpQueue),
        ]
    }

    var sections: (any HomeSectionSource)? { ProgrammeHomeSections() }
}

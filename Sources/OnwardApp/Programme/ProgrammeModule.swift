import OnwardCore
import Vapor

/// The programme: a graduate's road map, standups, retrospectives, SMART and learning goals and the
/// records of the programme's activities; the careers team's view of them, and the
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
            .init(label: "Programmes", url: .programme(.cohorts), place: 15, group: "Cohorts", shows: Access.runsBootcamp),
            .init(label: "Programme", url: .programme(.roadMap), place: 20, shows: Access.followsProgramme),
        ]
    }

    var sections: (any HomeSectionSource)? { ProgrammeHomeSections() }

    var calendar: (any CalendarSource)? { ProgrammeCalendarSource() }

    var dashboardColumns: [ShownDashboardColumn] {
        [
            .init(column: ProgrammeColumns.status, place: 10, isStanding: true) { figure in
                guard let status = ProgrammeColumns.status(of: figure) else { return DashboardCell(text: "No programme", look: .badge(tone: "none")) }
                let missing = figure?.notes ?? []
                return DashboardCell(text: status.title, look: .badge(tone: status.rawValue), note: missing.isEmpty ? nil : "Missing: " + missing.joined(separator: "; "))
            },
            .init(column: ProgrammeColumns.streak, place: 20) { figure in
                let days = figure?.value ?? 0
                return DashboardCell(text: days >= StandupRules.streakCap ? "\(StandupRules.streakCap)+ days" : days == 1 ? "1 day" : "\(days) days")
            },
            .init(column: ProgrammeColumns.mood, place: 30) { figure in
                guard let mood = figure?.value else { return DashboardCell(text: "not yet") }
                return mood < ProgrammeColumns.lowMoodBelow ? DashboardCell(text: "\(mood) of 5", warning: true) : DashboardCell(text: "\(mood) of 5", look: .number)
            },
        ]
    }

    var personalData: (any PersonalData)? { ProgrammePersonalData() }
}

import OnwardCore
import Vapor

/// The job search: a graduate's applications on a board and in a list, their interviews, contacts,
/// offers and placement, and the CSV import.
struct JobSearchModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try signedIn.register(collection: JobSearchController())
        try signedIn.register(collection: ImportController(maxUploadBytes: settings.maxUploadBytes))
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Board", url: .jobSearch(.board), place: 30, group: "Job search", shows: Access.keepsJobSearch),
            .init(label: "Applications", url: .jobSearch(.list), place: 40, group: "Job search", shows: Access.keepsJobSearch),
        ]
    }

    var sections: (any HomeSectionSource)? { JobSearchHomeSections() }

    var calendar: (any CalendarSource)? { JobSearchCalendar() }

    var dashboardColumns: [ShownDashboardColumn] {
        [
            .init(column: JobSearchColumns.applications, place: 40) { .count($0, warns: { $0 == 0 }) },
            .init(column: JobSearchColumns.interviews, place: 50) { .count($0) },
            .init(column: JobSearchColumns.offers, place: 55, waiting: ("offer to decide", "offers to decide")) { .count($0, warns: { $0 > 0 }) },
        ]
    }

    var personalData: (any PersonalData)? { JobSearchPersonalData() }
}

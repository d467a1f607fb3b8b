import OnwardCore
import Vapor

/// Coaching: reviews of submissions, the support desk, learning plans, events and the coach's
/// dashboard.
struct CoachingModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try web.register(collection: ReviewController())
        try web.register(collection: SupportController())
        try web.register(collection: LearningPlanController())
        try web.register(collection: EventController())
        try web.register(collection: CoachDashboardController())
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Dashboard", url: .coaching(.dashboard), place: 21, group: "Coaching", shows: Access.readsCoachDashboard),
            .init(label: "Reviews", url: .coaching(.reviews), place: 22, group: "Coaching", shows: Access.reviewsSubmissions),
            .init(label: "Support", url: .coaching(.support), place: 50, group: "Coaching", shows: Access.followsProgramme),
            .init(label: "Support", url: .coaching(.supportDesk), place: 51, group: "Coaching", shows: Access.worksSupportDesk),
            .init(label: "Events", url: .coaching(.events), place: 70, group: "Coaching", shows: Access.seesEvents),
        ]
    }

    var sections: (any HomeSectionSource)? { CoachingHomeSections() }

    var calendar: (any CalendarSource)? { CoachingCalendar() }

    var scheduled: [ScheduledJob] { [EventReminders.job] }

    var dashboardColumns: [ShownDashboardColumn] {
        [
            .init(column: CoachingColumns.requests, place: 60, waiting: ("open request", "open requests")) { figure in
                var cell = DashboardCell.count(figure, link: .coaching(.supportDesk))
                cell.note = figure?.notes.first
                return cell
            },
            .init(column: CoachingColumns.submissions, place: 70, waiting: ("submission to review", "submissions to review")) { .count($0, link: .coaching(.reviews)) },
            .init(column: CoachingColumns.overdue, place: 80) { .count($0, warns: { $0 > 0 }) },
            .init(column: CoachingColumns.meeting, place: 90) { DashboardCell(text: CoachingColumns.meeting(of: $0)?.display ?? "none") },
        ]
    }

    var personalData: (any PersonalData)? { CoachingPersonalData() }
}

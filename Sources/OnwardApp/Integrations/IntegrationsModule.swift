import OnwardCore
import Vapor

/// Integrations: what Onward hands to the tools people already use (calendars, mail), and the
/// notifications every capability sends through it, cohorts' Slack channels, the scheduler, and
/// a person's data (the export, deleting an account). Each capability hands it
/// its dated things through its module (`CalendarSource`); Integrations names none of them.
struct IntegrationsModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try signedIn.grouped(Require(Access.keepsCalendarFeed)).register(collection: CalendarFeedController())
        try signedIn.grouped(Require(Access.runsBootcamp)).register(collection: OutboxController())
        try signedIn.grouped(Require(Access.runsBootcamp)).register(collection: SlackController())
        try signedIn.register(collection: NotificationsController())
        try signedIn.register(collection: YourDataController())
    }

    func register(hooks: any RoutesBuilder, settings: Settings) throws {
        // A calendar signs in to nothing: the token in the address is its proof.
        hooks.get(SiteURL.integrations(.calendarFeed(token: SiteURL.key(SiteURL.Parameter.token))).pathComponents, use: CalendarFeedController.feed)
    }

    var notices: Notices? {
        Notices(url: .integrations(.notifications)) { userID, db in try await NotificationUseCases.unread(of: userID, on: db) }
    }

    var scheduled: [ScheduledJob] { SlackJobs.all + [WeeklyDigestJob.job] }

    var navigation: [NavigationItem] {
        [
            .init(label: "Calendar feed", url: .integrations(.calendar), bar: .account, place: 4, shows: Access.keepsCalendarFeed),
            .init(label: "Notifications by email", url: .integrations(.notificationSettings), bar: .account, place: 5, shows: { _ in true }),
            .init(label: "Outbox", url: .integrations(.outbox), place: 16, group: "People", shows: Access.runsBootcamp),
            .init(label: "Slack", url: .integrations(.slack), place: 17, group: "People", shows: Access.runsBootcamp),
            .init(label: "Your data", url: .integrations(.yourData), bar: .account, place: 6, shows: { _ in true }),
            .init(label: "Deletions", url: .integrations(.deletions), place: 18, group: "People", shows: Access.runsBootcamp),
        ]
    }

    var personalData: (any PersonalData)? { IntegrationsPersonalData() }
}

/// The pages of Integrations: one's calendar feed, and the feed itself.
enum IntegrationsURL: Hashable, Sendable {
    case calendar
    case stopCalendar
    /// The feed a calendar reads: the token proves who it is for ("…/TOKEN.ics").
    case calendarFeed(token: String)
    /// The admin's outbox: mail waiting and sent.
    case outbox
    /// One's notifications, marking them read, and which come by email.
    case notifications
    case readNotifications
    case notificationSettings
    /// The admin's Slack page: each cohort's channel address, and the log of posts.
    case slack
    case saveSlack(cohortID: String)
    case removeSlack(cohortID: String)
    case testSlack(cohortID: String)
    /// One's data: the export, and deleting one's account.
    case yourData
    case exportData
    case deleteAccount
    /// The admin's deletions: deleting an account on request, and the record of those deleted.
    case deletions

    var path: String {
        switch self {
        case .calendar: "/account/calendar"
        case .stopCalendar: "/account/calendar/stop"
        case .calendarFeed(let token): "/calendar/\(token)"
        case .outbox: "/admin/outbox"
        case .notifications: "/notifications"
        case .readNotifications: "/notifications/read"
        case .notificationSettings: "/account/notifications"
        case .slack: "/admin/slack"
        case .saveSlack(let id): "/admin/slack/\(id)"
        case .removeSlack(let id): "/admin/slack/\(id)/remove"
        case .testSlack(let id): "/admin/slack/\(id)/test"
        case .yourData: "/account/data"
        case .exportData: "/account/data/export"
        case .deleteAccount: "/account/data/delete"
        case .deletions: "/admin/deletions"
        }
    }
}

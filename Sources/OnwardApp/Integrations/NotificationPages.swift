import Foundation
import OnwardCore

/// One's notifications, newest first, the unread marked, with a button to mark them all read.
struct NotificationsPage: PageView {
    struct Item {
        let text: String
        let url: Href
        let when: String
        let unread: Bool
    }
    let items: [Item]
    let unread: Int

    var title: String { "Notifications" }

    func content(_ h: HTML) {
        h.h1("Notifications")
        h.div(.class("actions")) {
            h.p(unread == 0 ? "Nothing unread." : Wording.count(unread, "unread notification") + ".")
            if unread > 0 {
                h.postForm(Href(SiteURL.integrations(.readNotifications))) {
                    h.button("Mark all as read", .type("submit"), .class("button"))
                }
            }
            h.a("Choose what comes by email", .href(Href(SiteURL.integrations(.notificationSettings))))
        }
        guard !items.isEmpty else {
            h.p("Nothing yet: when a pairing is proposed to you, your work is reviewed or someone replies, it shows here.", .class("empty"))
            return
        }
        h.ul(.class("notifications")) {
            for item in items {
                h.li(.class(item.unread ? "notification unread" : "notification")) {
                    if item.unread { h.span("New", .class("state-badge")) ; h.raw(" ") }
                    h.a(item.text, .href(item.url))
                    h.p(item.when, .class("hint"))
                }
            }
        }
    }
}

extension NotificationsPage {
    init(_ notifications: [NotificationModel], unread: Int, zone: String) {
        self.init(items: notifications.map { notification in
            Item(text: notification.text, url: Href.local(notification.path) ?? Href(.home),
                 when: Formats.dayAndTime(notification.createdAt, zone: zone), unread: notification.readAt == nil)
        }, unread: unread)
    }
}

/// Which kinds of notification also come by email: only the kinds that can concern the person.
struct NotificationSettingsPage: PageView {
    struct Choice {
        let kind: NotificationKind
        let emailed: Bool
    }
    let choices: [Choice]

    var title: String { "Notifications by email" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Notifications by email")
            h.p("Everything Onward tells you shows under Notifications, with a count at the top of every page. Tick what should also come to your inbox.", .class("lead"))
            h.postForm(Href(SiteURL.integrations(.notificationSettings)), .class("form")) {
                h.fieldset(.class("field")) {
                    h.legend("By email")
                    for choice in choices {
                        h.label(.class("check")) {
                            h.input(.type("checkbox"), .name("email_" + choice.kind.rawValue), .value("yes"), .flag(.checked, choice.emailed))
                            h.text(" " + choice.kind.title)
                        }
                    }
                }
                h.button("Save", .type("submit"), .class("button primary"))
            }
        }
    }
}

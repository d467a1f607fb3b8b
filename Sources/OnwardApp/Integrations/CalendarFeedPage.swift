import Foundation
import OnwardCore

/// One's calendar feed: what it holds, its address when just made (shown once), and the buttons
/// to make a new address or turn it off.
struct CalendarFeedPage: PageView {
    /// The feed there is, if any.
    struct Feed {
        let created: String
        let lastRead: String?
    }
    let feed: Feed?
    /// The address just made: shown on this response only, never again.
    let newAddress: String?
    /// What this person's feed holds, in words.
    let holds: [String]

    var title: String { "Calendar feed" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Calendar feed")
            h.p(.class("lead")) {
                h.text("See your Onward week in the calendar you already use: Google Calendar, Outlook or Apple Calendar subscribe to a private address and read it again every hour or so. Changes and cancellations follow.")
            }
            if let newAddress {
                h.div(.class("callout"), .role("status")) {
                    h.h2("Your feed's address")
                    h.p("Copy it now: Onward keeps only a fingerprint of it and cannot show it again. Anyone who has the address can read your feed, so keep it to yourself.")
                    h.copyRow(id: "feed-address", label: "Feed address", value: newAddress)
                    h.p {
                        h.text("In Google Calendar: Other calendars, +, From URL. In Outlook: Add calendar, Subscribe from web. In Apple Calendar: File, New Calendar Subscription.")
                        if let subscription = Href.subscription(newAddress) {
                            h.text(" Or ")
                            h.a("open it in your calendar app", .href(subscription))
                            h.text(".")
                        }
                    }
                }
            }
            if let feed {
                h.p {
                    h.text("Your feed has been on since \(feed.created). ")
                    h.text(feed.lastRead.map { "A calendar last read it \($0)." } ?? "No calendar has read it yet.")
                }
                h.div(.class("actions")) {
                    h.postForm(Href(SiteURL.integrations(.calendar)), .data(.dataConfirm, "Make a new address? The one your calendars use stops working.")) {
                        h.button("Make a new address", .type("submit"), .class("button"))
                    }
                    h.postForm(Href(SiteURL.integrations(.stopCalendar)), .data(.dataConfirm, "Turn your feed off? Calendars subscribed to it stop getting your Onward week.")) {
                        h.button("Turn the feed off", .type("submit"), .class("button danger"))
                    }
                }
                h.p("Lost the address, or think someone else has it? Make a new one: the old one stops working at once.", .class("hint"))
            } else {
                h.p("You have no feed. Make one, then add its address to your calendar.")
                h.postForm(Href(SiteURL.integrations(.calendar))) {
                    h.button("Make my feed's address", .type("submit"), .class("button primary"))
                }
            }
            h.h2("What it holds")
            h.ul { for item in holds { h.li(item) } }
        }
    }
}

import Foundation
import OnwardCore

/// The admin's Slack page: what Onward posts to a cohort's channel, each cohort's webhook address
/// (masked once saved) with its forms, and the log of posts with where each stands.
struct SlackPage: PageView {
    struct Channel {
        let id: String
        let name: String
        /// The masked address, or nil for none.
        let address: String?
        let saved: String?
    }

    struct Post {
        let written: String
        let cohort: String
        let what: String
        let summary: String
        let state: DeliveryState
        let error: String?
    }

    let channels: [Channel]
    let posts: [Post]
    let errors: FormErrors
    /// The cohort whose form the errors are about, and what was typed there.
    var erred: (cohort: String, typed: String)? = nil

    var title: String { "Slack" }

    func content(_ h: HTML) {
        h.h1("Slack")
        h.p("Onward can post to each cohort's Slack channel: who is free to pair and when, a digest of who has posted their standup (an hour after standup on weekdays; never moods or concerns), and tomorrow's events (at 17:00). In Slack, add an incoming webhook for the cohort's channel (Apps, Incoming Webhooks) and paste its address here. Onward keeps it secret: after saving you see only its end.", .class("lead"))
        h.errorSummary(errors)
        if channels.isEmpty {
            h.p("There are no cohorts yet.", .class("empty"))
        }
        for channel in channels {
            h.section(.class("card"), .ariaLabel(channel.name)) {
                h.h2(channel.name)
                if let address = channel.address {
                    h.p {
                        h.text("Posts go to ")
                        h.span(address, .class("mono"))
                        if let saved = channel.saved { h.text(", saved \(saved).") }
                    }
                    h.div(.class("button-row")) {
                        h.postForm(Href(SiteURL.integrations(.testSlack(cohortID: channel.id))), .class("inline-form")) {
                            h.button("Send a test post", .type("submit"), .class("button small"))
                        }
                        h.postForm(Href(SiteURL.integrations(.removeSlack(cohortID: channel.id))), .class("inline-form"),
                                   .data(.dataConfirm, "Stop posting to \(channel.name)'s channel? Posts not yet sent are set aside.")) {
                            h.button("Remove", .type("submit"), .class("button small danger"))
                        }
                    }
                } else {
                    h.p("No channel: nothing is posted for this cohort.")
                }
                let mine = erred?.cohort == channel.id
                h.postForm(Href(SiteURL.integrations(.saveSlack(cohortID: channel.id))), .class("inline-form address-form")) {
                    h.field("url", channel.address == nil ? "Webhook address" : "A new webhook address", errors: mine ? errors : .none, idSuffix: "-" + channel.id) { wiring in
                        h.open("input", wiring + [.type("url"), .attr(.placeholder, "https://hooks.slack.com/services/…"),
                                                  .attr(.maxlength, String(SlackWebhook.limit)), .value(mine ? erred?.typed : nil)])
                    }
                    h.button("Save", .type("submit"), .class("button"))
                }
            }
        }
        h.h2("Posts")
        h.p("Each post waits here until Slack takes it. One Slack refuses or cannot take is tried again, waiting longer each time, and given up after \(DeliveryRules.mostAttempts) tries or when Slack says the address is wrong or the channel is gone.", .class("hint"))
        guard !posts.isEmpty else {
            h.p("Nothing has been posted yet.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Written"); h.th("Cohort"); h.th("What"); h.th("Where it stands") } }
                h.tbody {
                    for post in posts {
                        h.tr {
                            h.td(post.written)
                            h.td(post.cohort)
                            h.td {
                                h.strong(post.what)
                                h.p(post.summary, .class("hint"))
                            }
                            h.td {
                                h.span(post.state.state, .class("state-badge delivery-\(post.state.tone)"))
                                if !post.state.detail.isEmpty { h.text(" " + post.state.detail) }
                                if let error = post.error { h.p(error, .class("hint")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension SlackPage {
    init(channels: [SlackUseCases.Channel], log: [SlackUseCases.Logged], zone: String, errors: FormErrors = .none, erred: (cohort: String, typed: String)? = nil) {
        self.init(
            channels: channels.map { channel in
                Channel(id: channel.cohort.id?.uuidString ?? "", name: channel.cohort.name, address: channel.webhook.map { SlackWebhook.masked($0.url) },
                        saved: channel.webhook.map { Formats.dayAndTime($0.setAt, zone: zone) })
            },
            posts: log.map { entry in
                let delivery = entry.delivery
                return Post(written: Formats.dayAndTime(delivery.createdAt, zone: zone), cohort: entry.cohort, what: Self.what(delivery.kind), summary: delivery.summary,
                            state: DeliveryState(sentAt: delivery.sentAt, failedAt: delivery.failedAt, attempts: delivery.attempts, nextAttemptAt: delivery.nextAttemptAt,
                                                 zone: zone, waitingFor: "to be sent"),
                            error: delivery.sentAt == nil ? delivery.lastError : nil)
            },
            errors: errors, erred: erred)
    }

    static func what(_ kind: String) -> String {
        switch kind {
        case "pairing": "Free to pair"
        case "standup": "Standup digest"
        case "events": "Tomorrow's events"
        case "test": "Test post"
        default: kind
        }
    }
}

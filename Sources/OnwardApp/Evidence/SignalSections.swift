import Foundation
import OnwardCore

/// Where each signal's recommendation leads: the page that acts on it, for the graduate.
extension SignalAction {
    var url: SiteURL {
        switch self {
        case .writeCode, .startSideProject: .evidence(.projects)
        case .actOnFeedback: .evidence(.feedback)
        case .askToPair: .practice(.pairing)
        case .askForLearningPlan: .coaching(.plan)
        case .bookMockInterview: .practice(.mockInterviews)
        }
    }
}

/// The signals standing for a graduate: on their home, each with its reason, since when, what to
/// do and a link that does it; on the page about them, for their coach, the same with what was
/// raised and cleared before.
struct SignalsSection: HomeSection {
    struct Item {
        let title: String
        let reason: String
        let since: String
        let recommendation: String
        let action: String
        let url: Href
    }

    struct Past {
        let title: String
        let raised: String
        let cleared: String?
    }

    let items: [Item]
    /// Whose they are, on the page about a graduate; nil on their own home.
    var name: String? = nil
    var history: [Past] = []

    func content(_ h: HTML) {
        h.section(.class("card signals"), .ariaLabelledBy("signals")) {
            h.h2(name == nil ? "Signs to act on" : "Signals", .id("signals"))
            if items.isEmpty {
                h.p(name.map { "No sign that \($0) needs you: the evidence is steady." } ?? "No sign to act on: keep going.", .class("empty"))
            } else {
                if name == nil {
                    h.p("Onward reads these from your commits, projects, standups, applications and practice. Each clears itself when the evidence changes.", .class("hint"))
                }
                h.ul(.class("record-list")) {
                    for item in items {
                        h.li {
                            h.strong(item.title)
                            h.text(" · since \(item.since)")
                            h.p(item.reason)
                            if name == nil {
                                h.p { h.text(item.recommendation + " "); h.a(item.action, .href(item.url)) }
                            }
                        }
                    }
                }
            }
            if !history.isEmpty {
                h.details {
                    h.summary("Raised and cleared before")
                    h.ul {
                        for past in history {
                            h.li("\(past.title): raised \(past.raised)" + (past.cleared.map { ", cleared \($0)" } ?? ", standing"))
                        }
                    }
                }
            }
            h.p { h.a("What each signal means", .href(Href(SiteURL.evidence(.signals)))) }
        }
    }
}

/// On a coach's home: the graduates with a sign standing, each with its reasons and since when.
struct WhoNeedsYouSection: HomeSection {
    struct Row {
        let name: String
        let url: Href
        let signals: [(title: String, reason: String, since: String)]
    }

    let rows: [Row]

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("who-needs-you")) {
            h.h2("Who needs you", .id("who-needs-you"))
            if rows.isEmpty {
                h.p("No graduate of yours shows a sign to reach out.", .class("empty"))
                return
            }
            h.p("Signs the Makers guide says a graduate should reach out, read from their evidence: the longest standing first.", .class("hint"))
            h.ul(.class("record-list")) {
                for row in rows {
                    h.li {
                        h.a(row.name, .href(row.url))
                        h.ul {
                            for signal in row.signals {
                                h.li { h.strong(signal.title); h.text(" (since \(signal.since)): \(signal.reason)") }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension SignalsSection {
    init(_ standing: [SignalUseCases.Standing], zone: TimeZone, name: String? = nil, history: [SignalRecordModel] = []) {
        self.init(items: standing.map { item in
            let action = item.signal.kind.action
            return Item(title: item.signal.kind.title, reason: item.signal.reason, since: LocalDate(item.since, in: zone).display,
                        recommendation: action.recommendation, action: action.label, url: Href(action.url))
        }, name: name, history: history.compactMap { record in
            guard let kind = SignalKind(rawValue: record.signal) else { return nil }
            return Past(title: kind.title, raised: LocalDate(record.raisedAt, in: zone).display, cleared: record.clearedAt.map { LocalDate($0, in: zone).display })
        })
    }
}

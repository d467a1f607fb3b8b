import Foundation
import OnwardCore
import Vapor

/// The form that records what was done about a piece of feedback.
struct FeedbackActionForm: Content {
    var feedbackKey: String?
    var kind: String?
    var link: String?
    var note: String?
    var day: String?

    enum CodingKeys: String, CodingKey {
        case feedbackKey = "feedback_key"
        case kind, link, note, day
    }
}

/// One piece of feedback as a page shows it, with what was done about it.
struct FeedbackEntry {
    struct Action {
        let kind: String
        let note: String
        let link: String?
        let day: String
        /// Where the graduate deletes it; nil for anyone else.
        let deleteURL: Href?
    }

    let key: String
    let source: String
    let text: String
    let given: String
    let actions: [Action]
    let doneThere: Bool
    /// Weeks it has been open, once past the three weeks the signal waits; nil otherwise.
    let openWeeks: Int?

    func render(_ h: HTML, recordURL: Href?) {
        h.li(.class("feedback")) {
            h.p {
                h.strong(source)
                h.text(" · given \(given) ")
                if let weeks = openWeeks {
                    h.span("Open for \(Wording.count(weeks, "week"))", .class("state-badge warning-text"))
                } else if !actions.isEmpty || doneThere {
                    h.span("Acted on", .class("tag-technical"))
                }
            }
            if !text.isEmpty { h.blockquote(text) }
            if doneThere { h.p("Marked done in the learning plan.", .class("hint")) }
            if !actions.isEmpty {
                h.ul {
                    for action in actions {
                        h.li {
                            h.text("\(action.day) · \(action.kind): \(action.note)")
                            if let link = action.link { h.text(" "); h.a("See it", .href(web: link), .attr(.rel, "noopener")) }
                            if let delete = action.deleteURL {
                                h.postForm(delete, .class("inline"), .data(.dataConfirm, "Remove what you recorded?")) {
                                    h.button("Remove", .type("submit"), .class("button small danger"))
                                }
                            }
                        }
                    }
                }
            }
            if let recordURL { h.p { h.a("Record what you did", .href(recordURL)) } }
        }
    }
}

/// A graduate's technical feedback, the latest first, each with what they did; the form that
/// records an action.
struct FeedbackPage: PageView {
    let entries: [FeedbackEntry]
    let form: FeedbackActionForm
    let errors: FormErrors

    var title: String { "Feedback" }

    func content(_ h: HTML) {
        h.h1("Feedback and what you did")
        h.p("Hiring partners ask for proof that you act on technical feedback. Here is what interviewers, mock interviewers, reviewers and your learning plan asked of you: record what you did about each (a commit, a project, a kata, a post).",
            .class("lede"))
        if entries.isEmpty {
            h.p("No technical feedback yet: it comes from an interview marked technical, a mock interview, a review asking for changes or a learning plan.", .class("empty"))
        } else {
            h.ul(.class("record-list")) {
                for entry in entries { entry.render(h, recordURL: Href(SiteURL.evidence(.feedback), query: "about=" + (entry.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), fragment: "record")) }
            }
            h.section(.class("card"), .ariaLabelledBy("record")) {
                h.h2("Record what you did", .id("record"))
                h.errorSummary(errors)
                h.postForm(Href(SiteURL.evidence(.feedback)), .class("form"), .flag(.novalidate)) {
                    h.selectField("feedback_key", "About", options: entries.map {
                        SelectOption(value: $0.key, label: "\($0.source), \($0.given): \(FeedbackItemText.excerpt($0.text))", selected: form.feedbackKey == $0.key)
                    }, blank: "Choose the feedback…", errors: errors)
                    h.selectField("kind", "What you did", options: FeedbackActionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: form.kind == $0.rawValue) },
                                  blank: "Choose…", errors: errors)
                    h.inputField("link", "Where it can be seen", type: "url", value: form.link, hint: "A commit, a repository, a post: partners trust what they can open.", errors: errors)
                    h.inputField("note", "What you did, in a line", value: form.note, errors: errors)
                    h.inputField("day", "On", type: "date", value: form.day, errors: errors)
                    h.button("Record it", .type("submit"), .class("button primary"))
                }
            }
        }
    }
}

/// On the page about a graduate, for their coaches and an admin: each piece of feedback with what
/// was done, and which are open.
struct FeedbackSection: HomeSection {
    let name: String
    let entries: [FeedbackEntry]

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("feedback")) {
            h.h2("Feedback acted on", .id("feedback"))
            if entries.isEmpty {
                h.p("No technical feedback given to \(name) yet.", .class("empty"))
                return
            }
            let open = entries.filter { $0.openWeeks != nil }.count
            h.p("\(Wording.count(entries.count, "piece")) of technical feedback; \(entries.count - entries.filter { $0.actions.isEmpty && !$0.doneThere }.count) acted on" +
                (open > 0 ? ", \(open) open for over three weeks." : "."), .class("hint"))
            h.ul(.class("record-list")) {
                for entry in entries { entry.render(h, recordURL: nil) }
            }
        }
    }
}

extension FeedbackEntry {
    /// `item` as a shared candidate profile shows it to partners: where it came from in general
    /// words, when, and what was done about it; not the feedback's words, nor the employer or the
    /// document it was about, which stay with the graduate and their coaches.
    init(shared item: FeedbackUseCases.Item, today: LocalDate) {
        let full = FeedbackEntry(item, today: today, mine: false)
        self.init(key: full.key, source: FeedbackItemText.kind(ofKey: full.key), text: "", given: full.given, actions: full.actions,
                  doneThere: full.doneThere, openWeeks: full.openWeeks)
    }

    /// `item` on `today`; `mine` when the graduate themselves reads it (and may remove an action).
    init(_ item: FeedbackUseCases.Item, today: LocalDate, mine: Bool) {
        let days = item.given.given.days(to: today)
        self.init(key: item.given.key, source: item.given.source, text: item.given.text, given: item.given.given.display,
                  actions: item.actions.map { action in
                      Action(kind: action.kind.title, note: action.note, link: action.link, day: LocalDate(iso: action.day)?.display ?? action.day,
                             deleteURL: mine ? Href(SiteURL.evidence(.deleteFeedbackAction(id: action.requireIDString))) : nil)
                  },
                  doneThere: item.given.doneThere,
                  openWeeks: item.isOpen && days >= FeedbackActionDraft.openAfterDays ? days / 7 : nil)
    }
}

extension FeedbackPage {
    init(items: [FeedbackUseCases.Item], today: LocalDate, form: FeedbackActionForm, errors: FormErrors) {
        self.init(entries: items.map { FeedbackEntry($0, today: today, mine: true) }, form: form, errors: errors)
    }
}

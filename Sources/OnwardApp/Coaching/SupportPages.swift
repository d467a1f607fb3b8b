import OnwardCore
import Vapor

struct SupportRequestForm: Content {
    var kind: String?
    var subject: String?
    var message: String?
    var preferred_times: String?
}

struct SupportReplyForm: Content {
    var body: String?
    var meeting_date: String?
    var meeting_time: String?
}

extension SupportRequestState {
    /// The badge's class, as the road map colours its states.
    var badgeClass: String {
        switch self {
        case .open: "state-open"
        case .pending: "state-done_late"
        case .solved: "state-done"
        }
    }
}

/// A graduate's support requests, and the form to open one.
struct SupportPage: PageView {
    struct Entry {
        let url: Href
        let kind: String
        let subject: String
        let state: SupportRequestState
        let opened: String
        /// A 1:1's time, once set.
        var meeting: String? = nil
    }
    let entries: [Entry]
    let form: SupportRequestForm
    let errors: FormErrors

    var title: String { "Support" }

    func content(_ h: HTML) {
        h.recordsPage("Support",
                      lede: "Ask your coaches anything about your job search, or ask for a 1:1. They reply here; your reply opens a request again.",
                      empty: "You have not asked anything yet.", isEmpty: entries.isEmpty, formHeading: "Ask for help", action: Href(SiteURL.coaching(.support)),
                      submit: "Send", errors: errors) {
            for entry in entries {
                h.li(.class(entry.state.badgeClass)) {
                    h.a(entry.subject, .href(entry.url))
                    h.text(" · \(entry.kind) · opened \(entry.opened) ")
                    h.span(entry.state.title, .class("state-badge"))
                    if let meeting = entry.meeting { h.text(" · 1:1 on \(meeting)") }
                }
            }
        } fields: {
            h.fieldset(.class(errors["kind"] == nil ? "field" : "field has-error")) {
                h.legend("What do you need?")
                if let error = errors["kind"] { h.p(error, .class("field-error"), .id("kind-error")) }
                h.div(.class("radio-row")) {
                    for kind in SupportRequestKind.allCases {
                        h.radio("kind", value: kind.rawValue, label: kind == .question ? "An answer to a question" : "A 1:1 meeting",
                                checked: (form.kind ?? SupportRequestKind.question.rawValue) == kind.rawValue)
                    }
                }
            }
            h.inputField("subject", "Subject", value: form.subject, errors: errors)
            h.textAreaField("message", "Message", value: form.message, rows: 6, errors: errors)
            h.inputField("preferred_times", "For a 1:1: times that suit you", value: form.preferred_times, hint: "Such as \"Tuesday or Thursday afternoon\".", errors: errors)
        }
    }
}

/// One support request: the message, the thread, and the reply form; for the careers team on a
/// 1:1, the meeting's time.
struct SupportRequestPage: PageView {
    struct Reply {
        let author: PersonName
        let written: String
        let body: String
        var meeting: String? = nil
    }
    let subject: String
    let kind: SupportRequestKind
    let graduate: String
    /// Where a coach reads the graduate's programme; nil for the graduate.
    let graduateURL: Href?
    let state: SupportRequestState
    let isTeam: Bool
    let opened: String
    let age: String
    /// "first reply after 3 h", or nil while nobody from the team has replied.
    let firstReply: String?
    let message: String
    let preferredTimes: String
    let meeting: String?
    let replies: [Reply]
    let replyURL: Href
    let solveURL: Href?
    var form = SupportReplyForm()
    var errors: FormErrors = .none

    var title: String { subject }

    func content(_ h: HTML) {
        h.h1(subject)
        h.p(.class("lede")) {
            h.text("\(kind.title) · ")
            if let graduateURL { h.a(graduate, .href(graduateURL)) } else { h.text(graduate) }
            h.text(" · ")
            h.span(isTeam ? state.teamTitle : state.title, .class("state-badge"))
            h.text(" · opened \(opened), \(age) ago · " + (firstReply ?? "no reply yet"))
        }
        if let meeting { h.p(.class("card")) { h.strong("1:1 on \(meeting)") } }
        h.section(.class("card"), .ariaLabel("Message")) {
            h.h2("\(graduate) asked")
            h.p(message, .class("prewrap"))
            if !preferredTimes.isEmpty { h.p { h.strong("Times that suit: "); h.text(preferredTimes) } }
        }
        if !replies.isEmpty {
            h.h2("Replies")
            h.ul(.class("record-list")) {
                for reply in replies {
                    h.li {
                        h.p { h.person(reply.author, strong: true); h.text(" · \(reply.written)") }
                        h.p(reply.body, .class("prewrap"))
                        if let meeting = reply.meeting { h.p("Set the 1:1 for \(meeting).", .class("hint")) }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Reply")) {
            h.h2("Reply")
            if !isTeam && state == .solved { h.p("Replying opens this request again.", .class("hint")) }
            h.errorSummary(errors)
            h.postForm(replyURL, .class("form"), .flag(.novalidate)) {
                h.textAreaField("body", "Your reply", value: form.body, rows: 4, errors: errors)
                if isTeam && kind == .oneToOne {
                    h.inputField("meeting_date", "1:1 day", type: "date", value: form.meeting_date, hint: "Leave empty to reply without setting a time.", errors: errors)
                    h.inputField("meeting_time", "1:1 time", type: "time", value: form.meeting_time, hint: "In your time zone.", errors: errors)
                }
                h.button("Send the reply", .type("submit"), .class("button primary"))
            }
        }
        if let solveURL {
            h.postForm(solveURL, .class("inline-form")) { h.button("Mark solved", .type("submit"), .class("button")) }
        }
    }
}

/// The careers team's help desk: open requests the oldest first with their age, then those
/// waiting for the graduate, then those solved lately.
struct SupportDeskPage: PageView {
    struct Row {
        let url: Href
        let graduate: String
        let kind: String
        let subject: String
        let age: String
        let firstReply: String?
        var meeting: String? = nil
    }
    let open: [Row]
    let pending: [Row]
    let solved: [Row]

    var title: String { "Support requests" }

    func content(_ h: HTML) {
        h.h1("Support requests")
        h.p("What your graduates asked: questions, requests for a 1:1, and help they asked for at their standups. Open ones wait for you, the oldest first.", .class("lede"))
        for (heading, rows, empty) in [("Open", open, "Nothing is waiting for you."), ("Waiting for the graduate", pending, "None."),
                                       ("Solved in the last \(SupportUseCases.solvedDays) days", solved, "None.")] {
            h.section(.class("card"), .ariaLabel(heading)) {
                h.h2("\(heading) (\(rows.count))")
                if rows.isEmpty { h.p(empty, .class("empty")) }
                h.ul(.class("record-list")) {
                    for row in rows {
                        h.li {
                            h.a(row.subject, .href(row.url))
                            h.text(" · \(row.kind) · \(row.graduate) · opened \(row.age) ago · " + (row.firstReply ?? "no reply yet"))
                            if let meeting = row.meeting { h.text(" · 1:1 on \(meeting)") }
                        }
                    }
                }
            }
        }
    }
}

// MARK: Builders: from what the help desk holds, the viewer and the time, with no request

extension SupportPage {
    init(requests: [SupportRequestModel], viewer: UserModel, form: SupportRequestForm = .init(), errors: FormErrors = .none) {
        self.init(entries: requests.map { request in
            Entry(url: Href(SiteURL.coaching(.supportRequest(id: request.requireIDString))), kind: request.label, subject: request.subject,
                  state: request.state, opened: Formats.dayAndTime(request.openedAt, zone: viewer.timeZone),
                  meeting: request.meetingAt.map { Formats.dayAndTime($0, zone: viewer.timeZone) })
        }, form: form, errors: errors)
    }

    /// "first reply after 3 h", or nil while the team has not replied.
    static func firstReply(_ request: SupportRequestModel) -> String? {
        request.firstReplyAt.map { replied in
            let waited = Formats.waited(since: request.openedAt, now: replied)
            return waited == Formats.waited(since: replied, now: replied) ? "first reply within the hour" : "first reply after " + waited
        }
    }
}

extension SupportRequestPage {
    /// The thread as `thread.scope.viewer` sees it: the team gets a link to the graduate's page;
    /// a request is solved by a button until it is solved.
    init(thread: SupportUseCases.Thread, now: Date, form: SupportReplyForm = .init(), errors: FormErrors = .none) {
        let request = thread.request, zone = thread.scope.viewer.timeZone
        let id = request.requireIDString
        self.init(
            subject: request.subject, kind: request.kind, graduate: thread.graduate.name,
            graduateURL: thread.scope.isSelf ? nil : Href(SiteURL.programme(.graduate(id: thread.graduate.requireIDString))),
            state: request.state, isTeam: !thread.scope.isSelf, opened: Formats.dayAndTime(request.openedAt, zone: zone),
            age: Formats.waited(since: request.openedAt, now: now), firstReply: SupportPage.firstReply(request),
            message: request.message, preferredTimes: request.preferredTimes, meeting: request.meetingAt.map { Formats.dayAndTime($0, zone: zone) },
            replies: thread.replies.map { reply in
                Reply(author: PersonName(reply.author.name, role: reply.author.role), written: Formats.dayAndTime(reply.writtenAt, zone: zone), body: reply.body,
                      meeting: reply.meetingAt.map { Formats.dayAndTime($0, zone: zone) })
            },
            replyURL: Href(SiteURL.coaching(.supportReply(id: id))),
            solveURL: request.state == .solved ? nil : Href(SiteURL.coaching(.solve(id: id))),
            form: form, errors: errors)
    }
}

extension SupportDeskPage {
    init(open: [SupportUseCases.Row], pending: [SupportUseCases.Row], solved: [SupportUseCases.Row], viewer: UserModel, now: Date) {
        func row(_ item: SupportUseCases.Row) -> Row {
            Row(url: Href(SiteURL.coaching(.supportRequest(id: item.request.requireIDString))), graduate: item.graduate.name,
                kind: item.request.label, subject: item.request.subject, age: Formats.waited(since: item.request.openedAt, now: now),
                firstReply: SupportPage.firstReply(item.request), meeting: item.request.meetingAt.map { Formats.dayAndTime($0, zone: viewer.timeZone) })
        }
        self.init(open: open.map(row), pending: pending.map(row), solved: solved.map(row))
    }
}

import OnwardCore
import Vapor

struct SubmissionForm: Content {
    var kind: String?
    var title: String?
    var body: String?
    var link: String?
    /// What will change, for a job search analysis.
    var changes: String?
    /// The version of the figures an analysis was written beside, as the page showed them.
    var figures_version: String?
}

struct ReviewForm: Content {
    var verdict: String?
    var comment: String?
}

extension ReviewState {
    /// The badge's class, as the road map colours its states.
    var badgeClass: String {
        switch self {
        case .waiting: "state-open"
        case .changesRequested: "state-late"
        case .approved: "state-done"
        }
    }
}

/// What a graduate submitted for review, where each review stands, and the form to submit more.
struct SubmissionsPage: PageView {
    struct Entry {
        let url: Href
        let kind: String
        let title: String
        let submitted: String
        let state: ReviewState
        let round: Int
    }
    let entries: [Entry]
    let form: SubmissionForm
    let errors: FormErrors

    var title: String { "Submissions" }

    func content(_ h: HTML) {
        h.recordsPage("Submissions for review",
                      lede: "Send your job search analysis, your SMART goals, or a CV or cover letter to your coaches. They approve it or ask for changes; once approved, it counts on your road map.",
                      empty: "Nothing submitted yet.", isEmpty: entries.isEmpty, formHeading: "Submit", action: Href(SiteURL.coaching(.submissions)),
                      submit: "Submit for review", errors: errors) {
            for entry in entries {
                h.li(.class(entry.state.badgeClass)) {
                    h.a(entry.title, .href(entry.url))
                    h.text(" · \(entry.kind) · " + (entry.round > 1 ? "round \(entry.round), sent \(entry.submitted)" : "sent \(entry.submitted)") + " ")
                    h.span(entry.state.title, .class("state-badge"))
                    if entry.state == .changesRequested { h.text(" "); h.a("Read the review and resubmit", .href(entry.url)) }
                }
            }
        } fields: {
            h.p(.class("hint")) {
                h.text("Writing your job search analysis? ")
                h.a("Open it with your figures filled in", .href(Href(SiteURL.coaching(.submissions), query: "kind=" + SubmissionKind.jobSearchAnalysis.rawValue)))
                h.text(".")
            }
            h.selectField("kind", "What it is", options: SubmissionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: form.kind == $0.rawValue) },
                          blank: "Choose…", errors: errors)
            h.submissionFields(form, errors: errors)
        }
    }
}

extension HTML {
    /// The title, text and link of a submission's round.
    func submissionFields(_ form: SubmissionForm, errors: FormErrors) {
        inputField("title", "Title", value: form.title, errors: errors)
        textAreaField("body", "Text", value: form.body, rows: 8, hint: "Paste it here, or give a link below.", errors: errors)
        inputField("link", "Link", type: "url", value: form.link, errors: errors)
    }
}

/// One submission: every round as it was sent, each with its review; the form to review the round
/// waiting (a coach) or to send the next round (the graduate, when asked for changes).
struct SubmissionPage: PageView {
    struct Round {
        let number: Int
        let sent: String
        let title: String
        let body: String
        let link: String?
        /// What will change, and the figures it was written beside: a job search analysis's.
        var willChange: String = ""
        var figures: JobSearchAnalysis? = nil
        /// The verdict, who gave it and when, and the comment; nil while waiting.
        var verdict: ReviewVerdict? = nil
        var reviewer: PersonName?
        var reviewed: String = ""
        var comment: String = ""
        /// What changed since the round before, line by line; empty for the first.
        var changes: [Change] = []
    }

    /// One change between a round and the one before it.
    enum Change: Equatable {
        case title(from: String, to: String)
        case added(String)
        case removed(String)
        case link(from: String?, to: String?)
    }

    /// What changed from `before` to `after`: the title, the lines of the text added and
    /// removed, the link.
    static func changes(from before: (title: String, body: String, link: String?), to after: (title: String, body: String, link: String?)) -> [Change] {
        var changes: [Change] = []
        if before.title != after.title { changes.append(.title(from: before.title, to: after.title)) }
        let lines = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0).trimmed }.filter { !$0.isEmpty } }
        for step in lines(after.body).difference(from: lines(before.body)) {
            switch step {
            case .insert(_, let line, _): changes.append(.added(line))
            case .remove(_, let line, _): changes.append(.removed(line))
            }
        }
        if before.link != after.link { changes.append(.link(from: before.link, to: after.link)) }
        return changes
    }
    let graduate: String
    /// Where a coach reads the graduate's programme; nil for the graduate.
    let graduateURL: Href?
    let kind: String
    let heading: String
    let state: ReviewState
    let waited: String
    let rounds: [Round]
    /// The review form, for a coach while the round waits.
    var reviewURL: Href? = nil
    var reviewForm = ReviewForm()
    /// Whether it is a job search analysis: its rounds show their figures, its form the changes.
    var isAnalysis = false
    /// An analysis's figures as they are now, shown to its graduate above the resubmit form.
    var figuresNow: JobSearchAnalysis? = nil
    /// The resubmit form, for the graduate when asked for changes.
    var resubmitURL: Href? = nil
    var resubmitForm = SubmissionForm()
    var errors: FormErrors = .none

    var title: String { "\(kind): \(heading)" }

    func content(_ h: HTML) {
        h.h1(heading)
        h.p(.class("lede")) {
            h.text("\(kind) · ")
            if let graduateURL { h.a(graduate, .href(graduateURL)) } else { h.text(graduate) }
            h.text(" · ")
            h.span(state.title, .class("state-badge"))
            if state == .waiting { h.text(" · waiting \(waited)") }
        }
        // The submission first, then what to do with it, then the rounds before it.
        if let latest = rounds.first { round(latest, h) }
        if let reviewURL {
            h.section(.class("card"), .ariaLabel("Review")) {
                h.h2("Review round \(rounds.first?.number ?? 1)")
                h.errorSummary(errors)
                h.postForm(reviewURL, .class("form"), .flag(.novalidate)) {
                    h.fieldset(.class(errors["verdict"] == nil ? "field" : "field has-error")) {
                        h.legend("Your verdict")
                        if let error = errors["verdict"] { h.p(error, .class("field-error"), .id("verdict-error")) }
                        h.div(.class("radio-row")) {
                            h.radio("verdict", value: ReviewVerdict.approved.rawValue, label: "Approve", checked: reviewForm.verdict == ReviewVerdict.approved.rawValue)
                            h.radio("verdict", value: ReviewVerdict.changesRequested.rawValue, label: "Ask for changes",
                                    checked: reviewForm.verdict == ReviewVerdict.changesRequested.rawValue)
                        }
                    }
                    h.textAreaField("comment", "Comment", value: reviewForm.comment, rows: 5, hint: "When asking for changes, say which.", errors: errors)
                    h.button("Send the review", .type("submit"), .class("button primary"))
                }
            }
        }
        if let resubmitURL {
            h.section(.class("card"), .ariaLabel("Resubmit")) {
                h.h2("Resubmit")
                h.p("Edit it as the review asks, then send it back for round \((rounds.first?.number ?? 1) + 1)."
                    + (isAnalysis ? " It goes with your figures as they stand when you send it." : ""), .class("hint"))
                h.errorSummary(errors)
                if let figuresNow { h.analysisFigures(figuresNow, label: "Your figures now") }
                h.postForm(resubmitURL, .class("form"), .flag(.novalidate)) {
                    if let figuresNow { h.input(.type("hidden"), .name("figures_version"), .value(figuresNow.version)) }
                    if isAnalysis { h.analysisFields(resubmitForm, errors: errors) } else { h.submissionFields(resubmitForm, errors: errors) }
                    h.button("Resubmit for review", .type("submit"), .class("button primary"))
                }
            }
        }
        if rounds.count > 1 {
            h.h2("Earlier rounds")
            for earlier in rounds.dropFirst() { round(earlier, h) }
        }
    }

    private func round(_ round: Round, _ h: HTML) {
        guard let figures = round.figures else { return writing(round, h) }
        // An analysis: its writing beside the figures it was written from, read together.
        h.div(.class("analysis-layout")) {
            h.analysisFigures(figures, label: "Figures of round \(round.number)")
            writing(round, h, extraClass: " analysis-writing")
        }
    }

    private func writing(_ round: Round, _ h: HTML, extraClass: String = "") {
        h.section(.class("card" + extraClass), .ariaLabel("Round \(round.number)")) {
            h.h2("Round \(round.number) · sent \(round.sent)")
            h.p { h.strong(round.title) }
            if isAnalysis && !round.body.isEmpty { h.h3("What the figures tell them") }
            if !round.body.isEmpty { h.p(round.body, .class("prewrap")) }
            if !round.willChange.isEmpty {
                h.h3("What they will change")
                h.p(round.willChange, .class("prewrap"))
            }
            if let link = round.link { h.p { h.a("Open the link", .href(web: link), .attr(.rel, "noopener"), .ariaLabel("Open the link of round \(round.number)")) } }
            if !round.changes.isEmpty {
                h.h3("What changed since round \(round.number - 1)")
                h.ul(.class("changes")) {
                    for change in round.changes {
                        switch change {
                        case .title(let from, let to): h.li("Title: “\(from)” became “\(to)”")
                        case .added(let line): h.li("Added: " + line, .class("added"))
                        case .removed(let line): h.li("Removed: " + line, .class("removed"))
                        case .link(let from, let to): h.li(to.map { "Link: now " + $0 } ?? "Link removed" + (from.map { " (was " + $0 + ")" } ?? ""))
                        }
                    }
                }
            }
            if let verdict = round.verdict {
                h.div(.class("review")) {
                    h.p {
                        h.strong(verdict.title)
                        if let reviewer = round.reviewer { h.text(" by "); h.person(reviewer) }
                        h.text(", \(round.reviewed)")
                    }
                    if !round.comment.isEmpty { h.p(round.comment, .class("prewrap")) }
                }
            } else {
                h.p("Not reviewed yet.", .class("hint"))
            }
        }
    }
}

/// A coach's review queue: what their graduates sent, the oldest first with how long it has
/// waited; then what was sent back and waits for the graduate.
struct ReviewQueuePage: PageView {
    struct Row {
        let url: Href
        let graduate: String
        let kind: String
        let title: String
        let round: Int
        let waited: String
    }
    let waiting: [Row]
    let sentBack: [Row]

    var title: String { "Reviews" }

    func content(_ h: HTML) {
        h.h1("Reviews")
        h.p("Submissions from your graduates, the oldest first. An approved submission completes its activity on their road map.", .class("lede"))
        h.section(.class("card"), .ariaLabel("Waiting for review")) {
            h.h2("Waiting for review (\(waiting.count))")
            if waiting.isEmpty { h.p("Nothing is waiting for review.", .class("empty")) }
            h.ul(.class("record-list")) {
                for row in waiting {
                    h.li {
                        h.a(row.title, .href(row.url))
                        h.text(" · \(row.kind) · \(row.graduate)" + (row.round > 1 ? " · resubmitted (round \(row.round))" : "") + " ")
                        h.span("waiting \(row.waited)", .class("state-badge"))
                    }
                }
            }
        }
        if !sentBack.isEmpty {
            h.section(.class("card"), .ariaLabel("Sent back")) {
                h.h2("Sent back, waiting for the graduate (\(sentBack.count))")
                h.ul(.class("record-list")) {
                    for row in sentBack {
                        h.li {
                            h.a(row.title, .href(row.url))
                            h.text(" · \(row.kind) · \(row.graduate) · round \(row.round)")
                        }
                    }
                }
            }
        }
    }
}

// MARK: Builders: from the submissions, the viewer and the time, with no request

extension SubmissionsPage {
    init(submissions: [SubmissionModel], form: SubmissionForm = .init(), errors: FormErrors = .none) {
        self.init(entries: submissions.map { submission in
            Entry(url: Href(SiteURL.coaching(.submission(id: submission.requireIDString))), kind: submission.kind.title, title: submission.title,
                  submitted: Formats.day(iso: submission.submittedOn), state: submission.state, round: submission.round)
        }, form: form, errors: errors)
    }

    /// How long a submission has waited since it was last sent.
    static func waited(_ submission: SubmissionModel, now: Date) -> String {
        Formats.waited(since: submission.sentAt ?? submission.createdAt ?? now, now: now)
    }
}

extension SubmissionPage {
    /// One submission as `detail.scope.viewer` sees it: a reviewer gets the review form while it
    /// waits, its graduate the resubmit form (filled with the last round) when changes are asked.
    init(_ detail: ReviewUseCases.Detail, now: Date, reviewForm: ReviewForm = .init(), resubmitForm: SubmissionForm? = nil, errors: FormErrors = .none) {
        let submission = detail.submission
        let id = submission.requireIDString
        let zone = detail.scope.viewer.timeZone
        self.init(
            graduate: detail.graduate.name,
            graduateURL: detail.scope.isSelf ? nil : Href(SiteURL.programme(.graduate(id: detail.graduate.requireIDString))),
            kind: submission.kind.title, heading: submission.title, state: submission.state,
            waited: SubmissionsPage.waited(submission, now: now),
            rounds: detail.rounds.enumerated().map { index, item in
                var round = Round(number: item.round.round, sent: Formats.dayAndTime(item.round.sentAt, zone: zone), title: item.round.title,
                                  body: item.round.body, link: item.round.link.isEmpty ? nil : item.round.link,
                                  willChange: item.round.changes, figures: SubmissionModel.analysis(item.round.figures))
                // The rounds come latest first: the one before this is the next in the list.
                if index + 1 < detail.rounds.count {
                    let before = detail.rounds[index + 1].round
                    // The text compared is the reading and then what will change, line by line.
                    round.changes = Self.changes(from: (before.title, before.body + "\n" + before.changes, before.link.isEmpty ? nil : before.link),
                                                 to: (item.round.title, item.round.body + "\n" + item.round.changes, item.round.link.isEmpty ? nil : item.round.link))
                }
                if let review = item.review {
                    round.verdict = review.verdict
                    round.reviewer = PersonName(review.reviewer.name, role: review.reviewer.role)
                    round.reviewed = review.createdAt.map { Formats.dayAndTime($0, zone: zone) } ?? ""
                    round.comment = review.comment
                }
                return round
            },
            reviewURL: detail.scope.canReviewSubmissions && submission.state == .waiting ? Href(SiteURL.coaching(.review(id: id))) : nil,
            reviewForm: reviewForm,
            isAnalysis: submission.kind == .jobSearchAnalysis,
            resubmitURL: detail.scope.isSelf && submission.state == .changesRequested ? Href(SiteURL.coaching(.resubmit(id: id))) : nil,
            resubmitForm: resubmitForm ?? SubmissionForm(kind: submission.kind.rawValue, title: submission.title, body: submission.body, link: submission.link,
                                                         changes: submission.changes),
            errors: errors)
    }
}

extension ReviewQueuePage {
    init(waiting: [ReviewUseCases.Waiting], sentBack: [ReviewUseCases.Waiting], now: Date) {
        func row(_ item: ReviewUseCases.Waiting) -> Row {
            Row(url: Href(SiteURL.coaching(.submission(id: item.submission.requireIDString))), graduate: item.graduate.name,
                kind: item.submission.kind.title, title: item.submission.title, round: item.submission.round,
                waited: SubmissionsPage.waited(item.submission, now: now))
        }
        self.init(waiting: waiting.map(row), sentBack: sentBack.map(row))
    }
}

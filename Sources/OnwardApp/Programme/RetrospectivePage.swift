import Foundation
import OnwardCore

/// One week's retrospective: the week's figures, four questions, and the Makers guide's one.
struct RetrospectivePage: PageView {
    let week: Int
    let dates: String
    let applications: Int
    let interviews: Int
    let standups: Int
    let isEdit: Bool
    let form: RetrospectiveForm
    let errors: FormErrors

    var title: String { "Retrospective · week \(week)" }

    func content(_ h: HTML) {
        h.h1("Retrospective · week \(week)")
        h.p(dates, .class("lede"))
        h.ul(.class("figures"), .ariaLabel("The week's figures")) {
            for (value, label) in [(applications, "applications sent"), (interviews, "interviews"), (standups, "standups posted")] {
                h.li {
                    h.span(String(value), .class("figure-value"))
                    h.raw(" ")
                    h.span(label, .class("figure-label"))
                }
            }
        }
        h.errorSummary(errors)
        h.postForm(Href(SiteURL.programme(.retrospective)), .class("form"), .flag(.novalidate)) {
            h.input(.type("hidden"), .name("week"), .value(String(week)))
            h.textAreaField("went_well", "What went well", value: form.went_well, rows: 3, errors: errors)
            h.textAreaField("did_not_go_well", "What didn't go well", value: form.did_not_go_well, rows: 3, errors: errors)
            h.textAreaField("learned", "What I learned", value: form.learned, rows: 3, errors: errors)
            h.textAreaField("focus", "My focus for next week", value: form.focus, rows: 3, errors: errors)
            h.fieldset(.class(errors["better"] == nil ? "field" : "field has-error")) {
                h.legend("Am I a better developer than I was a week ago?")
                if let message = errors["better"] { h.p(message, .class("field-error")) }
                h.div(.class("radio-row")) {
                    for answer in BetterDeveloper.allCases {
                        h.radio("better", value: answer.rawValue, label: answer.title, checked: form.better == answer.rawValue)
                    }
                }
            }
            h.button(isEdit ? "Save retrospective" : "Write retrospective", .type("submit"), .class("button primary"))
        }
        h.p { h.a("Every retrospective", .href(Href(SiteURL.programme(.retrospectives)))) }
    }
}

/// One written retrospective as it is shown: to the graduate with a link to edit it, to their
/// coaches with a form to comment; comments under it either way.
struct RetrospectiveEntry {
    struct Comment {
        let author: PersonName
        let body: String
    }
    let week: Int
    /// For the graduate: where to edit it.
    let editURL: Href?
    /// For a coach: where a comment is posted.
    var commentURL: Href? = nil
    let wentWell: String
    let didNotGoWell: String
    let learned: String
    let focus: String
    let better: String
    let figures: String
    var comments: [Comment] = []
}

extension HTML {
    func retrospective(_ entry: RetrospectiveEntry) {
        section(.class("card"), .ariaLabel("Week \(entry.week)")) {
            h2("Week \(entry.week)")
            p(entry.figures, .class("hint"))
            dl {
                dt("What went well"); dd(entry.wentWell)
                dt("What didn't go well"); dd(entry.didNotGoWell)
                dt("What I learned"); dd(entry.learned)
                dt("Focus for next week"); dd(entry.focus)
                dt("A better developer?"); dd(entry.better)
            }
            if let editURL = entry.editURL { a("Edit", .href(editURL), .ariaLabel("Edit week \(entry.week)")) }
            if !entry.comments.isEmpty {
                h3("Comments")
                ul(.class("record-list")) {
                    for comment in entry.comments {
                        li {
                            p { person(comment.author, strong: true) }
                            p(comment.body, .class("prewrap"))
                        }
                    }
                }
            }
            if let commentURL = entry.commentURL {
                postForm(commentURL, .class("form")) {
                    div(.class("field")) {
                        label("Comment on week \(entry.week)", .for("comment-\(entry.week)"))
                        textarea("", [.id("comment-\(entry.week)"), .name("body"), .attr(.rows, "2")])
                    }
                    button("Comment", .type("submit"), .class("button small"))
                }
            }
        }
    }
}

/// Every retrospective a graduate wrote, the latest first, with the question's answers over time.
struct RetrospectivesPage: PageView {
    let entries: [RetrospectiveEntry]

    var title: String { "Retrospectives" }

    func content(_ h: HTML) {
        h.h1("Retrospectives")
        if entries.isEmpty {
            h.p("None yet. Write this week's from your road map.", .class("empty"))
            return
        }
        h.p("Am I a better developer than I was a week ago? " + entries.reversed().map { "week \($0.week): \($0.better.lowercased())" }.joined(separator: ", ") + ".", .class("lede"))
        for entry in entries { h.retrospective(entry) }
    }
}

// MARK: Builders: from the retrospectives and the programme's calendar, with no request

extension RetrospectiveEntry {
    init(_ retrospective: RetrospectiveModel, editURL: Href?, commentURL: Href? = nil, comments: [RetrospectiveCommentModel]) {
        self.init(
            week: retrospective.week, editURL: editURL, commentURL: commentURL, wentWell: retrospective.wentWell, didNotGoWell: retrospective.didNotGoWell,
            learned: retrospective.learned, focus: retrospective.focus, better: retrospective.better.title,
            figures: Wording.count(retrospective.applications, "application") + " sent, " + Wording.count(retrospective.interviews, "interview") + ", "
                + Wording.count(retrospective.standups, "standup") + " posted",
            comments: comments.map { Comment(author: PersonName($0.author.name, role: $0.author.role), body: $0.body) })
    }
}

extension RetrospectivePage {
    /// The form of `week` with its figures, filled with what was written before unless a form
    /// that was refused is shown again.
    init(week: Int, calendar: ProgrammeCalendar, written: RetrospectiveModel?, figures: RetrospectiveFigures,
         form: RetrospectiveForm? = nil, errors: FormErrors = .none) {
        let days = calendar.days(ofWeek: week)
        self.init(week: week, dates: "\(days.lowerBound.display) to \(days.upperBound.display)", applications: figures.applications,
                  interviews: figures.interviews, standups: figures.standups, isEdit: written != nil,
                  form: form ?? written.map(RetrospectiveForm.init) ?? RetrospectiveForm(week: String(week)), errors: errors)
    }

    /// The week asked for (`raw`, from the link), kept within those that may be written; this
    /// week when none is asked or it is not a number.
    static func week(asked raw: String?, writable weeks: ClosedRange<Int>) -> Int {
        raw.flatMap { Int($0) }.map { min(max($0, weeks.lowerBound), weeks.upperBound) } ?? weeks.upperBound
    }
}

extension RetrospectivesPage {
    /// A graduate's retrospectives, each with the careers team's comments and a link to edit it.
    init(retrospectives: [RetrospectiveModel], comments: [UUID: [RetrospectiveCommentModel]]) {
        self.init(entries: retrospectives.map { retrospective in
            RetrospectiveEntry(retrospective, editURL: Href(.programme(.retrospective), query: "week=\(retrospective.week)"),
                               comments: comments[retrospective.id!] ?? [])
        })
    }
}

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
        h.postForm(SiteURL.programme(.retrospective).path, .class("form"), .flag("novalidate")) {
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
        h.p { h.a("Every retrospective", .href(SiteURL.programme(.retrospectives).path)) }
    }
}

/// Every retrospective a graduate wrote, the latest first, with the question's answers over time.
struct RetrospectivesPage: PageView {
    struct Entry {
        let week: Int
        let editURL: String
        let wentWell: String
        let didNotGoWell: String
        let learned: String
        let focus: String
        let better: String
        let figures: String
    }
    let entries: [Entry]

    var title: String { "Retrospectives" }

    func content(_ h: HTML) {
        h.h1("Retrospectives")
        if entries.isEmpty {
            h.p("None yet. Write this week's from your road map.", .class("empty"))
            return
        }
        h.p("Am I a better developer than I was a week ago? " + entries.reversed().map { "week \($0.week): \($0.better.lowercased())" }.joined(separator: ", ") + ".", .class("lede"))
        for entry in entries {
            h.section(.class("card"), .ariaLabel("Week \(entry.week)")) {
                h.h2("Week \(entry.week)")
                h.p(entry.figures, .class("hint"))
                h.dl {
                    h.dt("What went well"); h.dd(entry.wentWell)
                    h.dt("What didn't go well"); h.dd(entry.didNotGoWell)
                    h.dt("What I learned"); h.dd(entry.learned)
                    h.dt("Focus for next week"); h.dd(entry.focus)
                    h.dt("A better developer?"); h.dd(entry.better)
                }
                h.a("Edit", .href(entry.editURL))
            }
        }
    }
}

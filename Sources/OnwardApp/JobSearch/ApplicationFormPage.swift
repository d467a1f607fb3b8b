import OnwardCore

/// A new application, or an application's edit form.
struct ApplicationFormPage: PageView {
    /// Where the form is sent.
    let action: Href
    let isNew: Bool
    let form: ApplicationForm
    let cancelURL: Href
    let errors: FormErrors
    /// The bootcamp's currency, which a salary is in unless another is chosen.
    var currency: Currency = .gbp

    var title: String { isNew ? "New application" : "Edit application" }

    static func excitementLabel(_ value: Int) -> String {
        switch value {
        case 1: "1 — not really"
        case 2: "2 — maybe"
        case 3: "3 — interested"
        case 4: "4 — keen"
        default: "5 — dream job"
        }
    }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1(title)
            h.errorSummary(errors)
            h.postForm(action, .class("form"), .flag(.novalidate)) {
                h.inputField("company", "Company", value: form.company, errors: errors)
                h.inputField("role_title", "Role", value: form.role_title, hint: "Such as Junior Developer.", errors: errors)
                if isNew {
                    h.div(.class("field-row")) {
                        h.selectField("stage", "Stage", options: Stage.allCases.filter(\.isOpen).map {
                            SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.stage)
                        }, errors: errors)
                        h.inputField("on", "Since", type: "date", value: form.on, errors: errors)
                    }
                }
                h.inputField("url", "Job post address", type: "url", value: form.url, hint: "Starting with https:// or http://.", errors: errors)
                h.div(.class("field-row")) {
                    h.inputField("location", "Location", value: form.location, errors: errors)
                    h.div(.class("field checkbox")) {
                        h.input(.id("field-remote"), .name("remote"), .type("checkbox"), .value("yes"), .flag(.checked, form.remote == "yes"))
                        h.label("Remote", .for("field-remote"))
                    }
                }
                h.div(.class("field-row")) {
                    h.inputField("salary_min", "Salary from (yearly)", value: form.salary_min, errors: errors, .attr(.inputmode, "numeric"))
                    h.inputField("salary_max", "to", value: form.salary_max, errors: errors, .attr(.inputmode, "numeric"))
                    h.selectField("currency", "Currency", options: [SelectOption(value: "", label: "\(currency.label), the bootcamp's", selected: (form.currency ?? "").isEmpty)]
                                  + Currency.offered.filter { $0 != currency }.map { SelectOption(value: $0.code, label: $0.label, selected: $0.code == form.currency) },
                                  errors: errors)
                }
                h.div(.class("field-row")) {
                    h.selectField("source", "Found through", options: ApplicationSource.allCases.map {
                        SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.source)
                    }, errors: errors)
                    h.selectField("excitement", "How excited are you?", options: (1...5).map {
                        SelectOption(value: String($0), label: Self.excitementLabel($0), selected: String($0) == form.excitement)
                    }, errors: errors)
                }
                h.div(.class("field-row")) {
                    h.inputField("next_action", "Next action", value: form.next_action, hint: "Such as: follow up with the recruiter.", errors: errors)
                    h.inputField("next_action_due", "Due", type: "date", value: form.next_action_due, errors: errors)
                }
                h.textAreaField("notes", "Notes", value: form.notes, errors: errors)
                h.div(.class("actions")) {
                    h.button(isNew ? "Add application" : "Save", .type("submit"), .class("button primary"))
                    h.a("Cancel", .href(cancelURL))
                }
            }
        }
    }
}

/// Accepting an offer: the placement it records.
struct AcceptOfferPage: PageView {
    let applicationID: String
    let company: String
    let form: PlacementForm
    let errors: FormErrors

    var title: String { "Accept the offer" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Accept the offer from " + company)
            h.p("Congratulations! Record the job you are taking: your bootcamp counts it in its outcomes, and your coach can correct it later.", .class("lead"))
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.jobSearch(.accept(id: applicationID))), .class("form"), .flag(.novalidate)) {
                h.inputField("on", "Accepted on", type: "date", value: form.on, errors: errors)
                PlacementFields(form: form, errors: errors, inFieldQuestion: "Is it a developer role, or directly related technical role?").render(h)
                h.div(.class("actions")) {
                    h.button("Accept and record my new job", .type("submit"), .class("button primary"))
                    h.a("Cancel", .href(Href(SiteURL.jobSearch(.application(id: applicationID)))))
                }
            }
        }
    }
}

/// A move that closes an application, asked once more before it is made (what the page's script
/// asks in a dialog, for a browser without it).
struct ConfirmMovePage: PageView {
    let applicationID: String
    let company: String
    let roleTitle: String
    let stage: Stage
    /// The move in the graduate's words: "I declined the offer".
    let said: String
    let on: String
    /// Where the move was asked from ("board"), to go back there.
    let from: String?

    var title: String { "Close this application?" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Close this application?")
            h.p(.class("lead")) {
                h.strong(company + " — " + roleTitle)
                h.text(": “" + said + "”. A closed application cannot be moved again.")
            }
            h.postForm(Href(SiteURL.jobSearch(.move(id: applicationID))), .class("form")) {
                h.input(.type("hidden"), .name("stage"), .value(stage.rawValue))
                h.input(.type("hidden"), .name("on"), .value(on))
                h.input(.type("hidden"), .name("confirmed"), .value("yes"))
                if let from { h.input(.type("hidden"), .name("from"), .value(from)) }
                h.div(.class("actions")) {
                    h.button("Yes, close it", .type("submit"), .class("button primary"))
                    h.a("No, keep it open", .href(from == "board" ? Href(SiteURL.jobSearch(.board), fragment: "card-" + applicationID)
                                                                  : Href(SiteURL.jobSearch(.application(id: applicationID)))))
                }
            }
        }
    }
}

/// The placement's fields, on accepting an offer and on a coach's correction.
struct PlacementFields {
    let form: PlacementForm
    let errors: FormErrors
    let inFieldQuestion: String

    func render(_ h: HTML) {
        h.inputField("start_date", "Start date", type: "date", value: form.start_date, errors: errors)
        h.inputField("job_title", "Job title", value: form.job_title, errors: errors)
        h.selectField("employment_type", "Employment", options: EmploymentType.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.employment_type)
        }, errors: errors)
        h.fieldset(.class(errors["in_field"] == nil ? "field" : "field has-error")) {
            h.legend(inFieldQuestion)
            if let error = errors["in_field"] { h.p(error, .class("field-error"), .id("in_field-error")) }
            h.radio("in_field", value: "yes", label: "Yes", checked: form.in_field == "yes")
            h.radio("in_field", value: "no", label: "No", checked: form.in_field == "no")
        }
        h.inputField("salary", "Yearly salary", value: form.salary, errors: errors, .attr(.inputmode, "numeric"))
    }
}

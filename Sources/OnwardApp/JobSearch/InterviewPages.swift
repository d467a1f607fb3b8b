import Foundation
import OnwardCore

/// The fields of an interview or tech test: on the application page (to add one) and on its own
/// edit page.
struct InterviewFields {
    let form: InterviewForm
    let errors: FormErrors

    func render(_ h: HTML) {
        h.selectField("kind", "Kind", options: InterviewKind.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.kind)
        }, errors: errors)
        h.div(.class("field-row")) {
            h.inputField("date", "Date", type: "date", value: form.date, errors: errors)
            h.inputField("time", "Time", type: "time", value: form.time, errors: errors)
            h.inputField("duration_minutes", "Minutes", type: "number", value: form.duration_minutes, errors: errors, .attr(.min, "5"), .attr(.max, "600"))
        }
        h.inputField("with_whom", "With whom", value: form.with_whom, errors: errors)
        OutcomeFields(form: form, errors: errors, outcomes: InterviewOutcome.allCases).render(h)
    }
}

/// How an interview went: its outcome, what the employer said, and whether that was technical.
/// The home's "How did it go?" asks only these.
struct OutcomeFields {
    let form: InterviewForm
    let errors: FormErrors
    let outcomes: [InterviewOutcome]
    /// Several of these forms can share a page (the home): ids are made unique with it.
    var idSuffix = ""
    /// Asked after the interview, no outcome is chosen for the graduate.
    var blank: String?
    var rows = 4
    /// Whether to ask if the feedback was technical: not where several of these forms share a
    /// page (same-named checkboxes in separate forms read as one broken group).
    var asksIfTechnical = true

    func render(_ h: HTML) {
        h.selectField("outcome", "Outcome", options: outcomes.map {
            SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.outcome)
        }, blank: blank, errors: errors, idSuffix: idSuffix)
        h.textAreaField("feedback", "What the employer said", value: form.feedback, rows: rows, errors: errors, idSuffix: idSuffix)
        guard asksIfTechnical else { return }
        let checkbox = "field-feedback_is_technical" + idSuffix
        h.div(.class("field checkbox")) {
            h.input(.id(checkbox), .name("feedback_is_technical"), .type("checkbox"), .value("yes"), .flag(.checked, form.feedback_is_technical == "yes"))
            h.label("The feedback is technical", .for(checkbox))
        }
    }
}

/// A contact's fields: on the application page (to add one) and on its own edit page.
struct ContactFields {
    let form: ContactForm
    let errors: FormErrors

    func render(_ h: HTML) {
        h.inputField("contact_name", "Name", value: form.contact_name, errors: errors)
        h.inputField("contact_role", "Their role", value: form.contact_role, errors: errors)
        h.inputField("contact_email", "Email", type: "email", value: form.contact_email, errors: errors)
        h.inputField("contact_profile_url", "Profile address", type: "url", value: form.contact_profile_url, errors: errors)
    }
}

/// The edit page of an interview or a contact under an application: every field, and a way to
/// delete it.
struct EditUnderApplicationPage: PageView {
    enum Record {
        case interview(InterviewForm)
        case contact(ContactForm)
    }
    let id: String
    let company: String
    let applicationURL: Href
    let record: Record
    let errors: FormErrors

    private var noun: String {
        switch record {
        case .interview: "interview"
        case .contact: "contact"
        }
    }

    var title: String { "Edit \(noun) — " + company }

    func content(_ h: HTML) {
        let (save, delete): (SiteURL, SiteURL) = switch record {
        case .interview: (.jobSearch(.editInterview(id: id)), .jobSearch(.deleteInterview(id: id)))
        case .contact: (.jobSearch(.editContact(id: id)), .jobSearch(.deleteContact(id: id)))
        }
        h.div(.class("narrow")) {
            h.p { h.a("← " + company, .href(applicationURL)) }
            h.h1("Edit the \(noun)")
            h.errorSummary(errors)
            h.postForm(Href(save), .class("form"), .flag(.novalidate)) {
                switch record {
                case .interview(let form): InterviewFields(form: form, errors: errors).render(h)
                case .contact(let form): ContactFields(form: form, errors: errors).render(h)
                }
                h.div(.class("actions")) {
                    h.button("Save", .type("submit"), .class("button primary"))
                    h.a("Cancel", .class("button"), .href(applicationURL))
                }
            }
            h.postForm(Href(delete), .data(.dataConfirm, "Delete this \(noun)? This cannot be undone.")) {
                h.button("Delete the \(noun)", .type("submit"), .class("button danger"))
            }
        }
    }
}

/// On the graduate's home: interviews whose time has passed with no result yet, each asking
/// "How did it go?" with the outcome and feedback fields.
struct InterviewsToCloseSection: HomeSection {
    struct Item {
        let id: String
        let title: String
        let when: String
        let applicationURL: Href
    }
    let items: [Item]
    /// At most this many are asked at once; the rest wait for these.
    static let shown = 3

    init(items: [Item]) {
        self.items = items
    }

    /// The interviews past their end with outcome `awaiting`, the oldest first.
    init(_ interviews: [JobSearch.InterviewToClose], zone: String) {
        items = interviews.map { interview in
            Item(id: interview.id.uuidString, title: "\(interview.kind.title) at \(interview.company)",
                 when: Formats.dayAndTime(interview.scheduledAt, zone: zone),
                 applicationURL: Href(SiteURL.jobSearch(.application(id: interview.applicationID.uuidString))))
        }
    }

    func content(_ h: HTML) {
        guard !items.isEmpty else { return }
        h.section(.class("card"), .ariaLabelledBy("how-did-it-go")) {
            h.h2("How did it go?", .id("how-did-it-go"))
            for (index, item) in items.enumerated() {
                h.div(.class("interview-result")) {
                    h.h3 {
                        h.a(item.title, .href(item.applicationURL))
                        h.text(" ")
                        h.span(item.when, .class("hint"))
                    }
                    h.postForm(Href(SiteURL.jobSearch(.interviewResult(id: item.id))), .class("form"), .flag(.novalidate)) {
                        OutcomeFields(form: InterviewForm(), errors: .none, outcomes: InterviewResult.outcomes, idSuffix: "-\(index)", blank: "Choose…", rows: 2,
                                      asksIfTechnical: false).render(h)
                        h.button("Save the result", .type("submit"), .class("button primary"))
                    }
                }
            }
        }
    }
}

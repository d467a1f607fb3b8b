import Foundation
import OnwardCore

/// One application: where it stands, its details, its timeline, interviews and contacts, and
/// the forms that change them (for the graduate) or correct its placement (for a coach).
struct ApplicationPage: PageView {
    struct Event {
        let day: String
        let text: String
        /// A stage's key, or "interview".
        let kind: String
    }
    struct Interview {
        let id: String
        let kind: String
        let when: String
        let duration: Int
        let withWhom: String
        let outcome: String
        let feedback: String
        let technical: Bool
    }
    struct Contact {
        let id: String
        let name: String
        let role: String
        let email: String
        let profileURL: String
    }
    struct Placement {
        let startDate: String
        let jobTitle: String
        let employmentType: String
        let inField: Bool
        /// "£32,000".
        let salary: String
        let correctedBy: String?
        let form: PlacementForm
    }

    let id: String
    let owner: String
    let isOwn: Bool
    /// The graduate may change it; their coach and an admin only read it.
    let canWrite: Bool
    let canCorrectPlacement: Bool
    let company: String
    let roleTitle: String
    let stage: Stage
    let postURL: String?
    let location: String
    let remote: Bool
    let salary: String?
    let source: String
    let nextAction: String
    let due: String?
    let notes: String
    let excitement: Int
    let timeline: [Event]
    let interviews: [Interview]
    let contacts: [Contact]
    let placement: Placement?
    /// Today in the graduate's time zone: the latest day a move can be dated.
    let today: LocalDate
    let backURL: Href
    let errors: FormErrors
    let interviewForm: InterviewForm
    let contactForm: ContactForm

    var title: String { company + " — " + roleTitle }

    func content(_ h: HTML) {
        h.p { h.a("← " + (isOwn ? "Board" : owner + "'s board"), .href(backURL)) }
        h.h1 {
            h.text(company + " ")
            h.span(roleTitle, .class("subtitle"))
        }
        h.p(.class("lead")) {
            h.span(stage.title, .class("stage stage-" + stage.rawValue))
            h.text(" · excitement \(excitement)/5" + (isOwn ? "" : " · " + owner + "'s application"))
        }
        h.errorSummary(errors)
        if canWrite { moveSection(h) }
        if let placement { placementSection(placement, h) }
        h.div(.class("two-columns")) {
            detailsSection(h)
            h.section(.ariaLabelledBy("timeline-heading")) {
                h.h2("Timeline", .id("timeline-heading"))
                h.ol(.class("timeline")) {
                    for event in timeline {
                        h.li(.class("event event-" + event.kind)) {
                            h.span(event.day, .class("event-day"))
                            h.text(" " + event.text)
                        }
                    }
                }
            }
        }
        interviewsSection(h)
        contactsSection(h)
    }

    private func moveSection(_ h: HTML) {
        let targets = SelectOption.moves(from: stage)
        h.section(.class("card"), .ariaLabelledBy("move-heading")) {
            h.h2(stage == .offer ? "Your offer" : "Move it on", .id("move-heading"))
            // At an offer, accepting is the main action; the other answers come second.
            if stage == .offer {
                h.p { h.a("Accept this offer", .class("button primary"), .href(Href(SiteURL.jobSearch(.accept(id: id))))) }
            }
            if !targets.isEmpty {
                h.postForm(Href(SiteURL.jobSearch(.move(id: id))), .class("inline-form")) {
                    h.selectField("stage", stage == .offer ? "Or" : "To", options: targets, blank: SelectOption.moveTo, errors: errors, inline: true)
                    h.inputField("on", "On", type: "date", value: today.iso, errors: errors, inline: true, .attr(.max, today.iso))
                    h.button("Move", .type("submit"), .class(stage == .offer ? "button" : "button primary"))
                }
            } else {
                h.p("This application is closed.", .class("hint"))
            }
        }
    }

    private func placementSection(_ placement: Placement, _ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("placement-heading")) {
            h.h2("Placement", .id("placement-heading"))
            h.dl(.class("details")) {
                h.dt("Job title"); h.dd(placement.jobTitle)
                h.dt("Starts"); h.dd(placement.startDate)
                h.dt("Employment"); h.dd(placement.employmentType)
                h.dt("Developer or related technical role"); h.dd(placement.inField ? "Yes" : "No")
                h.dt("Yearly salary"); h.dd(placement.salary)
            }
            if let correctedBy = placement.correctedBy { h.p("Corrected by " + correctedBy + ".", .class("hint")) }
            guard canCorrectPlacement else { return }
            h.details(.class("add-form"), .flag(.open, errors.any("start_date", "salary", "job_title", "in_field"))) {
                h.summary("Correct the placement")
                h.postForm(Href(SiteURL.jobSearch(.correctPlacement(id: id))), .class("form"), .flag(.novalidate)) {
                    PlacementFields(form: placement.form, errors: errors, inFieldQuestion: "Developer or directly related technical role?").render(h)
                    h.button("Save the correction", .type("submit"), .class("button primary"))
                }
            }
        }
    }

    private func detailsSection(_ h: HTML) {
        h.section(.ariaLabelledBy("details-heading")) {
            h.h2("Details", .id("details-heading"))
            h.dl(.class("details")) {
                h.dt("Job post")
                h.dd { if let postURL { h.a(postURL, .href(web: postURL), .external) } else { h.text("—") } }
                h.dt("Location"); h.dd((location.isEmpty ? "—" : location) + (remote ? " (remote)" : ""))
                h.dt("Salary"); h.dd(salary ?? "—")
                h.dt("Found through"); h.dd(source)
                h.dt("Next action"); h.dd(nextAction.isEmpty ? "—" : nextAction + (due.map { " by " + $0 } ?? ""))
            }
            if !notes.isEmpty {
                h.h3("Notes")
                h.p(notes, .class("bio"))
            }
            if canWrite {
                h.div(.class("actions")) {
                    h.a("Edit", .class("button"), .href(Href(SiteURL.jobSearch(.edit(id: id)))))
                    h.postForm(Href(SiteURL.jobSearch(.delete(id: id))), .data(.dataConfirm, "Delete this application and its history? This cannot be undone.")) {
                        h.button("Delete", .type("submit"), .class("button danger"))
                    }
                }
            }
        }
    }

    private func interviewsSection(_ h: HTML) {
        h.section(.ariaLabelledBy("interviews-heading")) {
            h.h2("Interviews and tech tests", .id("interviews-heading"))
            if interviews.isEmpty {
                h.p("None recorded.", .class("empty"))
            } else {
                h.ul(.class("plain interviews")) {
                    for interview in interviews {
                        h.li(.class("card")) {
                            h.h3 {
                                h.text(interview.kind + " ")
                                h.span(interview.when + ", \(interview.duration) min", .class("hint"))
                            }
                            h.p((interview.withWhom.isEmpty ? "" : "With " + interview.withWhom + " · ") + interview.outcome)
                            if !interview.feedback.isEmpty {
                                h.blockquote(interview.feedback, .class("bio"))
                                if interview.technical { h.p("Technical feedback", .class("tag-technical")) }
                            }
                            if canWrite {
                                EditOrDelete(edit: Href(SiteURL.jobSearch(.editInterview(id: interview.id))), delete: Href(SiteURL.jobSearch(.deleteInterview(id: interview.id))),
                                             confirm: "Delete this \(interview.kind.lowercased())? This cannot be undone.", what: interview.kind).render(h)
                            }
                        }
                    }
                }
            }
            guard canWrite else { return }
            h.details(.class("add-form"), .flag(.open, errors.any("kind", "date", "time", "duration_minutes"))) {
                h.summary("Add an interview or tech test")
                h.postForm(Href(SiteURL.jobSearch(.addInterview(id: id))), .class("form"), .flag(.novalidate)) {
                    InterviewFields(form: interviewForm, errors: errors).render(h)
                    h.button("Add", .type("submit"), .class("button primary"))
                }
            }
        }
    }

    private func contactsSection(_ h: HTML) {
        h.section(.ariaLabelledBy("contacts-heading")) {
            h.h2("Contacts", .id("contacts-heading"))
            if contacts.isEmpty {
                h.p("No contacts yet.", .class("empty"))
            } else {
                h.ul(.class("plain")) {
                    for contact in contacts {
                        h.li {
                            h.strong(contact.name)
                            if !contact.role.isEmpty { h.text(", " + contact.role) }
                            if !contact.email.isEmpty {
                                h.text(" · ")
                                h.a(contact.email, .href(.mail(contact.email)))
                            }
                            if !contact.profileURL.isEmpty {
                                h.text(" · ")
                                h.a("profile", .href(web: contact.profileURL), .external)
                            }
                            if canWrite {
                                EditOrDelete(edit: Href(SiteURL.jobSearch(.editContact(id: contact.id))), delete: Href(SiteURL.jobSearch(.deleteContact(id: contact.id))),
                                             confirm: "Delete \(contact.name) from the contacts?", what: contact.name).render(h)
                            }
                        }
                    }
                }
            }
            guard canWrite else { return }
            h.details(.class("add-form"), .flag(.open, errors.any("contact_name", "contact_email", "contact_profile_url"))) {
                h.summary("Add a contact")
                h.postForm(Href(SiteURL.jobSearch(.addContact(id: id))), .class("form"), .flag(.novalidate)) {
                    ContactFields(form: contactForm, errors: errors).render(h)
                    h.button("Add contact", .type("submit"), .class("button primary"))
                }
            }
        }
    }
}

// MARK: Builder: from an application and what hangs off it, the viewer's scope and the day

extension ApplicationPage {
    /// One application as `scope.viewer` sees it: its timeline (moves and interviews, by day, in
    /// the owner's zone); writing only for one who may write it; a placement corrected only by one
    /// who may correct it; the way back to the owner's board.
    init(_ application: ApplicationModel, scope: Policy.Scope, moves: [StageMoveModel], interviews: [InterviewModel], contacts: [ContactModel],
         placement: PlacementModel?, today: LocalDate, errors: FormErrors, interviewForm: InterviewForm? = nil, contactForm: ContactForm? = nil,
         placementForm: PlacementForm? = nil, currency: Currency = .gbp) {
        let zone = scope.person.timeZone
        let tz = TimeZone(identifier: zone) ?? .gmt
        var timeline = moves.enumerated().map { index, move in
            Event(day: move.onDate, text: index == 0 ? "Added as \(move.stage.title.lowercased())" : "Moved to \(move.stage.title.lowercased())", kind: move.stage.rawValue)
        }
        timeline += interviews.map { Event(day: LocalDate($0.scheduledAt, in: tz).iso, text: "\($0.kind.title)\($0.withWhom.isEmpty ? "" : " with \($0.withWhom)")", kind: "interview") }
        timeline.sort { $0.day < $1.day }
        let salary = SalaryRange(minimum: application.salaryMin, maximum: application.salaryMax)
        self.init(
            id: application.requireIDString, owner: scope.person.name, isOwn: scope.isSelf, canWrite: scope.canWriteJobSearch,
            canCorrectPlacement: placement != nil && scope.canCorrectPlacement,
            company: application.company, roleTitle: application.roleTitle, stage: application.stage,
            postURL: application.url, location: application.location, remote: application.remote,
            salary: salary == .none ? nil : salary.said(in: application.salaryCurrency(currency)), source: application.source.title,
            nextAction: application.nextAction, due: application.nextActionDue.map(Formats.day(iso:)), notes: application.notes,
            excitement: application.excitement,
            timeline: timeline.map { Event(day: Formats.day(iso: $0.day), text: $0.text, kind: $0.kind) },
            interviews: interviews.map {
                Interview(id: $0.requireIDString, kind: $0.kind.title, when: Formats.dayAndTime($0.scheduledAt, zone: zone), duration: $0.durationMinutes, withWhom: $0.withWhom,
                          outcome: $0.outcome.title, feedback: $0.feedback, technical: $0.feedbackIsTechnical)
            },
            contacts: contacts.map { Contact(id: $0.requireIDString, name: $0.name, role: $0.role, email: $0.email, profileURL: $0.profileURL) },
            placement: placement.map {
                Placement(startDate: Formats.day(iso: $0.startDate), jobTitle: $0.jobTitle, employmentType: $0.employmentType.title, inField: $0.inField,
                          salary: currency.amount($0.salary), correctedBy: $0.correctedBy?.name,
                          form: placementForm ?? PlacementForm(start_date: $0.startDate, job_title: $0.jobTitle, employment_type: $0.employmentType.rawValue,
                                                               in_field: $0.inField ? "yes" : "no", salary: String($0.salary)))
            },
            today: today,
            backURL: scope.isSelf ? Href(SiteURL.jobSearch(.board)) : Href(SiteURL.jobSearch(.personBoard(id: scope.person.requireIDString))),
            errors: errors,
            interviewForm: interviewForm ?? InterviewForm(date: today.iso, time: "10:00", duration_minutes: "60"),
            contactForm: contactForm ?? ContactForm())
    }
}

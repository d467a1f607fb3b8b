import Foundation
import OnwardCore

/// The admin's overview: how many of everything, each a link.
struct AdminOverviewPage: PageView {
    struct Figure {
        let label: String
        let value: Int
        let url: Href
    }
    let figures: [Figure]

    var title: String { "Overview" }

    func content(_ h: HTML) {
        h.h1("Overview")
        h.ul(.class("figures")) {
            for figure in figures {
                h.li {
                    h.a(.href(figure.url)) {
                        h.span(String(figure.value), .class("figure-value"))
                        h.raw(" ")
                        h.span(figure.label, .class("figure-label"))
                    }
                }
            }
        }
        h.div(.class("actions")) {
            h.a("Invite someone", .class("button primary"), .href(Href(SiteURL.accounts(.invitations))))
            h.a("Create a cohort", .class("button"), .href(Href(SiteURL.accounts(.cohorts))))
        }
    }
}

/// Every cohort, and the form for a new one.
struct CohortsPage: PageView {
    struct Row {
        let name: String
        let url: Href
        let courseEnd: String
        let timeZone: String
        let standupTime: String
        let graduates: Int
    }
    let cohorts: [Row]
    let form: CohortForm
    let errors: FormErrors

    var title: String { "Cohorts" }

    func content(_ h: HTML) {
        h.h1("Cohorts")
        if cohorts.isEmpty {
            h.p("No cohorts yet. Create the first one below.", .class("empty"))
        } else {
            h.div(.class("table-wrap")) {
                h.table {
                    h.thead { h.tr { h.th("Cohort"); h.th("Course ended"); h.th("Standup"); h.th("Graduates") } }
                    h.tbody {
                        for cohort in cohorts {
                            h.tr {
                                h.td { h.a(cohort.name, .href(cohort.url)) }
                                h.td(cohort.courseEnd)
                                h.td(cohort.standupTime + " " + cohort.timeZone)
                                h.td(String(cohort.graduates))
                            }
                        }
                    }
                }
            }
        }
        h.h2("New cohort", .id("new-cohort"))
        h.errorSummary(errors)
        h.postForm(Href(SiteURL.accounts(.cohorts)), .class("form"), .flag(.novalidate)) {
            h.inputField("name", "Name", value: form.name, hint: "Such as November 2026.", errors: errors)
            h.inputField("course_end_date", "Course end date", type: "date", value: form.course_end_date, errors: errors)
            let zone = form.time_zone ?? "Europe/London"
            h.selectField("time_zone", "Time zone", options: TimeZones.all.map { SelectOption(value: $0, label: $0, selected: $0 == zone) }, errors: errors)
            h.inputField("standup_time", "Daily standup time", type: "time", value: form.standup_time,
                         hint: "In the cohort's time zone. Most cohorts meet at 10:00.", errors: errors)
            h.button("Create cohort", .type("submit"), .class("button primary"))
        }
    }
}

/// One cohort: its graduates and who coaches them.
struct CohortPage: PageView {
    struct Coach {
        let name: String
        let removeAction: Href
    }
    struct Graduate {
        let id: String
        let name: String
        let email: String
        let url: Href
        let coaches: [Coach]
        /// The coaches not yet assigned to this graduate.
        let assignable: [SelectOption]
    }
    let name: String
    let courseEnd: String
    let timeZone: String
    let standupTime: String
    let graduates: [Graduate]
    let inviteURL: Href
    let pendingInvitations: Int

    var title: String { name }

    func content(_ h: HTML) {
        h.h1(name)
        h.p("Course ended " + courseEnd + " · standup at " + standupTime + " " + timeZone, .class("lead"))
        h.div(.class("actions")) {
            h.a("Invite graduates to this cohort", .class("button primary"), .href(inviteURL))
            if pendingInvitations > 0 {
                h.span(Wording.count(pendingInvitations, "invitation") + " waiting to be accepted.", .class("hint"))
            }
        }
        h.h2("Graduates and their coaches")
        guard !graduates.isEmpty else {
            h.p("No graduate has joined this cohort yet. Invite them: they appear here once they accept.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Graduate"); h.th("Coaches"); h.th("Assign a coach") } }
                h.tbody {
                    for graduate in graduates { row(graduate, h) }
                }
            }
        }
    }

    private func row(_ graduate: Graduate, _ h: HTML) {
        h.tr {
            h.td {
                h.a(graduate.name, .href(graduate.url))
                h.br()
                h.span(graduate.email, .class("hint"))
            }
            h.td {
                if graduate.coaches.isEmpty {
                    h.span("No coach yet", .class("warning-text"))
                } else {
                    h.ul(.class("plain")) {
                        for coach in graduate.coaches {
                            h.li {
                                h.text(coach.name + " ")
                                h.postForm(coach.removeAction, .class("inline")) {
                                    h.button(.type("submit"), .class("link-button")) {
                                        h.text("remove")
                                        h.span(" " + coach.name + " from " + graduate.name, .class("visually-hidden"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h.td {
                if graduate.assignable.isEmpty {
                    h.span("Every coach is assigned.", .class("hint"))
                } else {
                    h.postForm(Href(SiteURL.accounts(.assignments)), .class("inline-form")) {
                        h.input(.type("hidden"), .name("graduate_id"), .value(graduate.id))
                        h.select(.id("coach-for-" + graduate.id), .name("coach_id"), .ariaLabel("Coach for " + graduate.name)) {
                            h.options(graduate.assignable)
                        }
                        h.button("Assign", .type("submit"), .class("button small"))
                    }
                }
            }
        }
    }
}

/// Invitations: the form, a link just made, and every invitation sent.
struct InvitationsPage: PageView {
    struct Row {
        let email: String
        let role: String
        let cohort: String?
        let status: String
        let sent: String
        let link: String?
    }
    struct Sent {
        let email: String
        let link: String
        let expires: String
    }
    let form: InvitationForm
    let cohorts: [SelectOption]
    let invitations: [Row]
    let errors: FormErrors
    let sent: Sent?

    var title: String { "Invitations" }

    func content(_ h: HTML) {
        h.h1("Invitations")
        if let sent {
            h.div(.class("callout"), .role("status")) {
                h.h2("Invitation ready for " + sent.email)
                h.p("Onward has no mail server yet: copy this link and send it to them yourself. It works once, until " + sent.expires + ".")
                h.copyRow(id: "invitation-link", label: "Invitation link", value: sent.link)
            }
        }
        h.h2("Invite someone")
        h.errorSummary(errors)
        h.postForm(Href(SiteURL.accounts(.invitations)), .class("form"), .flag(.novalidate)) {
            h.inputField("email", "Email", type: "email", value: form.email, errors: errors)
            let role = form.role ?? Role.graduate.rawValue
            h.selectField("role", "Role", options: Role.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == role) }, errors: errors)
            h.selectField("cohort_id", "Cohort", options: cohorts, blank: "No cohort", hint: "Required for a graduate; optional for anyone else.", errors: errors)
            h.button("Create invitation", .type("submit"), .class("button primary"))
        }
        h.h2("Sent")
        guard !invitations.isEmpty else {
            h.p("No invitations yet.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Email"); h.th("Role"); h.th("Cohort"); h.th("Status"); h.th("Created"); h.th("Link") } }
                h.tbody {
                    for invitation in invitations {
                        h.tr {
                            h.td(invitation.email)
                            h.td(invitation.role)
                            h.td(invitation.cohort ?? "—")
                            h.td { h.span(invitation.status, .class("status status-" + invitation.status)) }
                            h.td(invitation.sent)
                            h.td {
                                if let link = invitation.link {
                                    h.input(.type("text"), .flag(.readonly), .value(link), .class("mono small-input"), .ariaLabel("Invitation link for " + invitation.email))
                                } else {
                                    h.text("—")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Everyone with an account.
struct PeoplePage: PageView {
    struct Row {
        let name: String
        let email: String
        let role: String
        let cohort: String?
        let url: Href
    }
    let people: [Row]

    var title: String { "People" }

    func content(_ h: HTML) {
        h.h1("People")
        h.div(.class("actions")) { h.a("Invite someone", .class("button primary"), .href(Href(SiteURL.accounts(.invitations)))) }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Name"); h.th("Email"); h.th("Role"); h.th("Cohort") } }
                h.tbody {
                    for person in people {
                        h.tr {
                            h.td { h.a(person.name, .href(person.url)) }
                            h.td(person.email)
                            h.td(person.role)
                            h.td(person.cohort ?? "—")
                        }
                    }
                }
            }
        }
    }
}

// MARK: Builders: from the bootcamp's accounts, the admin and the time, with no request

extension CohortsPage {
    /// Each cohort with how many graduates it has (`graduateCohorts`: each graduate's cohort).
    init(cohorts: [CohortModel], graduateCohorts: [UUID?], form: CohortForm, errors: FormErrors) {
        var counts: [UUID: Int] = [:]
        for case let id? in graduateCohorts { counts[id, default: 0] += 1 }
        self.init(cohorts: cohorts.map { cohort in
            Row(name: cohort.name, url: Href(SiteURL.accounts(.cohort(id: cohort.requireIDString))), courseEnd: Formats.day(iso: cohort.courseEndDate),
                timeZone: cohort.timeZone, standupTime: cohort.standupTime, graduates: counts[cohort.id!] ?? 0)
        }, form: form, errors: errors)
    }
}

extension CohortPage {
    /// A cohort's graduates, each with their coaches (a button to remove each assignment) and the
    /// coaches not yet theirs to assign.
    init(_ cohort: CohortModel, graduates: [UserModel], coaches: [UserModel], assignments: [CoachAssignmentModel], pendingInvitations: Int) {
        let coachNames = Dictionary(uniqueKeysWithValues: coaches.map { ($0.id!, $0.name) })
        let rows = graduates.map { graduate in
            let mine = assignments.filter { $0.$graduate.id == graduate.id }
            let assigned = Set(mine.map(\.$coach.id))
            return Graduate(
                id: graduate.requireIDString, name: graduate.name, email: graduate.email, url: Href(SiteURL.homes(.person(id: graduate.requireIDString))),
                coaches: mine.map { Coach(name: coachNames[$0.$coach.id] ?? "", removeAction: Href(SiteURL.accounts(.removeAssignment(id: $0.requireIDString)))) },
                assignable: coaches.filter { !assigned.contains($0.id!) }.map { SelectOption(value: $0.requireIDString, label: $0.name, selected: false) })
        }
        self.init(name: cohort.name, courseEnd: Formats.day(iso: cohort.courseEndDate), timeZone: cohort.timeZone, standupTime: cohort.standupTime,
                  graduates: rows, inviteURL: Href(.accounts(.invitations), query: "cohort_id=" + cohort.requireIDString), pendingInvitations: pendingInvitations)
    }
}

extension InvitationsPage {
    /// The latest invitations as `admin` reads them at `now`; a pending one shows its link again
    /// (from the message that sent it, `bodies` by invitation).
    init(invitations: [InvitationModel], bodies: [UUID: String], cohorts: [CohortModel], admin: UserModel, now: Date,
         form: InvitationForm, errors: FormErrors, sent: Sent? = nil) {
        let rows = invitations.map { invitation in
            let status = invitation.status(now: now)
            return Row(email: invitation.email, role: invitation.role.title, cohort: invitation.cohort?.name, status: status.rawValue,
                       sent: invitation.createdAt.map { Formats.dayAndTime($0, zone: admin.timeZone) } ?? "",
                       link: status == .pending ? bodies[invitation.id!].flatMap(Self.link(in:)) : nil)
        }
        self.init(form: form, cohorts: cohorts.map { SelectOption(value: $0.requireIDString, label: $0.name, selected: $0.id?.uuidString == form.cohort_id) },
                  invitations: rows, errors: errors, sent: sent)
    }

    /// The invitation link in an outbox message's body (its last line).
    static func link(in body: String) -> String? {
        body.split(separator: "\n").last.map(String.init).flatMap { $0.hasPrefix("http") ? $0 : nil }
    }
}

extension PeoplePage {
    init(people: [UserModel]) {
        self.init(people: people.map { Row(name: $0.name, email: $0.email, role: $0.role.title, cohort: $0.cohort?.name,
                                           url: Href(SiteURL.homes(.person(id: $0.requireIDString)))) })
    }
}

import Foundation
import OnwardCore

/// The admin's overview: how many of everything, each a link.
struct AdminOverviewPage: PageView {
    struct Figure {
        let label: String
        let value: Int
        let url: Href
    }
    /// One cohort's line: its graduates by standing, those placed this month, and what waits on
    /// its coaches.
    struct CohortLine {
        let name: String
        let url: Href
        let graduates: Int
        let byStanding: [Int]
        let placedThisMonth: Int
        let waiting: [Int]
    }
    let figures: [Figure]
    var standings: [String] = []
    var waitingHeadings: [String] = []
    var cohorts: [CohortLine] = []
    /// "December 2026", the month placements are counted in.
    var month = ""

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
        guard !cohorts.isEmpty else { return }
        h.h2("Cohorts")
        h.div(.class("table-wrap")) {
            h.table(.class("compact")) {
                h.element("caption", [.class("visually-hidden")], text: "Each cohort's graduates by status, placed in \(month), and what waits on their coaches")
                h.thead {
                    h.tr {
                        h.th("Cohort")
                        h.th("Graduates")
                        for standing in standings { h.th(standing) }
                        h.th("Placed in " + month)
                        for heading in waitingHeadings { h.th(heading) }
                    }
                }
                h.tbody {
                    for line in cohorts {
                        h.tr {
                            h.th(.attr(.scope, "row")) { h.a(line.name, .href(line.url)) }
                            h.td(String(line.graduates), .class("num"))
                            for count in line.byStanding { h.td(String(count), .class("num")) }
                            h.td(String(line.placedThisMonth), .class("num"))
                            for count in line.waiting { h.td(String(count), .class(count > 0 ? "num warning-text" : "num")) }
                        }
                    }
                }
            }
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
    let id: String
    /// Every coach, for assigning one to several graduates at once.
    let coaches: [SelectOption]
    var form = CohortAssignmentForm()
    var errors = FormErrors.none

    var title: String { name }

    func content(_ h: HTML) {
        h.h1(name)
        h.p(courseEnd + " · standup at " + standupTime + " " + timeZone, .class("lead"))
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
        assignMany(h)
    }

    /// One coach for many: the whole cohort, or the graduates ticked.
    private func assignMany(_ h: HTML) {
        guard !coaches.isEmpty else { return }
        h.section(.class("card"), .ariaLabelledBy("assign-many"), .id("assign")) {
            h.h2("Assign a coach to several graduates", .id("assign-many"))
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.accounts(.cohortAssignments(id: id))), .class("form"), .flag(.novalidate)) {
                h.selectField("coach_id", "Coach", options: coaches.map { SelectOption(value: $0.value, label: $0.label, selected: $0.value == form.coach_id) },
                              blank: "Choose a coach", errors: errors)
                let ticked = Set(form.graduate_ids ?? [])
                // Two groups: a group of controls holds one name only (screen readers announce it as one question).
                h.fieldset(.class(errors["graduate_ids"] == nil ? "field" : "field has-error"), .id("field-graduate_ids")) {
                    h.legend("To whom")
                    if let error = errors["graduate_ids"] { h.p(error, .class("field-error")) }
                    h.radio("whom", value: "all", label: "Every graduate of this cohort (\(graduates.count))", checked: form.whom != "ticked")
                    h.radio("whom", value: "ticked", label: "Only the graduates ticked below", checked: form.whom == "ticked")
                }
                h.fieldset(.class("field")) {
                    h.legend("Graduates to tick")
                    h.div(.class("checkbox-list")) {
                        for graduate in graduates {
                            h.div(.class("checkbox")) {
                                h.input(.type("checkbox"), .id("assign-" + graduate.id), .name("graduate_ids"), .value(graduate.id),
                                        .flag(.checked, ticked.contains(graduate.id)))
                                h.label(graduate.name, .for("assign-" + graduate.id))
                            }
                        }
                    }
                }
                h.button("Assign the coach", .type("submit"), .class("button primary"))
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
    /// What a pasted list gave: how many were invited, and each line that was not, with why.
    struct ListSent {
        let invited: [String]
        let refused: [InvitationList.Refused]
    }
    let form: InvitationForm
    let cohorts: [SelectOption]
    let invitations: [Row]
    let errors: FormErrors
    let sent: Sent?
    var listForm = InvitationListForm()
    var listErrors = FormErrors.none
    var listSent: ListSent?

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
        h.div(.class("two-columns")) {
            h.section(.ariaLabelledBy("invite-one")) {
                h.h2("Invite someone", .id("invite-one"))
                h.errorSummary(errors)
                h.postForm(Href(SiteURL.accounts(.invitations)), .class("form"), .flag(.novalidate)) {
                    h.inputField("email", "Email", type: "email", value: form.email, errors: errors)
                    let role = form.role ?? Role.graduate.rawValue
                    h.selectField("role", "Role", options: Role.given.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == role) }, errors: errors)
                    h.selectField("cohort_id", "Cohort", options: cohorts, blank: "No cohort", hint: "Required for a graduate; optional for anyone else.", errors: errors)
                    h.button("Create invitation", .type("submit"), .class("button primary"))
                }
            }
            listSection(h)
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

extension InvitationsPage {
    private func listSection(_ h: HTML) {
        h.section(.ariaLabelledBy("invite-list"), .id("list")) {
            h.h2("Invite a list", .id("invite-list"))
            if let listSent {
                h.div(.class("callout"), .role("status")) {
                    h.p {
                        h.strong(Wording.count(listSent.invited.count, "invitation") + " created")
                        h.text(listSent.invited.isEmpty ? "." : ": " + listSent.invited.joined(separator: ", ") + ". Their links are in the list below.")
                    }
                    if !listSent.refused.isEmpty {
                        h.p(Wording.count(listSent.refused.count, "line was", "lines were") + " not invited:")
                        h.ul {
                            for refused in listSent.refused {
                                h.li((refused.line > 0 ? "Line \(refused.line): " : "") + refused.text + " — " + refused.reason)
                            }
                        }
                    }
                }
            }
            h.errorSummary(listErrors)
            h.postForm(Href(SiteURL.accounts(.inviteList)), .class("form"), .flag(.novalidate)) {
                h.textAreaField("emails", "Email addresses", value: listForm.emails, rows: 8,
                                hint: "One a line, as many as a cohort (up to \(InvitationList.maximumLines)). A line that is not an address is named and left out; the others are invited.",
                                errors: listErrors)
                let role = listForm.role ?? Role.graduate.rawValue
                h.selectField("role", "Role", options: Role.given.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == role) },
                              errors: listErrors, idSuffix: "-list")
                h.selectField("cohort_id", "Cohort", options: cohorts.map { SelectOption(value: $0.value, label: $0.label, selected: $0.value == listForm.cohort_id) },
                              blank: "No cohort", hint: "Required for graduates.", errors: listErrors, idSuffix: "-list")
                h.button("Invite them all", .type("submit"), .class("button primary"))
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
        /// A graduate's standing ("At risk"), and its tone for the badge.
        var standing: (text: String, tone: String)? = nil
    }
    let people: [Row]

    var title: String { "People" }

    func content(_ h: HTML) {
        h.h1("People")
        h.div(.class("actions")) { h.a("Invite someone", .class("button primary"), .href(Href(SiteURL.accounts(.invitations)))) }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Name"); h.th("Email"); h.th("Role"); h.th("Cohort"); h.th("Status") } }
                h.tbody {
                    for person in people {
                        h.tr {
                            h.td { h.a(person.name, .href(person.url)) }
                            h.td(person.email)
                            h.td(person.role)
                            h.td(person.cohort ?? "—")
                            if let standing = person.standing {
                                h.td(.class("status-" + standing.tone)) { h.span(standing.text, .class("state-badge")) }
                            } else {
                                h.td("—")
                            }
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
    init(_ cohort: CohortModel, graduates: [UserModel], coaches: [UserModel], assignments: [CoachAssignmentModel], pendingInvitations: Int, today: LocalDate) {
        let coachNames = Dictionary(uniqueKeysWithValues: coaches.map { ($0.id!, $0.name) })
        let rows = graduates.map { graduate in
            let mine = assignments.filter { $0.$graduate.id == graduate.id }
            let assigned = Set(mine.map(\.$coach.id))
            return Graduate(
                id: graduate.requireIDString, name: graduate.name, email: graduate.email, url: Href(SiteURL.homes(.person(id: graduate.requireIDString))),
                coaches: mine.map { Coach(name: coachNames[$0.$coach.id] ?? "", removeAction: Href(SiteURL.accounts(.removeAssignment(id: $0.requireIDString)))) },
                assignable: coaches.filter { !assigned.contains($0.id!) }.map { SelectOption(value: $0.requireIDString, label: $0.name, selected: false) })
        }
        let ended = LocalDate(iso: cohort.courseEndDate).map { $0 < today } ?? true
        self.init(name: cohort.name, courseEnd: (ended ? "Course ended " : "Course ends ") + Formats.day(iso: cohort.courseEndDate), timeZone: cohort.timeZone,
                  standupTime: cohort.standupTime, graduates: rows, inviteURL: Href(.accounts(.invitations), query: "cohort_id=" + cohort.requireIDString),
                  pendingInvitations: pendingInvitations, id: cohort.requireIDString,
                  coaches: coaches.map { SelectOption(value: $0.requireIDString, label: $0.name) })
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

extension AdminOverviewPage {
    /// Each cohort's line from its graduates' dashboard lines (`lines`, by graduate id): their
    /// standing as the standing column prints it, each column's figures that wait on a coach
    /// summed, and the jobs accepted this month (`placed`: a graduate's id a placement).
    init(figures: [Figure], cohorts: [CohortModel], graduates: [(id: UUID, cohort: UUID?)], lines: [String: DashboardRow],
         columns: [ShownDashboardColumn], placed: [UUID], month: String) {
        self.init(figures: figures)
        self.month = month
        let standing = columns.first(where: \.isStanding)
        let waitingColumns = columns.filter { $0.waiting != nil }
        waitingHeadings = waitingColumns.map { $0.waiting!.plural.prefix(1).uppercased() + $0.waiting!.plural.dropFirst() }
        // Each graduate's standing in words, ordered as the column sorts them (most in need first).
        var standingOf: [UUID: (text: String, rank: Int)] = [:]
        for graduate in graduates {
            guard let standing, let line = lines[graduate.id.uuidString] else { continue }
            let figure = line.figure(standing.column)
            standingOf[graduate.id] = (standing.cell(figure).text, figure?.value ?? Int.max)
        }
        standings = Dictionary(standingOf.values.map { ($0.text, $0.rank) }, uniquingKeysWith: min).sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        var placedCount: [UUID: Int] = [:]
        for id in placed { placedCount[id, default: 0] += 1 }
        // Grouped once: 40 cohorts of 125 graduates each would otherwise be read 40 times over.
        let byCohort = Dictionary(grouping: graduates, by: \.cohort)
        self.cohorts = cohorts.map { cohort in
            let members = byCohort[cohort.id] ?? []
            return CohortLine(
                name: cohort.name, url: Href(SiteURL.accounts(.cohort(id: cohort.requireIDString))), graduates: members.count,
                byStanding: standings.map { text in members.filter { standingOf[$0.id]?.text == text }.count },
                placedThisMonth: members.reduce(0) { $0 + (placedCount[$1.id] ?? 0) },
                waiting: waitingColumns.map { column in
                    members.reduce(0) { $0 + (lines[$1.id.uuidString].flatMap { $0.figure(column.column)?.value } ?? 0) }
                })
        }
    }
}

extension PeoplePage {
    /// Everyone, each graduate with their standing as `standing` prints it from their dashboard line.
    init(people: [UserModel], lines: [String: DashboardRow] = [:], standing: ShownDashboardColumn? = nil) {
        self.init(people: people.map { person in
            let id = person.requireIDString
            var row = Row(name: person.name, email: person.email, role: person.role.title, cohort: person.cohort?.name, url: Href(SiteURL.homes(.person(id: id))))
            if let standing, let line = lines[id] {
                let cell = standing.cell(line.figure(standing.column))
                if case .badge(let tone) = cell.look { row.standing = (cell.text, tone) }
            }
            return row
        })
    }
}

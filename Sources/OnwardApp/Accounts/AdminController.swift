import Fluent
import OnwardCore
import Vapor

/// What an admin runs: cohorts, invitations, people and coach assignments.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.accounts(.overview), use: overview)
        routes.get(.accounts(.cohorts), use: cohortsPage)
        routes.post(.accounts(.cohorts), use: createCohort)
        routes.get(.accounts(.cohort(id: SiteURL.key(SiteURL.Parameter.id))), use: cohortPage)
        routes.post(.accounts(.cohortAssignments(id: SiteURL.key(SiteURL.Parameter.id))), use: assignToCohort)
        routes.get(.accounts(.invitations), use: invitationsPage)
        routes.post(.accounts(.invitations), use: invite)
        routes.post(.accounts(.inviteList), use: inviteList)
        routes.get(.accounts(.people), use: peoplePage)
        routes.post(.accounts(.assignments), use: assign)
        routes.post(.accounts(.removeAssignment(id: SiteURL.key(SiteURL.Parameter.id))), use: unassign)
    }

    // MARK: Overview

    func overview(req: Request) async throws -> Response {
        let roles = try await UserModel.query(on: req.db).all(\.$role)
        let cohorts = try await CohortModel.query(on: req.db).count()
        let pending = try await InvitationModel.query(on: req.db).filter(\.$acceptedAt == nil).filter(\.$expiresAt > req.now).count()
        func count(_ role: Role) -> Int { roles.filter { $0 == role }.count }
        let admin = try req.requireUser()
        let lines = Dictionary(try await CoachDashboard(app: req.application, db: req.db, now: req.now).rows(for: admin).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let graduates = try await UserModel.query(on: req.db).filter(\.$role == .graduate).all().compactMap { user in user.id.map { (id: $0, cohort: user.$cohort.id) } }
        let allCohorts = try await CohortModel.query(on: req.db).sort(\.$courseEndDate, .descending).all()
        let today = admin.today(at: req.now)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: admin.timeZone) ?? .gmt
        let monthStart = calendar.date(from: DateComponents(year: today.year, month: today.month, day: 1))!
        let placed = try await Capabilities.reads.jobSearch.placedGraduates(since: monthStart, on: req.db)
        let page = AdminOverviewPage(
            figures: [
                .init(label: "Cohorts", value: cohorts, url: Href(SiteURL.accounts(.cohorts))),
                .init(label: "Graduates", value: count(.graduate), url: Href(SiteURL.accounts(.people))),
                .init(label: "Coaches", value: count(.coach), url: Href(SiteURL.accounts(.people))),
                .init(label: "Partners", value: count(.partner), url: Href(SiteURL.accounts(.people))),
                .init(label: "Pending invitations", value: pending, url: Href(SiteURL.accounts(.invitations))),
            ],
            cohorts: allCohorts, graduates: graduates, lines: lines, columns: req.application.dashboardColumns, placed: placed,
            month: Formats.month(year: today.year, month: today.month))
        return req.render(page)
    }

    // MARK: Cohorts

    private func cohortsPage(req: Request, form: CohortForm, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let cohorts = try await CohortModel.query(on: req.db).sort(\.$courseEndDate, .descending).all()
        let graduateCohorts = try await UserModel.query(on: req.db).filter(\.$role == .graduate).all(\.$cohort.$id)
        return req.render(CohortsPage(cohorts: cohorts, graduateCohorts: graduateCohorts, form: form, errors: errors), status: status)
    }

    func cohortsPage(req: Request) async throws -> Response {
        try await cohortsPage(req: req, form: CohortForm(standup_time: CohortDraft.defaultStandupTime.description), errors: .none)
    }

    func createCohort(req: Request) async throws -> Response {
        try await req.submit(CohortForm.self, again: { form, errors, status in try await cohortsPage(req: req, form: form, errors: errors, status: status) }) { form in
            let draft = try CohortDraft.validate(name: form.name ?? "", courseEndDate: form.course_end_date ?? "", timeZone: form.time_zone ?? "", standupTime: form.standup_time)
            let cohort = try await Accounts(req: req).createCohort(draft)
            return req.redirect(to: .accounts(.cohort(id: cohort.id!.uuidString)), flash: "Cohort \(cohort.name) is created. Invite its graduates next.")
        }
    }

    private func cohort(_ req: Request) async throws -> CohortModel {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let cohort = try await CohortModel.find(id, on: req.db) else {
            throw Refusal.notFound("There is no such cohort.")
        }
        return cohort
    }

    func cohortPage(req: Request) async throws -> Response {
        try await cohortPage(req, cohort(req), form: nil, errors: .none)
    }

    /// One coach for the graduates ticked: back on the cohort's page, saying how many are new.
    func assignToCohort(req: Request) async throws -> Response {
        let cohort = try await cohort(req)
        return try await req.submit(CohortAssignmentForm.self, again: { form, errors, status in try await cohortPage(req, cohort, form: form, errors: errors, status: status) }) { form in
            let ticked = form.whom == "ticked" ? form.graduate_ids ?? [] : nil
            let (coach, asked, added) = try await Accounts(req: req).assign(coachID: form.coach_id ?? "", graduateIDs: ticked, of: cohort)
            let already = asked - added
            return req.redirect(to: .accounts(.cohort(id: cohort.requireIDString)),
                                flash: "\(coach.name) now coaches \(Wording.count(added, "more graduate")) of \(cohort.name)" + (already > 0 ? " (\(already) already were theirs)." : "."))
        }
    }

    private func cohortPage(_ req: Request, _ cohort: CohortModel, form: CohortAssignmentForm?, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try cohort.requireID()
        let graduates = try await UserModel.query(on: req.db).filter(\.$cohort.$id == id).filter(\.$role == .graduate).sort(\.$name).all()
        let coaches = try await UserModel.query(on: req.db).filter(\.$role == .coach).sort(\.$name).all()
        let assignments = try await CoachAssignmentModel.query(on: req.db).filter(\.$graduate.$id ~~ graduates.compactMap(\.id)).all()
        let pending = try await InvitationModel.query(on: req.db).filter(\.$cohort.$id == id).filter(\.$acceptedAt == nil).filter(\.$expiresAt > req.now).count()
        var page = CohortPage(cohort, graduates: graduates, coaches: coaches, assignments: assignments, pendingInvitations: pending,
                              today: LocalDate(req.now, in: TimeZone(identifier: cohort.timeZone) ?? .gmt))
        if let form { page.form = form }
        page.errors = errors
        return req.render(page, status: status)
    }

    // MARK: Invitations

    private func invitationsPage(req: Request, form: InvitationForm, errors: FormErrors, sent: InvitationsPage.Sent? = nil, listForm: InvitationListForm = .init(),
                                 listErrors: FormErrors = .none, listSent: InvitationsPage.ListSent? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let invitations = try await InvitationModel.query(on: req.db).with(\.$cohort).sort(\.$createdAt, .descending).limit(200).all()
        let bodies = try await Capabilities.reads.mail.bodies(topic: "invitation", subjects: invitations.compactMap(\.id), on: req.db)
        let cohorts = try await CohortModel.query(on: req.db).sort(\.$courseEndDate, .descending).all()
        var page = InvitationsPage(invitations: invitations, bodies: bodies, cohorts: cohorts, admin: try req.requireUser(), now: req.now,
                                   form: form, errors: errors, sent: sent)
        page.listForm = listForm
        page.listErrors = listErrors
        page.listSent = listSent
        return req.render(page, status: status)
    }

    func invitationsPage(req: Request) async throws -> Response {
        let cohortID = try? req.query.get(String.self, at: "cohort_id")
        return try await invitationsPage(req: req, form: InvitationForm(cohort_id: cohortID), errors: .none)
    }

    func invite(req: Request) async throws -> Response {
        let admin = try req.requireUser()
        return try await req.submit(InvitationForm.self, again: { form, errors, status in try await invitationsPage(req: req, form: form, errors: errors, status: status) }) { form in
            let sent = try await Accounts(req: req).invite(
                email: form.email ?? "", role: form.role.flatMap(Role.init(rawValue:)), cohortID: form.cohort_id, by: admin,
                link: { SiteURL.accounts(.invitation(token: $0)).absolute(on: req) })
            let shown = InvitationsPage.Sent(email: sent.invitation.email, link: sent.link, expires: Formats.dayAndTime(sent.invitation.expiresAt, zone: admin.timeZone))
            return try await invitationsPage(req: req, form: InvitationForm(role: form.role, cohort_id: form.cohort_id), errors: .none, sent: shown, status: .created)
        }
    }

    /// A pasted list: every good line invited at once, the others named; nothing at all when the
    /// list, the role or the cohort is wrong.
    func inviteList(req: Request) async throws -> Response {
        let admin = try req.requireUser()
        let blank = InvitationForm(cohort_id: nil)
        return try await req.submit(InvitationListForm.self, again: { form, errors, status in
            try await invitationsPage(req: req, form: blank, errors: .none, listForm: form, listErrors: errors, status: status)
        }) { form in
            let list = try InvitationList.read(form.emails ?? "")
            let result = try await Accounts(req: req).invite(list: list, role: form.role.flatMap(Role.init(rawValue:)), cohortID: form.cohort_id, by: admin,
                                                             link: { SiteURL.accounts(.invitation(token: $0)).absolute(on: req) })
            let shown = InvitationsPage.ListSent(invited: result.sent.map(\.invitation.email), refused: result.refused)
            // What was not invited stays in the box, to correct and send again.
            let left = InvitationListForm(emails: result.refused.map(\.text).joined(separator: "\n"), role: form.role, cohort_id: form.cohort_id)
            return try await invitationsPage(req: req, form: blank, errors: .none, listForm: left, listSent: shown, status: result.sent.isEmpty ? .ok : .created)
        }
    }

    // MARK: People and coach assignments

    func peoplePage(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let people = try await Policy(db: req.db).visiblePeople(for: viewer)
        let lines = Dictionary(try await CoachDashboard(app: req.application, db: req.db, now: req.now).rows(for: viewer).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return req.render(PeoplePage(people: people, lines: lines, standing: req.application.dashboardColumns.first(where: \.isStanding)))
    }

    func assign(req: Request) async throws -> Response {
        let form = try req.form(AssignmentForm.self)
        let accounts = Accounts(req: req)
        do {
            let assignment = try await accounts.assign(coachID: form.coach_id ?? "", graduateID: form.graduate_id ?? "")
            let graduate = try await assignment.$graduate.get(on: req.db)
            let coach = try await assignment.$coach.get(on: req.db)
            let back = graduate.$cohort.id.map { SiteURL.accounts(.cohort(id: $0.uuidString)) } ?? .accounts(.people)
            return req.redirect(to: back, flash: "\(coach.name) now coaches \(graduate.name).")
        } catch let errors as ValidationErrors {
            return req.redirect(to: SiteURL.accounts(.cohorts).path).flash(.error, errors.errors.map(\.message).joined(separator: " "), on: req)
        }
    }

    func unassign(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        let assignment = try await UUID(uuidString: id).asyncFlatMap { try await CoachAssignmentModel.query(on: req.db).filter(\.$id == $0).with(\.$graduate).with(\.$coach).first() }
        try await Accounts(req: req).unassign(id: id)
        let back = assignment?.graduate.$cohort.id.map { SiteURL.accounts(.cohort(id: $0.uuidString)) } ?? .accounts(.people)
        return req.redirect(to: back, flash: "\(assignment?.coach.name ?? "The coach") no longer coaches \(assignment?.graduate.name ?? "that graduate").")
    }
}

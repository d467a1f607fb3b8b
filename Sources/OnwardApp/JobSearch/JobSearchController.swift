import Fluent
import OnwardCore
import Vapor

/// The job search pages: a graduate's own board, list and applications, and the same, read-only,
/// for their coach (and for an admin).
struct JobSearchController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let key = SiteURL.key(SiteURL.Parameter.id)
        let graduates = routes.grouped(Require(Access.keepsJobSearch))
        graduates.get(.jobSearch(.list), use: ownList)
        graduates.get(.jobSearch(.board), use: ownBoard)
        graduates.get(.jobSearch(.new), use: newPage)
        graduates.post(.jobSearch(.list), use: create)
        graduates.post(.jobSearch(.edit(id: key)), use: update)
        graduates.get(.jobSearch(.edit(id: key)), use: editPage)
        graduates.post(.jobSearch(.delete(id: key)), use: delete)
        graduates.post(.jobSearch(.move(id: key)), use: move)
        graduates.get(.jobSearch(.accept(id: key)), use: acceptPage)
        graduates.post(.jobSearch(.accept(id: key)), use: accept)
        graduates.post(.jobSearch(.addInterview(id: key)), use: addInterview)
        graduates.post(.jobSearch(.addContact(id: key)), use: addContact)
        graduates.get(.jobSearch(.editInterview(id: key)), use: editInterviewPage)
        graduates.post(.jobSearch(.editInterview(id: key)), use: updateInterview)
        graduates.post(.jobSearch(.interviewResult(id: key)), use: recordResult)
        graduates.post(.jobSearch(.deleteInterview(id: key)), use: deleteInterview)
        graduates.get(.jobSearch(.editContact(id: key)), use: editContactPage)
        graduates.post(.jobSearch(.editContact(id: key)), use: updateContact)
        graduates.post(.jobSearch(.deleteContact(id: key)), use: deleteContact)
        routes.get(.jobSearch(.application(id: key)), use: detail)
        let coaches = routes.grouped(Require(Access.readsOthersJobSearches))
        coaches.get(.jobSearch(.personList(id: key)), use: personList)
        coaches.get(.jobSearch(.personBoard(id: key)), use: personBoard)
        coaches.post(.jobSearch(.correctPlacement(id: key)), use: correctPlacement)
    }

    private func heading(_ scope: Policy.Scope) -> SearchHeading {
        SearchHeading(owner: scope.person.name, ownerID: scope.person.requireIDString, isOwn: scope.isSelf, canWrite: scope.canWriteJobSearch)
    }

    private func ownScope(_ req: Request) async throws -> (Policy.Scope, UserModel) {
        let user = try req.requireUser()
        return (try await JobSearchPolicy(db: req.db).search(of: user, for: user), user)
    }

    private func personScope(_ req: Request) async throws -> (Policy.Scope, UserModel) {
        let viewer = try req.requireUser()
        return (try await JobSearchPolicy(db: req.db).search(of: req.parameter(SiteURL.Parameter.id), for: viewer), viewer)
    }

    // MARK: List

    func ownList(req: Request) async throws -> Response {
        let (scope, viewer) = try await ownScope(req)
        return try await list(req, scope: scope, viewer: viewer)
    }

    func personList(req: Request) async throws -> Response {
        let (scope, viewer) = try await personScope(req)
        return try await list(req, scope: scope, viewer: viewer)
    }

    private func list(_ req: Request, scope: Policy.Scope, viewer: UserModel) async throws -> Response {
        let query = (try? req.query.decode(ListQuery.self)) ?? ListQuery()
        var filter = JobSearch.Filter()
        filter.stage = query.stage.flatMap(Stage.init(rawValue:))
        filter.source = query.source.flatMap(ApplicationSource.init(rawValue:))
        filter.from = query.from.flatMap(LocalDate.init(iso:))
        filter.to = query.to.flatMap(LocalDate.init(iso:))
        filter.text = query.q ?? ""
        filter.sort = query.sort.flatMap(JobSearch.Filter.Sort.init(rawValue:)) ?? .updated
        let search = JobSearch(req: req)
        // Capped so that no page number, however large, overflows the offset.
        let requested = min(max(1, query.page.flatMap(Int.init) ?? 1), Int.max / ListPage.rowsPerPage)
        var (rows, matching) = try await search.applications(of: scope.person, filter: filter, limit: ListPage.rowsPerPage, offset: (requested - 1) * ListPage.rowsPerPage)
        let pageCount = max(1, (matching + ListPage.rowsPerPage - 1) / ListPage.rowsPerPage)
        let pageNumber = min(requested, pageCount)
        if pageNumber != requested {
            // Past the last page (the filter matches fewer now): show the last one.
            rows = try await search.applications(of: scope.person, filter: filter, limit: ListPage.rowsPerPage, offset: (pageNumber - 1) * ListPage.rowsPerPage).rows
        }
        let total = filter.isActive ? try await search.applicationCount(of: scope.person) : matching
        let page = ListPage(
            heading: heading(scope), filter: filter, rows: rows.map(ListPage.Row.init),
            total: total, matching: matching, pageNumber: pageNumber, pageCount: pageCount)
        return req.render(page)
    }

    // MARK: Board

    func ownBoard(req: Request) async throws -> Response {
        let (scope, viewer) = try await ownScope(req)
        return try await board(req, scope: scope, viewer: viewer)
    }

    func personBoard(req: Request) async throws -> Response {
        let (scope, viewer) = try await personScope(req)
        return try await board(req, scope: scope, viewer: viewer)
    }

    private func board(_ req: Request, scope: Policy.Scope, viewer: UserModel) async throws -> Response {
        let search = JobSearch(req: req)
        let board = try await search.board(of: scope.person, perStage: BoardPage.cardsPerColumn)
        let open = (try? req.query.get(String.self, at: "open")).flatMap(Stage.init(rawValue:))
        return req.render(BoardPage(heading: heading(scope), board: board, today: search.today(for: scope.person), open: open))
    }

    // MARK: New and edit

    private func formPage(_ req: Request, action: SiteURL, isNew: Bool, form: ApplicationForm, cancel: SiteURL, errors: FormErrors, status: HTTPResponseStatus = .ok) -> Response {
        req.render(ApplicationFormPage(action: Href(action), isNew: isNew, form: form, cancelURL: Href(cancel), errors: errors, currency: req.settings.currency), status: status)
    }

    func newPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return formPage(req, action: .jobSearch(.list), isNew: true, form: ApplicationForm(stage: .applied, on: JobSearch(req: req).today(for: user)), cancel: .jobSearch(.board), errors: .none)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let search = JobSearch(req: req)
        return try await req.submit(ApplicationForm.self, again: { form, errors, status in
            var form = form
            if form.stage == nil { form.stage = Stage.applied.rawValue }
            return formPage(req, action: .jobSearch(.list), isNew: true, form: form, cancel: .jobSearch(.board), errors: errors, status: status)
        }) { form in
            var errors = ValidationErrors()
            var draft: ApplicationDraft?
            do throws(ValidationErrors) { draft = try form.validate() } catch { errors = error }
            let stage = Stage(rawValue: form.stage ?? "")
            if stage == nil { errors.add("stage", "Choose the stage it is at.") }
            var day: LocalDate?
            do throws(ValidationErrors) { day = try search.moveDate(form.on, for: user) } catch { errors = ValidationErrors(errors.errors + error.errors) }
            try errors.throwIfAny()
            let application = try await search.create(for: user, draft: draft!, stage: stage!, on: day!)
            return req.redirect(to: .jobSearch(.application(id: application.id!.uuidString)), flash: "\(application.company) is on your board.")
        }
    }

    func editPage(req: Request) async throws -> Response {
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        let id = application.id!.uuidString
        return formPage(req, action: .jobSearch(.edit(id: id)), isNew: false, form: ApplicationForm(application), cancel: .jobSearch(.application(id: id)), errors: .none)
    }

    func update(req: Request) async throws -> Response {
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        let id = application.id!.uuidString
        return try await req.submit(ApplicationForm.self, again: { form, errors, status in
            formPage(req, action: .jobSearch(.edit(id: id)), isNew: false, form: form, cancel: .jobSearch(.application(id: id)), errors: errors, status: status)
        }) { form in
            try await JobSearch(req: req).update(application, with: try form.validate())
            return req.redirect(to: .jobSearch(.application(id: id)), flash: "Saved.")
        }
    }

    func delete(req: Request) async throws -> Response {
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        try await JobSearch(req: req).delete(application)
        return req.redirect(to: .jobSearch(.list), flash: "\(application.company) — \(application.roleTitle) is deleted.")
    }

    // MARK: Detail

    func detail(req: Request) async throws -> Response {
        try await detailPage(req, errors: .none)
    }

    private func detailPage(_ req: Request, errors: FormErrors, interviewForm: InterviewForm? = nil, contactForm: ContactForm? = nil, placementForm: PlacementForm? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let (application, scope) = try await JobSearchPolicy(db: req.db).application(req.parameter(SiteURL.Parameter.id), for: viewer)
        let moves = try await application.$moves.query(on: req.db).sort(\.$position).all()
        let interviews = try await application.$interviews.query(on: req.db).sort(\.$scheduledAt).all()
        let contacts = try await application.$contacts.query(on: req.db).sort(\.$name).all()
        let placement = try await PlacementModel.query(on: req.db).filter(\.$application.$id == application.requireID()).with(\.$correctedBy).first()
        let page = ApplicationPage(application, scope: scope, moves: moves, interviews: interviews, contacts: contacts, placement: placement,
                                   today: JobSearch(req: req).today(for: scope.person), errors: errors, interviewForm: interviewForm,
                                   contactForm: contactForm, placementForm: placementForm, currency: req.settings.currency)
        return req.render(page, status: status)
    }

    // MARK: Moves, interviews, contacts

    func move(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        let search = JobSearch(req: req)
        return try await req.submit(MoveForm.self, again: { _, errors, status in try await detailPage(req, errors: errors, status: status) }) { form in
            guard let stage = Stage(rawValue: form.stage ?? "") else {
                throw ValidationErrors([FieldError(field: "stage", message: "Choose the stage to move to.")])
            }
            let day = try search.moveDate(form.on, for: user)
            let said = StageMoves.say(stage, from: application.stage)
            // A move that closes the application is asked once more, unless the page's script
            // asked already; one the form does not offer is refused by the move itself.
            if StageMoves.closes(stage), form.confirmed != "yes", StageMoves.formTargetsByStage[application.stage]?.contains(stage) == true {
                return req.render(ConfirmMovePage(applicationID: application.requireIDString, company: application.company, roleTitle: application.roleTitle,
                                                  stage: stage, said: said, on: day.iso, from: form.from == "board" ? "board" : nil))
            }
            try await search.move(application, to: stage, on: day)
            let done = StageMoves.closes(stage) ? "\(application.company): \(said). The application is closed." : "\(application.company) moved to \(stage.title.lowercased())."
            // From the board, back to the board, at the card in its new column (opened if folded).
            if form.from == "board" {
                return req.redirect(to: Href(.jobSearch(.board), query: stage.isOpen ? "" : "open=" + stage.rawValue, fragment: "card-" + application.requireIDString), flash: done)
            }
            return req.redirect(to: .jobSearch(.application(id: application.id!.uuidString)), flash: done)
        }
    }

    private func acceptPage(_ req: Request, _ application: ApplicationModel, form: PlacementForm, errors: FormErrors, status: HTTPResponseStatus = .ok) -> Response {
        req.render(AcceptOfferPage(applicationID: application.id!.uuidString, company: application.company, form: form, errors: errors), status: status)
    }

    func acceptPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        guard application.stage == .offer else { throw Refusal.notFound("Only an offer can be accepted.") }
        let today = JobSearch(req: req).today(for: user).iso
        let form = PlacementForm(on: today, job_title: application.roleTitle, employment_type: EmploymentType.fullTime.rawValue, in_field: "yes",
                                 salary: application.salaryMax.map(String.init))
        return acceptPage(req, application, form: form, errors: .none)
    }

    func accept(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        let search = JobSearch(req: req)
        return try await req.submit(PlacementForm.self, again: { form, errors, status in acceptPage(req, application, form: form, errors: errors, status: status) }) { form in
            let placement = try form.validate()
            try await search.move(application, to: .accepted, on: search.moveDate(form.on, for: user), placement: placement)
            return req.redirect(to: .jobSearch(.application(id: application.id!.uuidString)), flash: "Congratulations on your new job at \(application.company)!")
        }
    }

    /// A coach (or admin) corrects the placement a graduate recorded.
    func correctPlacement(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).correctableApplication(req.parameter(SiteURL.Parameter.id), for: viewer)
        return try await req.submit(PlacementForm.self, again: { form, errors, status in try await detailPage(req, errors: errors, placementForm: form, status: status) }) { form in
            let draft = try form.validate()
            try await JobSearch(req: req).correctPlacement(of: application, with: draft, by: viewer)
            return req.redirect(to: .jobSearch(.application(id: application.id!.uuidString)), flash: "The placement is corrected.")
        }
    }

    func addInterview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        return try await req.submit(InterviewForm.self, again: { form, errors, status in try await detailPage(req, errors: errors, interviewForm: form, status: status) }) { form in
            let draft = try form.validate(zone: user.timeZone)
            _ = try await JobSearch(req: req).addInterview(to: application, draft)
            return req.redirect(to: .jobSearch(.application(id: application.id!.uuidString)), flash: "\(draft.kind.title) added.")
        }
    }

    func addContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        return try await req.submit(ContactForm.self, again: { form, errors, status in try await detailPage(req, errors: errors, contactForm: form, status: status) }) { form in
            let draft = try form.validate()
            try await JobSearch(req: req).addContact(to: application, draft)
            return req.redirect(to: .jobSearch(.application(id: application.id!.uuidString)), flash: "\(draft.name) added to contacts.")
        }
    }

    // MARK: Editing and deleting interviews and contacts

    private func applicationURL(_ application: ApplicationModel) -> SiteURL {
        .jobSearch(.application(id: application.requireIDString))
    }

    private func interviewPage(_ req: Request, _ interview: InterviewModel, _ application: ApplicationModel, form: InterviewForm, errors: FormErrors,
                               status: HTTPResponseStatus = .ok) -> Response {
        req.render(EditUnderApplicationPage(id: interview.requireIDString, company: application.company, applicationURL: Href(applicationURL(application)),
                                            record: .interview(form), errors: errors), status: status)
    }

    func editInterviewPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (interview, application) = try await JobSearchPolicy(db: req.db).writableInterview(req.parameter(SiteURL.Parameter.id), for: user)
        return interviewPage(req, interview, application, form: InterviewForm(interview, zone: user.timeZone), errors: .none)
    }

    func updateInterview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (interview, application) = try await JobSearchPolicy(db: req.db).writableInterview(req.parameter(SiteURL.Parameter.id), for: user)
        return try await req.submit(InterviewForm.self, again: { form, errors, status in interviewPage(req, interview, application, form: form, errors: errors, status: status) }) { form in
            let draft = try form.validate(zone: user.timeZone)
            try await JobSearch(req: req).update(interview, with: draft)
            return req.redirect(to: applicationURL(application), flash: "\(draft.kind.title) saved.")
        }
    }

    /// The home's "How did it go?": the result, back on the home; a form with a mistake is shown
    /// again on the interview's own page, where every field is.
    func recordResult(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (interview, application) = try await JobSearchPolicy(db: req.db).writableInterview(req.parameter(SiteURL.Parameter.id), for: user)
        return try await req.submit(InterviewForm.self, again: { form, errors, status in
            var shown = InterviewForm(interview, zone: user.timeZone)
            shown.outcome = form.outcome
            shown.feedback = form.feedback
            shown.feedback_is_technical = form.feedback_is_technical
            return interviewPage(req, interview, application, form: shown, errors: errors, status: status)
        }) { form in
            let result = try form.validateResult()
            try await JobSearch(req: req).record(result, of: interview)
            return req.redirect(to: .homes(.graduate), flash: "\(interview.kind.title) at \(application.company): \(result.outcome.title.lowercased()). Saved.")
        }
    }

    func deleteInterview(req: Request) async throws -> Response {
        let (interview, application) = try await JobSearchPolicy(db: req.db).writableInterview(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        try await JobSearch(req: req).delete(interview)
        return req.redirect(to: applicationURL(application), flash: "\(interview.kind.title) deleted.")
    }

    private func contactPage(_ req: Request, _ contact: ContactModel, _ application: ApplicationModel, form: ContactForm, errors: FormErrors,
                             status: HTTPResponseStatus = .ok) -> Response {
        req.render(EditUnderApplicationPage(id: contact.requireIDString, company: application.company, applicationURL: Href(applicationURL(application)),
                                            record: .contact(form), errors: errors), status: status)
    }

    func editContactPage(req: Request) async throws -> Response {
        let (contact, application) = try await JobSearchPolicy(db: req.db).writableContact(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        return contactPage(req, contact, application, form: ContactForm(contact), errors: .none)
    }

    func updateContact(req: Request) async throws -> Response {
        let (contact, application) = try await JobSearchPolicy(db: req.db).writableContact(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        return try await req.submit(ContactForm.self, again: { form, errors, status in contactPage(req, contact, application, form: form, errors: errors, status: status) }) { form in
            let draft = try form.validate()
            try await JobSearch(req: req).update(contact, with: draft)
            return req.redirect(to: applicationURL(application), flash: "\(draft.name) saved.")
        }
    }

    func deleteContact(req: Request) async throws -> Response {
        let (contact, application) = try await JobSearchPolicy(db: req.db).writableContact(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        try await JobSearch(req: req).delete(contact)
        return req.redirect(to: applicationURL(application), flash: "\(contact.name) is no longer among the contacts.")
    }
}

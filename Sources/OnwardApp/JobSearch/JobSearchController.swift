import Fluent
import LeafKit
import OnwardCore
import Vapor

/// The job search pages: a graduate's own board, list and applications, and the same, read-only,
/// for their coach (and for an admin).
struct JobSearchController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let key = SiteURL.key(SiteURL.Parameter.id)
        let graduates = routes.grouped(RequireRole(.graduate))
        graduates.get(.applications, use: ownList)
        graduates.get(.applicationsBoard, use: ownBoard)
        graduates.get(.newApplication, use: newPage)
        graduates.post(.applications, use: create)
        graduates.post(.editApplication(id: key), use: update)
        graduates.get(.editApplication(id: key), use: editPage)
        graduates.post(.deleteApplication(id: key), use: delete)
        graduates.post(.moveApplication(id: key), use: move)
        graduates.get(.acceptOffer(id: key), use: acceptPage)
        graduates.post(.acceptOffer(id: key), use: accept)
        graduates.post(.addInterview(id: key), use: addInterview)
        graduates.post(.addContact(id: key), use: addContact)
        routes.get(.application(id: key), use: detail)
        let coaches = routes.grouped(RequireRole(.coach, .admin))
        coaches.get(.personApplications(id: key), use: personList)
        coaches.get(.personBoard(id: key), use: personBoard)
        coaches.post(.correctPlacement(id: key), use: correctPlacement)
    }

    /// Whose search, and the links of its pages, for the shared list and board views.
    struct Heading: Encodable {
        let owner: String
        let isOwn: Bool
        let listURL: String
        let boardURL: String
        let newURL: String?
        let importURL: String?
        let exportURL: String?
    }

    private func heading(_ scope: JobSearchPolicy.Scope, viewer: UserModel) -> Heading {
        let own = scope.graduate.id == viewer.id
        let id = scope.graduate.requireIDString
        return Heading(
            owner: scope.graduate.name, isOwn: own,
            listURL: own ? SiteURL.applications.path : SiteURL.personApplications(id: id).path,
            boardURL: own ? SiteURL.applicationsBoard.path : SiteURL.personBoard(id: id).path,
            newURL: scope.canWrite && own ? SiteURL.newApplication.path : nil,
            importURL: scope.canWrite && own ? SiteURL.importApplications.path : nil,
            exportURL: own ? SiteURL.exportApplications.path : nil)
    }

    private func ownScope(_ req: Request) async throws -> (JobSearchPolicy.Scope, UserModel) {
        let user = try req.requireUser()
        return (try await JobSearchPolicy(db: req.db).search(of: user.requireIDString, for: user), user)
    }

    private func personScope(_ req: Request) async throws -> (JobSearchPolicy.Scope, UserModel) {
        let viewer = try req.requireUser()
        return (try await JobSearchPolicy(db: req.db).search(of: req.parameter(SiteURL.Parameter.id), for: viewer), viewer)
    }

    // MARK: List

    struct ListPage: Encodable {
        struct Row: Encodable {
            let company: String
            let roleTitle: String
            let url: String
            let stage: String
            let stageKey: String
            let source: String
            /// The day it was sent, or "—" (one value to print: a list page prints 50 rows).
            let sent: String
            let nextAction: String
            let due: String?
            let excitement: Int
        }
        let heading: Heading
        let rows: [Row]
        let hasRows: Bool
        let total: Int
        let matching: Int
        let pageNumber: Int
        let pageCount: Int
        let previousURL: String?
        let nextURL: String?
        let stages: [SelectOption]
        let sources: [SelectOption]
        let sorts: [SelectOption]
        let from: String
        let to: String
        let q: String
        let filtered: Bool
    }

    func ownList(req: Request) async throws -> Response {
        let (scope, viewer) = try await ownScope(req)
        return try await list(req, scope: scope, viewer: viewer)
    }

    func personList(req: Request) async throws -> Response {
        let (scope, viewer) = try await personScope(req)
        return try await list(req, scope: scope, viewer: viewer)
    }

    static let rowsPerPage = 50

    private func list(_ req: Request, scope: JobSearchPolicy.Scope, viewer: UserModel) async throws -> Response {
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
        let requested = min(max(1, query.page.flatMap(Int.init) ?? 1), Int.max / Self.rowsPerPage)
        var (rows, matching) = try await search.applications(of: scope.graduate, filter: filter, limit: Self.rowsPerPage, offset: (requested - 1) * Self.rowsPerPage)
        let pageCount = max(1, (matching + Self.rowsPerPage - 1) / Self.rowsPerPage)
        let pageNumber = min(requested, pageCount)
        if pageNumber != requested {
            // Past the last page (the filter matches fewer now): show the last one.
            rows = try await search.applications(of: scope.graduate, filter: filter, limit: Self.rowsPerPage, offset: (pageNumber - 1) * Self.rowsPerPage).rows
        }
        func link(_ number: Int) -> String {
            var items = URLComponents()
            items.queryItems = [("stage", filter.stage?.rawValue), ("source", filter.source?.rawValue), ("from", filter.from?.iso), ("to", filter.to?.iso),
                                ("q", filter.text.isEmpty ? nil : filter.text), ("sort", filter.sort.rawValue), ("page", String(number))]
                .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
            return heading(scope, viewer: viewer).listURL + "?" + (items.percentEncodedQuery ?? "")
        }
        let total = filter.isActive ? try await search.applicationCount(of: scope.graduate) : matching
        let page = ListPage(
            heading: heading(scope, viewer: viewer),
            rows: rows.map { app in
                .init(company: app.company, roleTitle: app.roleTitle, url: SiteURL.application(id: app.id.uuidString).path,
                      stage: app.stage.title, stageKey: app.stage.rawValue, source: app.source.title, sent: app.sentOn.map(Formats.day(iso:)) ?? "—",
                      nextAction: app.nextAction, due: app.nextActionDue.map(Formats.day(iso:)), excitement: app.excitement)
            },
            hasRows: !rows.isEmpty, total: total, matching: matching, pageNumber: pageNumber, pageCount: pageCount,
            previousURL: pageNumber > 1 ? link(pageNumber - 1) : nil, nextURL: pageNumber < pageCount ? link(pageNumber + 1) : nil,
            stages: Stage.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == filter.stage) },
            sources: ApplicationSource.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == filter.source) },
            sorts: JobSearch.Filter.Sort.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == filter.sort) },
            from: filter.from?.iso ?? "", to: filter.to?.iso ?? "", q: filter.text,
            filtered: filter.isActive)
        let title = page.heading.isOwn ? "Applications" : "\(scope.graduate.name)'s applications"
        return try await req.render("jobsearch/list", page, title: title)
    }

    // MARK: Board

    struct BoardPage: Encodable {
        struct Card: Encodable {
            let company: String
            let roleTitle: String
            let url: String
            /// "Next: call Sam by Tue 1 Dec", or nil when there is none (Leaf counts an empty
            /// string as true). One value rather than two: every lookup counts on a board of 200 cards.
            let next: String?
            let moveAction: String
        }
        struct Column: Encodable {
            let stage: String
            let key: String
            let count: Int
            let cards: [Card]
            /// Whether a card here has a move form (its options: `MoveOptionsTag`).
            let canMove: Bool
            /// Cards past the first few, shown in the list filtered by this stage.
            let more: Int
            let moreURL: String
        }
        let heading: Heading
        let columns: [Column]
        let isEmpty: Bool
    }

    func ownBoard(req: Request) async throws -> Response {
        let (scope, viewer) = try await ownScope(req)
        return try await board(req, scope: scope, viewer: viewer)
    }

    func personBoard(req: Request) async throws -> Response {
        let (scope, viewer) = try await personScope(req)
        return try await board(req, scope: scope, viewer: viewer)
    }

    /// A column shows this many cards, the most exciting first; the rest are a link away.
    static let cardsPerColumn = 25

    private func stageListURL(_ listURL: String, stage: Stage) -> String {
        listURL + "?stage=" + stage.rawValue
    }

    private func board(_ req: Request, scope: JobSearchPolicy.Scope, viewer: UserModel) async throws -> Response {
        let board = try await JobSearch(req: req).board(of: scope.graduate, perStage: Self.cardsPerColumn)
        let canMove = scope.canWrite && scope.graduate.id == viewer.id
        let listURL = heading(scope, viewer: viewer).listURL
        let columns = Stage.allCases.map { stage in
            let count = board.counts[stage] ?? 0
            let cards = (board.cards[stage] ?? []).map { app in
                BoardPage.Card(
                    company: app.company, roleTitle: app.roleTitle, url: SiteURL.application(id: app.id.uuidString).path,
                    next: app.nextAction.isEmpty ? nil : "Next: \(app.nextAction)" + (app.nextActionDue.map { " by " + Formats.day(iso: $0) } ?? ""),
                    moveAction: SiteURL.moveApplication(id: app.id.uuidString).path)
            }
            return BoardPage.Column(
                stage: stage.title, key: stage.rawValue, count: count, cards: cards,
                canMove: canMove && !MoveOptionsTag.targets(from: stage).isEmpty,
                more: count - cards.count, moreURL: stageListURL(listURL, stage: stage))
        }
        let page = BoardPage(heading: heading(scope, viewer: viewer), columns: columns, isEmpty: board.counts.isEmpty)
        let title = page.heading.isOwn ? "Board" : "\(scope.graduate.name)'s board"
        return try await req.render("jobsearch/board", page, title: title)
    }

    // MARK: New and edit

    struct FormPage: Encodable {
        let action: String
        let isNew: Bool
        let form: ApplicationForm
        let sources: [SelectOption]
        let stages: [SelectOption]
        let excitements: [SelectOption]
        let cancelURL: String
        let errors: FormErrors
    }

    private func formPage(_ req: Request, action: SiteURL, isNew: Bool, form: ApplicationForm, cancel: SiteURL, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let page = FormPage(
            action: action.path, isNew: isNew, form: form,
            sources: ApplicationSource.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.source) },
            stages: Stage.allCases.filter(\.isOpen).map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.stage) },
            excitements: (1...5).map { SelectOption(value: String($0), label: Self.excitementLabel($0), selected: String($0) == form.excitement) },
            cancelURL: cancel.path, errors: errors)
        return try await req.render("jobsearch/form", page, title: isNew ? "New application" : "Edit application", status: status)
    }

    static func excitementLabel(_ value: Int) -> String {
        switch value {
        case 1: "1 — not really"
        case 2: "2 — maybe"
        case 3: "3 — interested"
        case 4: "4 — keen"
        default: "5 — dream job"
        }
    }

    func newPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await formPage(req, action: .applications, isNew: true, form: ApplicationForm(stage: .applied, on: JobSearch(req: req).today(for: user)), cancel: .applicationsBoard, errors: .none)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var form = try req.form(ApplicationForm.self)
        let search = JobSearch(req: req)
        do {
            var errors = ValidationErrors()
            var draft: ApplicationDraft?
            do { draft = try form.validate() } catch { errors = error }
            let stage = Stage(rawValue: form.stage ?? "")
            if stage == nil { errors.add("stage", "Choose the stage it is at.") }
            var day: LocalDate?
            do { day = try search.moveDate(form.on, for: user) } catch { errors = ValidationErrors(errors.errors + error.errors) }
            try errors.throwIfAny()
            let application = try await search.create(for: user, draft: draft!, stage: stage!, on: day!)
            return req.redirect(to: .application(id: application.id!.uuidString), flash: "\(application.company) is on your board.")
        } catch let errors as ValidationErrors {
            if form.stage == nil { form.stage = Stage.applied.rawValue }
            return try await formPage(req, action: .applications, isNew: true, form: form, cancel: .applicationsBoard, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    func editPage(req: Request) async throws -> Response {
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        let id = application.id!.uuidString
        return try await formPage(req, action: .editApplication(id: id), isNew: false, form: ApplicationForm(application), cancel: .application(id: id), errors: .none)
    }

    func update(req: Request) async throws -> Response {
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        let id = application.id!.uuidString
        let form = try req.form(ApplicationForm.self)
        do {
            try await JobSearch(req: req).update(application, with: try form.validate())
            return req.redirect(to: .application(id: id), flash: "Saved.")
        } catch let errors as ValidationErrors {
            return try await formPage(req, action: .editApplication(id: id), isNew: false, form: form, cancel: .application(id: id), errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    func delete(req: Request) async throws -> Response {
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        try await JobSearch(req: req).delete(application)
        return req.redirect(to: .applications, flash: "\(application.company) — \(application.roleTitle) is deleted.")
    }

    // MARK: Detail

    struct DetailPage: Encodable {
        struct Event: Encodable {
            let day: String
            let text: String
            let kind: String
        }
        struct Interview: Encodable {
            let kind: String
            let when: String
            let duration: Int
            let withWhom: String
            let outcome: String
            let feedback: String
            let hasFeedback: Bool
            let technical: Bool
        }
        struct Contact: Encodable {
            let name: String
            let role: String
            let email: String
            let profileURL: String
        }
        let owner: String
        let isOwn: Bool
        let canWrite: Bool
        let company: String
        let roleTitle: String
        let stage: String
        let stageKey: String
        let postURL: String?
        let location: String
        let remote: Bool
        let salary: String?
        let source: String
        /// Nil when there is none (Leaf counts an empty string as true).
        let nextAction: String?
        let due: String?
        let notes: String
        let hasNotes: Bool
        let excitement: Int
        let timeline: [Event]
        let interviews: [Interview]
        let hasInterviews: Bool
        let contacts: [Contact]
        let hasContacts: Bool
        let moveAction: String
        let targets: [SelectOption]
        let hasTargets: Bool
        let acceptURL: String?
        let today: String
        let editURL: String
        let deleteAction: String
        let interviewAction: String
        let contactAction: String
        let interviewKinds: [SelectOption]
        let outcomes: [SelectOption]
        let backURL: String
        let errors: FormErrors
        let interviewForm: InterviewForm
        let contactForm: ContactForm
        let placement: Placement?
        let canCorrectPlacement: Bool
        let correctAction: String
        let placementForm: PlacementForm
        let employmentTypes: [SelectOption]

        struct Placement: Encodable {
            let startDate: String
            let jobTitle: String
            let employmentType: String
            let inField: Bool
            let salary: Int
            let correctedBy: String?
        }
    }

    func detail(req: Request) async throws -> Response {
        try await detailPage(req, errors: .none)
    }

    private func detailPage(_ req: Request, errors: FormErrors, interviewForm: InterviewForm? = nil, contactForm: ContactForm? = nil, placementForm: PlacementForm? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let (application, scope) = try await JobSearchPolicy(db: req.db).application(req.parameter(SiteURL.Parameter.id), for: viewer)
        let id = application.id!.uuidString
        let zone = scope.graduate.timeZone
        let moves = try await application.$moves.query(on: req.db).sort(\.$position).all()
        let interviews = try await application.$interviews.query(on: req.db).sort(\.$scheduledAt).all()
        let contacts = try await application.$contacts.query(on: req.db).sort(\.$name).all()
        let placement = try await PlacementModel.query(on: req.db).filter(\.$application.$id == application.requireID()).with(\.$correctedBy).first()
        let canCorrect = placement != nil && [.coach, .admin].contains(viewer.role)
        let tz = TimeZone(identifier: zone) ?? .gmt
        var timeline = moves.enumerated().map { index, move in
            DetailPage.Event(day: move.onDate, text: index == 0 ? "Added as \(move.stage.title.lowercased())" : "Moved to \(move.stage.title.lowercased())", kind: move.stage.rawValue)
        }
        timeline += interviews.map { DetailPage.Event(day: LocalDate($0.scheduledAt, in: tz).iso, text: "\($0.kind.title)\($0.withWhom.isEmpty ? "" : " with \($0.withWhom)")", kind: "interview") }
        timeline.sort { $0.day < $1.day }
        let canWrite = scope.canWrite && scope.graduate.id == viewer.id
        let targets = MoveOptionsTag.targets(from: application.stage)
        let salary = SalaryRange(minimum: application.salaryMin, maximum: application.salaryMax)
        let page = DetailPage(
            owner: scope.graduate.name, isOwn: scope.graduate.id == viewer.id, canWrite: canWrite,
            company: application.company, roleTitle: application.roleTitle, stage: application.stage.title, stageKey: application.stage.rawValue,
            postURL: application.url, location: application.location, remote: application.remote,
            salary: salary == .none ? nil : salary.text, source: application.source.title,
            nextAction: application.nextAction.isEmpty ? nil : application.nextAction, due: application.nextActionDue.map(Formats.day(iso:)), notes: application.notes, hasNotes: !application.notes.isEmpty,
            excitement: application.excitement,
            timeline: timeline.map { .init(day: Formats.day(iso: $0.day), text: $0.text, kind: $0.kind) },
            interviews: interviews.map {
                .init(kind: $0.kind.title, when: Formats.dayAndTime($0.scheduledAt, zone: zone), duration: $0.durationMinutes, withWhom: $0.withWhom,
                      outcome: $0.outcome.title, feedback: $0.feedback, hasFeedback: !$0.feedback.isEmpty, technical: $0.feedbackIsTechnical)
            },
            hasInterviews: !interviews.isEmpty,
            contacts: contacts.map { .init(name: $0.name, role: $0.role, email: $0.email, profileURL: $0.profileURL) }, hasContacts: !contacts.isEmpty,
            moveAction: SiteURL.moveApplication(id: id).path,
            targets: targets.map { SelectOption(value: $0.rawValue, label: $0.title, selected: false) }, hasTargets: canWrite && !targets.isEmpty,
            acceptURL: canWrite && application.stage == .offer ? SiteURL.acceptOffer(id: id).path : nil,
            today: JobSearch(req: req).today(for: scope.graduate).iso,
            editURL: SiteURL.editApplication(id: id).path, deleteAction: SiteURL.deleteApplication(id: id).path,
            interviewAction: SiteURL.addInterview(id: id).path, contactAction: SiteURL.addContact(id: id).path,
            interviewKinds: InterviewKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == interviewForm?.kind) },
            outcomes: InterviewOutcome.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == interviewForm?.outcome) },
            backURL: scope.graduate.id == viewer.id ? SiteURL.applicationsBoard.path : SiteURL.personBoard(id: scope.graduate.requireIDString).path,
            errors: errors,
            interviewForm: interviewForm ?? InterviewForm(date: JobSearch(req: req).today(for: scope.graduate).iso, time: "10:00", duration_minutes: "60"),
            contactForm: contactForm ?? ContactForm(),
            placement: placement.map {
                .init(startDate: Formats.day(iso: $0.startDate), jobTitle: $0.jobTitle, employmentType: $0.employmentType.title, inField: $0.inField,
                      salary: $0.salary, correctedBy: $0.correctedBy?.name)
            },
            canCorrectPlacement: canCorrect, correctAction: SiteURL.correctPlacement(id: id).path,
            placementForm: placementForm ?? placement.map {
                PlacementForm(start_date: $0.startDate, job_title: $0.jobTitle, employment_type: $0.employmentType.rawValue, in_field: $0.inField ? "yes" : "no", salary: String($0.salary))
            } ?? PlacementForm(),
            employmentTypes: EmploymentType.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == (placementForm?.employment_type ?? placement?.employmentType.rawValue)) })
        return try await req.render("jobsearch/detail", page, title: "\(application.company) — \(application.roleTitle)", status: status)
    }

    // MARK: Moves, interviews, contacts

    func move(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        let form = try req.form(MoveForm.self)
        let search = JobSearch(req: req)
        do {
            guard let stage = Stage(rawValue: form.stage ?? "") else {
                throw ValidationErrors([FieldError(field: "stage", message: "Choose the stage to move to.")])
            }
            let day = try search.moveDate(form.on, for: user)
            try await search.move(application, to: stage, on: day)
            return req.redirect(to: .application(id: application.id!.uuidString), flash: "\(application.company) moved to \(stage.title.lowercased()).")
        } catch let errors as ValidationErrors {
            return try await detailPage(req, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    struct AcceptPage: Encodable {
        let company: String
        let roleTitle: String
        let action: String
        let form: PlacementForm
        let types: [SelectOption]
        let cancelURL: String
        let errors: FormErrors
    }

    private func acceptPage(_ req: Request, _ application: ApplicationModel, form: PlacementForm, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = application.id!.uuidString
        let page = AcceptPage(
            company: application.company, roleTitle: application.roleTitle, action: SiteURL.acceptOffer(id: id).path, form: form,
            types: EmploymentType.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.employment_type) },
            cancelURL: SiteURL.application(id: id).path, errors: errors)
        return try await req.render("jobsearch/accept", page, title: "Accept the offer", status: status)
    }

    func acceptPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        guard application.stage == .offer else { throw AppError.notFound("Only an offer can be accepted.") }
        let today = JobSearch(req: req).today(for: user).iso
        let form = PlacementForm(on: today, job_title: application.roleTitle, employment_type: EmploymentType.fullTime.rawValue, in_field: "yes",
                                 salary: application.salaryMax.map(String.init))
        return try await acceptPage(req, application, form: form, errors: .none)
    }

    func accept(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        let form = try req.form(PlacementForm.self)
        let search = JobSearch(req: req)
        do {
            let placement = try PlacementDraft.validate(
                startDate: form.start_date ?? "", jobTitle: form.job_title ?? "", employmentType: form.employment_type ?? "",
                inField: form.in_field ?? "", salary: form.salary ?? "")
            try await search.move(application, to: .accepted, on: search.moveDate(form.on, for: user), placement: placement)
            return req.redirect(to: .application(id: application.id!.uuidString), flash: "Congratulations on your new job at \(application.company)!")
        } catch let errors as ValidationErrors {
            return try await acceptPage(req, application, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    /// A coach (or admin) corrects the placement a graduate recorded.
    func correctPlacement(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let (application, _) = try await JobSearchPolicy(db: req.db).application(req.parameter(SiteURL.Parameter.id), for: viewer)
        let form = try req.form(PlacementForm.self)
        do {
            let draft = try PlacementDraft.validate(
                startDate: form.start_date ?? "", jobTitle: form.job_title ?? "", employmentType: form.employment_type ?? "",
                inField: form.in_field ?? "", salary: form.salary ?? "")
            try await JobSearch(req: req).correctPlacement(of: application, with: draft, by: viewer)
            return req.redirect(to: .application(id: application.id!.uuidString), flash: "The placement is corrected.")
        } catch let errors as ValidationErrors {
            return try await detailPage(req, errors: FormErrors(errors), placementForm: form, status: .unprocessableEntity)
        }
    }

    func addInterview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        let form = try req.form(InterviewForm.self)
        do {
            let draft = try InterviewDraft.validate(
                kind: form.kind ?? "", date: form.date ?? "", time: form.time ?? "", timeZone: TimeZone(identifier: user.timeZone) ?? .gmt,
                durationMinutes: form.duration_minutes ?? "", withWhom: form.with_whom ?? "", outcome: form.outcome ?? "",
                feedback: form.feedback ?? "", feedbackIsTechnical: form.feedback_is_technical == "yes")
            _ = try await JobSearch(req: req).addInterview(to: application, draft)
            return req.redirect(to: .application(id: application.id!.uuidString), flash: "\(draft.kind.title) added.")
        } catch let errors as ValidationErrors {
            return try await detailPage(req, errors: FormErrors(errors), interviewForm: form, status: .unprocessableEntity)
        }
    }

    func addContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await JobSearchPolicy(db: req.db).writableApplication(req.parameter(SiteURL.Parameter.id), for: user)
        let form = try req.form(ContactForm.self)
        do {
            let draft = try ContactDraft.validate(name: form.contact_name ?? "", role: form.contact_role ?? "", email: form.contact_email ?? "", profileURL: form.contact_profile_url ?? "")
            try await JobSearch(req: req).addContact(to: application, draft)
            return req.redirect(to: .application(id: application.id!.uuidString), flash: "\(draft.name) added to contacts.")
        } catch let errors as ValidationErrors {
            return try await detailPage(req, errors: FormErrors(errors), contactForm: form, status: .unprocessableEntity)
        }
    }
}

// The board prints 200 cards and the list 50 rows. Handing Leaf their data directly skips the
// `Encodable` round trip per card or row, which was a tenth of the board's time. The keys are the
// properties' names, as the synthesized `Encodable` names them.
extension JobSearchController.ListPage.Row: LeafDataRepresentable {
    var leafData: LeafData {
        .dictionary([
            "company": .string(company), "roleTitle": .string(roleTitle), "url": .string(url), "stage": .string(stage),
            "stageKey": .string(stageKey), "source": .string(source), "sent": .string(sent), "nextAction": .string(nextAction),
            "due": .string(due), "excitement": .string(String(excitement)),
        ])
    }
}

extension JobSearchController.BoardPage.Card: LeafDataRepresentable {
    var leafData: LeafData {
        .dictionary([
            "company": .string(company), "roleTitle": .string(roleTitle), "url": .string(url),
            "next": .string(next), "moveAction": .string(moveAction),
        ])
    }
}

extension JobSearchController.BoardPage.Column: LeafDataRepresentable {
    var leafData: LeafData {
        .dictionary([
            "stage": .string(stage), "key": .string(key), "count": .int(count), "cards": .array(cards.map(\.leafData)),
            "canMove": .bool(canMove), "more": .int(more), "moreURL": .string(moreURL),
        ])
    }
}

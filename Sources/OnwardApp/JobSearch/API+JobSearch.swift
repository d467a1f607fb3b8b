import Fluent
import Foundation
import OnwardCore
import OpenAPIRuntime
import SQLKit
import Vapor

/// The job search operations of the JSON API: the same use cases and policy as the pages.
extension OnwardAPI {
    /// Whose search: the token owner's, or the named graduate's if the owner may see it.
    private func scope(_ graduateID: String?) async throws -> Policy.Scope {
        let viewer = try user()
        guard let graduateID else { return try await JobSearchPolicy(db: request.db).search(of: viewer, for: viewer) }
        return try await JobSearchPolicy(db: request.db).search(of: graduateID, for: viewer)
    }

    /// An application the token owner may change (their own).
    private func writable(_ id: String) async throws -> ApplicationModel {
        try await JobSearchPolicy(db: request.db).writableApplication(id, for: user())
    }

    /// The day an application was sent, by the same rule as the figures. One query.
    private func appliedOn(_ application: ApplicationModel) async throws -> LocalDate? {
        let moves = try await application.$moves.query(on: request.db).sort(\.$position).all()
        return ApplicationHistory(moves: moves.map(\.move)).submittedOn
    }

    /// The token owner, if they keep a job search of their own to write (a graduate).
    private func ownSearch() async throws -> UserModel {
        let viewer = try user()
        let scope = try await Policy(db: request.db).scope(of: viewer, for: viewer)
        guard scope.canWriteJobSearch else {
            throw Refusal.notAllowed("Only a graduate keeps a job search.")
        }
        return viewer
    }

    /// The most applications one page of the list holds.
    static let maximumPageSize = 200

    func listApplications(_ input: Operations.ListApplications.Input) async throws -> Operations.ListApplications.Output {
        let scope = try await scope(input.query.graduateId)
        var filter = JobSearch.Filter()
        filter.stage = input.query.stage.flatMap { Stage(rawValue: $0.rawValue) }
        filter.source = input.query.source.flatMap { ApplicationSource(rawValue: $0.rawValue) }
        filter.text = input.query.q ?? ""
        let limit = input.query.limit ?? 50
        guard (1...Self.maximumPageSize).contains(limit) else { throw AppError.invalid("limit", "A page holds 1 to \(Self.maximumPageSize) applications.") }
        let page = input.query.page ?? 1
        guard (1...1_000_000).contains(page) else { throw AppError.invalid("page", "Pages are numbered from 1.") }
        let req = try request
        // The list's order and sent days, every field read straight off the page's rows.
        let (listed, total) = try await JobSearch(req: req).applications(
            of: scope.person, filter: filter, limit: limit, offset: (page - 1) * limit, decode: Components.Schemas.Application.init(row:))
        return .ok(.init(body: .json(.init(
            applications: listed,
            page: page, limit: limit, total: total, nextPage: page * limit < total ? page + 1 : nil))))
    }

    func createApplication(_ input: Operations.CreateApplication.Input) async throws -> Operations.CreateApplication.Output {
        let user = try await ownSearch()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let search = JobSearch(req: try request)
        let draft = try ApplicationDraft.validate(
            company: body.company, roleTitle: body.roleTitle, url: body.url ?? "", location: body.location ?? "", remote: body.remote ?? false,
            salaryMinimum: body.salaryMin.map(String.init) ?? "", salaryMaximum: body.salaryMax.map(String.init) ?? "",
            source: body.source?.rawValue ?? ApplicationSource.jobBoard.rawValue, nextAction: body.nextAction ?? "",
            nextActionDue: body.nextActionDue ?? "", notes: body.notes ?? "", excitement: String(body.excitement ?? 3), currency: body.currency?.rawValue ?? "")
        let stage = body.stage.flatMap { Stage(rawValue: $0.rawValue) } ?? .applied
        let day = try search.moveDate(body.on, for: user)
        let application = try await search.create(for: user, draft: draft, stage: stage, on: day)
        return .created(.init(body: .json(.init(application, appliedOn: try await appliedOn(application)))))
    }

    func getApplication(_ input: Operations.GetApplication.Input) async throws -> Operations.GetApplication.Output {
        let req = try request
        let (application, _) = try await JobSearchPolicy(db: req.db).application(input.path.id, for: user())
        let moves = try await application.$moves.query(on: req.db).sort(\.$position).all()
        let interviews = try await application.$interviews.query(on: req.db).sort(\.$scheduledAt).all()
        let contacts = try await application.$contacts.query(on: req.db).sort(\.$name).all()
        let history = ApplicationHistory(moves: moves.map(\.move))
        return .ok(.init(body: .json(.init(
            application: .init(application, appliedOn: history.submittedOn),
            moves: moves.map { .init(stage: .init(rawValue: $0.stage.rawValue)!, on: $0.onDate) },
            interviews: interviews.map(Components.Schemas.Interview.init),
            contacts: contacts.map(Components.Schemas.Contact.init)))))
    }

    func updateApplication(_ input: Operations.UpdateApplication.Input) async throws -> Operations.UpdateApplication.Output {
        let application = try await writable(input.path.id)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let current = application.draft
        let minimum = body.salaryMin ?? current.salary.minimum, maximum = body.salaryMax ?? current.salary.maximum
        if (body.salaryMin == nil) != (body.salaryMax == nil), let minimum, let maximum, minimum > maximum {
            // One end of the range sent, the other as stored: they disagree because of what the
            // application holds, a conflict with its state rather than a bad request.
            throw Refusal.conflict("The salary range would end below where it starts: send salary_min and salary_max together.", field: "salary_max")
        }
        let draft = try ApplicationDraft.validate(
            company: body.company ?? current.company, roleTitle: body.roleTitle ?? current.roleTitle, url: body.url ?? current.url ?? "",
            location: body.location ?? current.location, remote: body.remote ?? current.remote,
            salaryMinimum: minimum.map(String.init) ?? "", salaryMaximum: maximum.map(String.init) ?? "",
            source: body.source?.rawValue ?? current.source.rawValue, nextAction: body.nextAction ?? current.nextAction,
            nextActionDue: body.nextActionDue ?? current.nextActionDue?.iso ?? "", notes: body.notes ?? current.notes,
            excitement: String(body.excitement ?? current.excitement), currency: body.currency?.rawValue ?? current.currency?.code ?? "")
        try await JobSearch(req: request).update(application, with: draft)
        return .ok(.init(body: .json(.init(application, appliedOn: try await appliedOn(application)))))
    }

    func deleteApplication(_ input: Operations.DeleteApplication.Input) async throws -> Operations.DeleteApplication.Output {
        let application = try await writable(input.path.id)
        try await JobSearch(req: request).delete(application)
        return .noContent(.init())
    }

    func moveApplication(_ input: Operations.MoveApplication.Input) async throws -> Operations.MoveApplication.Output {
        let application = try await writable(input.path.id)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let owner = try user()
        let search = JobSearch(req: try request)
        let placement = try body.placement.map { p throws(ValidationErrors) in
            try PlacementDraft.validate(startDate: p.startDate, jobTitle: p.jobTitle, employmentType: p.employmentType.rawValue, inField: p.inField ? "yes" : "no", salary: String(p.salary))
        }
        try await search.move(application, to: Stage(rawValue: body.stage.rawValue)!, on: search.moveDate(body.on, for: owner), placement: placement)
        return .created(.init(body: .json(.init(application, appliedOn: try await appliedOn(application)))))
    }

    func createInterview(_ input: Operations.CreateInterview.Input) async throws -> Operations.CreateInterview.Output {
        let application = try await writable(input.path.id)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        guard let at = InternetDateTime.parse(body.at) else { throw AppError.invalid("at", InternetDateTranscoder.message) }
        let draft = try InterviewDraft.validate(
            kind: InterviewKind(rawValue: body.kind.rawValue)!, at: at, durationMinutes: body.durationMinutes, withWhom: body.withWhom ?? "",
            outcome: body.outcome.flatMap { InterviewOutcome(rawValue: $0.rawValue) } ?? .awaiting, feedback: body.feedback ?? "",
            feedbackIsTechnical: body.feedbackIsTechnical ?? false)
        let interview = try await JobSearch(req: request).addInterview(to: application, draft)
        return .created(.init(body: .json(.init(interview))))
    }

    func updateInterview(_ input: Operations.UpdateInterview.Input) async throws -> Operations.UpdateInterview.Output {
        let (interview, _) = try await JobSearchPolicy(db: request.db).writableInterview(input.path.id, for: user())
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        var at = interview.scheduledAt
        if let raw = body.at {
            guard let parsed = InternetDateTime.parse(raw) else { throw AppError.invalid("at", InternetDateTranscoder.message) }
            at = parsed
        }
        let draft = try InterviewDraft.validate(
            kind: body.kind.map { InterviewKind(rawValue: $0.rawValue)! } ?? interview.kind, at: at, durationMinutes: body.durationMinutes ?? interview.durationMinutes,
            withWhom: body.withWhom ?? interview.withWhom, outcome: body.outcome.map { InterviewOutcome(rawValue: $0.rawValue)! } ?? interview.outcome,
            feedback: body.feedback ?? interview.feedback, feedbackIsTechnical: body.feedbackIsTechnical ?? interview.feedbackIsTechnical)
        try await JobSearch(req: request).update(interview, with: draft)
        return .ok(.init(body: .json(.init(interview))))
    }

    func deleteInterview(_ input: Operations.DeleteInterview.Input) async throws -> Operations.DeleteInterview.Output {
        let (interview, _) = try await JobSearchPolicy(db: request.db).writableInterview(input.path.id, for: user())
        try await JobSearch(req: request).delete(interview)
        return .noContent(.init())
    }

    func createContact(_ input: Operations.CreateContact.Input) async throws -> Operations.CreateContact.Output {
        let application = try await writable(input.path.id)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try ContactDraft.validate(name: body.name, role: body.role ?? "", email: body.email ?? "", profileURL: body.profileUrl ?? "")
        let contact = try await JobSearch(req: request).addContact(to: application, draft)
        return .created(.init(body: .json(.init(contact))))
    }

    func updateContact(_ input: Operations.UpdateContact.Input) async throws -> Operations.UpdateContact.Output {
        let (contact, _) = try await JobSearchPolicy(db: request.db).writableContact(input.path.id, for: user())
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try ContactDraft.validate(name: body.name ?? contact.name, role: body.role ?? contact.role, email: body.email ?? contact.email,
                                              profileURL: body.profileUrl ?? contact.profileURL)
        try await JobSearch(req: request).update(contact, with: draft)
        return .ok(.init(body: .json(.init(contact))))
    }

    func deleteContact(_ input: Operations.DeleteContact.Input) async throws -> Operations.DeleteContact.Output {
        let (contact, _) = try await JobSearchPolicy(db: request.db).writableContact(input.path.id, for: user())
        try await JobSearch(req: request).delete(contact)
        return .noContent(.init())
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        let scope = try await scope(input.query.graduateId)
        let figures = try await JobSearch(req: request).figures(of: scope.person)
        let f = figures.funnel
        return .ok(.init(body: .json(.init(
            applicationsLast7Days: figures.sevenDays.applicationsLast7Days, interviewsLast7Days: figures.sevenDays.interviewsLast7Days,
            weeks: figures.weeks.map { .init(weekStarting: $0.weekStarting.iso, applications: $0.applications, interviews: $0.interviews) },
            funnel: .init(applied: f.applied, responded: f.responded, interviewed: f.interviewed, offered: f.offered,
                          responseRate: f.responseRate, interviewRate: f.interviewRate, offerRate: f.offerRate,
                          medianDaysToFirstResponse: f.medianDaysToFirstResponse)))))
    }

    func importApplications(_ input: Operations.ImportApplications.Input) async throws -> Operations.ImportApplications.Output {
        let user = try await ownSearch()
        guard case .csv(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let text = try await String(collecting: body, upTo: try request.settings.maxUploadBytes)
        let search = JobSearch(req: try request)
        let preview = try await search.preview(csv: text, for: user)
        let dryRun = input.query.dryRun ?? false
        if !dryRun && preview.errors.isEmpty {
            try await search.importRows(preview, for: user)
        }
        if !dryRun && !preview.errors.isEmpty {
            let first = preview.errors[0]
            throw AppError(status: .unprocessableEntity, code: "invalid", message: "Line \(first.line): \(first.message). Nothing was imported (\(Wording.count(preview.errors.count, "line")) to fix; send dry_run=true to see them all).", field: "file")
        }
        return .ok(.init(body: .json(.init(
            dryRun: dryRun, imported: preview.rows.count, duplicates: preview.duplicates.count,
            errors: preview.errors.map { Components.Schemas.ImportResult.ErrorsPayloadPayload(line: $0.line, message: $0.message) }))))
    }

    func exportApplications(_ input: Operations.ExportApplications.Input) async throws -> Operations.ExportApplications.Output {
        let user = try await ownSearch()
        let csv = try await JobSearch(req: request).exportCSV(of: user)
        return .ok(.init(body: .csv(HTTPBody(csv))))
    }
}

extension Components.Schemas.Application {
    init(_ app: ApplicationModel, appliedOn: LocalDate?) {
        self.init(
            id: app.id!.uuidString, graduateId: app.$user.id.uuidString, stage: .init(rawValue: app.stage.rawValue)!, appliedOn: appliedOn?.iso,
            company: app.company, roleTitle: app.roleTitle, url: app.url, location: app.location, remote: app.remote,
            salaryMin: app.salaryMin, salaryMax: app.salaryMax, currency: app.currency, source: .init(rawValue: app.source.rawValue)!, nextAction: app.nextAction,
            nextActionDue: app.nextActionDue, notes: app.notes, excitement: app.excitement)
    }
}

extension Components.Schemas.Application {
    /// From a row of `JobSearch.applications`, column by column.
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: UUID.self).uuidString, graduateId: try row.decode(column: "user_id", as: UUID.self).uuidString,
            stage: .init(rawValue: try row.decode(column: "stage", as: Stage.self).rawValue)!,
            appliedOn: try row.decode(column: "sent_on", as: String?.self),
            company: try row.decode(column: "company", as: String.self), roleTitle: try row.decode(column: "role_title", as: String.self),
            url: try row.decode(column: "url", as: String?.self), location: try row.decode(column: "location", as: String.self),
            remote: try row.decode(column: "remote", as: Bool.self),
            salaryMin: try row.decode(column: "salary_min", as: Int?.self), salaryMax: try row.decode(column: "salary_max", as: Int?.self),
            currency: try row.decode(column: "currency", as: String?.self),
            source: .init(rawValue: try row.decode(column: "source", as: ApplicationSource.self).rawValue)!,
            nextAction: try row.decode(column: "next_action", as: String.self), nextActionDue: try row.decode(column: "next_action_due", as: String?.self),
            notes: try row.decode(column: "notes", as: String.self), excitement: try row.decode(column: "excitement", as: Int.self))
    }
}

extension Components.Schemas.Interview {
    init(_ interview: InterviewModel) {
        self.init(
            id: interview.id!.uuidString, kind: .init(rawValue: interview.kind.rawValue)!, at: interview.scheduledAt, durationMinutes: interview.durationMinutes,
            withWhom: interview.withWhom, outcome: .init(rawValue: interview.outcome.rawValue)!, feedback: interview.feedback,
            feedbackIsTechnical: interview.feedbackIsTechnical)
    }
}

extension Components.Schemas.Contact {
    init(_ contact: ContactModel) {
        self.init(id: contact.requireIDString, name: contact.name, role: contact.role, email: contact.email, profileUrl: contact.profileURL)
    }
}

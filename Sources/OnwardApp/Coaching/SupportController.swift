import Fluent
import OnwardCore
import Vapor

/// The help desk on the web: a graduate's requests and the form to open one, a request's
/// thread, replying and solving, and the careers team's desk. Each request is checked by the policy.
struct SupportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.followsProgramme))
        graduate.get(.coaching(.support), use: list)
        graduate.post(.coaching(.support), use: open)
        let signedIn = routes.grouped(Require.signedIn)
        signedIn.get(.coaching(.supportRequest(id: SiteURL.key(SiteURL.Parameter.id))), use: thread)
        signedIn.post(.coaching(.supportReply(id: SiteURL.key(SiteURL.Parameter.id))), use: reply)
        signedIn.post(.coaching(.solve(id: SiteURL.key(SiteURL.Parameter.id))), use: solve)
        routes.grouped(Require(Access.worksSupportDesk)).get(.coaching(.supportDesk), use: desk)
    }

    /// "Mon 30 Nov 2026, 14:05" where `viewer` lives.
    static func moment(_ date: Date, for viewer: UserModel) -> String {
        Formats.dayAndTime(date, zone: viewer.timeZone)
    }

    /// "first reply after 3 h", or nil while the team has not replied.
    static func firstReply(_ request: SupportRequestModel) -> String? {
        request.firstReplyAt.map { replied in
            let waited = Formats.waited(since: request.openedAt, now: replied)
            return waited == Formats.waited(since: replied, now: replied) ? "first reply within the hour" : "first reply after " + waited
        }
    }

    // MARK: The graduate's requests

    private func listPage(_ req: Request, form: SupportRequestForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let entries = try await SupportUseCases(req: req).requests(of: viewer.requireID()).map { request in
            SupportPage.Entry(url: SiteURL.coaching(.supportRequest(id: request.requireIDString)).path, kind: request.label, subject: request.subject,
                              state: request.state, opened: Self.moment(request.openedAt, for: viewer),
                              meeting: request.meetingAt.map { Self.moment($0, for: viewer) })
        }
        return req.render(SupportPage(entries: entries, form: form, errors: errors), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req, form: SupportRequestForm(kind: req.query[String.self, at: "kind"]))
    }

    func open(req: Request) async throws -> Response {
        let form = try req.form(SupportRequestForm.self)
        do {
            let draft = try SupportRequestDraft.validate(kind: form.kind ?? "", subject: form.subject ?? "", message: form.message ?? "",
                                                         preferredTimes: form.preferred_times ?? "")
            let request = try await SupportUseCases(req: req).open(draft, for: req.requireUser())
            return req.redirect(to: .coaching(.supportRequest(id: request.requireIDString)), flash: "Sent. Your coaches will reply here.")
        } catch let errors as ValidationErrors {
            return try await listPage(req, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    // MARK: One request

    private func threadPage(_ req: Request, form: SupportReplyForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let thread = try await SupportUseCases(req: req).thread(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        let request = thread.request
        let id = request.requireIDString
        let page = SupportRequestPage(
            subject: request.subject, kind: request.kind, graduate: thread.graduate.name,
            graduateURL: thread.scope.isSelf ? nil : SiteURL.programme(.graduate(id: thread.graduate.requireIDString)).path,
            state: request.state, isTeam: !thread.scope.isSelf, opened: Self.moment(request.openedAt, for: viewer),
            age: Formats.waited(since: request.openedAt, now: req.now), firstReply: Self.firstReply(request),
            message: request.message, preferredTimes: request.preferredTimes, meeting: request.meetingAt.map { Self.moment($0, for: viewer) },
            replies: thread.replies.map { reply in
                .init(author: PersonName(reply.author.name, role: reply.author.role), written: Self.moment(reply.writtenAt, for: viewer), body: reply.body,
                      meeting: reply.meetingAt.map { Self.moment($0, for: viewer) })
            },
            replyURL: SiteURL.coaching(.supportReply(id: id)).path,
            solveURL: request.state == .solved ? nil : SiteURL.coaching(.solve(id: id)).path,
            form: form, errors: errors)
        return req.render(page, status: status)
    }

    func thread(req: Request) async throws -> Response {
        try await threadPage(req)
    }

    func reply(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let form = try req.form(SupportReplyForm.self)
        let id = try req.parameter(SiteURL.Parameter.id)
        let useCases = SupportUseCases(req: req)
        // Who may reply is checked before the form is read.
        _ = try await useCases.thread(of: id, for: viewer)
        do {
            let draft = try SupportReplyDraft.validate(body: form.body ?? "", date: form.meeting_date ?? "", time: form.meeting_time ?? "",
                                                       timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, now: req.now)
            try await useCases.reply(to: id, draft, by: viewer)
            return req.redirect(to: .coaching(.supportRequest(id: id)), flash: "Your reply is sent.")
        } catch let errors as ValidationErrors {
            return try await threadPage(req, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    func solve(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        try await SupportUseCases(req: req).solve(id, by: req.requireUser())
        return req.redirect(to: .coaching(.supportRequest(id: id)), flash: "Marked solved.")
    }

    // MARK: The desk

    func desk(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let (open, pending, solved) = try await SupportUseCases(req: req).desk(for: viewer)
        func row(_ item: SupportUseCases.Row) -> SupportDeskPage.Row {
            SupportDeskPage.Row(url: SiteURL.coaching(.supportRequest(id: item.request.requireIDString)).path, graduate: item.graduate.name,
                                kind: item.request.label, subject: item.request.subject, age: Formats.waited(since: item.request.openedAt, now: req.now),
                                firstReply: Self.firstReply(item.request), meeting: item.request.meetingAt.map { Self.moment($0, for: viewer) })
        }
        return req.render(SupportDeskPage(open: open.map(row), pending: pending.map(row), solved: solved.map(row)))
    }
}

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

    // MARK: The graduate's requests

    private func listPage(_ req: Request, form: SupportRequestForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let requests = try await SupportUseCases(req: req).requests(of: viewer.requireID())
        return req.render(SupportPage(requests: requests, viewer: viewer, form: form, errors: errors), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req, form: SupportRequestForm(kind: req.query[String.self, at: "kind"]))
    }

    func open(req: Request) async throws -> Response {
        try await req.submit(SupportRequestForm.self, again: { try await listPage(req, form: $0, errors: $1, status: $2) }) { form in
            let draft = try SupportRequestDraft.validate(kind: form.kind ?? "", subject: form.subject ?? "", message: form.message ?? "",
                                                         preferredTimes: form.preferred_times ?? "")
            let request = try await SupportUseCases(req: req).open(draft, for: req.requireUser())
            return req.redirect(to: .coaching(.supportRequest(id: request.requireIDString)), flash: "Sent. Your coaches will reply here.")
        }
    }

    // MARK: One request

    private func threadPage(_ req: Request, form: SupportReplyForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let thread = try await SupportUseCases(req: req).thread(of: req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        return req.render(SupportRequestPage(thread: thread, now: req.now, form: form, errors: errors), status: status)
    }

    func thread(req: Request) async throws -> Response {
        try await threadPage(req)
    }

    func reply(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let id = try req.parameter(SiteURL.Parameter.id)
        let useCases = SupportUseCases(req: req)
        // Who may reply is checked before the form is read.
        _ = try await useCases.thread(of: id, for: viewer)
        return try await req.submit(SupportReplyForm.self, again: { try await threadPage(req, form: $0, errors: $1, status: $2) }) { form in
            let draft = try SupportReplyDraft.validate(body: form.body ?? "", date: form.meeting_date ?? "", time: form.meeting_time ?? "",
                                                       timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, now: req.now)
            try await useCases.reply(to: id, draft, by: viewer)
            return req.redirect(to: .coaching(.supportRequest(id: id)), flash: "Your reply is sent.")
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
        return req.render(SupportDeskPage(open: open, pending: pending, solved: solved, viewer: viewer, now: req.now))
    }
}

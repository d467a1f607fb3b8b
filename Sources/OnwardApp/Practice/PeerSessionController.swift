import Fluent
import OnwardCore
import Vapor

/// Peer practice sessions on the web: the cohort's upcoming ones and hosting one, a session's
/// page, joining, noting what you practised.
struct PeerSessionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.practisesWithPeers))
        graduate.get(.practice(.peerSessions), use: list)
        graduate.post(.practice(.peerSessions), use: host)
        routes.grouped(Require(Access.readsPeerSessions)).get(.practice(.peerSession(id: SiteURL.key(SiteURL.Parameter.id))), use: session)
        graduate.post(.practice(.joinPeerSession(id: SiteURL.key(SiteURL.Parameter.id))), use: join)
        graduate.post(.practice(.notePeerSession(id: SiteURL.key(SiteURL.Parameter.id))), use: note)
        graduate.post(.practice(.leavePeerSession(id: SiteURL.key(SiteURL.Parameter.id))), use: leave)
        graduate.post(.practice(.cancelPeerSession(id: SiteURL.key(SiteURL.Parameter.id))), use: cancel)
    }

    private func listPage(_ req: Request, form: PeerSessionForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let sessions = try await PeerSessionUseCases(req: req).upcoming(for: viewer)
        return req.render(PeerSessionsPage(sessions: sessions, viewer: viewer, form: form, errors: errors), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req)
    }

    func host(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await req.submit(PeerSessionForm.self, again: { form, errors, status in try await listPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try PeerSessionDraft.validate(day: form.day ?? "", time: form.time ?? "", minutes: form.minutes ?? "", kind: form.kind ?? "",
                                                      places: form.places ?? "", link: form.link ?? "", timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, now: req.now)
            let session = try await PeerSessionUseCases(req: req).host(draft, by: viewer)
            return req.redirect(to: .practice(.peerSession(id: session.requireIDString)), flash: "Your session is on. Your cohort sees it and can join.")
        }
    }

    private func sessionPage(_ req: Request, form: PeerNoteForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let detail = try await PeerSessionUseCases(req: req).detail(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        return req.render(PeerSessionPage(detail, viewer: viewer, now: req.now, form: form, errors: errors), status: status)
    }

    func session(req: Request) async throws -> Response {
        try await sessionPage(req)
    }

    func join(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            try await PeerSessionUseCases(req: req).join(id, by: req.requireUser())
            return req.redirect(to: .practice(.peerSession(id: id)), flash: "You have a place. The link to join is on this page.")
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.peerSession(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    /// Back on the session's page either way: what happened, or why not.
    private func change(_ req: Request, _ act: (String) async throws -> (session: PeerSessionModel, late: Bool), said: (Bool) -> String) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            let (_, late) = try await act(id)
            return req.redirect(to: .practice(.peerSession(id: id)), flash: said(late))
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.peerSession(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    func leave(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await change(req, { try await PeerSessionUseCases(req: req).leave($0, by: viewer) }) { late in
            "Your place is given up" + (late ? ", less than a day before: recorded as late." : ".")
        }
    }

    func cancel(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await change(req, { try await PeerSessionUseCases(req: req).cancel($0, by: viewer) }) { late in
            "The session is cancelled; those with a place see it on its page" + (late ? ". Less than a day before: recorded as late." : ".")
        }
    }

    func note(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        return try await req.submit(PeerNoteForm.self, again: { form, errors, status in try await sessionPage(req, form: form, errors: errors, status: status) }, conflictsGoTo: .practice(.peerSession(id: id))) { form in
            try await PeerSessionUseCases(req: req).note(id, form.note ?? "", by: req.requireUser())
            return req.redirect(to: .practice(.peerSession(id: id)), flash: "Noted.")
        }
    }
}

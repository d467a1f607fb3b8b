import Fluent
import OnwardCore
import Vapor

/// Coaching events on the web: the list (with the form to hold one, for the careers team), an
/// event's page, answering it, cancelling it.
struct EventController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let seers = routes.grouped(Require(Access.seesEvents))
        seers.get(.coaching(.events), use: list)
        seers.get(.coaching(.event(id: SiteURL.key(SiteURL.Parameter.id))), use: event)
        let holders = routes.grouped(Require(Access.holdsEvents))
        holders.post(.coaching(.events), use: create)
        holders.post(.coaching(.cancelEvent(id: SiteURL.key(SiteURL.Parameter.id))), use: cancel)
        routes.grouped(Require(Access.followsProgramme)).post(.coaching(.answerEvent(id: SiteURL.key(SiteURL.Parameter.id))), use: answer)
    }

    private func listPage(_ req: Request, form: EventForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let useCases = EventUseCases(req: req)
        let (upcoming, past) = try await useCases.events(for: viewer)
        let cohorts = Access.holdsEvents(viewer.viewer) ? try await useCases.cohorts() : []
        return req.render(EventsPage(upcoming: upcoming, past: past, cohorts: cohorts, viewer: viewer, form: form, errors: errors), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req)
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await req.submit(EventForm.self, again: { form, errors, status in try await listPage(req, form: form, errors: errors, status: status) }) { form in
            let cohort = (form.cohort_id ?? "").trimmed
            let draft = try EventDraft.validate(title: form.title ?? "", description: form.description ?? "", day: form.day ?? "", start: form.start ?? "",
                                                end: form.end ?? "", timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, link: form.link ?? "",
                                                place: form.place ?? "", cohortID: cohort.isEmpty ? nil : cohort, now: req.now)
            let event = try await EventUseCases(req: req).create(draft, by: viewer)
            return req.redirect(to: .coaching(.event(id: event.requireIDString)), flash: "The event is on. Graduates it is for see it and answer.")
        }
    }

    func event(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let detail = try await EventUseCases(req: req).detail(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        return req.render(EventPage(detail, viewer: viewer, now: req.now))
    }

    func answer(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        let form = try req.form(EventAnswerForm.self)
        guard let answer = EventAnswer(rawValue: (form.answer ?? "").trimmed) else {
            return req.redirect(to: SiteURL.coaching(.event(id: id)).path).flash(.error, "Choose going or not going.", on: req)
        }
        do {
            try await EventUseCases(req: req).answer(id, answer, by: req.requireUser())
            return req.redirect(to: .coaching(.event(id: id)), flash: answer == .going ? "You are going. See you there." : "Noted: you are not going.")
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.event(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    func cancel(req: Request) async throws -> Response {
        let event = try await EventUseCases(req: req).cancel(req.parameter(SiteURL.Parameter.id), by: req.requireUser())
        return req.redirect(to: .coaching(.events), flash: "\(event.title) is cancelled.")
    }
}

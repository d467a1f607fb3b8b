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

    static func entry(_ item: EventUseCases.Listed, for viewer: UserModel) -> EventsPage.Entry {
        EventsPage.Entry(url: SiteURL.coaching(.event(id: item.event.requireIDString)).path, title: item.event.title,
                         when: Formats.span(item.event.startsAt, item.event.endsAt, zone: viewer.timeZone),
                         audience: item.cohortName ?? "everyone", online: !item.event.link.isEmpty, place: item.event.place, going: item.going, own: item.own)
    }

    private func listPage(_ req: Request, form: EventForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let useCases = EventUseCases(req: req)
        let (upcoming, past) = try await useCases.events(for: viewer)
        let holds = Access.holdsEvents(viewer.viewer)
        let cohorts = holds ? try await useCases.cohorts().map { (id: $0.id!.uuidString, name: $0.name) } : []
        return req.render(EventsPage(upcoming: upcoming.map { Self.entry($0, for: viewer) }, past: past.map { Self.entry($0, for: viewer) },
                                     holdsEvents: holds, cohorts: cohorts, timeZone: viewer.timeZone, form: form, errors: errors), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req)
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let form = try req.form(EventForm.self)
        do {
            let cohort = (form.cohort_id ?? "").trimmed
            let draft = try EventDraft.validate(title: form.title ?? "", description: form.description ?? "", day: form.day ?? "", start: form.start ?? "",
                                                end: form.end ?? "", timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, link: form.link ?? "",
                                                place: form.place ?? "", cohortID: cohort.isEmpty ? nil : cohort, now: req.now)
            let event = try await EventUseCases(req: req).create(draft, by: viewer)
            return req.redirect(to: .coaching(.event(id: event.requireIDString)), flash: "The event is on. Graduates it is for see it and answer.")
        } catch let errors as ValidationErrors {
            return try await listPage(req, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let error as Refusal where error.field == "cohort_id" {
            return try await listPage(req, form: form, errors: FormErrors(error), status: .unprocessableEntity)
        }
    }

    func event(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let detail = try await EventUseCases(req: req).detail(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        let event = detail.event
        let id = event.requireIDString
        func names(_ answer: EventAnswer) -> [String] { detail.answers.filter { $0.answer.answer == answer }.map(\.graduate.name) }
        return req.render(EventPage(
            title: event.title, description: event.description, when: Formats.span(event.startsAt, event.endsAt, zone: viewer.timeZone),
            audience: detail.cohortName ?? "every graduate", heldBy: PersonName(detail.createdBy.name, role: detail.createdBy.role), link: event.link.isEmpty ? nil : event.link, place: event.place,
            going: detail.going, own: detail.own, answerURL: detail.canAnswer ? SiteURL.coaching(.answerEvent(id: id)).path : nil,
            hasStarted: !EventRules.takesAnswers(startsAt: event.startsAt, now: req.now),
            whoComes: detail.seesWhoComes ? .init(going: names(.going), notGoing: names(.notGoing), goingCount: detail.going, notGoingCount: detail.notGoing,
                                                  unanswered: detail.unanswered) : nil,
            cancelURL: detail.canCancel ? SiteURL.coaching(.cancelEvent(id: id)).path : nil))
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

import Fluent
import OnwardCore
import Vapor

/// Pairing on the web: a graduate asks, answers proposals, adds the link and notes; a volunteer
/// posts their availability; a coach pairs by hand the requests that found nobody.
struct PairingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.pairs))
        graduate.get(.practice(.pairing), use: overview)
        graduate.post(.practice(.pairing), use: ask)
        graduate.post(.practice(.withdrawPairingRequest(id: SiteURL.key(SiteURL.Parameter.id))), use: withdraw)
        graduate.get(.practice(.volunteer), use: volunteer)
        graduate.post(.practice(.volunteer), use: postAvailability)
        graduate.post(.practice(.stopVolunteering), use: stopVolunteering)
        let signedIn = routes.grouped(Require.signedIn)
        signedIn.get(.practice(.pairingSession(id: SiteURL.key(SiteURL.Parameter.id))), use: session)
        signedIn.post(.practice(.answerPairing(id: SiteURL.key(SiteURL.Parameter.id))), use: answer)
        signedIn.post(.practice(.pairingLink(id: SiteURL.key(SiteURL.Parameter.id))), use: link)
        signedIn.post(.practice(.notePairing(id: SiteURL.key(SiteURL.Parameter.id))), use: note)
        let coach = routes.grouped(Require(Access.matchesPairsByHand))
        coach.get(.practice(.unmatchedRequests), use: unmatched)
        coach.get(.practice(.matchByHand(requestID: SiteURL.key(SiteURL.Parameter.id))), use: handMatch)
        coach.post(.practice(.matchByHand(requestID: SiteURL.key(SiteURL.Parameter.id))), use: postHandMatch)
    }

    // MARK: A graduate's pairing

    /// With no form sent, the request's stacks are those of the graduate's profile.
    private func overviewPage(_ req: Request, form: PairingForm? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let overview = try await PairingUseCases(req: req).overview(of: viewer)
        return req.render(PairingPage(overview, viewer: viewer, now: req.now, form: form ?? PairingForm(stacksOf: viewer), errors: errors), status: status)
    }

    func overview(req: Request) async throws -> Response {
        try await overviewPage(req)
    }

    func ask(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        if try await PairingUseCases(req: req).openRequest(of: viewer) != nil {
            return req.redirect(to: SiteURL.practice(.pairing).path).flash(.error, PairingUseCases.alreadyAsked, on: req)
        }
        return try await req.submit(PairingForm.self, again: { form, errors, status in try await overviewPage(req, form: form, errors: errors, status: status) },
                                    conflictsGoTo: .practice(.pairing)) { form in
            let draft = try PairingRequestDraft.validate(topic: form.topic ?? "", kinds: form.kinds, stacks: form.stacks ?? "", avoiding: form.avoid_stacks ?? "",
                                                         windows: .rows(form.rows, timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt), now: req.now)
            let asked = try await PairingUseCases(req: req).ask(draft, by: viewer)
            return req.redirect(to: .practice(.pairing), flash: asked.proposal != nil ? "We found a match: accept it below." :
                                    "Your request is in. You will see a proposal here as soon as someone's times and kind of session meet yours.")
        }
    }

    func withdraw(req: Request) async throws -> Response {
        do {
            try await PairingUseCases(req: req).withdraw(try req.parameter(SiteURL.Parameter.id), by: req.requireUser())
            return req.redirect(to: .practice(.pairing), flash: "Your request is withdrawn.")
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.pairing).path).flash(.error, error.message, on: req)
        }
    }

    // MARK: Volunteering

    private func volunteerPage(_ req: Request, form: PairingForm? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let row = try await PairingUseCases(req: req).volunteering(of: viewer)
        return req.render(VolunteerPage(row, viewer: viewer, now: req.now, form: form, errors: errors), status: status)
    }

    func volunteer(req: Request) async throws -> Response {
        try await volunteerPage(req)
    }

    func postAvailability(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await req.submit(PairingForm.self, again: { form, errors, status in try await volunteerPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try AvailabilityDraft.validate(topics: form.topics ?? "", kinds: form.kinds, stacks: form.stacks ?? "",
                                                       windows: .rows(form.rows, timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt), now: req.now)
            try await PairingUseCases(req: req).volunteer(draft, by: viewer)
            return req.redirect(to: .practice(.volunteer), flash: "Thank you. Graduates who ask are matched with you at these times; you accept or decline each.")
        }
    }

    func stopVolunteering(req: Request) async throws -> Response {
        do {
            try await PairingUseCases(req: req).stopVolunteering(by: req.requireUser())
            return req.redirect(to: .practice(.volunteer), flash: "You have stopped volunteering. The pairings both of you accepted stand; the proposals still waiting are withdrawn.")
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.volunteer).path).flash(.error, error.message, on: req)
        }
    }

    // MARK: One pairing

    private func sessionPage(_ req: Request, linkForm: PairingLinkForm = .init(), noteForm: PairingNoteForm? = nil, errors: FormErrors = .none,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let found = try await PairingUseCases(req: req).detail(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        return req.render(PairingSessionPage(found, viewer: viewer, now: req.now, linkForm: linkForm, noteForm: noteForm, errors: errors), status: status)
    }

    func session(req: Request) async throws -> Response {
        try await sessionPage(req)
    }

    /// Runs `change`, then back to the pairing's page with what it says; a refusal (409) is said there.
    private func change(_ req: Request, _ change: (PairingUseCases, String, UserModel) async throws -> String) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            let done = try await change(PairingUseCases(req: req), id, req.requireUser())
            return req.redirect(to: .practice(.pairingSession(id: id)), flash: done)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.pairingSession(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    func answer(req: Request) async throws -> Response {
        let answer = try req.form(PairingAnswerForm.self).answer
        guard answer == "accept" || answer == "decline" else {
            return try await sessionPage(req, errors: FormErrors(ValidationErrors([FieldError(field: "answer", message: "Choose Accept or Decline.")])), status: .unprocessableEntity)
        }
        let accept = answer == "accept"
        return try await change(req) { pairing, id, viewer in
            switch try await pairing.answer(id, accept: accept, by: viewer).state {
            case .accepted: "Accepted by both: you are paired. Add the link to join below."
            case .proposed: "Accepted. Once the other side accepts too, you are paired."
            case .declined, .withdrawn: "Declined. A request looks for someone else."
            }
        }
    }

    func link(req: Request) async throws -> Response {
        try await req.submit(PairingLinkForm.self, again: { form, errors, status in try await sessionPage(req, linkForm: form, errors: errors, status: status) }) { form in
            return try await change(req) { pairing, id, viewer in
                try await pairing.setLink(id, form.link ?? "", by: viewer)
                return "The link is saved: you both see it here."
            }
        }
    }

    func note(req: Request) async throws -> Response {
        try await req.submit(PairingNoteForm.self, again: { form, errors, status in try await sessionPage(req, noteForm: form, errors: errors, status: status) }) { form in
            return try await change(req) { pairing, id, viewer in
                try await pairing.note(id, form.note ?? "", by: viewer)
                return "Noted."
            }
        }
    }

    // MARK: Coaches

    func unmatched(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return req.render(UnmatchedRequestsPage(try await PairingUseCases(req: req).unmatched(for: viewer), viewer: viewer, now: req.now))
    }

    private func handMatchPage(_ req: Request, form: HandMatchForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let id = try req.parameter(SiteURL.Parameter.id)
        let pairing = PairingUseCases(req: req)
        guard let item = try await pairing.unmatched(for: viewer).first(where: { $0.request.requireIDString == id.uppercased() }) else { throw PairingUseCases.noSuchRequest }
        let candidates = try await pairing.candidates(for: item, by: viewer)
        return req.render(HandMatchPage(item, candidates: candidates, viewer: viewer, now: req.now, form: form, errors: errors), status: status)
    }

    func handMatch(req: Request) async throws -> Response {
        try await handMatchPage(req)
    }

    func postHandMatch(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let id = try req.parameter(SiteURL.Parameter.id)
        return try await req.submit(HandMatchForm.self, again: { form, errors, status in try await handMatchPage(req, form: form, errors: errors, status: status) }, conflictsGoTo: .practice(.unmatchedRequests)) { form in
            let draft = try HandMatchDraft.validate(partner: form.partner ?? "", day: form.day ?? "", time: form.time ?? "",
                                                    timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, now: req.now)
            let pairing = try await PairingUseCases(req: req).matchByHand(id, draft, by: viewer)
            return req.redirect(to: .practice(.pairingSession(id: pairing.requireIDString)), flash: "Proposed. Both see it on their pairing page and accept or decline.")
        }
    }
}

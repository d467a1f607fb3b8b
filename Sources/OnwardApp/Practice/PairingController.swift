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

    static func when(_ pairing: PairingModel, for viewer: UserModel) -> String {
        Formats.span(pairing.startsAt, pairing.endsAt, zone: viewer.timeZone)
    }

    static func windows(_ windows: [TimeWindow], for viewer: UserModel) -> [String] {
        windows.map { Formats.span($0.start, $0.end, zone: viewer.timeZone) }
    }

    static func tags(_ tags: Set<PairingTag>) -> String {
        PairingTag.allCases.filter(tags.contains).map(\.title).joined(separator: ", ")
    }

    // MARK: A graduate's pairing

    private func overviewPage(_ req: Request, form: PairingForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let overview = try await PairingUseCases(req: req).overview(of: viewer)
        let now = req.now
        var proposals: [PairingPage.Proposal] = [], upcoming: [PairingPage.Entry] = [], past: [PairingPage.Entry] = []
        for item in overview.pairings {
            let pairing = item.pairing, partner = item.partner(of: viewer)
            let url = SiteURL.practice(.pairingSession(id: pairing.requireIDString)).path
            if pairing.isLive(at: now) {
                let accepted = pairing.isFirst(viewer.id) ? pairing.firstAccepted : pairing.secondAccepted
                proposals.append(.init(url: url, partner: partner.name, partnerAccepted: pairing.isFirst(viewer.id) ? pairing.secondAccepted : pairing.firstAccepted,
                                       when: Self.when(pairing, for: viewer),
                                       topic: pairing.isFirst(viewer.id) ? pairing.secondTopic : pairing.firstTopic,
                                       answerURL: accepted ? nil : SiteURL.practice(.answerPairing(id: pairing.requireIDString)).path, matchedByHand: pairing.$matchedBy.id != nil))
            } else {
                let entry = PairingPage.Entry(url: url, partner: partner.name, when: Self.when(pairing, for: viewer),
                                              state: pairing.title(at: now))
                if pairing.state == .accepted && pairing.endsAt > now { upcoming.append(entry) } else { past.append(entry) }
            }
        }
        let request = overview.request.map { request in
            PairingPage.Request(topic: request.topic, tags: Self.tags(request.tags), windows: Self.windows(request.windows, for: viewer),
                                asked: Formats.waited(since: request.askedAt, now: now) + " ago", timesPassed: PairingMatcher.ahead(request.windows, of: now).isEmpty,
                                withdrawURL: SiteURL.practice(.withdrawPairingRequest(id: request.requireIDString)).path)
        }
        return req.render(PairingPage(proposals: proposals.reversed(), request: request, upcoming: upcoming.reversed(), past: Array(past.prefix(10)),
                                      volunteering: overview.volunteer?.active == true, timeZone: viewer.timeZone, form: form, errors: errors), status: status)
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
            let draft = try PairingRequestDraft.validate(topic: form.topic ?? "", tags: form.tags,
                                                         windows: .rows(form.rows, timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt), now: req.now)
            let asked = try await PairingUseCases(req: req).ask(draft, by: viewer)
            return req.redirect(to: .practice(.pairing), flash: asked.proposal != nil ? "We found a match: accept it below." :
                                    "Your request is in. You will see a proposal here as soon as someone's times and tags meet yours.")
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
        let active = row?.active == true
        var shown = form ?? PairingForm()
        if form == nil, let row, active {
            // The times still ahead, as typed in the volunteer's zone, so saving keeps them.
            let zone = TimeZone(identifier: viewer.timeZone) ?? .gmt
            let rows = PairingMatcher.ahead(row.windows, of: req.now).map {
                WindowRow(day: LocalDate($0.start, in: zone).iso, start: Formats.clock($0.start, in: zone), end: Formats.clock($0.end, in: zone))
            }
            shown = PairingForm(topics: row.topics, tags: row.tags, rows: rows)
        }
        return req.render(VolunteerPage(volunteering: active, windows: active ? Self.windows(PairingMatcher.ahead(row!.windows, of: req.now), for: viewer) : [],
                                        timeZone: viewer.timeZone, form: shown, errors: errors), status: status)
    }

    func volunteer(req: Request) async throws -> Response {
        try await volunteerPage(req)
    }

    func postAvailability(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await req.submit(PairingForm.self, again: { form, errors, status in try await volunteerPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try AvailabilityDraft.validate(topics: form.topics ?? "", tags: form.tags,
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
        let id = try req.parameter(SiteURL.Parameter.id)
        let found = try await PairingUseCases(req: req).detail(of: id, for: viewer)
        let pairing = found.pairing, now = req.now
        let isSide = Access.isSideOfPairing(viewer.viewer, sides: pairing.sides), isFirst = pairing.isFirst(viewer.id)
        let scope = pairing.scope(for: viewer.viewer, now: now)
        let open = pairing.isLive(at: now)
        let mineAccepted = isFirst ? pairing.firstAccepted : pairing.secondAccepted
        let matchedBy = pairing.matchedBy?.name
        let waiting: String?
        if !open { waiting = nil }
        else if isSide { waiting = mineAccepted ? "You accepted. Waiting for \(found.partner(of: viewer).name)." : nil }
        else {
            let accepted = [(found.first, pairing.firstAccepted), (found.second, pairing.secondAccepted)].filter(\.1).map(\.0.name)
            waiting = accepted.isEmpty ? "Waiting for both to accept." : "\(accepted.joined(separator: " and ")) accepted. Waiting for the other."
        }
        return req.render(PairingSessionPage(
            heading: isSide ? "Pairing with \(found.partner(of: viewer).name)" : "Pairing: \(found.first.name) and \(found.second.name)",
            when: Self.when(pairing, for: viewer), state: pairing.title(at: now),
            sides: [.init(name: found.first.name, topic: pairing.firstTopic, note: pairing.firstNote),
                    .init(name: found.second.name + (pairing.$partnerRequest.id == nil ? " (volunteer)" : ""), topic: pairing.secondTopic, note: pairing.secondNote)],
            matchedBy: matchedBy, link: scope.readsLink ? pairing.link : "",
            answerURL: isSide && open && !mineAccepted ? SiteURL.practice(.answerPairing(id: id)).path : nil, waiting: waiting,
            linkURL: scope.setsLink ? SiteURL.practice(.pairingLink(id: id)).path : nil,
            noteURL: scope.notes ? SiteURL.practice(.notePairing(id: id)).path : nil,
            back: Access.pairs(viewer.viewer) ? ("All your pairing", SiteURL.practice(.pairing).path) : ("Requests to pair that found nobody", SiteURL.practice(.unmatchedRequests).path),
            linkForm: linkForm, noteForm: noteForm ?? PairingNoteForm(note: isFirst ? pairing.firstNote : pairing.secondNote), errors: errors), status: status)
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
        let rows = try await PairingUseCases(req: req).unmatched(for: viewer).map { item in
            UnmatchedRequestsPage.Row(url: SiteURL.practice(.matchByHand(requestID: item.request.requireIDString)).path, person: item.person.name,
                                      topic: item.request.topic, tags: Self.tags(item.request.tags),
                                      windows: Self.windows(PairingMatcher.ahead(item.request.windows, of: req.now), for: viewer),
                                      asked: Formats.waited(since: item.request.askedAt, now: req.now) + " ago")
        }
        return req.render(UnmatchedRequestsPage(rows: rows))
    }

    private func handMatchPage(_ req: Request, form: HandMatchForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let id = try req.parameter(SiteURL.Parameter.id)
        let pairing = PairingUseCases(req: req)
        guard let item = try await pairing.unmatched(for: viewer).first(where: { $0.request.requireIDString == id.uppercased() }) else { throw PairingUseCases.noSuchRequest }
        let options = try await pairing.partnerOptions(for: viewer).filter { $0.person != item.request.$user.id }
            .map { SelectOption(value: $0.key, label: $0.label, selected: $0.key == form.partner) }
        return req.render(HandMatchPage(action: SiteURL.practice(.matchByHand(requestID: id)).path, person: item.person.name, topic: item.request.topic,
                                        tags: Self.tags(item.request.tags), windows: Self.windows(PairingMatcher.ahead(item.request.windows, of: req.now), for: viewer),
                                        options: options, timeZone: viewer.timeZone, form: form, errors: errors), status: status)
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

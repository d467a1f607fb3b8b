import Fluent
import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// Practice's API operations: pairing (requests, volunteering, pairings, a coach's match by hand).
extension OnwardAPI {
    private static func window(_ window: TimeWindow) -> Components.Schemas.TimeWindow {
        .init(start: window.start, end: window.end)
    }

    private static func kinds(_ kinds: Set<PairingKind>) -> [Components.Schemas.PairingKind] {
        PairingKind.allCases.filter(kinds.contains).map { .init(rawValue: $0.rawValue)! }
    }

    private static func pairingRequest(_ request: PairingRequestModel, person: UserModel, holders: [UUID: UUID]) -> Components.Schemas.PairingRequest {
        .init(id: request.requireIDString, personId: person.requireIDString, personName: person.name, topic: request.topic, kinds: kinds(request.kinds),
              stacks: request.stacks, avoidStacks: request.avoidedStacks,
              windows: request.windows.map(window), askedAt: request.askedAt, status: .init(rawValue: request.status.rawValue)!,
              proposalId: request.id.flatMap { holders[$0] }?.uuidString)
    }

    private static func pairing(_ item: PairingUseCases.Pairing, for viewer: UserModel, now: Date) -> Components.Schemas.Pairing {
        let pairing = item.pairing
        func side(_ person: UserModel, topic: String, accepted: Bool, note: String) -> Components.Schemas.PairingSide {
            .init(id: person.requireIDString, name: person.name, topic: topic, accepted: accepted, note: note)
        }
        return .init(id: pairing.requireIDString, state: .init(rawValue: pairing.state.rawValue)!,
                     lapsed: pairing.isLapsed(at: now), startsAt: pairing.startsAt, endsAt: pairing.endsAt,
                     first: side(item.first, topic: pairing.firstTopic, accepted: pairing.firstAccepted, note: pairing.firstNote),
                     second: side(item.second, topic: pairing.secondTopic, accepted: pairing.secondAccepted, note: pairing.secondNote),
                     volunteer: pairing.$partnerRequest.id == nil, matchedByName: pairing.matchedBy?.name,
                     link: pairing.scope(for: viewer.viewer, now: now).readsLink && !pairing.link.isEmpty ? pairing.link : nil)
    }

    private static func volunteering(_ row: PairingVolunteerModel?, now: Date) -> Components.Schemas.Volunteering {
        guard let row else { return .init(active: false, topics: "", kinds: [], stacks: [], windows: []) }
        return .init(active: row.active, topics: row.topics, kinds: kinds(row.kinds), stacks: row.stacks, windows: PairingMatcher.ahead(row.windows, of: now).map(window), updatedAt: row.updatedAt)
    }

    private func pairingGraduate() throws -> UserModel {
        try tokenOwner(Access.pairs, else: "Only a graduate asks to pair and volunteers.")
    }

    private static func moments(_ windows: [Components.Schemas.TimeWindow]) -> WindowsInput {
        .moments(windows.map { TimeWindow(start: $0.start, end: $0.end) })
    }

    /// A pairing as the viewer sees it, after `change`.
    private func pairingOutput(_ rawID: String, for viewer: UserModel) async throws -> Components.Schemas.Pairing {
        let request = try request
        return Self.pairing(try await PairingUseCases(req: request).detail(of: rawID, for: viewer), for: viewer, now: request.now)
    }

    func listPairingRequests(_ input: Operations.ListPairingRequests.Input) async throws -> Operations.ListPairingRequests.Output {
        let graduate = try pairingGraduate()
        let pairing = PairingUseCases(req: try request)
        let holders = try await pairing.holders()
        return .ok(.init(body: .json(try await pairing.requests(of: graduate).map { Self.pairingRequest($0, person: graduate, holders: holders) })))
    }

    func askToPair(_ input: Operations.AskToPair.Input) async throws -> Operations.AskToPair.Output {
        let graduate = try pairingGraduate()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try PairingRequestDraft.validate(topic: body.topic, kinds: body.kinds.map(\.rawValue), stacks: Stacks.typed(body.stacks ?? [], field: "stacks"),
                                                     avoiding: Stacks.typed(body.avoidStacks ?? [], field: "avoid_stacks"),
                                                     windows: Self.moments(body.windows), now: try request.now)
        let pairing = PairingUseCases(req: try request)
        let asked = try await pairing.ask(draft, by: graduate)
        return .created(.init(body: .json(Self.pairingRequest(asked.request, person: graduate, holders: try await pairing.holders()))))
    }

    func withdrawPairingRequest(_ input: Operations.WithdrawPairingRequest.Input) async throws -> Operations.WithdrawPairingRequest.Output {
        let graduate = try pairingGraduate()
        let pairing = PairingUseCases(req: try request)
        try await pairing.withdraw(input.path.id, by: graduate)
        guard let withdrawn = try await PairingRequestModel.find(UUID(uuidString: input.path.id), on: try request.db) else { throw PairingUseCases.noSuchRequest }
        return .ok(.init(body: .json(Self.pairingRequest(withdrawn, person: graduate, holders: [:]))))
    }

    func listUnmatchedPairingRequests(_ input: Operations.ListUnmatchedPairingRequests.Input) async throws -> Operations.ListUnmatchedPairingRequests.Output {
        let viewer = try tokenOwner(Access.matchesPairsByHand, else: "Only coaches and admins see the requests that found nobody.")
        let unmatched = try await PairingUseCases(req: try request).unmatched(for: viewer)
        return .ok(.init(body: .json(unmatched.map { Self.pairingRequest($0.request, person: $0.person, holders: [:]) })))
    }

    func matchPairingRequest(_ input: Operations.MatchPairingRequest.Input) async throws -> Operations.MatchPairingRequest.Output {
        let viewer = try tokenOwner(Access.matchesPairsByHand, else: "Only coaches and admins match pairs by hand.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let partner = "\(body.partnerKind.rawValue):\(body.partnerId)", now = try request.now
        // With no hour, the use case takes the first both are free.
        let draft = try body.startsAt.map { startsAt throws(ValidationErrors) in try HandMatchDraft.validate(partner: partner, startsAt: startsAt, now: now) }
            ?? HandMatchDraft(partner: partner, slot: nil)
        let matched = try await PairingUseCases(req: try request).matchByHand(input.path.id, draft, by: viewer, hourField: "starts_at")
        return .created(.init(body: .json(try await pairingOutput(matched.requireIDString, for: viewer))))
    }

    func getVolunteering(_ input: Operations.GetVolunteering.Input) async throws -> Operations.GetVolunteering.Output {
        let graduate = try pairingGraduate()
        let request = try request
        return .ok(.init(body: .json(Self.volunteering(try await PairingUseCases(req: request).volunteering(of: graduate), now: request.now))))
    }

    func putVolunteering(_ input: Operations.PutVolunteering.Input) async throws -> Operations.PutVolunteering.Output {
        let graduate = try pairingGraduate()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let request = try request
        let draft = try AvailabilityDraft.validate(topics: body.topics, kinds: body.kinds.map(\.rawValue), stacks: Stacks.typed(body.stacks ?? [], field: "stacks"), windows: Self.moments(body.windows),
                                                   now: request.now)
        return .ok(.init(body: .json(Self.volunteering(try await PairingUseCases(req: request).volunteer(draft, by: graduate), now: request.now))))
    }

    func stopVolunteering(_ input: Operations.StopVolunteering.Input) async throws -> Operations.StopVolunteering.Output {
        let graduate = try pairingGraduate()
        let request = try request
        let pairing = PairingUseCases(req: request)
        try await pairing.stopVolunteering(by: graduate)
        return .ok(.init(body: .json(Self.volunteering(try await pairing.volunteering(of: graduate), now: request.now))))
    }

    func listPairings(_ input: Operations.ListPairings.Input) async throws -> Operations.ListPairings.Output {
        let graduate = try pairingGraduate()
        let request = try request
        return .ok(.init(body: .json(try await PairingUseCases(req: request).pairings(of: graduate).map { Self.pairing($0, for: graduate, now: request.now) })))
    }

    func getPairing(_ input: Operations.GetPairing.Input) async throws -> Operations.GetPairing.Output {
        .ok(.init(body: .json(try await pairingOutput(input.path.id, for: user()))))
    }

    func answerPairing(_ input: Operations.AnswerPairing.Input) async throws -> Operations.AnswerPairing.Output {
        let viewer = try user()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        try await PairingUseCases(req: try request).answer(input.path.id, accept: body.accept, by: viewer)
        return .ok(.init(body: .json(try await pairingOutput(input.path.id, for: viewer))))
    }

    func setPairingLink(_ input: Operations.SetPairingLink.Input) async throws -> Operations.SetPairingLink.Output {
        let viewer = try user()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        try await PairingUseCases(req: try request).setLink(input.path.id, body.link, by: viewer)
        return .ok(.init(body: .json(try await pairingOutput(input.path.id, for: viewer))))
    }

    func notePairing(_ input: Operations.NotePairing.Input) async throws -> Operations.NotePairing.Output {
        let viewer = try user()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        try await PairingUseCases(req: try request).note(input.path.id, body.note, by: viewer)
        return .ok(.init(body: .json(try await pairingOutput(input.path.id, for: viewer))))
    }
}

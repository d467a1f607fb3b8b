import Fluent
import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// Practice's API operations: mock interviews, peer practice sessions.
extension OnwardAPI {
    /// A slot; where to meet only as `meeting` gives it (its coach's own slots, or a booking's two).
    private static func mockSlot(_ slot: MockSlotModel, coach: String, booking: MockBookingModel?, meeting: (link: String?, place: String?) = (nil, nil))
        -> Components.Schemas.MockSlot {
        .init(id: slot.requireIDString, coachName: coach, startsAt: slot.startsAt, minutes: .init(rawValue: slot.minutes)!,
              themes: MockTheme.allCases.filter(slot.themes.contains).map { .init(rawValue: $0.rawValue)! }, booked: booking != nil, bookingId: booking?.requireIDString,
              link: meeting.link, place: meeting.place)
    }

    private static func mockBooking(_ item: MockInterviewUseCases.Booking, for viewer: UserModel) -> Components.Schemas.MockBooking {
        let booking = item.booking
        return .init(id: booking.requireIDString, slot: mockSlot(item.slot, coach: item.coach.name, booking: booking, meeting: item.meeting(for: viewer)),
                     graduateId: item.graduate.requireIDString,
                     graduateName: item.graduate.name, theme: .init(rawValue: booking.theme.rawValue)!, practise: booking.practise, bookedAt: booking.bookedAt,
                     cancelledAt: booking.cancelledAt, lateCancellation: booking.lateCancellation, rubric: item.rubric.map(Self.mockRubric))
    }

    private static func mockRubric(_ rubric: MockRubricModel) -> Components.Schemas.MockRubric {
        .init(problemSolving: rubric.problemSolving, codeComprehension: rubric.codeComprehension, communication: rubric.communication,
              technicalKnowledge: rubric.technicalKnowledge, topicArea: rubric.topicArea, strengths: rubric.strengths, improvements: rubric.improvements,
              resources: rubric.resources, scoredAt: rubric.scoredAt)
    }

    func listMockSlots(_ input: Operations.ListMockSlots.Input) async throws -> Operations.ListMockSlots.Output {
        let viewer = try user()
        let mock = MockInterviewUseCases(req: try request)
        let slots: [MockInterviewUseCases.Slot]
        if Access.holdsMockInterviews(viewer.viewer) { slots = try await mock.slots(of: viewer) }
        else if Access.booksMockInterviews(viewer.viewer) { slots = try await mock.openSlots() }
        else { throw Refusal.notAllowed("Only graduates and coaches have mock interview slots.") }
        return .ok(.init(body: .json(slots.map { listed in
            Self.mockSlot(listed.slot, coach: listed.coach.name, booking: listed.booking,
                          meeting: listed.coach.id == viewer.id ? (listed.slot.link, listed.slot.place) : (nil, nil))
        })))
    }

    func openMockSlot(_ input: Operations.OpenMockSlot.Input) async throws -> Operations.OpenMockSlot.Output {
        let coach = try tokenOwner(Access.holdsMockInterviews, else: "Only a coach opens mock interview slots.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try MockSlotDraft.validate(startsAt: body.startsAt, minutes: body.minutes.rawValue, themes: body.themes.map(\.rawValue), now: try request.now)
            .meeting(link: body.link ?? "", place: body.place ?? "")
        let slot = try await MockInterviewUseCases(req: try request).open(draft, by: coach)
        return .created(.init(body: .json(Self.mockSlot(slot, coach: coach.name, booking: nil, meeting: (slot.link, slot.place)))))
    }

    func bookMockSlot(_ input: Operations.BookMockSlot.Input) async throws -> Operations.BookMockSlot.Output {
        let graduate = try tokenOwner(Access.booksMockInterviews, else: "Only a graduate books a mock interview.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let mock = MockInterviewUseCases(req: try request)
        let slot = try await mock.slot(input.path.id)
        // The text is the request's to get right (422); whether the slot covers the theme depends on the slot (409).
        let draft = try MockBookingDraft.validate(theme: body.theme.rawValue, practise: body.practise, slotThemes: Set(MockTheme.allCases))
        guard slot.themes.contains(draft.theme) else {
            throw Refusal.conflict("This slot does not cover \(draft.theme.title.lowercased()).", field: "theme")
        }
        let booking = try await mock.book(input.path.id, draft, by: graduate)
        return .created(.init(body: .json(Self.mockBooking(try await mock.detail(of: booking.requireIDString, for: graduate), for: graduate))))
    }

    func listMockBookings(_ input: Operations.ListMockBookings.Input) async throws -> Operations.ListMockBookings.Output {
        let graduate = try tokenOwner(Access.booksMockInterviews, else: "Only a graduate books mock interviews.")
        return .ok(.init(body: .json(try await MockInterviewUseCases(req: try request).bookings(of: graduate).map { Self.mockBooking($0, for: graduate) })))
    }

    func getMockBooking(_ input: Operations.GetMockBooking.Input) async throws -> Operations.GetMockBooking.Output {
        let viewer = try user()
        return .ok(.init(body: .json(Self.mockBooking(try await MockInterviewUseCases(req: try request).detail(of: input.path.id, for: viewer), for: viewer))))
    }

    func cancelMockBooking(_ input: Operations.CancelMockBooking.Input) async throws -> Operations.CancelMockBooking.Output {
        let viewer = try user()
        let mock = MockInterviewUseCases(req: try request)
        try await mock.cancel(input.path.id, by: viewer)
        return .ok(.init(body: .json(Self.mockBooking(try await mock.detail(of: input.path.id, for: viewer), for: viewer))))
    }

    func scoreMockBooking(_ input: Operations.ScoreMockBooking.Input) async throws -> Operations.ScoreMockBooking.Output {
        let viewer = try user()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let mock = MockInterviewUseCases(req: try request)
        _ = try await mock.detail(of: input.path.id, for: viewer)
        let draft = try RubricDraft.validate(
            scores: [RubricCriterion.problemSolving.rawValue: String(body.problemSolving), RubricCriterion.codeComprehension.rawValue: String(body.codeComprehension),
                     RubricCriterion.communication.rawValue: String(body.communication), RubricCriterion.technicalKnowledge.rawValue: String(body.technicalKnowledge),
                     RubricCriterion.topicArea.rawValue: String(body.topicArea)],
            strengths: body.strengths, improvements: body.improvements, resources: body.resources ?? "")
        return .created(.init(body: .json(Self.mockRubric(try await mock.score(input.path.id, draft, by: viewer)))))
    }

    // MARK: Peer practice sessions

    private static func peerSession(_ session: PeerSessionModel, host: UserModel, taken: Int, joined: Bool, link: String?,
                                    participants: [Components.Schemas.PeerParticipant]? = nil) -> Components.Schemas.PeerSession {
        .init(id: session.requireIDString, kind: .init(rawValue: session.kind.rawValue)!, startsAt: session.startsAt, minutes: session.minutes,
              places: session.places, taken: taken, hostId: host.requireIDString, hostName: host.name, joined: joined, link: link,
              participants: participants, cancelledAt: session.cancelledAt)
    }

    private static func peerSession(_ detail: PeerSessionUseCases.Detail) -> Components.Schemas.PeerSession {
        peerSession(detail.session, host: detail.host, taken: detail.seats.count, joined: detail.joined != nil, link: detail.link,
                    participants: zip(detail.seats, detail.notes).map { .init(name: $0.person.name, note: $1) })
    }

    private func peerGraduate() throws -> UserModel {
        try tokenOwner(Access.practisesWithPeers, else: "Only a graduate practises in peer sessions.")
    }

    func listPeerSessions(_ input: Operations.ListPeerSessions.Input) async throws -> Operations.ListPeerSessions.Output {
        let graduate = try peerGraduate()
        let sessions = try await PeerSessionUseCases(req: try request).upcoming(for: graduate)
        return .ok(.init(body: .json(sessions.map { listed in
            Self.peerSession(listed.session, host: listed.host, taken: listed.taken, joined: listed.joined,
                             link: Access.canReadInsidePeerSession(graduate.viewer, tookPart: listed.joined) ? listed.session.link : nil)
        })))
    }

    func hostPeerSession(_ input: Operations.HostPeerSession.Input) async throws -> Operations.HostPeerSession.Output {
        let graduate = try peerGraduate()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try PeerSessionDraft.validate(startsAt: body.startsAt, minutes: body.minutes, kind: body.kind.rawValue, places: body.places, link: body.link,
                                                  now: try request.now)
        let peers = PeerSessionUseCases(req: try request)
        let session = try await peers.host(draft, by: graduate)
        return .created(.init(body: .json(Self.peerSession(try await peers.detail(of: session.requireIDString, for: graduate)))))
    }

    func getPeerSession(_ input: Operations.GetPeerSession.Input) async throws -> Operations.GetPeerSession.Output {
        let viewer = try tokenOwner(Access.readsPeerSessions, else: "Only graduates, and coaches for their graduates' sessions, read a peer session.")
        return .ok(.init(body: .json(Self.peerSession(try await PeerSessionUseCases(req: try request).detail(of: input.path.id, for: viewer)))))
    }

    func joinPeerSession(_ input: Operations.JoinPeerSession.Input) async throws -> Operations.JoinPeerSession.Output {
        let graduate = try peerGraduate()
        let peers = PeerSessionUseCases(req: try request)
        try await peers.join(input.path.id, by: graduate)
        return .created(.init(body: .json(Self.peerSession(try await peers.detail(of: input.path.id, for: graduate)))))
    }

    func leavePeerSession(_ input: Operations.LeavePeerSession.Input) async throws -> Operations.LeavePeerSession.Output {
        let graduate = try peerGraduate()
        let peers = PeerSessionUseCases(req: try request)
        _ = try await peers.leave(input.path.id, by: graduate)
        return .ok(.init(body: .json(Self.peerSession(try await peers.detail(of: input.path.id, for: graduate)))))
    }

    func cancelPeerSession(_ input: Operations.CancelPeerSession.Input) async throws -> Operations.CancelPeerSession.Output {
        let graduate = try peerGraduate()
        let peers = PeerSessionUseCases(req: try request)
        _ = try await peers.cancel(input.path.id, by: graduate)
        return .ok(.init(body: .json(Self.peerSession(try await peers.detail(of: input.path.id, for: graduate)))))
    }

    func notePeerSession(_ input: Operations.NotePeerSession.Input) async throws -> Operations.NotePeerSession.Output {
        let graduate = try peerGraduate()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let peers = PeerSessionUseCases(req: try request)
        try await peers.note(input.path.id, body.note, by: graduate)
        return .ok(.init(body: .json(Self.peerSession(try await peers.detail(of: input.path.id, for: graduate)))))
    }
}

import Fluent
import Foundation
import OnwardCore
import Vapor

/// Morning peer practice sessions: a graduate hosts one (technical or behavioural, so many
/// places, a link); the graduates of their cohort see it and join until it is full; afterwards
/// each notes what they practised.
struct PeerSessionUseCases: UseCases {
    let db: any Database
    let now: Date

    struct Listed {
        let session: PeerSessionModel
        let host: UserModel
        let taken: Int
        let joined: Bool
    }

    struct Detail {
        let session: PeerSessionModel
        let host: UserModel
        let seats: [(seat: PeerSeatModel, person: UserModel)]
        var joined: (PeerSeatModel)? = nil
        /// Those who gave their place up, with when (a late one is marked on the page).
        var left: [(seat: PeerSeatModel, person: UserModel)] = []
        /// The link to join, for one who took part (`Access.canReadInsidePeerSession`); what each
        /// practised, for those who took part and each one's coaches (`Access.canReadPeerNote`).
        var link: String?
        var notes: [String]
    }

    static let noSuchSession = Refusal.notFound("There is no such peer session.")

    /// `graduate` hosts a session, and takes its first place: both rows in one transaction.
    @discardableResult
    func host(_ draft: PeerSessionDraft, by graduate: UserModel) async throws -> PeerSessionModel {
        let session = PeerSessionModel(hostID: try graduate.requireID(), draft: draft)
        let hostID = try graduate.requireID(), now = self.now
        try await db.transaction { db in
            try await session.create(on: db)
            try await PeerSeatModel(sessionID: try session.requireID(), userID: hostID, at: now).create(on: db)
        }
        return session
    }

    /// The sessions of `viewer`'s cohort that have not ended, the soonest first. Three queries.
    func upcoming(for viewer: UserModel) async throws -> [Listed] {
        guard Access.practisesWithPeers(viewer.viewer) else { return [] }
        var hosts = UserModel.query(on: db).filter(\.$role == .graduate)
        if let cohort = viewer.$cohort.id { hosts = hosts.filter(\.$cohort.$id == cohort) } else { hosts = hosts.filter(\.$id == (try viewer.requireID())) }
        let people = try await hosts.all()
        let byID = Dictionary(people.compactMap { person in person.id.map { ($0, person) } }, uniquingKeysWith: { first, _ in first })
        guard !byID.isEmpty else { return [] }
        let sessions = try await PeerSessionModel.query(on: db).filter(\.$host.$id ~~ Array(byID.keys)).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt > now.addingTimeInterval(-Double(PeerSessionDraft.minuteRange.upperBound) * 60)).sort(\.$startsAt).all()
            .filter { $0.startsAt.addingTimeInterval(Double($0.minutes) * 60) > now }
        let ids = sessions.compactMap(\.id)
        let seats = ids.isEmpty ? [] : try await PeerSeatModel.query(on: db).filter(\.$session.$id ~~ ids).filter(\.$leftAt == nil).all()
        return sessions.compactMap { session in
            guard let host = byID[session.$host.id] else { return nil }
            let mine = seats.filter { $0.$session.id == session.id }
            return Listed(session: session, host: host, taken: mine.count, joined: mine.contains { $0.$user.id == viewer.id })
        }
    }

    func detail(of rawID: String, for viewer: UserModel) async throws -> Detail {
        guard let id = UUID(uuidString: rawID), let session = try await PeerSessionModel.query(on: db).filter(\.$id == id).with(\.$host).first()
        else { throw Self.noSuchSession }
        let all = try await PeerSeatModel.query(on: db).filter(\.$session.$id == id).with(\.$user).sort(\.$joinedAt).all()
        let seats = all.filter { $0.leftAt == nil }
        // Whom a coach coaches matters only to a coach.
        let coached = viewer.role == .coach ? try await Policy(db: db).coachedGraduateIDs(of: viewer) : []
        guard Access.canSeePeerSession(viewer.viewer, host: session.$host.id.uuidString, hostCohort: session.host.$cohort.id?.uuidString,
                                       viewerCohort: viewer.$cohort.id?.uuidString, coachesAParticipant: seats.contains { coached.contains($0.$user.id) },
                                       tookPart: all.contains { $0.$user.id == viewer.id })
        else { throw Self.noSuchSession }
        let joined = seats.first { $0.$user.id == viewer.id }
        return Detail(session: session, host: session.host, seats: seats.map { ($0, $0.user) }, joined: joined,
                      left: all.filter { $0.leftAt != nil }.map { ($0, $0.user) },
                      link: Access.canReadInsidePeerSession(viewer.viewer, tookPart: joined != nil) ? session.link : nil,
                      notes: seats.map { Access.canReadPeerNote(viewer.viewer, tookPart: joined != nil, coachesWriter: coached.contains($0.$user.id)) ? $0.note : "" })
    }

    /// `graduate` takes a place in session `rawID` while there is one and it has not started. The
    /// session's row is locked (the write lock on SQLite), so of many at once only as many as
    /// there are places join; the others are told it is full (409).
    @discardableResult
    func join(_ rawID: String, by graduate: UserModel) async throws -> PeerSeatModel {
        let found = try await detail(of: rawID, for: graduate)
        let id = try found.session.requireID(), userID = try graduate.requireID(), now = self.now
        let places = found.session.places, startsAt = found.session.startsAt
        return try await db.writeTransaction { db in
            try await db.lockRow(of: PeerSessionModel.schema, id: id)
            if try await PeerSessionModel.find(id, on: db)?.cancelledAt != nil { throw Refusal.conflict("This session is cancelled.") }
            let all = try await PeerSeatModel.query(on: db).filter(\.$session.$id == id).all()
            let seats = all.filter { $0.leftAt == nil }
            if seats.contains(where: { $0.$user.id == userID }) { throw Refusal.conflict("You have a place already.") }
            guard PeerSessionRules.mayJoin(taken: seats.count, places: places, startsAt: startsAt, now: now) else {
                throw Refusal.conflict(now >= startsAt ? "This session has started." : "This session is full.")
            }
            // One who left and comes back takes their old row again (one row a person a session).
            if let earlier = all.first(where: { $0.$user.id == userID }) {
                earlier.leftAt = nil
                earlier.joinedAt = now
                try await earlier.save(on: db)
                return earlier
            }
            let seat = PeerSeatModel(sessionID: id, userID: userID, at: now)
            try await seat.create(on: db)
            return seat
        }
    }

    /// A participant other than the host gives up their place before the session starts; the
    /// place opens for someone else, and the leaving is kept with its moment.
    func leave(_ rawID: String, by graduate: UserModel) async throws -> (session: PeerSessionModel, late: Bool) {
        let found = try await detail(of: rawID, for: graduate)
        guard let seat = found.joined else { throw Refusal.conflict("You have no place in this session.") }
        guard found.session.$host.id != graduate.id else { throw Refusal.conflict("You host this session: cancel it instead.") }
        guard PeerSessionRules.mayLeave(at: now, startsAt: found.session.startsAt) else { throw Refusal.conflict("This session has started.") }
        seat.leftAt = now
        try await seat.save(on: db)
        return (found.session, PeerSessionRules.isLate(at: now, startsAt: found.session.startsAt))
    }

    /// The host calls the session off before it starts: nobody can join it any more, and those
    /// who had a place see on its page that it is cancelled, and when.
    func cancel(_ rawID: String, by graduate: UserModel) async throws -> (session: PeerSessionModel, late: Bool) {
        let found = try await detail(of: rawID, for: graduate)
        guard found.session.$host.id == graduate.id else { throw Refusal.notAllowed("Only the host cancels a session.") }
        guard found.session.cancelledAt == nil else { throw Refusal.conflict("This session is cancelled already.") }
        guard PeerSessionRules.mayLeave(at: now, startsAt: found.session.startsAt) else { throw Refusal.conflict("This session has started.") }
        found.session.cancelledAt = now
        try await found.session.save(on: db)
        return (found.session, PeerSessionRules.isLate(at: now, startsAt: found.session.startsAt))
    }

    /// A participant notes what they practised, once the session has started.
    @discardableResult
    func note(_ rawID: String, _ raw: String, by graduate: UserModel) async throws -> PeerSeatModel {
        let found = try await detail(of: rawID, for: graduate)
        guard let seat = found.joined else { throw Refusal.notAllowed("Only those who took part note what they practised.") }
        guard PeerSessionRules.mayNote(startsAt: found.session.startsAt, now: now) else {
            throw Refusal.conflict("Note what you practised once the session has started.")
        }
        seat.note = try PeerNote.validate(raw)
        try await seat.save(on: db)
        return seat
    }
}

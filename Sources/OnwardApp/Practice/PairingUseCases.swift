import Fluent
import Foundation
import OnwardCore
import Vapor

/// Pairing: a graduate asks to pair (a topic, kinds of session, stacks, times), a volunteer posts when they are free;
/// after each change the matcher proposes pairs; each side accepts or declines; a coach matches by
/// hand the requests that found nobody for 48 hours. An accepted pairing has its hour, the link
/// the two add, and a note from each afterwards.
struct PairingUseCases: UseCases {
    let db: any Database
    let now: Date

    static let noSuchPairing = Refusal.notFound("There is no such pairing.")
    static let noSuchRequest = Refusal.notFound("There is no such request to pair.")

    static let samePerson = Refusal.conflict("That is the same person: choose someone else.")

    static let alreadyAsked = "You have an open request already: withdraw it to ask again."

    static func conflict(_ message: String, field: String? = nil) -> Refusal {
        Refusal.conflict(message, field: field)
    }

    /// A pairing with its two people.
    struct Pairing {
        let pairing: PairingModel
        let first: UserModel
        let second: UserModel

        /// The other side, as `viewer` sees it (the second, for someone who is neither).
        func partner(of viewer: UserModel) -> UserModel { pairing.isFirst(viewer.id) ? second : first }
    }

    /// What a graduate's pairing page shows.
    struct Overview {
        let request: PairingRequestModel?
        let volunteer: PairingVolunteerModel?
        let pairings: [Pairing]
    }

    /// A request that found nobody for 48 hours, with the person who asked.
    struct Unmatched {
        let request: PairingRequestModel
        let person: UserModel
    }

    /// Whom a coach may pair a request with: another open request that nobody holds, or a volunteer.
    struct PartnerOption {
        /// "request:<id>" or "volunteer:<user id>".
        let key: String
        let person: UserModel
        /// What they asked about, or help with.
        let topic: String
        let isVolunteer: Bool
        let kinds: Set<PairingKind>
        let stacks: [String]
        let avoidedStacks: [String]
        /// Their times still ahead.
        let windows: [TimeWindow]

        var candidate: PairingMatcher.Candidate {
            .init(id: key, person: person.requireIDString, side: .init(kinds: kinds, stacks: Stacks.keys(stacks), avoided: Stacks.keys(avoidedStacks)), windows: windows)
        }
    }

    /// A partner option as the ranking weighs it against one request.
    struct RankedOption {
        let option: PartnerOption
        let ranked: PairingMatcher.Ranked
    }

    // MARK: Asking and volunteering

    /// `graduate` asks to pair, then the matcher runs; the proposal it made for the request, if
    /// any, comes back with it. One open request a person: a second is refused (409), whatever
    /// asks at once (the database keeps one).
    @discardableResult
    func ask(_ draft: PairingRequestDraft, by graduate: UserModel) async throws -> (request: PairingRequestModel, proposal: PairingModel?) {
        let request = PairingRequestModel(userID: try graduate.requireID(), draft: draft, at: now)
        do {
            try await request.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Self.conflict(Self.alreadyAsked)
        }
        let id = try request.requireID()
        return (request, try await runMatcher().first { $0.requestIDs.contains(id) })
    }

    /// `graduate` withdraws their open request; a proposal holding it is withdrawn (which keeps
    /// nobody apart), and the matcher runs again for the other side.
    func withdraw(_ rawID: String, by graduate: UserModel) async throws {
        guard let id = UUID(uuidString: rawID), let mine = try await PairingRequestModel.find(id, on: db), mine.$user.id == graduate.id else { throw Self.noSuchRequest }
        let now = self.now
        try await db.writeTransaction { db in
            try await db.lockTable(PairingModel.schema)
            guard let request = try await PairingRequestModel.find(id, on: db), request.status == .open else { throw Self.conflict("This request is closed already.") }
            request.status = .withdrawn
            request.closedAt = now
            try await request.save(on: db)
            for pairing in try await Self.liveProposals(on: db, now: now) where pairing.requestIDs.contains(id) {
                pairing.state = .withdrawn
                try await pairing.save(on: db)
            }
        }
        try await runMatcher()
    }

    /// `graduate` posts what they help with and when they are free, and becomes (or stays) a
    /// volunteer; then the matcher runs.
    @discardableResult
    func volunteer(_ draft: AvailabilityDraft, by graduate: UserModel) async throws -> PairingVolunteerModel {
        let userID = try graduate.requireID(), now = self.now
        @Sendable func post(_ db: any Database) async throws -> PairingVolunteerModel {
            let row = try await PairingVolunteerModel.query(on: db).filter(\.$user.$id == userID).first() ?? PairingVolunteerModel(userID: userID)
            let before = Set(row.windows)
            row.post(draft, at: now)
            try await row.save(on: db)
            // Only times the channel has not heard: editing the topics, or saving again, posts nothing.
            let fresh = draft.windows.filter { !before.contains($0) }
            if !fresh.isEmpty { try await Self.announce(draft.topics, fresh, by: graduate, at: now, on: db) }
            return row
        }
        let volunteer: PairingVolunteerModel
        do {
            volunteer = try await db.writeTransaction(post)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two first posts at once (two tabs): the other made the row; this one updates it.
            volunteer = try await db.writeTransaction(post)
        }
        try await runMatcher()
        return volunteer
    }

    /// Tells `graduate`'s cohort's channel they are free to pair at `windows` (in the cohort's zone).
    private static func announce(_ topics: String, _ windows: [TimeWindow], by graduate: UserModel, at now: Date, on db: any Database) async throws {
        guard let cohortID = graduate.$cohort.id, let cohort = try await CohortModel.find(cohortID, on: db) else { return }
        let post = SlackPosts.availability(name: graduate.name, topics: topics, times: windows.map { Formats.span($0.start, $0.end, zone: cohort.timeZone) },
                                           link: SlackPosts.site + SiteURL.practice(.pairing).path)
        try await Capabilities.reads.channels.post(post, kind: "pairing", toCohort: cohortID, at: now, on: db)
    }

    /// `graduate` stops volunteering: the matcher proposes them no more, and the proposals not yet
    /// accepted by both are withdrawn (the pairings both accepted stand).
    func stopVolunteering(by graduate: UserModel) async throws {
        let userID = try graduate.requireID(), now = self.now
        try await db.writeTransaction { db in
            try await db.lockTable(PairingModel.schema)
            guard let row = try await PairingVolunteerModel.query(on: db).filter(\.$user.$id == userID).first(), row.active else {
                throw Self.conflict("You are not volunteering.")
            }
            row.active = false
            row.updatedAt = now
            try await row.save(on: db)
            for pairing in try await Self.liveProposals(on: db, now: now) where pairing.$second.id == userID && pairing.$partnerRequest.id == nil {
                pairing.state = .withdrawn
                try await pairing.save(on: db)
            }
        }
        try await runMatcher()
    }

    // MARK: Reading

    func overview(of graduate: UserModel) async throws -> Overview {
        Overview(request: try await openRequest(of: graduate), volunteer: try await volunteering(of: graduate), pairings: try await pairings(of: graduate))
    }

    /// `graduate`'s open request to pair, if any.
    func openRequest(of graduate: UserModel) async throws -> PairingRequestModel? {
        try await PairingRequestModel.query(on: db).filter(\.$user.$id == graduate.requireID()).filter(\.$status == .open).first()
    }

    /// `graduate`'s volunteer row, active or not; nil if they never volunteered.
    func volunteering(of graduate: UserModel) async throws -> PairingVolunteerModel? {
        try await PairingVolunteerModel.query(on: db).filter(\.$user.$id == graduate.requireID()).first()
    }

    /// `graduate`'s pairings, the latest hour first, with both people and who matched them.
    func pairings(of graduate: UserModel) async throws -> [Pairing] {
        let userID = try graduate.requireID()
        return try await PairingModel.query(on: db).group(.or) { $0.filter(\.$first.$id == userID).filter(\.$second.$id == userID) }
            .with(\.$first).with(\.$second).with(\.$matchedBy).sort(\.$startsAt, .descending).limit(50).all()
            .map { Pairing(pairing: $0, first: $0.first, second: $0.second) }
    }

    /// `graduate`'s requests to pair, the latest first.
    func requests(of graduate: UserModel) async throws -> [PairingRequestModel] {
        try await PairingRequestModel.query(on: db).filter(\.$user.$id == graduate.requireID()).sort(\.$askedAt, .descending).limit(50).all()
    }

    /// The proposal waiting on answers that holds each request held by one.
    func holders() async throws -> [UUID: UUID] {
        var result: [UUID: UUID] = [:]
        for pairing in try await Self.liveProposals(on: db, now: now) {
            for request in pairing.requestIDs { result[request] = pairing.id }
        }
        return result
    }

    /// Pairing `rawID` as `viewer` may see it (`Access.canSeePairing`).
    func detail(of rawID: String, for viewer: UserModel) async throws -> Pairing {
        guard let id = UUID(uuidString: rawID), let pairing = try await PairingModel.query(on: db).filter(\.$id == id).with(\.$first).with(\.$second).with(\.$matchedBy).first()
        else { throw Self.noSuchPairing }
        // Who coaches the two matters only to a coach who is not one of them.
        let coaches = viewer.role == .coach && !pairing.sides.contains(viewer.requireIDString)
            ? try await Policy(db: db).coachIDs(of: [pairing.$first.id, pairing.$second.id]) : []
        guard Access.canSeePairing(viewer.viewer, sides: pairing.sides, coachesOfSides: coaches) else { throw Self.noSuchPairing }
        return Pairing(pairing: pairing, first: pairing.first, second: pairing.second)
    }

    /// `viewer`'s side of pairing `rawID`, or 403 for one who sees it without being in it.
    private func side(_ rawID: String, of viewer: UserModel) async throws -> Pairing {
        let found = try await detail(of: rawID, for: viewer)
        guard Access.isSideOfPairing(viewer.viewer, sides: found.pairing.sides) else {
            throw Refusal.notAllowed("Only the two people paired answer it, add its link and note it.")
        }
        return found
    }

    // MARK: Answering, the link, notes

    /// One side accepts or declines a proposal (one who accepted may still decline until both
    /// have). The pairings' table is locked (the write lock on SQLite), so two answers at once
    /// both count: the second sees the first. Accepted by both, it
    /// closes the requests it holds; a decline sends them back to the matcher, which will not
    /// propose the two to each other again.
    @discardableResult
    func answer(_ rawID: String, accept: Bool, by viewer: UserModel) async throws -> PairingModel {
        let found = try await side(rawID, of: viewer)
        let id = try found.pairing.requireID(), now = self.now, isFirst = found.pairing.isFirst(viewer.id)
        let pairing = try await db.writeTransaction { db in
            // The table, as the matcher, a withdrawal and a hand match take it: one order of locks.
            try await db.lockTable(PairingModel.schema)
            guard let pairing = try await PairingModel.find(id, on: db) else { throw Self.noSuchPairing }
            if pairing.isLapsed(at: now) { throw Self.conflict("This proposal is closed: it was not accepted within \(PairingRules.answerHours) hours, or before its hour.") }
            guard let next = pairing.state.after(accepting: accept, otherAccepted: isFirst ? pairing.secondAccepted : pairing.firstAccepted) else {
                throw Self.conflict("This pairing is \(pairing.state.title.lowercased()) already.")
            }
            // Until both accept, one who accepted may still decline.
            if accept && (isFirst ? pairing.firstAccepted : pairing.secondAccepted) { throw Self.conflict("You have accepted already.") }
            if accept { if isFirst { pairing.firstAccepted = true } else { pairing.secondAccepted = true } }
            pairing.state = next
            try await pairing.save(on: db)
            if next == .accepted {
                try await PairingRequestModel.query(on: db).filter(\.$id ~~ pairing.requestIDs).filter(\.$status == .open)
                    .set(\.$status, to: .paired).set(\.$closedAt, to: now).update()
            }
            return pairing
        }
        if pairing.state == .declined { try await runMatcher() }
        return pairing
    }

    /// One side adds or changes the link to join, once accepted and until the hour ends.
    @discardableResult
    func setLink(_ rawID: String, _ raw: String, by viewer: UserModel) async throws -> PairingModel {
        let pairing = try await side(rawID, of: viewer).pairing
        guard pairing.scope(for: viewer.viewer, now: now).setsLink else { throw Self.conflict("Add the link once both have accepted, before the hour ends.") }
        pairing.link = try PairingLink.validate(raw)
        try await pairing.save(on: db)
        return pairing
    }

    /// One side notes what they worked on, once the accepted hour has begun.
    @discardableResult
    func note(_ rawID: String, _ raw: String, by viewer: UserModel) async throws -> PairingModel {
        let pairing = try await side(rawID, of: viewer).pairing
        guard pairing.scope(for: viewer.viewer, now: now).notes else {
            throw Self.conflict("Note what you worked on once an accepted pairing has begun.")
        }
        let note = try PairingNote.validate(raw)
        if pairing.isFirst(viewer.id) { pairing.firstNote = note } else { pairing.secondNote = note }
        try await pairing.save(on: db)
        return pairing
    }

    // MARK: Coaches

    /// The open requests of `viewer`'s graduates that nobody holds and that have waited over 48
    /// hours, the oldest first.
    func unmatched(for viewer: UserModel) async throws -> [Unmatched] {
        let graduates = try await Policy(db: db).visibleGraduates(for: viewer)
        let byID = Dictionary(graduates.compactMap { person in person.id.map { ($0, person) } }, uniquingKeysWith: { first, _ in first })
        guard !byID.isEmpty else { return [] }
        let held = Set(try await Self.liveProposals(on: db, now: now).flatMap(\.requestIDs))
        let cutoff = now.addingTimeInterval(-Double(PairingRules.unmatchedHours) * 3_600)
        return try await PairingRequestModel.query(on: db).filter(\.$status == .open).filter(\.$askedAt < cutoff).filter(\.$user.$id ~~ Array(byID.keys))
            .sort(\.$askedAt).all()
            .filter { !held.contains($0.id!) }
            .compactMap { request in byID[request.$user.id].map { Unmatched(request: request, person: $0) } }
    }

    /// Whom `coach` may pair a request with: the open requests of their own graduates that nobody
    /// holds (an admin: everyone's), and every volunteer (they offered to help anyone).
    func partnerOptions(for coach: UserModel) async throws -> [PartnerOption] {
        let held = Set(try await Self.liveProposals(on: db, now: now).flatMap(\.requestIDs))
        let visible = Set(try await Policy(db: db).visibleGraduates(for: coach).compactMap(\.id))
        let requests = try await PairingRequestModel.query(on: db).filter(\.$status == .open).with(\.$user).sort(\.$askedAt).all()
            .filter { !held.contains($0.id!) && visible.contains($0.$user.id) }
        let volunteers = try await PairingVolunteerModel.query(on: db).filter(\.$active == true).with(\.$user).all().sorted { $0.user.name < $1.user.name }
        let now = self.now
        return requests.map { PartnerOption(key: "request:\($0.requireIDString)", person: $0.user, topic: $0.topic, isVolunteer: false, kinds: $0.kinds,
                                            stacks: $0.stacks, avoidedStacks: $0.avoidedStacks, windows: PairingMatcher.ahead($0.windows, of: now)) }
            + volunteers.map { PartnerOption(key: "volunteer:\($0.$user.id.uuidString)", person: $0.user, topic: $0.topics, isVolunteer: true, kinds: $0.kinds,
                                             stacks: $0.stacks, avoidedStacks: [], windows: PairingMatcher.ahead($0.windows, of: now)) }
    }

    /// Whom `coach` may pair `item` with, best first by Core's ranking (the hours and stacks they
    /// share), each free hour counted around the hours already taken.
    func candidates(for item: Unmatched, by coach: UserModel) async throws -> [RankedOption] {
        let options = try await partnerOptions(for: coach)
        let busy = try await Self.busyHours(on: db, now: now)
        let avoid = try await Self.declinedPairs(on: db, now: now)
        let request = item.request
        let asking = PairingMatcher.Request(id: request.requireIDString, person: request.$user.id.uuidString, kinds: request.kinds, stacks: request.side.stacks,
                                            avoided: request.side.avoided, windows: PairingMatcher.ahead(request.windows, of: now), askedAt: request.askedAt,
                                            busy: busy[request.$user.id] ?? [])
        let byKey = Dictionary(options.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = options.map { option in
            let plain = option.candidate
            return PairingMatcher.Candidate(id: plain.id, person: plain.person, side: plain.side, windows: plain.windows, busy: busy[option.person.id!] ?? [])
        }
        return PairingMatcher.rank(asking, candidates: candidates, avoid: avoid).compactMap { ranked in byKey[ranked.id].map { RankedOption(option: $0, ranked: ranked) } }
    }

    /// Each person's hours taken by a pairing accepted or still open to answers.
    private static func busyHours(on db: any Database, now: Date) async throws -> [UUID: [TimeWindow]] {
        var hours: [UUID: [TimeWindow]] = [:]
        for pairing in try await standing(on: db, now: now) {
            for person in [pairing.$first.id, pairing.$second.id] { hours[person, default: []].append(TimeWindow(start: pairing.startsAt, end: pairing.endsAt)) }
        }
        return hours
    }

    /// Two people one of whom declined the other in the last 30 days: never proposed again.
    private static func declinedPairs(on db: any Database, now: Date) async throws -> Set<PairingMatcher.Pair> {
        let since = now.addingTimeInterval(-Double(PairingRules.recentDays) * 86_400)
        return Set(try await PairingModel.query(on: db).filter(\.$state == .declined).filter(\.$proposedAt > since).all()
            .map { PairingMatcher.Pair($0.$first.id.uuidString, $0.$second.id.uuidString) })
    }

    /// A coach pairs request `rawID` of one of their graduates, unmatched for 48 hours, with another
    /// open request of theirs or a volunteer, at an hour they choose and neither is taken; both
    /// sides then accept or decline. With no hour given, the first both are free; none is a
    /// conflict on `hourField` (the form's or the API's name for the hour).
    @discardableResult
    func matchByHand(_ rawID: String, _ draft: HandMatchDraft, by coach: UserModel, hourField: String = "day") async throws -> PairingModel {
        let visible = Set(try await Policy(db: db).visibleGraduates(for: coach).compactMap(\.id))
        guard let id = UUID(uuidString: rawID), let found = try await PairingRequestModel.find(id, on: db), visible.contains(found.$user.id) else { throw Self.noSuchRequest }
        guard PairingRules.isLongUnmatched(askedAt: found.askedAt, now: now) else {
            throw Self.conflict("This request has waited less than \(PairingRules.unmatchedHours) hours: the matcher may still find someone.")
        }
        let now = self.now, coachID = try coach.requireID()
        let unknown = ValidationErrors([FieldError(field: "partner", message: "Choose whom to pair them with from the list.")])
        let parts = draft.partner.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let partnerID = UUID(uuidString: parts[1]), ["request", "volunteer"].contains(parts[0]) else { throw unknown }
        return try await db.writeTransaction { db in
            try await db.lockTable(PairingModel.schema)
            let held = Set(try await Self.liveProposals(on: db, now: now).flatMap(\.requestIDs))
            guard let request = try await PairingRequestModel.find(id, on: db), request.status == .open, !held.contains(id) else {
                throw Self.conflict("This request is matched or closed already.")
            }
            // The partner: their request, or their availability as a volunteer.
            let partnerRequest: PairingRequestModel?, partnerTopic: String, partnerSide: PairingMatcher.Side, partnerWindows: [TimeWindow]
            if parts[0] == "request" {
                guard let other = try await PairingRequestModel.find(partnerID, on: db), visible.contains(other.$user.id) else { throw Self.noSuchRequest }
                guard other.status == .open, !held.contains(partnerID) else { throw Self.conflict("That request is matched or closed already: choose another.") }
                guard other.$user.id != request.$user.id else { throw Self.samePerson }
                (partnerRequest, partnerTopic, partnerSide, partnerWindows) = (other, other.topic, other.side, other.windows)
            } else {
                guard let volunteer = try await PairingVolunteerModel.query(on: db).filter(\.$user.$id == partnerID).filter(\.$active == true).first() else {
                    throw Self.conflict("That person does not volunteer (or stopped): choose another.")
                }
                guard partnerID != request.$user.id else { throw Self.samePerson }
                (partnerRequest, partnerTopic, partnerSide, partnerWindows) = (nil, volunteer.topics, volunteer.side, volunteer.windows)
            }
            let secondID = partnerRequest?.$user.id ?? partnerID
            guard !request.side.crosses(partnerSide) else {
                throw Self.conflict("One of them asked to avoid the other's stacks, and they share none: choose someone else.")
            }
            // Neither is taken at that hour; with no hour given, the first both are free.
            let taken = try await Self.busyHours(on: db, now: now)
            let busy = (taken[request.$user.id] ?? []) + (taken[secondID] ?? [])
            let slot: TimeWindow
            if let chosen = draft.slot {
                guard !busy.contains(where: { $0.overlap(with: chosen) != nil }) else { throw Self.conflict("One of them is already pairing at that hour: choose another.") }
                slot = chosen
            } else {
                guard let first = PairingMatcher.firstHour(PairingMatcher.ahead(request.windows, of: now), PairingMatcher.ahead(partnerWindows, of: now), avoiding: busy) else {
                    throw Self.conflict("They have no free hour in common: give a day and a time.", field: hourField)
                }
                slot = first
            }
            let pairing = PairingModel(request: request, partnerRequest: partnerRequest, secondID: secondID, secondTopic: partnerTopic, slot: slot, matchedBy: coachID, at: now)
            try await pairing.create(on: db)
            try await Self.tellOfProposal(pairing, at: now, on: db)
            return pairing
        }
    }

    /// Tells both sides of a new proposal, which waits for their answers.
    private static func tellOfProposal(_ pairing: PairingModel, at now: Date, on db: any Database) async throws {
        try await Capabilities.reads.notifications.notify([pairing.$first.id, pairing.$second.id], Notice(
            kind: .pairingProposed, text: "A pairing is proposed to you: accept or decline it within \(PairingRules.answerHours) hours.",
            url: .practice(.pairingSession(id: try pairing.requireID().uuidString))), at: now, on: db)
    }

    // MARK: The matcher

    /// Proposals still open to answers (`PairingModel.isLive`): they hold their requests.
    private static func liveProposals(on db: any Database, now: Date) async throws -> [PairingModel] {
        try await PairingModel.query(on: db).filter(\.$state == .proposed).filter(\.$startsAt > now)
            .filter(\.$proposedAt >= now.addingTimeInterval(-Double(PairingRules.answerHours) * 3_600)).all().filter { $0.isLive(at: now) }
    }

    /// The pairings that take their people's hours: accepted, or proposed and not lapsed, not over.
    private static func standing(on db: any Database, now: Date) async throws -> [PairingModel] {
        try await PairingModel.query(on: db).filter(\.$endsAt > now).all()
            .filter { $0.state == .accepted || $0.isLive(at: now) }
    }

    /// Runs the matcher over every open request nobody holds and every volunteer, and proposes
    /// what it finds. One run at a time (the pairings' table locked; on SQLite the write lock), so
    /// a request is in at most one proposal whatever asks at once. Three queries and the inserts.
    @discardableResult
    func runMatcher() async throws -> [PairingModel] {
        let now = self.now
        return try await db.writeTransaction { db in
            try await db.lockTable(PairingModel.schema)
            let since = now.addingTimeInterval(-Double(PairingRules.recentDays) * 86_400)
            let pairings = try await PairingModel.query(on: db).group(.or) { $0.filter(\.$proposedAt > since).filter(\.$endsAt > now) }.all()
            let live = pairings.filter { $0.isLive(at: now) }
            let held = Set(live.flatMap(\.requestIDs))
            let requests = try await PairingRequestModel.query(on: db).filter(\.$status == .open).all().filter { !held.contains($0.id!) }
            let asking = Set(requests.map(\.$user.id))
            let volunteers = try await PairingVolunteerModel.query(on: db).filter(\.$active == true).all().filter { !asking.contains($0.$user.id) }
            guard !requests.isEmpty else { return [] }
            // A volunteer's sessions lately and ahead spread the load; those ahead keep them busy.
            let standing = pairings.filter { $0.state == .accepted || $0.isLive(at: now) }
            let recent = Set(pairings.filter { $0.state != .declined }.map { PairingMatcher.Pair($0.$first.id.uuidString, $0.$second.id.uuidString) })
            let avoid = Set(pairings.filter { $0.state == .declined }.map { PairingMatcher.Pair($0.$first.id.uuidString, $0.$second.id.uuidString) })
            // Each person's standing hours, read once: their count spreads a volunteer's load.
            var hoursByPerson: [UUID: [TimeWindow]] = [:]
            for pairing in standing {
                for person in [pairing.$first.id, pairing.$second.id] { hoursByPerson[person, default: []].append(TimeWindow(start: pairing.startsAt, end: pairing.endsAt)) }
            }
            func hours(of person: UUID) -> [TimeWindow] { hoursByPerson[person] ?? [] }
            let matches = PairingMatcher.match(
                requests: requests.map { .init(id: $0.requireIDString, person: $0.$user.id.uuidString, kinds: $0.kinds, stacks: $0.side.stacks, avoided: $0.side.avoided,
                                                windows: PairingMatcher.ahead($0.windows, of: now), askedAt: $0.askedAt, busy: hours(of: $0.$user.id)) },
                volunteers: volunteers.map { volunteer in
                    let theirs = hours(of: volunteer.$user.id)
                    return .init(id: volunteer.$user.id.uuidString, person: volunteer.$user.id.uuidString, kinds: volunteer.kinds, stacks: volunteer.side.stacks,
                                 windows: PairingMatcher.ahead(volunteer.windows, of: now), load: theirs.count, busy: theirs)
                },
                recentPairs: recent, avoid: avoid)
            let byID = Dictionary(requests.map { ($0.requireIDString, $0) }, uniquingKeysWith: { first, _ in first })
            let volunteerByID = Dictionary(volunteers.map { ($0.$user.id.uuidString, $0) }, uniquingKeysWith: { first, _ in first })
            var proposed: [PairingModel] = []
            for match in matches {
                guard let request = byID[match.request] else { continue }
                let pairing: PairingModel
                switch match.partner {
                case .request(let otherID):
                    guard let other = byID[otherID] else { continue }
                    pairing = PairingModel(request: request, partnerRequest: other, secondID: other.$user.id, secondTopic: other.topic, slot: match.slot, matchedBy: nil, at: now)
                case .volunteer(let volunteerID):
                    guard let volunteer = volunteerByID[volunteerID] else { continue }
                    pairing = PairingModel(request: request, partnerRequest: nil, secondID: volunteer.$user.id, secondTopic: volunteer.topics, slot: match.slot, matchedBy: nil, at: now)
                }
                try await pairing.create(on: db)
                try await Self.tellOfProposal(pairing, at: now, on: db)
                proposed.append(pairing)
            }
            return proposed
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The help desk: a graduate opens a support request (a question, or a 1:1 they ask for); their
/// coaches and an admin reply in its thread and set a 1:1's time. The states are
/// `SupportRequestState`'s: a team reply makes it pending, a graduate's reply opens it again.
struct SupportUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A request with its thread, the first reply first.
    struct Thread {
        let request: SupportRequestModel
        let graduate: UserModel
        let replies: [SupportReplyModel]
        let scope: Policy.Scope
    }

    /// A request on the desk, with whose it is.
    struct Row {
        let request: SupportRequestModel
        let graduate: UserModel
    }

    static let noSuchRequest = Refusal.notFound("There is no such support request.")

    /// How many days back the desk shows solved requests.
    static let solvedDays = 30

    /// `graduateID`'s requests: the unsolved first, then the latest.
    func requests(of graduateID: UUID) async throws -> [SupportRequestModel] {
        let all = try await SupportRequestModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$openedAt, .descending).all()
        return all.filter { $0.state != .solved } + all.filter { $0.state == .solved }
    }

    @discardableResult
    func open(_ draft: SupportRequestDraft, for graduate: UserModel) async throws -> SupportRequestModel {
        let request = SupportRequestModel(userID: try graduate.requireID(), draft: draft, at: now)
        try await request.create(on: db)
        return request
    }

    /// The request for help a standup of `day` asks for: opened once however many times the
    /// standup is saved. Concerns that change later replace its message while nobody has replied,
    /// and after that join its thread as the graduate's reply, which opens it again. The caller
    /// makes the graduate's saves take turns (their standup's transaction), so one day has one.
    func askFromStandup(_ graduateID: UUID, of day: LocalDate, concerns: String) async throws {
        guard let existing = try await SupportRequestModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$originDay == day.iso).first() else {
            try await SupportRequestModel(userID: graduateID, draft: .fromStandup(of: day, concerns: concerns), at: now, fromStandupOf: day).create(on: db)
            return
        }
        guard existing.message != concerns else { return }
        let id = try existing.requireID()
        if existing.state == .open, try await SupportReplyModel.query(on: db).filter(\.$request.$id == id).count() == 0 {
            existing.message = concerns
        } else {
            try await SupportReplyModel(requestID: id, authorID: graduateID, draft: SupportReplyDraft(body: concerns), at: now).create(on: db)
            existing.state = existing.state.after(.graduateReplied)
        }
        try await existing.save(on: db)
    }

    /// Request `rawID` as `viewer` may see it: the graduate who opened it, their coaches, an admin.
    func thread(of rawID: String, for viewer: UserModel) async throws -> Thread {
        let (request, graduate, scope) = try await visible(rawID, for: viewer)
        let replies = try await SupportReplyModel.query(on: db).filter(\.$request.$id == request.requireID()).with(\.$author)
            .sort(\.$writtenAt).all()
        return Thread(request: request, graduate: graduate, replies: replies, scope: scope)
    }

    private func visible(_ rawID: String, for viewer: UserModel) async throws -> (SupportRequestModel, UserModel, Policy.Scope) {
        guard let id = UUID(uuidString: rawID), let request = try await SupportRequestModel.find(id, on: db),
              let graduate = try await UserModel.find(request.$user.id, on: db)
        else { throw Self.noSuchRequest }
        let scope = try await Policy(db: db).scope(of: graduate, for: viewer)
        guard scope.isSelf || scope.canAnswerSupportRequests else { throw Self.noSuchRequest }
        return (request, graduate, scope)
    }

    /// A reply in the thread of `rawID`. From the team it makes the request pending (a solved one
    /// stays solved) and may set a 1:1's time; from the graduate it opens it again. Replies at
    /// once all stand, and the state follows the last.
    @discardableResult
    func reply(to rawID: String, _ draft: SupportReplyDraft, by viewer: UserModel) async throws -> SupportReplyModel {
        let (found, _, scope) = try await visible(rawID, for: viewer)
        let id = try found.requireID()
        let fromTeam = !scope.isSelf
        if draft.meetingAt != nil { try Self.mayTimeAMeeting(on: found, fromTeam: fromTeam) }
        let reply = SupportReplyModel(requestID: id, authorID: try viewer.requireID(), draft: draft, at: now)
        let now = self.now
        try await db.writeTransaction { db in
            try await db.lockRow(of: SupportRequestModel.schema, id: id)
            guard let request = try await SupportRequestModel.find(id, on: db) else { throw Self.noSuchRequest }
            try await reply.create(on: db)
            request.state = request.state.after(fromTeam ? .teamReplied : .graduateReplied)
            if fromTeam && request.firstReplyAt == nil { request.firstReplyAt = now }
            if let meetingAt = draft.meetingAt { request.meetingAt = meetingAt }
            try await request.save(on: db)
            if fromTeam {
                try await Capabilities.reads.notifications.notify([request.$user.id], Notice(
                    kind: .requestReplied, text: "\(viewer.name) replied to “\(request.subject)”.", url: .coaching(.supportRequest(id: id.uuidString))), at: now, on: db)
            }
        }
        return reply
    }

    /// Only the careers team sets a 1:1's time (403 for the graduate), and only on a request for one (409).
    static func mayTimeAMeeting(on request: SupportRequestModel, fromTeam: Bool) throws {
        guard fromTeam else {
            throw Refusal.notAllowed("Your coach sets the 1:1's time; say in your reply which times suit you.")
        }
        guard request.kind == .oneToOne else { throw Refusal.conflict("Only a request for a 1:1 has a meeting time.") }
    }

    /// Marks `rawID` solved: the graduate, or someone who answers them.
    @discardableResult
    func solve(_ rawID: String, by viewer: UserModel) async throws -> SupportRequestModel {
        let (found, _, _) = try await visible(rawID, for: viewer)
        let id = try found.requireID()
        return try await db.writeTransaction { db in
            try await db.lockRow(of: SupportRequestModel.schema, id: id)
            guard let request = try await SupportRequestModel.find(id, on: db) else { throw Self.noSuchRequest }
            request.state = request.state.after(.solved)
            try await request.save(on: db)
            return request
        }
    }

    /// The desk of `viewer`: the requests of the graduates they coach (an admin: everyone's),
    /// open ones the oldest first, then those waiting for the graduate, then those solved in the
    /// last 30 days. A fixed number of queries however many graduates.
    func desk(for viewer: UserModel) async throws -> (open: [Row], pending: [Row], solved: [Row]) {
        guard Access.worksSupportDesk(viewer.viewer) else { return ([], [], []) }
        let graduates = try await Policy(db: db).visiblePeople(for: viewer).filter { $0.role == .graduate }
        let byID = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, graduate) } }, uniquingKeysWith: { first, _ in first })
        guard !byID.isEmpty else { return ([], [], []) }
        let since = now.addingTimeInterval(-Double(Self.solvedDays) * 86_400)
        let requests = try await SupportRequestModel.query(on: db).filter(\.$user.$id ~~ Array(byID.keys))
            .group(.or) { $0.filter(\.$state != .solved).filter(\.$updatedAt >= since) }
            .sort(\.$openedAt).all()
        let rows = requests.compactMap { request in byID[request.$user.id].map { Row(request: request, graduate: $0) } }
        return (rows.filter { $0.request.state == .open }, rows.filter { $0.request.state == .pending }, rows.filter { $0.request.state == .solved }.reversed())
    }
}

import Fluent
import Foundation
import OnwardCore
import Vapor

/// The careers team's side of the programme: the queue of requests for help raised in standups
/// and their replies, and comments on retrospectives. Who may answer is `Access.canCoachProgramme`.
struct CareersTeamUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A request for help: the standup that asked, who asked, and the reply if there is one.
    struct HelpRequest {
        let standup: StandupModel
        let graduate: UserModel
        let reply: HelpReplyModel?
        let replier: String?
    }

    /// How many days back the queue reads: a request left longer has gone stale on its own.
    static let queueDays = 30

    /// The requests for help of the graduates `viewer` coaches (an admin: everyone's) from the last
    /// 30 days, the oldest unanswered first, then the answered, the latest first. A fixed number
    /// of queries however many graduates.
    func helpQueue(for viewer: UserModel) async throws -> (open: [HelpRequest], answered: [HelpRequest]) {
        guard Access.worksHelpQueue(viewer.viewer) else { return ([], []) }
        let graduates = try await Policy(db: db).visiblePeople(for: viewer).filter { $0.role == .graduate }
        return try await helpRequests(of: graduates, since: LocalDate(now, in: .gmt).adding(days: -Self.queueDays))
    }

    /// The requests for help of `graduates` raised on `since` or later.
    func helpRequests(of graduates: [UserModel], since: LocalDate) async throws -> (open: [HelpRequest], answered: [HelpRequest]) {
        let byID = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, graduate) } }, uniquingKeysWith: { first, _ in first })
        guard !byID.isEmpty else { return ([], []) }
        let standups = try await StandupModel.query(on: db).filter(\.$user.$id ~~ Array(byID.keys)).filter(\.$wantsHelp == true)
            .filter(\.$day >= since.iso).sort(\.$day).sort(\.$createdAt).all()
        let ids = standups.compactMap(\.id)
        let replies = ids.isEmpty ? [] : try await HelpReplyModel.query(on: db).filter(\.$standup.$id ~~ ids).with(\.$author).all()
        let replyByStandup = Dictionary(replies.map { ($0.$standup.id, $0) }, uniquingKeysWith: { first, _ in first })
        let requests = standups.compactMap { standup -> HelpRequest? in
            guard let id = standup.id, let graduate = byID[standup.$user.id] else { return nil }
            let reply = replyByStandup[id]
            return HelpRequest(standup: standup, graduate: graduate, reply: reply, replier: reply?.author.name)
        }
        return (requests.filter { $0.reply == nil }, requests.filter { $0.reply != nil }.reversed())
    }

    /// Replies to the request for help of standup `rawID`, which resolves it. Only the graduate's
    /// coaches and an admin may; others are told there is no such request. Two replies at once
    /// give one reply and one refusal (409) that names who answered.
    @discardableResult
    func reply(to rawID: String, _ rawBody: String, by viewer: UserModel) async throws -> HelpRequest {
        guard let id = UUID(uuidString: rawID), let standup = try await StandupModel.find(id, on: db), standup.wantsHelp,
              let graduate = try await UserModel.find(standup.$user.id, on: db)
        else { throw AppError.notFound("There is no such request for help.") }
        let scope = try await Policy(db: db).scope(of: graduate, for: viewer)
        guard scope.canCoachProgramme else { throw AppError.notFound("There is no such request for help.") }
        let body = try ProgrammeReply.validate(rawBody)
        let reply = HelpReplyModel(standupID: id, authorID: try viewer.requireID(), body: body)
        do {
            try await reply.create(on: db)
            return HelpRequest(standup: standup, graduate: graduate, reply: reply, replier: viewer.name)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            let first = try await HelpReplyModel.query(on: db).filter(\.$standup.$id == id).with(\.$author).first()
            throw AppError(status: .conflict, code: "conflict", message: "\(first?.author.name ?? "Someone") has answered this request already.")
        }
    }

    /// The replies to `graduateID`'s requests for help from `since` on, by standup day.
    func replies(to graduateID: UUID, since: LocalDate) async throws -> [(day: String, asked: String, reply: String, by: PersonName)] {
        let standups = try await StandupModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$wantsHelp == true).filter(\.$day >= since.iso).all()
        let ids = standups.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let replies = Dictionary(try await HelpReplyModel.query(on: db).filter(\.$standup.$id ~~ ids).with(\.$author).all().map { ($0.$standup.id, $0) },
                                 uniquingKeysWith: { first, _ in first })
        return standups.sorted { $0.day > $1.day }.compactMap { standup in
            guard let id = standup.id, let reply = replies[id] else { return nil }
            return (standup.day, standup.blockers, reply.body, PersonName(reply.author.name, role: reply.author.role))
        }
    }

    /// Comments on `retrospectiveIDs`, oldest first, with their authors' names.
    func comments(on retrospectiveIDs: [UUID]) async throws -> [UUID: [RetrospectiveCommentModel]] {
        guard !retrospectiveIDs.isEmpty else { return [:] }
        let comments = try await RetrospectiveCommentModel.query(on: db).filter(\.$retrospective.$id ~~ retrospectiveIDs).with(\.$author).sort(\.$createdAt).all()
        return Dictionary(grouping: comments, by: { $0.$retrospective.id })
    }

    /// A comment by `viewer` on retrospective `rawID`: only the graduate's coaches and an admin.
    @discardableResult
    func comment(on rawID: String, _ rawBody: String, by viewer: UserModel) async throws -> (RetrospectiveCommentModel, graduateID: UUID) {
        guard let id = UUID(uuidString: rawID), let retrospective = try await RetrospectiveModel.find(id, on: db),
              let graduate = try await UserModel.find(retrospective.$user.id, on: db)
        else { throw AppError.notFound("There is no such retrospective.") }
        let scope = try await Policy(db: db).scope(of: graduate, for: viewer)
        guard scope.canCoachProgramme else { throw AppError.notFound("There is no such retrospective.") }
        let comment = RetrospectiveCommentModel(retrospectiveID: id, authorID: try viewer.requireID(), body: try ProgrammeReply.validate(rawBody))
        try await comment.create(on: db)
        return (comment, try graduate.requireID())
    }
}

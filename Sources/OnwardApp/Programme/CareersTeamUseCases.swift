import Fluent
import Foundation
import OnwardCore
import Vapor

/// The careers team's side of the programme: comments on retrospectives. Who may comment is
/// `Access.canCoachProgramme`. (Requests for help raised in standups go to the help desk.)
struct CareersTeamUseCases: UseCases {
    let db: any Database
    let now: Date

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
        else { throw Refusal.notFound("There is no such retrospective.") }
        let scope = try await Policy(db: db).scope(of: graduate, for: viewer)
        guard scope.canCoachProgramme else { throw Refusal.notFound("There is no such retrospective.") }
        let comment = RetrospectiveCommentModel(retrospectiveID: id, authorID: try viewer.requireID(), body: try ProgrammeReply.validate(rawBody))
        try await comment.create(on: db)
        return (comment, try graduate.requireID())
    }
}

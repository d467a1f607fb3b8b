import Fluent
import Foundation
import OnwardCore
import SQLKit

/// What coaching publishes for other capabilities (`CoachingReads`), read from its own tables.
struct PublishedCoaching: CoachingReads {
    func submissions(of graduateID: UUID, on db: any Database) async throws -> [SubmissionSummary] {
        // The columns a summary shows, not the bodies of every round.
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT id, kind, title, state, submitted_on FROM submissions WHERE user_id = \(bind: graduateID) ORDER BY created_at DESC
            """).all()
        return try rows.compactMap { row in
            guard let kind = SubmissionKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let state = ReviewState(rawValue: try row.decode(column: "state", as: String.self)),
                  let sent = LocalDate(iso: try row.decode(column: "submitted_on", as: String.self)) else { return nil }
            return SubmissionSummary(title: try row.decode(column: "title", as: String.self), kind: kind.title, state: state.title, submittedOn: sent,
                                     url: .coaching(.submission(id: try row.decode(column: "id", as: UUID.self).uuidString)))
        }
    }

    func approvedSubmissions(of graduateIDs: [UUID], on db: any Database) async throws -> [UUID: [ApprovedSubmission]] {
        guard !graduateIDs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let byText = UUID.byText(graduateIDs)
        let rows = try await sql.raw("""
            SELECT user_id AS who, kind, submitted_on AS day FROM submissions WHERE user_id IN \(SQLBind.group(graduateIDs)) AND state = \(bind: ReviewState.approved.rawValue)
            """).all()
        var result: [UUID: [ApprovedSubmission]] = [:]
        for row in rows {
            guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: []].append(ApprovedSubmission(kind: try row.decode(column: "kind", as: String.self), day: day))
        }
        return result
    }

    func askForHelp(_ graduateID: UUID, atStandupOf day: LocalDate, concerns: String, on db: any Database, now: Date) async throws {
        try await SupportUseCases(db: db, now: now).askFromStandup(graduateID, of: day, concerns: concerns)
    }

    func standupHelp(of graduateID: UUID, since: LocalDate, on db: any Database) async throws -> [StandupHelp] {
        let requests = try await SupportRequestModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$origin == .standup)
            .filter(\.$originDay >= since.iso).sort(\.$originDay, .descending).all()
        let ids = requests.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let teamReplies = try await SupportReplyModel.query(on: db).filter(\.$request.$id ~~ ids).filter(\.$author.$id != graduateID).with(\.$author)
            .sort(\.$writtenAt).all()
        let latest = Dictionary(teamReplies.map { ($0.$request.id, $0) }, uniquingKeysWith: { _, last in last })
        return requests.compactMap { request in
            guard let id = request.id, let day = request.originDay.flatMap(LocalDate.init(iso:)) else { return nil }
            let reply = latest[id]
            return StandupHelp(day: day, asked: request.message, state: request.state.title, url: .coaching(.supportRequest(id: id.uuidString)),
                               reply: reply?.body, replier: reply.map { PersonName($0.author.name, role: $0.author.role) })
        }
    }
}

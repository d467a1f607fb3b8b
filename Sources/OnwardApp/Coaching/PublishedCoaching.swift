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

extension PublishedCoaching {
    func technicalFeedback(to userIDs: [UUID], on db: any Database) async throws -> [UUID: [FeedbackGiven]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let sql = db as! any SQLDatabase
        var result: [UUID: [FeedbackGiven]] = [:]
        let reviews = try await sql.raw("""
            SELECT s.user_id AS who, r.id, s.kind, s.title, r.comment, r.created_at AS at FROM \(ident: SubmissionReviewModel.schema) r
            JOIN \(ident: SubmissionModel.schema) s ON s.id = r.submission_id
            WHERE s.user_id IN \(SQLBind.group(userIDs)) AND r.verdict = \(bind: ReviewVerdict.changesRequested.rawValue) AND r.comment <> ''
            """).all()
        for row in reviews {
            let kind = SubmissionKind(rawValue: try row.decode(column: "kind", as: String.self))?.title ?? "submission"
            result[try row.id("who", among: byText), default: []].append(FeedbackGiven(
                key: "review:" + (try row.decode(column: "id", as: UUID.self)).uuidString, source: "Review of your \(kind.lowercased()) “\(try row.decode(column: "title", as: String.self))”",
                text: try row.decode(column: "comment", as: String.self), given: LocalDate(try row.decode(column: "at", as: Date?.self) ?? Date(), in: .gmt)))
        }
        let recommendations = try await sql.raw("""
            SELECT p.user_id AS who, r.id, r.description, r.state, m.held_on FROM \(ident: RecommendationModel.schema) r
            JOIN \(ident: PlanMeetingModel.schema) m ON m.id = r.meeting_id JOIN \(ident: LearningPlanModel.schema) p ON p.id = r.plan_id
            WHERE p.user_id IN \(SQLBind.group(userIDs))
            """).all()
        for row in recommendations {
            guard let held = LocalDate(iso: try row.decode(column: "held_on", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: []].append(FeedbackGiven(
                key: "recommendation:" + (try row.decode(column: "id", as: UUID.self)).uuidString, source: "Learning plan recommendation",
                text: try row.decode(column: "description", as: String.self), given: held,
                doneThere: try row.decode(column: "state", as: String.self) == RecommendationState.done.rawValue))
        }
        return result
    }

    func events(forCohort cohortID: UUID, from start: Date, to end: Date, on db: any Database) async throws -> [DatedEvent] {
        try await CoachingEventModel.query(on: db)
            .group(.or) { $0.filter(\.$cohort.$id == cohortID).filter(\.$cohort.$id == nil) }
            .filter(\.$startsAt >= start).filter(\.$startsAt < end).sort(\.$startsAt).all()
            .map { DatedEvent(id: try $0.requireID(), title: $0.title, startsAt: $0.startsAt, endsAt: $0.endsAt, place: $0.place,
                              url: .coaching(.event(id: try $0.requireID().uuidString))) }
    }
}

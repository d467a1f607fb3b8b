import Fluent
import Foundation
import OnwardCore
import SQLKit

/// What the job search publishes for other capabilities (`JobSearchReads`), read from its own
/// tables and filtered by the database, not by reading every application.
struct PublishedJobSearch: JobSearchReads {
    func applicationsSent(by userID: UUID, in days: ClosedRange<LocalDate>, on db: any Database) async throws -> [LocalDate] {
        let sql = db as! any SQLDatabase
        let stages = ApplicationHistory.submittedStages.map(\.rawValue).sorted()
        let rows = try await sql.raw("""
            SELECT MIN(m.on_date) AS day FROM application_moves m JOIN job_applications a ON a.id = m.application_id
            WHERE a.user_id = \(bind: userID) AND m.stage IN (\(binds: stages)) GROUP BY m.application_id
            HAVING MIN(m.on_date) >= \(bind: days.lowerBound.iso) AND MIN(m.on_date) <= \(bind: days.upperBound.iso)
            """).all()
        return try rows.compactMap { LocalDate(iso: try $0.decode(column: "day", as: String.self)) }
    }

    func interviews(of userID: UUID, from start: Date, to end: Date, on db: any Database) async throws -> [Date] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT i.scheduled_at AS at FROM interviews i JOIN job_applications a ON a.id = i.application_id
            WHERE a.user_id = \(bind: userID) AND i.scheduled_at >= \(bind: start) AND i.scheduled_at < \(bind: end)
            """).all()
        return try rows.map { try $0.decode(column: "at", as: Date.self) }
    }

    func placedGraduates(since start: Date, on db: any Database) async throws -> [UUID] {
        try await PlacementModel.query(on: db).filter(\.$createdAt >= start).all(\.$user.$id)
    }

    func whoAcceptedAJob(among userIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !userIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("SELECT DISTINCT user_id FROM placements WHERE user_id IN (\(binds: userIDs))").all()
        return Set(try rows.map { try $0.decode(column: "user_id", as: UUID.self) })
    }
}

extension PublishedJobSearch {
    func placements(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [PlacementFact]] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT p.id, p.user_id, p.company, p.job_title, p.employment_type, p.in_field, p.salary, p.start_date, p.created_at,
                   (SELECT MIN(m.on_date) FROM application_moves m WHERE m.application_id = p.application_id AND m.stage = \(bind: Stage.accepted.rawValue)) AS accepted_on
            FROM placements p WHERE p.user_id IN \(SQLBind.group(userIDs)) ORDER BY p.created_at, p.id
            """).all()
        var result: [UUID: [PlacementFact]] = [:]
        for row in rows {
            let recorded = try row.decode(column: "created_at", as: Date?.self) ?? Date(timeIntervalSince1970: 0)
            let accepted = try row.decode(column: "accepted_on", as: String?.self).flatMap(LocalDate.init(iso:)) ?? LocalDate(recorded, in: .gmt)
            result[try row.decode(column: "user_id", as: UUID.self), default: []].append(PlacementFact(
                id: try row.decode(column: "id", as: UUID.self), acceptedOn: accepted, company: try row.decode(column: "company", as: String.self),
                jobTitle: try row.decode(column: "job_title", as: String.self),
                employmentType: EmploymentType(rawValue: try row.decode(column: "employment_type", as: String.self)) ?? .fullTime,
                inField: try row.decode(column: "in_field", as: Bool.self), salary: try row.decode(column: "salary", as: Int.self),
                startsOn: LocalDate(iso: try row.decode(column: "start_date", as: String.self))))
        }
        return result
    }

    /// The stages past the first step: a screening, a tech test, an interview, or further.
    static let pastFirstStep: [Stage] = [.screening, .techTest, .interview, .offer, .accepted]

    func applicationsSent(by userIDs: [UUID], from first: LocalDate, on db: any Database) async throws -> [UUID: [SentApplication]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let submitted = ApplicationHistory.submittedStages.map(\.rawValue).sorted()
        let past = Self.pastFirstStep.map(\.rawValue)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT a.user_id AS who, MIN(m.on_date) AS day,
                   MAX(CASE WHEN m.stage IN (\(binds: past)) THEN 1 ELSE 0 END) AS past
            FROM application_moves m JOIN job_applications a ON a.id = m.application_id
            WHERE a.user_id IN \(SQLBind.group(userIDs)) AND m.stage IN (\(binds: submitted))
            GROUP BY a.user_id, m.application_id HAVING MIN(m.on_date) >= \(bind: first.iso)
            """).all()
        var result: [UUID: [SentApplication]] = [:]
        for row in rows {
            guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: []].append(SentApplication(sent: day, pastFirstStep: try row.decode(column: "past", as: Int.self) == 1))
        }
        return result
    }
}

extension PublishedJobSearch {
    func technicalFeedback(to userIDs: [UUID], on db: any Database) async throws -> [UUID: [FeedbackGiven]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT a.user_id AS who, i.id, a.company, i.feedback, i.scheduled_at AS at FROM \(ident: InterviewModel.schema) i
            JOIN \(ident: ApplicationModel.schema) a ON a.id = i.application_id
            WHERE a.user_id IN \(SQLBind.group(userIDs)) AND i.feedback_is_technical = \(bind: true) AND i.feedback <> ''
            """).all()
        var result: [UUID: [FeedbackGiven]] = [:]
        for row in rows {
            result[try row.id("who", among: byText), default: []].append(FeedbackGiven(
                key: "interview:" + (try row.decode(column: "id", as: UUID.self)).uuidString, source: "Interview at " + (try row.decode(column: "company", as: String.self)),
                text: try row.decode(column: "feedback", as: String.self), given: LocalDate(try row.decode(column: "at", as: Date.self), in: .gmt)))
        }
        return result
    }
}

extension PublishedJobSearch {
    func analysedApplications(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [AnalysedApplication]] {
        guard !userIDs.isEmpty else { return [:] }
        struct ApplicationRow: Decodable { let id: String; let user_id: String; let source: ApplicationSource; let stage: Stage; let time_zone: String }
        struct MoveRow: Decodable { let application_id: String; let stage: Stage; let on_date: String }
        struct InterviewRow: Decodable { let application_id: String; let kind: InterviewKind; let scheduled_at: Date }
        let sql = db as! any SQLDatabase
        let applications = try await sql.raw("""
            SELECT CAST(a.id AS TEXT) AS id, CAST(a.user_id AS TEXT) AS user_id, a.source, a.stage, u.time_zone FROM \(ident: ApplicationModel.schema) a
            JOIN users u ON u.id = a.user_id WHERE a.user_id IN \(SQLBind.group(userIDs))
            """).all(decoding: ApplicationRow.self)
        let moves = try await sql.raw("""
            SELECT CAST(m.application_id AS TEXT) AS application_id, m.stage, m.on_date FROM \(ident: StageMoveModel.schema) m
            JOIN \(ident: ApplicationModel.schema) a ON a.id = m.application_id
            WHERE a.user_id IN \(SQLBind.group(userIDs)) ORDER BY m.application_id, m.position
            """).all(decoding: MoveRow.self)
        let interviews = try await sql.raw("""
            SELECT CAST(i.application_id AS TEXT) AS application_id, i.kind, i.scheduled_at FROM \(ident: InterviewModel.schema) i
            JOIN \(ident: ApplicationModel.schema) a ON a.id = i.application_id
            WHERE a.user_id IN \(SQLBind.group(userIDs))
            """).all(decoding: InterviewRow.self)
        // The ids are compared as the database prints them, in one case.
        let zones = Dictionary(applications.map { ($0.id.uppercased(), TimeZone(identifier: $0.time_zone) ?? .gmt) }, uniquingKeysWith: { first, _ in first })
        var movesOf: [String: [ApplicationHistory.Move]] = [:]
        for row in moves {
            guard let day = LocalDate(iso: row.on_date) else { continue }
            movesOf[row.application_id.uppercased(), default: []].append(.init(row.stage, on: day))
        }
        var interviewsOf: [String: [(on: LocalDate, isInterview: Bool)]] = [:]
        var techTestsOf: [String: [LocalDate]] = [:]
        for row in interviews {
            let id = row.application_id.uppercased()
            let day = LocalDate(row.scheduled_at, in: zones[id] ?? .gmt)
            interviewsOf[id, default: []].append((day, row.kind.isInterview))
            if row.kind == .techTest { techTestsOf[id, default: []].append(day) }
        }
        let byText = UUID.byText(userIDs)
        var result: [UUID: [AnalysedApplication]] = [:]
        for row in applications {
            guard let who = byText[row.user_id.uppercased()] ?? UUID(uuidString: row.user_id) else { continue }
            let id = row.id.uppercased()
            result[who, default: []].append(AnalysedApplication(source: row.source, stage: row.stage,
                                                                history: ApplicationHistory(moves: movesOf[id] ?? [], interviews: interviewsOf[id] ?? []),
                                                                techTests: techTestsOf[id] ?? []))
        }
        return result
    }
}

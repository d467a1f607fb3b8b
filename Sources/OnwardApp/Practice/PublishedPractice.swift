import Fluent
import Foundation
import OnwardCore
import SQLKit

/// What practice publishes for other capabilities (`PracticeReads`), read from its own tables.
struct PublishedPractice: PracticeReads {
    func mockInterviews(of userIDs: [UUID], from start: Date, on db: any Database) async throws -> [UUID: [Date]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT b.user_id AS who, s.starts_at AS at FROM \(ident: MockBookingModel.schema) b JOIN \(ident: MockSlotModel.schema) s ON s.id = b.slot_id
            WHERE b.user_id IN \(SQLBind.group(userIDs)) AND b.cancelled_at IS NULL AND s.starts_at >= \(bind: start)
            """).all()
        var result: [UUID: [Date]] = [:]
        for row in rows { result[try row.id("who", among: byText), default: []].append(try row.decode(column: "at", as: Date.self)) }
        return result
    }
}

extension PublishedPractice {
    func technicalFeedback(to userIDs: [UUID], on db: any Database) async throws -> [UUID: [FeedbackGiven]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT b.user_id AS who, r.id, r.improvements, r.scored_at AS at FROM \(ident: MockRubricModel.schema) r
            JOIN \(ident: MockBookingModel.schema) b ON b.id = r.booking_id
            WHERE b.user_id IN \(SQLBind.group(userIDs)) AND r.improvements <> ''
            """).all()
        var result: [UUID: [FeedbackGiven]] = [:]
        for row in rows {
            result[try row.id("who", among: byText), default: []].append(FeedbackGiven(
                key: "mock:" + (try row.decode(column: "id", as: UUID.self)).uuidString, source: "Mock interview",
                text: try row.decode(column: "improvements", as: String.self), given: LocalDate(try row.decode(column: "at", as: Date.self), in: .gmt)))
        }
        return result
    }
}

extension PublishedPractice {
    func mockScores(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [MockScore]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT b.user_id AS who, b.theme, s.starts_at AS at, r.problem_solving, r.code_comprehension, r.communication, r.technical_knowledge, r.topic_area
            FROM \(ident: MockRubricModel.schema) r JOIN \(ident: MockBookingModel.schema) b ON b.id = r.booking_id JOIN \(ident: MockSlotModel.schema) s ON s.id = b.slot_id
            WHERE b.user_id IN \(SQLBind.group(userIDs)) ORDER BY s.starts_at DESC
            """).all()
        var result: [UUID: [MockScore]] = [:]
        for row in rows {
            let theme = MockTheme(rawValue: try row.decode(column: "theme", as: String.self))
            let scores = try RubricCriterion.allCases.map { criterion in (criterion: criterion.title, score: try row.decode(column: criterion.rawValue, as: Int.self)) }
            result[try row.id("who", among: byText), default: []].append(MockScore(
                day: LocalDate(try row.decode(column: "at", as: Date.self), in: .gmt), theme: theme?.title ?? "Mock interview", scores: scores))
        }
        return result
    }
}

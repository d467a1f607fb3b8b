import Fluent
import Foundation
import OnwardCore
import SQLKit

/// Facts of a graduate's coaching read straight from its tables: shared queries for capabilities
/// that summarise a graduate (the programme as their coach reads it) without depending on
/// coaching's types.
enum CoachingFacts {
    /// One of a graduate's submissions for review, as a summary lists it.
    struct Submission {
        let id: UUID
        let kind: SubmissionKind
        let title: String
        let state: ReviewState
        let round: Int
        /// YYYY-MM-DD: the day the latest round was sent.
        let submittedOn: String
    }

    /// `graduateID`'s submissions, the latest first.
    static func submissions(of graduateID: UUID, on db: any Database) async throws -> [Submission] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT id, kind, title, state, round, submitted_on FROM submissions WHERE user_id = \(bind: graduateID) ORDER BY created_at DESC
            """).all()
        return try rows.compactMap { row in
            guard let kind = SubmissionKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let state = ReviewState(rawValue: try row.decode(column: "state", as: String.self)) else { return nil }
            return Submission(id: try row.decode(column: "id", as: UUID.self), kind: kind, title: try row.decode(column: "title", as: String.self),
                              state: state, round: try row.decode(column: "round", as: Int.self), submittedOn: try row.decode(column: "submitted_on", as: String.self))
        }
    }
}

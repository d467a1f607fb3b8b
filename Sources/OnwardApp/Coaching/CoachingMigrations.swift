import Fluent
import SQLKit

/// Steps of the coaching schema (registered in order in `migrations.swift`). A shipped step is never edited.
enum CoachingMigrations {
    /// Reviews of submissions: where each submission's review stands, every round sent, every
    /// verdict. Submissions sent before reviews existed counted when sent; they stay approved.
    struct CreateReviews: AsyncMigration {
        func prepare(on database: any Database) async throws {
            // One column per step: SQLite adds one column per ALTER TABLE.
            try await database.schema(SubmissionModel.schema).field("state", .string, .required, .sql(.default("approved"))).update()
            try await database.schema(SubmissionModel.schema).field("round", .int, .required, .sql(.default(1))).update()
            try await database.schema(SubmissionModel.schema).field("sent_at", .datetime).update()
            try await database.schema(SubmissionRoundModel.schema)
                .id()
                .field("submission_id", .uuid, .required, .references(SubmissionModel.schema, .id, onDelete: .cascade))
                .field("round", .int, .required)
                .field("title", .string, .required)
                .field("body", .string, .required)
                .field("link", .string, .required)
                .field("sent_at", .datetime, .required)
                .unique(on: "submission_id", "round")
                .create()
            try await database.schema(SubmissionReviewModel.schema)
                .id()
                .field("submission_id", .uuid, .required, .references(SubmissionModel.schema, .id, onDelete: .cascade))
                .field("round", .int, .required)
                .field("reviewer_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("verdict", .string, .required)
                .field("comment", .string, .required)
                .field("created_at", .datetime)
                .unique(on: "submission_id", "round")
                .create()
            // The rounds of what was already sent: each its first.
            for submission in try await SubmissionModel.query(on: database).all() {
                submission.sentAt = submission.createdAt
                try await submission.save(on: database)
                try await SubmissionRoundModel(of: submission, id: submission.requireID()).create(on: database)
            }
            let sql = database as! any SQLDatabase
            try await sql.create(index: "submissions_waiting").on(SubmissionModel.schema).column("state").column("sent_at").run()
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.drop(index: "submissions_waiting").run()
            try await database.schema(SubmissionReviewModel.schema).delete()
            try await database.schema(SubmissionRoundModel.schema).delete()
            try await database.schema(SubmissionModel.schema).deleteField("sent_at").update()
            try await database.schema(SubmissionModel.schema).deleteField("round").update()
            try await database.schema(SubmissionModel.schema).deleteField("state").update()
        }
    }
}

import Foundation
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
            // The rounds of what was already sent: each its first. Read and written as rows, not
            // models: the models have since grown columns this step does not have yet.
            let sql = database as! any SQLDatabase
            struct Sent: Decodable { let id: UUID; let title: String; let body: String; let link: String; let created_at: Date? }
            for submission in try await sql.select().columns("id", "title", "body", "link", "created_at").from(SubmissionModel.schema).all(decoding: Sent.self) {
                let sentAt = submission.created_at ?? Date()
                try await sql.update(SubmissionModel.schema).set("sent_at", to: sentAt).where("id", .equal, submission.id).run()
                try await sql.insert(into: SubmissionRoundModel.schema).columns("id", "submission_id", "round", "title", "body", "link", "sent_at")
                    .values(SQLBind(UUID()), SQLBind(submission.id), SQLBind(1), SQLBind(submission.title), SQLBind(submission.body), SQLBind(submission.link), SQLBind(sentAt))
                    .run()
            }
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

    /// The help desk: support requests and their threads.
    struct CreateSupportRequests: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(SupportRequestModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("subject", .string, .required)
                .field("message", .string, .required)
                .field("preferred_times", .string, .required)
                .field("state", .string, .required)
                .field("meeting_at", .datetime)
                .field("first_reply_at", .datetime)
                .field("opened_at", .datetime, .required)
                .field("updated_at", .datetime)
                .create()
            try await database.schema(SupportReplyModel.schema)
                .id()
                .field("request_id", .uuid, .required, .references(SupportRequestModel.schema, .id, onDelete: .cascade))
                .field("author_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("body", .string, .required)
                .field("meeting_at", .datetime)
                .field("written_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "support_requests_by_user").on(SupportRequestModel.schema).column("user_id").column("state").run()
            try await sql.create(index: "support_replies_by_request").on(SupportReplyModel.schema).column("request_id").column("written_at").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(SupportReplyModel.schema).delete()
            try await database.schema(SupportRequestModel.schema).delete()
        }
    }

    /// Individual Learning Plans, their meetings and recommendations.
    struct CreateLearningPlans: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(LearningPlanModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("coach_id", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
                .field("focus_areas", .string, .required)
                .field("cadence", .string, .required)
                .field("state", .string, .required)
                .field("started_on", .string)
                .field("finished_on", .string)
                .field("asked_at", .datetime, .required)
                .create()
            try await database.schema(PlanMeetingModel.schema)
                .id()
                .field("plan_id", .uuid, .required, .references(LearningPlanModel.schema, .id, onDelete: .cascade))
                .field("held_on", .string, .required)
                .field("notes", .string, .required)
                .field("recorded_by_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("created_at", .datetime)
                .create()
            try await database.schema(RecommendationModel.schema)
                .id()
                .field("plan_id", .uuid, .required, .references(LearningPlanModel.schema, .id, onDelete: .cascade))
                .field("meeting_id", .uuid, .required, .references(PlanMeetingModel.schema, .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("description", .string, .required)
                .field("link", .string, .required)
                .field("due", .string)
                .field("state", .string, .required)
                .field("outcome_link", .string, .required)
                .field("updated_at", .datetime)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "learning_plans_by_user").on(LearningPlanModel.schema).column("user_id").column("state").run()
            try await sql.create(index: "plan_meetings_by_plan").on(PlanMeetingModel.schema).column("plan_id").column("held_on").run()
            try await sql.create(index: "recommendations_by_plan").on(RecommendationModel.schema).column("plan_id").column("state").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(RecommendationModel.schema).delete()
            try await database.schema(PlanMeetingModel.schema).delete()
            try await database.schema(LearningPlanModel.schema).delete()
        }
    }

    /// Coaching events and the graduates' answers to them.
    struct CreateEvents: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(CoachingEventModel.schema)
                .id()
                .field("title", .string, .required)
                .field("description", .string, .required)
                .field("starts_at", .datetime, .required)
                .field("ends_at", .datetime, .required)
                .field("link", .string, .required)
                .field("place", .string, .required)
                .field("cohort_id", .uuid, .references(CohortModel.schema, .id, onDelete: .cascade))
                .field("created_by_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("created_at", .datetime)
                .create()
            try await database.schema(EventAnswerModel.schema)
                .id()
                .field("event_id", .uuid, .required, .references(CoachingEventModel.schema, .id, onDelete: .cascade))
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("answer", .string, .required)
                .field("answered_at", .datetime, .required)
                .unique(on: "event_id", "user_id")
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "coaching_events_by_end").on(CoachingEventModel.schema).column("ends_at").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(EventAnswerModel.schema).delete()
            try await database.schema(CoachingEventModel.schema).delete()
        }
    }

    /// Where a request came from (the desk's form, or a standup's "I'd like help"), and for one
    /// from a standup that standup's day: one request per graduate and day, however many times
    /// the standup is saved at once.
    /// When and where a learning plan's meetings happen.
    struct AddMeetingPlaceToLearningPlans: AsyncMigration {
        func prepare(on database: any Database) async throws {
            // One column at a time: SQLite adds one per statement.
            for field in ["meeting_time", "meeting_link", "meeting_place"] {
                try await database.schema(LearningPlanModel.schema).field(.string(field), .string).update()
            }
        }

        func revert(on database: any Database) async throws {
            for field in ["meeting_place", "meeting_link", "meeting_time"] {
                try await database.schema(LearningPlanModel.schema).deleteField(.string(field)).update()
            }
        }
    }

    struct AddOriginToSupportRequests: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(SupportRequestModel.schema).field("origin", .string, .required, .sql(.default("desk"))).update()
            try await database.schema(SupportRequestModel.schema).field("origin_day", .string).update()
            try await (database as! any SQLDatabase).create(index: "support_requests_one_per_standup").on(SupportRequestModel.schema)
                .column("user_id").column("origin_day").unique().run()
        }

        func revert(on database: any Database) async throws {
            try await (database as! any SQLDatabase).drop(index: "support_requests_one_per_standup").run()
            try await database.schema(SupportRequestModel.schema).deleteField("origin_day").update()
            try await database.schema(SupportRequestModel.schema).deleteField("origin").update()
        }
    }

    /// A job search analysis keeps, with each round, the figures it was written beside (as JSON;
    /// empty for other kinds and for analyses sent before) and what the graduate will change.
    struct AddAnalysisToSubmissions: AsyncMigration {
        func prepare(on database: any Database) async throws {
            for schema in [SubmissionModel.schema, SubmissionRoundModel.schema] {
                try await database.schema(schema).field("changes", .string, .required, .sql(.default(""))).update()
                try await database.schema(schema).field("figures", .string, .required, .sql(.default(""))).update()
            }
        }

        func revert(on database: any Database) async throws {
            for schema in [SubmissionRoundModel.schema, SubmissionModel.schema] {
                try await database.schema(schema).deleteField("figures").update()
                try await database.schema(schema).deleteField("changes").update()
            }
        }
    }
}

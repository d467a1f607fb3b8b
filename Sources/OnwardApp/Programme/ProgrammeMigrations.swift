import Fluent
import SQLKit

/// Steps of the programme schema (registered in order in `migrations.swift`). A shipped step is never edited.
enum ProgrammeMigrations {
    struct CreateProgramme: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ProgrammeModel.schema)
                .id()
                .field("name", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema(ProgrammeActivityModel.schema)
                .id()
                .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, .id, onDelete: .cascade))
                .field("key", .string, .required)
                .field("title", .string, .required)
                .field("description", .string, .required)
                .field("kind", .string, .required)
                .field("schedule", .string, .required)
                .field("due_week", .int)
                .field("required", .bool, .required)
                .field("count", .int, .required)
                .field("since", .string)
                .field("position", .int, .required)
                .unique(on: "programme_id", "key")
                .create()
            try await database.schema(CohortProgrammeModel.schema)
                .id()
                .field("cohort_id", .uuid, .required, .references(CohortModel.schema, .id, onDelete: .cascade))
                .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, .id, onDelete: .cascade))
                .unique(on: "cohort_id")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(CohortProgrammeModel.schema).delete()
            try await database.schema(ProgrammeActivityModel.schema).delete()
            try await database.schema(ProgrammeModel.schema).delete()
        }
    }

    struct CreateStandupsAndMarks: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ActivityMarkModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("activity_key", .string, .required)
                .field("day", .string, .required)
                .field("written_on", .string, .required)
                .field("mark", .string, .required)
                .field("created_at", .datetime)
                .unique(on: "user_id", "activity_key", "day")
                .create()
            try await database.schema(StandupModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("day", .string, .required)
                .field("yesterday", .string, .required)
                .field("today", .string, .required)
                .field("blockers", .string, .required)
                .field("mood", .int, .required)
                .field("wants_help", .bool, .required)
                .field("late", .bool, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .unique(on: "user_id", "day")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(StandupModel.schema).delete()
            try await database.schema(ActivityMarkModel.schema).delete()
        }
    }

    struct CreateRetrospective: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(RetrospectiveModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("week", .int, .required)
                .field("went_well", .string, .required)
                .field("did_not_go_well", .string, .required)
                .field("learned", .string, .required)
                .field("focus", .string, .required)
                .field("better", .string, .required)
                .field("applications", .int, .required)
                .field("interviews", .int, .required)
                .field("standups", .int, .required)
                .field("written_on", .string, .required)
                .field("updated_at", .datetime)
                .unique(on: "user_id", "week")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(RetrospectiveModel.schema).delete()
        }
    }
}

extension ProgrammeMigrations {
    /// SMART goals with their history, informational interviews, blog posts and submissions.
    struct CreateGoalsAndEvidence: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(SmartGoalModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("created_at", .datetime)
                .create()
            try await database.schema(SmartGoalVersionModel.schema)
                .id()
                .field("goal_id", .uuid, .required, .references(SmartGoalModel.schema, .id, onDelete: .cascade))
                .field("version", .int, .required)
                .field("specific", .string, .required)
                .field("measurable", .string, .required)
                .field("achievable", .string, .required)
                .field("relevant", .string, .required)
                .field("time_bound", .string, .required)
                .field("written_on", .string, .required)
                .unique(on: "goal_id", "version")
                .create()
            try await database.schema(InformationalInterviewModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("person", .string, .required)
                .field("company", .string, .required)
                .field("role", .string, .required)
                .field("day", .string, .required)
                .field("how_it_came_about", .string, .required)
                .field("notes", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema(BlogPostModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("title", .string, .required)
                .field("url", .string, .required)
                .field("published", .string, .required)
                .field("kind", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema("submissions")
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("title", .string, .required)
                .field("body", .string, .required)
                .field("link", .string, .required)
                .field("submitted_on", .string, .required)
                .field("created_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            for schema in ["submissions", BlogPostModel.schema, InformationalInterviewModel.schema, SmartGoalVersionModel.schema, SmartGoalModel.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}

extension ProgrammeMigrations {
    /// The careers team's replies to requests for help, and coaches' comments on retrospectives.
    struct CreateRepliesAndComments: AsyncMigration {
        func prepare(on database: any Database) async throws {
            // help_replies: the help desk took requests for help over (`MoveStandupHelpToTheDesk`).
            try await database.schema("help_replies")
                .id()
                .field("standup_id", .uuid, .required, .references(StandupModel.schema, .id, onDelete: .cascade))
                .field("author_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("body", .string, .required)
                .field("created_at", .datetime)
                .unique(on: "standup_id")
                .create()
            try await database.schema(RetrospectiveCommentModel.schema)
                .id()
                .field("retrospective_id", .uuid, .required, .references(RetrospectiveModel.schema, .id, onDelete: .cascade))
                .field("author_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("body", .string, .required)
                .field("created_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(RetrospectiveCommentModel.schema).delete()
            try await database.schema("help_replies").delete()
        }
    }
}

extension ProgrammeMigrations {
    /// Yearly learning goals, their resources and milestones.
    struct CreateLearningGoals: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(LearningGoalModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("title", .string, .required)
                .field("now", .string, .required)
                .field("success", .string, .required)
                .field("why", .string, .required)
                .field("active", .bool, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema(LearningResourceModel.schema)
                .id()
                .field("goal_id", .uuid, .required, .references(LearningGoalModel.schema, .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("name", .string, .required)
                .field("link", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema(LearningMilestoneModel.schema)
                .id()
                .field("goal_id", .uuid, .required, .references(LearningGoalModel.schema, .id, onDelete: .cascade))
                .field("title", .string, .required)
                .field("due", .string, .required)
                .field("done_on", .string)
                .field("created_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            for schema in [LearningMilestoneModel.schema, LearningResourceModel.schema, LearningGoalModel.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}

extension ProgrammeMigrations {
    /// Pauses of graduates' programmes, by an admin.
    struct CreatePauses: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ProgrammePauseModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("paused_by_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("reason", .string, .required)
                .field("since", .string, .required)
                .field("created_at", .datetime)
                .unique(on: "user_id")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ProgrammePauseModel.schema).delete()
        }
    }
}

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

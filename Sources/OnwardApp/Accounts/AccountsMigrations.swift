import Fluent
import SQLKit

/// Steps of the accounts schema. A shipped step is never edited; a change is a new step.
enum AccountsMigrations {
    struct CreateCohort: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(CohortModel.schema)
                .id()
                .field("name", .string, .required)
                .field("course_end_date", .string, .required)
                .field("time_zone", .string, .required)
                .field("standup_time", .string, .required)
                .field("created_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(CohortModel.schema).delete()
        }
    }

    struct CreateUser: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(UserModel.schema)
                .id()
                .field("email", .string, .required)
                .field("name", .string, .required)
                .field("password_hash", .string, .required)
                .field("role", .string, .required)
                .field("cohort_id", .uuid, .references(CohortModel.schema, .id, onDelete: .setNull))
                .field("time_zone", .string, .required)
                .field("github_login", .string)
                .field("stacks", .string, .required)
                .field("bio", .string, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .unique(on: "email")
                .create()
            try await (database as! any SQLDatabase).create(index: "users_cohort_id_idx").on(UserModel.schema).column("cohort_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(UserModel.schema).delete()
        }
    }

    struct CreateInvitation: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(InvitationModel.schema)
                .id()
                .field("email", .string, .required)
                .field("role", .string, .required)
                .field("cohort_id", .uuid, .references(CohortModel.schema, .id, onDelete: .setNull))
                .field("token_hash", .string, .required)
                .field("invited_by_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("expires_at", .datetime, .required)
                .field("accepted_at", .datetime)
                .field("created_at", .datetime)
                .unique(on: "token_hash")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(InvitationModel.schema).delete()
        }
    }

    struct CreateOutboxMessage: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("outbox_messages")
                .id()
                .field("to_email", .string, .required)
                .field("subject", .string, .required)
                .field("body", .string, .required)
                .field("topic", .string, .required)
                .field("subject_id", .uuid)
                .field("sent_at", .datetime)
                .field("created_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("outbox_messages").delete()
        }
    }

    struct CreateCoachAssignment: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(CoachAssignmentModel.schema)
                .id()
                .field("coach_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("graduate_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("created_at", .datetime)
                .unique(on: "coach_id", "graduate_id")
                .create()
            try await (database as! any SQLDatabase).create(index: "coach_assignments_graduate_id_idx").on(CoachAssignmentModel.schema).column("graduate_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(CoachAssignmentModel.schema).delete()
        }
    }

    struct CreateAPIToken: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(APITokenModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("name", .string, .required)
                .field("token_hash", .string, .required)
                .field("prefix", .string, .required)
                .field("last_used_at", .datetime)
                .field("created_at", .datetime)
                .unique(on: "token_hash")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(APITokenModel.schema).delete()
        }
    }

    /// Tokens made before this step keep working until revoked; new ones last 90 days unless
    /// their owner chooses otherwise.
    struct AddExpiryToAPIToken: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(APITokenModel.schema).field("expires_at", .datetime).update()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(APITokenModel.schema).deleteField("expires_at").update()
        }
    }

    struct CreateSignInFailure: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("sign_in_failures")
                .id()
                .field("email", .string, .required)
                .field("failed_at", .datetime, .required)
                .create()
            try await (database as! any SQLDatabase).create(index: "sign_in_failures_email_idx").on("sign_in_failures").column("email").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("sign_in_failures").delete()
        }
    }

    /// Sign-in attempts are counted in one row per account and per client address, which the
    /// database increments atomically (`SignInAttempts`), instead of a row per failure that
    /// concurrent attempts all read before any wrote.
    struct CountSignInAttempts: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(SignInAttempts.schema)
                .field("key", .string, .required)
                .field("attempts", .int, .required)
                .field("window_ends", .int64, .required)
                .unique(on: "key")
                .create()
            try await CreateSignInFailure().revert(on: database)
        }

        func revert(on database: any Database) async throws {
            try await CreateSignInFailure().prepare(on: database)
            try await database.schema(SignInAttempts.schema).delete()
        }
    }
}

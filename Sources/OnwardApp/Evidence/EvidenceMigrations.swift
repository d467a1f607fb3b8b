import Fluent
import SQLKit

/// Steps of the evidence schema (registered in order in `migrations.swift`). A shipped step is never edited.
enum EvidenceMigrations {
    struct CreateGitHubActivity: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(GitHubCommitModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("sha", .string, .required)
                .field("committed_at", .datetime, .required)
                .field("day", .string, .required)
                .unique(on: "user_id", "sha")
                .create()
            try await database.schema(GitHubDeliveryModel.schema)
                .id()
                .field("delivery", .string, .required)
                .field("received_at", .datetime, .required)
                .unique(on: "delivery")
                .create()
            // A graduate's year of days is read by day.
            try await (database as! any SQLDatabase).create(index: "github_commits_by_day").on(GitHubCommitModel.schema).column("user_id").column("day").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(GitHubDeliveryModel.schema).delete()
            try await database.schema(GitHubCommitModel.schema).delete()
        }
    }
}

extension EvidenceMigrations {
    /// Side projects; the repository each commit was pushed to (to date a project's last work);
    /// the history of the signals; and what graduates did about feedback.
    struct CreateProjectsAndSignals: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ProjectModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("name", .string, .required)
                .field("repository_url", .string)
                .field("github_repository", .string)
                .field("live_url", .string)
                .field("description", .string, .required)
                .field("stacks", .string, .required)
                .field("is_side", .bool, .required)
                .field("started_on", .string, .required)
                .field("last_worked_on", .string)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "projects_by_user").on(ProjectModel.schema).column("user_id").run()
            try await database.schema(GitHubCommitModel.schema).field("repository", .string).update()
            try await sql.create(index: "github_commits_by_repository").on(GitHubCommitModel.schema).column("user_id").column("repository").run()
            try await database.schema(SignalRecordModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("signal", .string, .required)
                .field("reason", .string, .required)
                .field("raised_at", .datetime, .required)
                .field("cleared_at", .datetime)
                .create()
            // At most one standing record of a signal per graduate, however many pages work it out at once.
            try await sql.raw("CREATE UNIQUE INDEX signal_records_standing ON signal_records (user_id, signal) WHERE cleared_at IS NULL").run()
            try await database.schema(FeedbackActionModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("feedback_key", .string, .required)
                .field("kind", .string, .required)
                .field("link", .string)
                .field("note", .string, .required)
                .field("day", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await sql.create(index: "feedback_actions_by_user").on(FeedbackActionModel.schema).column("user_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(FeedbackActionModel.schema).delete()
            try await database.schema(SignalRecordModel.schema).delete()
            try await (database as! any SQLDatabase).drop(index: "github_commits_by_repository").run()
            try await database.schema(GitHubCommitModel.schema).deleteField("repository").update()
            try await database.schema(ProjectModel.schema).delete()
        }
    }
}

extension EvidenceMigrations {
    /// The candidate profiles graduates share with the partnerships team, their coaches'
    /// technical recommendations, and the partners' shortlists.
    struct CreateShortlists: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(CandidateProfileModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("headline", .string, .required)
                .field("available_from", .string)
                .field("shared_at", .datetime)
                .field("updated_at", .datetime)
                .unique(on: "user_id")
                .create()
            try await database.schema(TechnicalRecommendationModel.schema)
                .id()
                .field("graduate_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("coach_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("text", .string, .required)
                .field("written_at", .datetime, .required)
                .field("read_at", .datetime)
                .unique(on: "graduate_id")
                .create()
            try await database.schema(ShortlistModel.schema)
                .id()
                .field("name", .string, .required)
                .field("hiring_partner", .string, .required)
                .field("created_by", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("created_at", .datetime, .required)
                .create()
            try await database.schema(ShortlistEntryModel.schema)
                .id()
                .field("shortlist_id", .uuid, .required, .references(ShortlistModel.schema, .id, onDelete: .cascade))
                .field("graduate_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("added_at", .datetime, .required)
                .unique(on: "shortlist_id", "graduate_id")
                .create()
            let sql = database as! any SQLDatabase
            // A graduate's shortlists are read by graduate (their page, and leaving them all).
            try await sql.create(index: "shortlist_entries_by_graduate").on(ShortlistEntryModel.schema).column("graduate_id").run()
            // The last commit to each repository of a thousand candidates is read from the index
            // alone once it holds the day: 63 ms became 10 ms in SQLite on the bench's 36,000 commits.
            try await sql.create(index: "github_commits_by_repository_day").on(GitHubCommitModel.schema).column("user_id").column("repository").column("day").run()
            try await sql.drop(index: "github_commits_by_repository").run()
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.create(index: "github_commits_by_repository").on(GitHubCommitModel.schema).column("user_id").column("repository").run()
            try await sql.drop(index: "github_commits_by_repository_day").run()
            try await database.schema(ShortlistEntryModel.schema).delete()
            try await database.schema(ShortlistModel.schema).delete()
            try await database.schema(TechnicalRecommendationModel.schema).delete()
            try await database.schema(CandidateProfileModel.schema).delete()
        }
    }
}

extension EvidenceMigrations {
    /// The days the daily GitHub sync ran: one instance claims each.
    struct CreateGitHubSyncDays: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(GitHubSyncDayModel.schema)
                .id()
                .field("day", .string, .required)
                .field("started_at", .datetime, .required)
                .unique(on: "day")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(GitHubSyncDayModel.schema).delete()
        }
    }
}

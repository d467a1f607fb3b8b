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

import Fluent
import SQLKit

/// Steps of the integrations' schema (registered in order in `migrations.swift`). A shipped step is never edited.
enum IntegrationsMigrations {
    /// Calendar feeds, and what each person's feed last wrote of every event (its fingerprint,
    /// SEQUENCE and DTSTAMP, and the event as written, to cancel it once it is gone).
    struct CreateCalendarFeeds: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("calendar_feeds")
                .id()
                .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
                .field("token_hash", .string, .required)
                .field("created_at", .datetime, .required)
                .field("last_read_at", .datetime)
                .unique(on: "user_id")
                .unique(on: "token_hash")
                .create()
            try await database.schema("calendar_entries")
                .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
                .field("uid", .string, .required)
                .field("fingerprint", .string, .required)
                .field("sequence", .int, .required)
                .field("changed_at", .datetime, .required)
                .field("event", .string, .required)
                .unique(on: "user_id", "uid")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("calendar_entries").delete()
            try await database.schema("calendar_feeds").delete()
        }
    }
}

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

extension IntegrationsMigrations {
    /// The outbox, sent: how many tries, the last error, when to try again, who holds a message
    /// and when one was given up.
    struct AddDeliveryToOutbox: AsyncMigration {
        func prepare(on database: any Database) async throws {
            // One column a step: SQLite adds one at a time.
            try await database.schema("outbox_messages").field("attempts", .int, .required, .sql(.default(0))).update()
            try await database.schema("outbox_messages").field("last_error", .string).update()
            try await database.schema("outbox_messages").field("next_attempt_at", .datetime).update()
            try await database.schema("outbox_messages").field("claimed_until", .datetime).update()
            try await database.schema("outbox_messages").field("failed_at", .datetime).update()
            try await database.schema("outbox_messages").field("claimed_by", .uuid).update()
            try await database.schema("outbox_messages").field("expires_at", .datetime).update()
            // What waited before Onward sent mail was sent by hand, or not at all, long ago: it
            // is set aside, not mailed out the day a mail server is set.
            try await (database as! any SQLDatabase).raw("""
                UPDATE outbox_messages SET failed_at = created_at, last_error = 'Written before Onward sent mail: not sent by it.' WHERE sent_at IS NULL
                """).run()
            // The sender looks for what waits.
            try await (database as! any SQLDatabase).create(index: "outbox_waiting").on("outbox_messages").column("sent_at").column("next_attempt_at").run()
        }

        func revert(on database: any Database) async throws {
            try await (database as! any SQLDatabase).drop(index: "outbox_waiting").run()
            for field in ["expires_at", "claimed_by", "failed_at", "claimed_until", "next_attempt_at", "last_error", "attempts"] {
                try await database.schema("outbox_messages").deleteField(.string(field)).update()
            }
        }
    }
}

extension IntegrationsMigrations {
    /// Notifications, and which kinds each person also gets by email (no row: the defaults).
    struct CreateNotifications: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("notifications")
                .id()
                .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("text", .string, .required)
                .field("path", .string, .required)
                .field("created_at", .datetime, .required)
                .field("read_at", .datetime)
                .create()
            // The header counts a person's unread on every page; their page lists the newest.
            try await (database as! any SQLDatabase).create(index: "notifications_by_person").on("notifications").column("user_id").column("read_at").run()
            try await database.schema("notification_settings")
                .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
                .field("emailed", .string, .required)
                .unique(on: "user_id")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("notification_settings").delete()
            try await database.schema("notifications").delete()
        }
    }
}

extension IntegrationsMigrations {
    /// Cohorts' Slack webhooks and the posts for them; and the claims of scheduled runs, which
    /// let one instance of several do each.
    struct CreateSlackAndSchedule: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("slack_webhooks")
                .id()
                .field("cohort_id", .uuid, .required, .references("cohorts", .id, onDelete: .cascade))
                .field("url", .string, .required)
                .field("set_at", .datetime, .required)
                .field("set_by_id", .uuid, .references("users", .id, onDelete: .setNull))
                .unique(on: "cohort_id")
                .create()
            try await database.schema("slack_deliveries")
                .id()
                .field("cohort_id", .uuid, .required, .references("cohorts", .id, onDelete: .cascade))
                .field("kind", .string, .required)
                .field("summary", .string, .required)
                .field("payload", .string, .required)
                .field("created_at", .datetime, .required)
                .field("attempts", .int, .required, .sql(.default(0)))
                .field("last_error", .string)
                .field("next_attempt_at", .datetime)
                .field("claimed_until", .datetime)
                .field("claimed_by", .uuid)
                .field("sent_at", .datetime)
                .field("failed_at", .datetime)
                .create()
            try await (database as! any SQLDatabase).create(index: "slack_waiting").on("slack_deliveries").column("sent_at").column("next_attempt_at").run()
            try await database.schema("scheduled_runs")
                .id()
                .field("job", .string, .required)
                .field("period", .string, .required)
                .field("claimed_at", .datetime, .required)
                .unique(on: "job", "period")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("scheduled_runs").delete()
            try await database.schema("slack_deliveries").delete()
            try await database.schema("slack_webhooks").delete()
        }
    }
}

extension IntegrationsMigrations {
    /// The weekly digest is on by default: those who saved their choices before it existed get
    /// it too (they can turn it off), rather than finding it silently off.
    struct TurnOnWeeklyDigest: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await (database as! any SQLDatabase).raw("""
                UPDATE notification_settings SET emailed = emailed || '\nweekly_digest'
                WHERE emailed NOT LIKE '%weekly_digest%' AND user_id IN (SELECT id FROM users WHERE role IN ('graduate', 'coach'))
                """).run()
        }

        func revert(on database: any Database) async throws {}
    }
}

extension IntegrationsMigrations {
    /// The record of accounts deleted: when, what the account was, and whether its owner or an
    /// admin (who) deleted it. Nothing of the account itself.
    struct CreateAccountDeletions: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("account_deletions")
                .id()
                .field("role", .string, .required)
                .field("by_owner", .bool, .required)
                .field("done_by_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("done_at", .datetime, .required)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("account_deletions").delete()
        }
    }
}

import Fluent
import SQLKit

/// Steps of the practice schema (registered in order in `migrations.swift`). A shipped step is never edited.
enum PracticeMigrations {
    /// Mock technical interviews: coaches' slots, graduates' bookings, the rubrics.
    struct CreateMockInterviews: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(MockSlotModel.schema)
                .id()
                .field("coach_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("starts_at", .datetime, .required)
                .field("minutes", .int, .required)
                .field("themes", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema(MockBookingModel.schema)
                .id()
                .field("slot_id", .uuid, .required, .references(MockSlotModel.schema, .id, onDelete: .cascade))
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("theme", .string, .required)
                .field("practise", .string, .required)
                .field("booked_at", .datetime, .required)
                .field("cancelled_at", .datetime)
                .field("late_cancellation", .bool, .required)
                .create()
            try await database.schema(MockRubricModel.schema)
                .id()
                .field("booking_id", .uuid, .required, .references(MockBookingModel.schema, .id, onDelete: .cascade))
                .field("problem_solving", .int, .required)
                .field("code_comprehension", .int, .required)
                .field("communication", .int, .required)
                .field("technical_knowledge", .int, .required)
                .field("topic_area", .int, .required)
                .field("strengths", .string, .required)
                .field("improvements", .string, .required)
                .field("resources", .string, .required)
                .field("scored_at", .datetime, .required)
                .unique(on: "booking_id")
                .create()
            let sql = database as! any SQLDatabase
            // One slot, one booking: at most one that is not cancelled, whatever asks at once.
            try await sql.raw("CREATE UNIQUE INDEX mock_bookings_one_per_slot ON mock_bookings (slot_id) WHERE cancelled_at IS NULL").run()
            try await sql.create(index: "mock_bookings_by_user").on(MockBookingModel.schema).column("user_id").run()
            try await sql.create(index: "mock_slots_by_start").on(MockSlotModel.schema).column("starts_at").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(MockRubricModel.schema).delete()
            try await database.schema(MockBookingModel.schema).delete()
            try await database.schema(MockSlotModel.schema).delete()
        }
    }

    /// Morning peer practice sessions and the places taken in them.
    struct CreatePeerSessions: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(PeerSessionModel.schema)
                .id()
                .field("host_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("starts_at", .datetime, .required)
                .field("minutes", .int, .required)
                .field("kind", .string, .required)
                .field("places", .int, .required)
                .field("link", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await database.schema(PeerSeatModel.schema)
                .id()
                .field("session_id", .uuid, .required, .references(PeerSessionModel.schema, .id, onDelete: .cascade))
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("note", .string, .required)
                .field("joined_at", .datetime, .required)
                .unique(on: "session_id", "user_id")
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "peer_sessions_by_start").on(PeerSessionModel.schema).column("starts_at").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(PeerSeatModel.schema).delete()
            try await database.schema(PeerSessionModel.schema).delete()
        }
    }
}

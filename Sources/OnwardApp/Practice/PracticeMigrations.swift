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
    /// A place given up and a session cancelled are kept with their moment (a late one shows as
    /// late); a mock interview slot says where to meet.
    struct AddLeavingAndMeetingPlaces: AsyncMigration {
        func prepare(on database: any Database) async throws {
            // One column at a time: SQLite adds one per statement.
            try await database.schema(PeerSessionModel.schema).field("cancelled_at", .datetime).update()
            try await database.schema(PeerSeatModel.schema).field("left_at", .datetime).update()
            try await database.schema(MockSlotModel.schema).field("link", .string).update()
            try await database.schema(MockSlotModel.schema).field("place", .string).update()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(MockSlotModel.schema).deleteField("place").update()
            try await database.schema(MockSlotModel.schema).deleteField("link").update()
            try await database.schema(PeerSeatModel.schema).deleteField("left_at").update()
            try await database.schema(PeerSessionModel.schema).deleteField("cancelled_at").update()
        }
    }

    /// Pairing goes by real stacks and the kind of session, not categories: requests gain the
    /// stacks to work in and to avoid, volunteers the stacks they help with, and the categories
    /// kept in `tags` become kinds (a language's kata stays a kata, a framework or a side
    /// project becomes a project; a repeat reads once).
    struct AddStacksToPairing: AsyncMigration {
        static let kindOf = [("side_project", "project"), ("language", "kata"), ("framework", "project")]

        func prepare(on database: any Database) async throws {
            try await database.schema(PairingRequestModel.schema).field("stacks", .string).update()
            try await database.schema(PairingRequestModel.schema).field("avoided_stacks", .string).update()
            try await database.schema(PairingVolunteerModel.schema).field("stacks", .string).update()
            try await Self.kindsFromCategories(on: database)
        }

        /// The categories in `tags` said as kinds, in one transaction.
        static func kindsFromCategories(on database: any Database) async throws {
            try await database.transaction { db in
                let sql = db as! any SQLDatabase
                for table in [PairingRequestModel.schema, PairingVolunteerModel.schema] {
                    for (old, new) in kindOf {
                        try await sql.raw("UPDATE \(ident: table) SET tags = REPLACE(tags, \(bind: old), \(bind: new))").run()
                    }
                }
            }
        }

        func revert(on database: any Database) async throws {
            try await database.schema(PairingVolunteerModel.schema).deleteField("stacks").update()
            try await database.schema(PairingRequestModel.schema).deleteField("avoided_stacks").update()
            try await database.schema(PairingRequestModel.schema).deleteField("stacks").update()
        }
    }

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

    /// Pairing: graduates' requests, volunteers' availability, and the pairings proposed.
    struct CreatePairing: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(PairingRequestModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("topic", .string, .required)
                .field("tags", .string, .required)
                .field("windows", .string, .required)
                .field("asked_at", .datetime, .required)
                .field("status", .string, .required)
                .field("closed_at", .datetime)
                .create()
            try await database.schema(PairingVolunteerModel.schema)
                .id()
                .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("topics", .string, .required)
                .field("tags", .string, .required)
                .field("windows", .string, .required)
                .field("active", .bool, .required)
                .field("updated_at", .datetime, .required)
                .unique(on: "user_id")
                .create()
            try await database.schema(PairingModel.schema)
                .id()
                .field("request_id", .uuid, .required, .references(PairingRequestModel.schema, .id, onDelete: .cascade))
                .field("partner_request_id", .uuid, .references(PairingRequestModel.schema, .id, onDelete: .cascade))
                .field("first_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("second_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
                .field("matched_by_id", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
                .field("starts_at", .datetime, .required)
                .field("ends_at", .datetime, .required)
                .field("first_topic", .string, .required)
                .field("second_topic", .string, .required)
                .field("state", .string, .required)
                .field("first_accepted", .bool, .required)
                .field("second_accepted", .bool, .required)
                .field("link", .string, .required)
                .field("first_note", .string, .required)
                .field("second_note", .string, .required)
                .field("proposed_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            // One open request a person, whatever asks at once.
            try await sql.raw("CREATE UNIQUE INDEX pairing_requests_one_open ON pairing_requests (user_id) WHERE status = 'open'").run()
            try await sql.create(index: "pairing_requests_by_status").on(PairingRequestModel.schema).column("status").run()
            try await sql.create(index: "pairings_by_first").on(PairingModel.schema).column("first_id").run()
            try await sql.create(index: "pairings_by_second").on(PairingModel.schema).column("second_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(PairingModel.schema).delete()
            try await database.schema(PairingVolunteerModel.schema).delete()
            try await database.schema(PairingRequestModel.schema).delete()
        }
    }
}


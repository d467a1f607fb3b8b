import Fluent
import Foundation
import OnwardCore
import SQLKit

/// Practice's part of a person's data: mock interviews booked (with their scores) or offered,
/// peer sessions hosted or joined, and pairing. When they leave, what others share with them
/// stays, signed by the former account: a mock interview someone booked with them, a session
/// others joined, a pairing. What was still to come with them is called off.
struct PracticePersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("mock_interviews", "Mock interviews booked, with the coach's scores (1 to 4) once given.", [
                .moment("starts_at"), .text("coach"), .text("theme"), .text("practise", "What they wanted to practise"), .moment("booked_at"), .moment("cancelled_at"),
                .whole("problem_solving"), .whole("code_comprehension"), .whole("communication"), .whole("technical_knowledge"), .whole("topic_area"),
                .text("strengths"), .text("improvements"), .text("resources"),
            ]), expressions: ["starts_at": "s.starts_at", "coach": "(SELECT name FROM users WHERE id = s.coach_id)", "theme": "b.theme", "practise": "b.practise",
                              "booked_at": "b.booked_at", "cancelled_at": "b.cancelled_at", "problem_solving": "r.problem_solving",
                              "code_comprehension": "r.code_comprehension", "communication": "r.communication", "technical_knowledge": "r.technical_knowledge",
                              "topic_area": "r.topic_area", "strengths": "r.strengths", "improvements": "r.improvements", "resources": "r.resources"]) {
                "mock_bookings b JOIN mock_slots s ON s.id = b.slot_id LEFT JOIN mock_rubrics r ON r.booking_id = b.id WHERE b.user_id = \(bind: $0) ORDER BY s.starts_at"
            },
            ExportedTable(ExportTable("mock_slots", "Mock interview slots offered (a coach).", [
                .moment("starts_at"), .whole("minutes"), .text("themes"),
            ])) { "mock_slots WHERE coach_id = \(bind: $0) ORDER BY starts_at" },
            ExportedTable(ExportTable("peer_sessions", "Peer sessions hosted or joined.", [
                .moment("starts_at"), .whole("minutes"), .text("kind"), .text("host"), .text("link"), .text("note", "What they said on joining"), .moment("cancelled_at"),
            ]), personal: { id in ["starts_at": "p.starts_at", "minutes": "p.minutes", "kind": "p.kind", "host": "(SELECT name FROM users WHERE id = p.host_id)",
                                   "link": "p.link", "note": "(SELECT note FROM peer_seats WHERE session_id = p.id AND user_id = \(bind: id))", "cancelled_at": "p.cancelled_at"] }) { id in
                "peer_sessions p WHERE p.host_id = \(bind: id) OR p.id IN (SELECT session_id FROM peer_seats WHERE user_id = \(bind: id)) ORDER BY p.starts_at"
            },
            ExportedTable(ExportTable("pairing_requests", "Requests for a pairing partner.", [
                .text("topic"), .text("tags"), .text("windows", "When they were free"), .moment("asked_at"), .text("status"),
            ])) { "pairing_requests WHERE user_id = \(bind: $0) ORDER BY asked_at" },
            ExportedTable(ExportTable("pairing_volunteering", "Offers to pair with others.", [
                .text("topics"), .text("tags"), .text("windows"), .yesNo("active"),
            ])) { "pairing_volunteers WHERE user_id = \(bind: $0)" },
            ExportedTable(ExportTable("pairings", "Pairings proposed or held.", [
                .moment("starts_at"), .moment("ends_at"), .text("partner"), .text("topic"), .text("state"), .text("link"), .text("note", "Their own note"),
            ]), personal: { id in ["partner": "(SELECT name FROM users WHERE id = CASE WHEN first_id = \(bind: id) THEN second_id ELSE first_id END)",
                                   "topic": "CASE WHEN first_id = \(bind: id) THEN first_topic ELSE second_topic END",
                                   "note": "CASE WHEN first_id = \(bind: id) THEN first_note ELSE second_note END"] }) { id in
                "pairings WHERE first_id = \(bind: id) OR second_id = \(bind: id) ORDER BY starts_at"
            },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let id = leaving.id, now = leaving.now
        // A coach's slots: what nobody else booked goes; a mock interview still to come is called
        // off; the rest stays with the graduate who had it.
        try await sql.raw("""
            UPDATE mock_bookings SET cancelled_at = \(bind: now) WHERE cancelled_at IS NULL AND slot_id IN (SELECT id FROM mock_slots WHERE coach_id = \(bind: id) AND starts_at > \(bind: now))
            """).run()
        try await sql.raw("DELETE FROM mock_slots WHERE coach_id = \(bind: id) AND id NOT IN (SELECT slot_id FROM mock_bookings WHERE user_id <> \(bind: id))").run()
        try await leaving.handOver("mock_slots", "coach_id", on: db)
        try await leaving.delete(from: "mock_bookings", on: db)
        // Sessions they host: one nobody else joined goes; one still to come is called off.
        try await sql.raw("DELETE FROM peer_sessions WHERE host_id = \(bind: id) AND id NOT IN (SELECT session_id FROM peer_seats WHERE user_id <> \(bind: id))").run()
        try await sql.raw("UPDATE peer_sessions SET cancelled_at = \(bind: now) WHERE host_id = \(bind: id) AND starts_at > \(bind: now) AND cancelled_at IS NULL").run()
        try await leaving.handOver("peer_sessions", "host_id", on: db)
        try await leaving.delete(from: "peer_seats", on: db)
        // Pairings: one still to come is withdrawn; one whose other side already left goes.
        try await sql.raw("""
            UPDATE pairings SET state = \(bind: PairingState.withdrawn.rawValue) WHERE (first_id = \(bind: id) OR second_id = \(bind: id)) AND starts_at > \(bind: now)
            AND state IN (\(bind: PairingState.proposed.rawValue), \(bind: PairingState.accepted.rawValue))
            """).run()
        try await sql.raw("""
            DELETE FROM pairings WHERE (first_id = \(bind: id) AND second_id IN (SELECT id FROM users WHERE role = \(bind: Role.former.rawValue)))
            OR (second_id = \(bind: id) AND first_id IN (SELECT id FROM users WHERE role = \(bind: Role.former.rawValue)))
            """).run()
        try await leaving.handOver("pairings", "first_id", on: db)
        try await leaving.handOver("pairings", "second_id", on: db)
        // A request a pairing was made from stays with it, closed and emptied (the pairing keeps
        // its own topics); the others go, and so do requests of people who left that no pairing
        // holds any more.
        try await sql.raw("""
            UPDATE pairing_requests SET user_id = \(bind: leaving.former), status = \(bind: PairingRequestStatus.withdrawn.rawValue), closed_at = COALESCE(closed_at, \(bind: now)),
            topic = '', tags = '', windows = '', stacks = NULL, avoided_stacks = NULL
            WHERE user_id = \(bind: id) AND (id IN (SELECT request_id FROM pairings) OR id IN (SELECT partner_request_id FROM pairings WHERE partner_request_id IS NOT NULL))
            """).run()
        try await leaving.delete(from: "pairing_requests", on: db)
        try await sql.raw("""
            DELETE FROM pairing_requests WHERE user_id = \(bind: leaving.former)
            AND id NOT IN (SELECT request_id FROM pairings) AND id NOT IN (SELECT partner_request_id FROM pairings WHERE partner_request_id IS NOT NULL)
            """).run()
        try await leaving.delete(from: "pairing_volunteers", on: db)
    }
}

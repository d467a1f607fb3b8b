import Fluent
import Foundation
import OnwardCore

/// Coaching's part of a person's data: their requests to the careers team, their work sent for
/// review, their learning plan and the events they answered, each with what the careers team
/// wrote. When they leave, what they wrote in others' threads (a reply, a review, a meeting's
/// notes, an event) stays, signed by the former account.
struct CoachingPersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("support_requests", "Requests to the careers team.", [
                .id("id"), .text("kind"), .text("subject"), .text("message"), .text("preferred_times"), .text("state"), .moment("meeting_at"), .moment("opened_at"),
            ])) { "support_requests WHERE user_id = \(bind: $0) ORDER BY opened_at" },
            ExportedTable(ExportTable("support_replies", "The replies in those requests.", [
                .id("request"), .text("author"), .text("body"), .moment("meeting_at"), .moment("written_at"),
            ]), expressions: ["request": "q.id", "author": "(SELECT name FROM users WHERE id = r.author_id)", "body": "r.body", "meeting_at": "r.meeting_at", "written_at": "r.written_at"]) {
                "support_replies r JOIN support_requests q ON q.id = r.request_id WHERE q.user_id = \(bind: $0) ORDER BY q.opened_at, r.written_at"
            },
            ExportedTable(ExportTable("submissions", "Work sent for review (a CV, a cover letter, a project): each round as sent.", [
                .id("submission"), .text("kind"), .text("state"), .whole("round"), .text("title"), .text("body"), .text("link"), .text("changes"), .moment("sent_at"),
            ]), expressions: ["submission": "s.id", "kind": "s.kind", "state": "s.state", "round": "r.round", "title": "r.title", "body": "r.body", "link": "r.link",
                              "changes": "r.changes", "sent_at": "r.sent_at"]) {
                "submission_rounds r JOIN submissions s ON s.id = r.submission_id WHERE s.user_id = \(bind: $0) ORDER BY s.submitted_on, r.round"
            },
            ExportedTable(ExportTable("submission_reviews", "The reviews of that work.", [
                .id("submission"), .whole("round"), .text("reviewer"), .text("verdict"), .text("comment"), .moment("written_at"),
            ]), expressions: ["submission": "s.id", "round": "v.round", "reviewer": "(SELECT name FROM users WHERE id = v.reviewer_id)", "verdict": "v.verdict",
                              "comment": "v.comment", "written_at": "v.created_at"]) {
                "submission_reviews v JOIN submissions s ON s.id = v.submission_id WHERE s.user_id = \(bind: $0) ORDER BY s.submitted_on, v.round"
            },
            ExportedTable(ExportTable("learning_plans", "Individual learning plans.", [
                .id("id"), .text("coach"), .text("focus_areas"), .text("cadence"), .text("state"), .day("started_on"), .day("finished_on"), .moment("asked_at"),
            ]), expressions: ["coach": "(SELECT name FROM users WHERE id = coach_id)"]) { "learning_plans WHERE user_id = \(bind: $0) ORDER BY asked_at" },
            ExportedTable(ExportTable("plan_meetings", "The learning plans' meetings and their notes.", [
                .id("plan"), .day("held_on"), .text("notes"), .text("recorded_by"),
            ]), expressions: ["plan": "p.id", "held_on": "m.held_on", "notes": "m.notes", "recorded_by": "(SELECT name FROM users WHERE id = m.recorded_by_id)"]) {
                "plan_meetings m JOIN learning_plans p ON p.id = m.plan_id WHERE p.user_id = \(bind: $0) ORDER BY m.held_on"
            },
            ExportedTable(ExportTable("plan_recommendations", "What the meetings recommended, and what came of it.", [
                .id("plan"), .text("kind"), .text("description"), .text("link"), .day("due"), .text("state"), .text("outcome_link"),
            ]), expressions: ["plan": "p.id", "kind": "r.kind", "description": "r.description", "link": "r.link", "due": "r.due", "state": "r.state", "outcome_link": "r.outcome_link"]) {
                "recommendations r JOIN learning_plans p ON p.id = r.plan_id WHERE p.user_id = \(bind: $0) ORDER BY r.due"
            },
            ExportedTable(ExportTable("event_answers", "Events answered, and the answer.", [
                .text("event"), .moment("starts_at"), .text("answer"), .moment("answered_at"),
            ]), expressions: ["event": "e.title", "starts_at": "e.starts_at", "answer": "a.answer", "answered_at": "a.answered_at"]) {
                "event_answers a JOIN coaching_events e ON e.id = a.event_id WHERE a.user_id = \(bind: $0) ORDER BY e.starts_at"
            },
            ExportedTable(ExportTable("reviews_written", "Reviews this person wrote of others' work (the careers team).", [
                .whole("round"), .text("verdict"), .text("comment"), .moment("written_at"),
            ]), expressions: ["written_at": "created_at"]) { "submission_reviews WHERE reviewer_id = \(bind: $0) ORDER BY created_at" },
            ExportedTable(ExportTable("request_replies_written", "Replies this person wrote to others' requests (the careers team).", [
                .text("body"), .moment("meeting_at"), .moment("written_at"),
            ])) { "support_replies WHERE author_id = \(bind: $0) AND request_id NOT IN (SELECT id FROM support_requests WHERE user_id = \(bind: $0)) ORDER BY written_at" },
            ExportedTable(ExportTable("meeting_notes_written", "Notes this person recorded of others' learning plan meetings (a coach).", [
                .day("held_on"), .text("notes"),
            ])) { "plan_meetings WHERE recorded_by_id = \(bind: $0) AND plan_id NOT IN (SELECT id FROM learning_plans WHERE user_id = \(bind: $0)) ORDER BY held_on" },
            ExportedTable(ExportTable("events_run", "Events this person put on (the careers team).", [
                .text("title"), .text("description"), .moment("starts_at"), .moment("ends_at"), .text("link"), .text("place"),
            ])) { "coaching_events WHERE created_by_id = \(bind: $0) ORDER BY starts_at" },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        for (table, column) in [("support_replies", "author_id"), ("submission_reviews", "reviewer_id"), ("plan_meetings", "recorded_by_id"), ("coaching_events", "created_by_id")] {
            try await leaving.handOver(table, column, on: db)
        }
        for table in ["support_requests", "submissions", "learning_plans", "event_answers"] {
            try await leaving.delete(from: table, on: db)
        }
    }
}

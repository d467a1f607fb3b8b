import Fluent
import Foundation
import OnwardCore

/// The programme's part of a person's data: their standups, retrospectives, records and goals,
/// with what others wrote on them; and, when they leave, their replies and comments on others'
/// (and a coach's pauses of others) handed to the former account.
struct ProgrammePersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("standups", "Each daily standup.", [
                .id("id"), .day("day"), .text("yesterday"), .text("today"), .text("blockers"), .whole("mood", "1 (low) to 5 (high)"),
                .yesNo("wants_help", "Asked the careers team for help"), .yesNo("late", "Posted after the cohort's standup time"), .moment("written_at"),
            ]), expressions: ["written_at": "created_at"]) { "standups WHERE user_id = \(bind: $0) ORDER BY day" },
            ExportedTable(ExportTable("help_replies", "The careers team's replies to standups that asked for help.", [
                .id("standup", "The standup's id"), .text("author"), .text("body"), .moment("written_at"),
            ]), expressions: ["standup": "s.id", "author": "(SELECT name FROM users WHERE id = h.author_id)", "body": "h.body", "written_at": "h.created_at"]) {
                "help_replies h JOIN standups s ON s.id = h.standup_id WHERE s.user_id = \(bind: $0) ORDER BY s.day"
            },
            ExportedTable(ExportTable("retrospectives", "Each weekly retrospective, with the week's figures as written.", [
                .id("id"), .whole("week", "The programme's week"), .text("went_well"), .text("did_not_go_well"), .text("learned"), .text("focus"), .text("better"),
                .whole("applications"), .whole("interviews"), .whole("standups"), .day("written_on"),
            ])) { "retrospectives WHERE user_id = \(bind: $0) ORDER BY week" },
            ExportedTable(ExportTable("retrospective_comments", "Comments on the retrospectives.", [
                .id("retrospective", "The retrospective's id"), .text("author"), .text("body"), .moment("written_at"),
            ]), expressions: ["retrospective": "r.id", "author": "(SELECT name FROM users WHERE id = c.author_id)", "body": "c.body", "written_at": "c.created_at"]) {
                "retrospective_comments c JOIN retrospectives r ON r.id = c.retrospective_id WHERE r.user_id = \(bind: $0) ORDER BY r.week, c.created_at"
            },
            ExportedTable(ExportTable("activity_marks", "The programme's activities marked done or skipped.", [
                .text("activity_key", "The activity"), .day("day", "The day it was for"), .day("written_on"), .text("mark"),
            ])) { "activity_marks WHERE user_id = \(bind: $0) ORDER BY day, activity_key" },
            ExportedTable(ExportTable("blog_posts", "Blog posts and other writing recorded.", [
                .text("title"), .text("url"), .day("published"), .text("kind"),
            ])) { "blog_posts WHERE user_id = \(bind: $0) ORDER BY published" },
            ExportedTable(ExportTable("informational_interviews", "Informational interviews recorded.", [
                .text("person"), .text("company"), .text("role"), .day("day"), .text("how_it_came_about"), .text("notes"),
            ])) { "informational_interviews WHERE user_id = \(bind: $0) ORDER BY day" },
            ExportedTable(ExportTable("smart_goals", "Each version of each SMART goal.", [
                .id("goal"), .whole("version"), .text("specific"), .text("measurable"), .text("achievable"), .text("relevant"), .text("time_bound"), .day("written_on"),
            ]), expressions: ["goal": "g.id", "version": "v.version", "specific": "v.specific", "measurable": "v.measurable", "achievable": "v.achievable",
                              "relevant": "v.relevant", "time_bound": "v.time_bound", "written_on": "v.written_on"]) {
                "smart_goal_versions v JOIN smart_goals g ON g.id = v.goal_id WHERE g.user_id = \(bind: $0) ORDER BY g.created_at, v.version"
            },
            ExportedTable(ExportTable("learning_goals", "Learning goals.", [
                .id("id"), .text("title"), .text("now", "Where it stood"), .text("success", "What success looks like"), .text("why"), .yesNo("active"),
            ])) { "learning_goals WHERE user_id = \(bind: $0) ORDER BY created_at" },
            ExportedTable(ExportTable("learning_goal_steps", "The milestones and resources of the learning goals.", [
                .id("goal"), .text("step", "milestone or resource"), .text("title"), .text("link", "A resource's link"), .day("due", "A milestone's day"), .day("done_on"),
            ])) { id in
                "(SELECT m.goal_id AS goal, 'milestone' AS step, m.title AS title, NULL AS link, m.due AS due, m.done_on AS done_on, m.created_at AS made FROM learning_milestones m JOIN learning_goals g ON g.id = m.goal_id WHERE g.user_id = \(bind: id) UNION ALL SELECT r.goal_id, 'resource', r.name, r.link, NULL, NULL, r.created_at FROM learning_resources r JOIN learning_goals g ON g.id = r.goal_id WHERE g.user_id = \(bind: id)) steps ORDER BY made"
            },
            ExportedTable(ExportTable("replies_written", "What this person wrote on others' standups and retrospectives (the careers team).", [
                .text("kind", "help reply or retrospective comment"), .text("body"), .moment("written_at"),
            ])) { id in
                "(SELECT 'help reply' AS kind, body, created_at AS written_at FROM help_replies WHERE author_id = \(bind: id) UNION ALL SELECT 'retrospective comment', body, created_at FROM retrospective_comments WHERE author_id = \(bind: id)) written ORDER BY written_at"
            },
            ExportedTable(ExportTable("programme_pauses", "A pause of the programme, while it lasts.", [
                .text("reason"), .day("since"), .text("paused_by"),
            ]), expressions: ["paused_by": "(SELECT name FROM users WHERE id = paused_by_id)"]) { "programme_pauses WHERE user_id = \(bind: $0)" },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        // Their words on others' threads stay, signed by the former account.
        try await leaving.handOver("help_replies", "author_id", on: db)
        try await leaving.handOver("retrospective_comments", "author_id", on: db)
        try await leaving.handOver("programme_pauses", "paused_by_id", on: db)
        for table in ["standups", "retrospectives", "activity_marks", "blog_posts", "informational_interviews", "smart_goals", "learning_goals", "programme_pauses"] {
            try await leaving.delete(from: table, on: db)
        }
    }
}

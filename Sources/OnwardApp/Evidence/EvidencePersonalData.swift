import Fluent
import Foundation
import OnwardCore

/// Evidence's part of a person's data: projects and commits, the signals raised and what they
/// did about feedback, their candidate profile and the coach's technical recommendation. When
/// they leave, a recommendation a coach wrote and a shortlist a partner made stay, signed by the
/// former account; they leave every shortlist they were on.
struct EvidencePersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("projects", "Projects.", [
                .text("name"), .text("description"), .text("stacks"), .text("repository_url"), .text("live_url"), .yesNo("is_side"), .day("started_on"), .day("last_worked_on"),
            ])) { "projects WHERE user_id = \(bind: $0) ORDER BY started_on" },
            ExportedTable(ExportTable("github_commits", "Commits read from GitHub.", [
                .text("sha"), .text("repository"), .moment("committed_at"), .day("day"),
            ])) { "github_commits WHERE user_id = \(bind: $0) ORDER BY committed_at" },
            ExportedTable(ExportTable("signals", "Signals raised for the coach (quiet for a while, no applications) and when they cleared.", [
                .text("signal"), .text("reason"), .moment("raised_at"), .moment("cleared_at"),
            ])) { "signal_records WHERE user_id = \(bind: $0) ORDER BY raised_at" },
            ExportedTable(ExportTable("feedback_actions", "What was done about feedback.", [
                .text("feedback_key", "Which feedback"), .text("kind"), .text("link"), .text("note"), .day("day"),
            ])) { "feedback_actions WHERE user_id = \(bind: $0) ORDER BY day" },
            ExportedTable(ExportTable("candidate_profile", "The profile shown to hiring partners, when shared.", [
                .text("headline"), .day("available_from"), .moment("shared_at"),
            ])) { "candidate_profiles WHERE user_id = \(bind: $0)" },
            ExportedTable(ExportTable("technical_recommendations_written", "Technical recommendations this person wrote (a coach).", [
                .text("text"), .moment("written_at"),
            ])) { "technical_recommendations WHERE coach_id = \(bind: $0) ORDER BY written_at" },
            ExportedTable(ExportTable("shortlists", "Shortlists this person made (a partner), with how many candidates each holds.", [
                .text("name"), .text("hiring_partner"), .whole("candidates"), .moment("created_at"),
            ]), expressions: ["candidates": "(SELECT COUNT(*) FROM shortlist_entries e WHERE e.shortlist_id = shortlists.id)"]) { "shortlists WHERE created_by = \(bind: $0) ORDER BY created_at" },
            ExportedTable(ExportTable("technical_recommendation", "The coach's technical recommendation.", [
                .text("coach"), .text("text"), .moment("written_at"), .moment("read_at"),
            ]), expressions: ["coach": "(SELECT name FROM users WHERE id = coach_id)"]) { "technical_recommendations WHERE graduate_id = \(bind: $0)" },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        try await leaving.handOver("technical_recommendations", "coach_id", on: db)
        try await leaving.handOver("shortlists", "created_by", on: db)
        try await leaving.delete(from: "technical_recommendations", "graduate_id", on: db)
        try await leaving.delete(from: "shortlist_entries", "graduate_id", on: db)
        for table in ["projects", "github_commits", "signal_records", "feedback_actions", "candidate_profiles"] {
            try await leaving.delete(from: table, on: db)
        }
    }
}

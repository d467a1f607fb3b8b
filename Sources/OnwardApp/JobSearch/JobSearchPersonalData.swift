import Fluent
import Foundation
import OnwardCore

/// The job search's part of a person's data: applications with their moves, interviews and
/// contacts, and the job accepted. All of it is the graduate's own, so it all goes when they leave.
struct JobSearchPersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("applications", "Job applications (also downloadable as CSV).", [
                .id("id"), .text("company"), .text("role_title"), .text("url"), .text("location"), .yesNo("remote"), .whole("salary_min"), .whole("salary_max"),
                .text("currency"), .text("source"), .text("stage"), .text("next_action"), .day("next_action_due"), .text("notes"), .whole("excitement", "1 to 5"),
                .moment("created_at"),
            ])) { "job_applications WHERE user_id = \(bind: $0) ORDER BY created_at" },
            ExportedTable(ExportTable("application_moves", "Each move of an application from stage to stage.", [
                .id("application"), .text("stage"), .day("on_date"),
            ]), expressions: ["application": "a.id", "stage": "m.stage", "on_date": "m.on_date"]) {
                "application_moves m JOIN job_applications a ON a.id = m.application_id WHERE a.user_id = \(bind: $0) ORDER BY a.created_at, m.position"
            },
            ExportedTable(ExportTable("interviews", "Interviews with employers, with their outcome and feedback.", [
                .id("application"), .text("kind"), .moment("scheduled_at"), .whole("duration_minutes"), .text("with_whom"), .text("outcome"), .text("feedback"),
                .yesNo("feedback_is_technical"),
            ]), expressions: ["application": "a.id", "kind": "i.kind", "scheduled_at": "i.scheduled_at", "duration_minutes": "i.duration_minutes",
                              "with_whom": "i.with_whom", "outcome": "i.outcome", "feedback": "i.feedback", "feedback_is_technical": "i.feedback_is_technical"]) {
                "interviews i JOIN job_applications a ON a.id = i.application_id WHERE a.user_id = \(bind: $0) ORDER BY i.scheduled_at"
            },
            ExportedTable(ExportTable("application_contacts", "People met through applications.", [
                .id("application"), .text("name"), .text("role"), .text("email"), .text("profile_url"),
            ]), expressions: ["application": "a.id", "name": "c.name", "role": "c.role", "email": "c.email", "profile_url": "c.profile_url"]) {
                "application_contacts c JOIN job_applications a ON a.id = c.application_id WHERE a.user_id = \(bind: $0) ORDER BY a.created_at, c.name"
            },
            ExportedTable(ExportTable("placements", "The job accepted.", [
                .id("application"), .text("company"), .text("job_title"), .day("start_date"), .text("employment_type"), .yesNo("in_field"), .whole("salary"),
            ]), expressions: ["application": "application_id"]) { "placements WHERE user_id = \(bind: $0)" },
        ]
    }

    var downloads: [PersonalDownload] {
        [PersonalDownload(label: "My applications (CSV)", url: .jobSearch(.exportCSV), shows: Access.keepsJobSearch)]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        try await leaving.delete(from: "placements", on: db)
        try await leaving.delete(from: "job_applications", on: db)
    }
}

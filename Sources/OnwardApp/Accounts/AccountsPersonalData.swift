import Fluent
import Foundation
import OnwardCore
import SQLKit

/// Accounts' part of a person's data: their account, their API tokens (never the tokens
/// themselves) and who coaches whom. When they leave, their sessions and tokens end at once,
/// invitations to them go, and invitations they sent stay, signed by the former account.
struct AccountsPersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("account", "The account: one record.", [
                .text("name"), .text("email"), .text("role"), .text("cohort"), .text("time_zone"), .text("github_login"), .text("stacks", "One a line"),
                .text("bio"), .moment("created_at"),
            ]), expressions: ["cohort": "(SELECT name FROM cohorts WHERE id = cohort_id)"]) { "users WHERE id = \(bind: $0)" },
            ExportedTable(ExportTable("api_tokens", "API tokens made: their names and use, never the tokens.", [
                .text("name"), .moment("created_at"), .moment("last_used_at"), .moment("expires_at"),
            ])) { "api_tokens WHERE user_id = \(bind: $0) ORDER BY created_at" },
            ExportedTable(ExportTable("coaching", "Who coaches whom: a graduate's coaches, a coach's graduates.", [
                .text("coach"), .text("graduate"),
            ]), expressions: ["coach": "(SELECT name FROM users WHERE id = coach_id)", "graduate": "(SELECT name FROM users WHERE id = graduate_id)"]) {
                "coach_assignments WHERE coach_id = \(bind: $0) OR graduate_id = \(bind: $0) ORDER BY created_at"
            },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        try await Accounts.endSessions(of: leaving.id, except: nil, on: db)
        try await leaving.delete(from: APITokenModel.schema, on: db)
        try await leaving.delete(from: "coach_assignments", "coach_id", on: db)
        try await leaving.delete(from: "coach_assignments", "graduate_id", on: db)
        try await leaving.handOver(InvitationModel.schema, "invited_by_id", on: db)
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM \(ident: InvitationModel.schema) WHERE LOWER(email) = \(bind: leaving.email.lowercased())").run()
        try await sql.raw("DELETE FROM \(ident: SignInAttempts.schema) WHERE \(ident: "key") = \(bind: SignInAttempts.account(leaving.email))").run()
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit

extension JobSearch {
    /// The keys of a graduate's applications, for spotting duplicates in an import. One query.
    func existingKeys(of user: UserModel) async throws -> Set<String> {
        let rows = try await ApplicationModel.query(on: db).filter(\.$user.$id == user.requireID())
            .field(\.$company).field(\.$roleTitle).field(\.$url).all()
        return Set(rows.map { ApplicationDraft.duplicateKey(company: $0.company, roleTitle: $0.roleTitle, url: $0.url) })
    }

    /// Reads a CSV file for `user` without writing anything.
    func preview(csv: String, for user: UserModel) async throws -> ApplicationsCSV.Preview {
        do {
            return try ApplicationsCSV.preview(csv, existingKeys: try await existingKeys(of: user), today: today(for: user))
        } catch let error as ApplicationsCSV.FileError {
            throw ValidationErrors([FieldError(field: "file", message: error.message)])
        }
    }

    static let importBatchSize = 500

    /// Imports every good row of a preview in one transaction, in batches of inserts. A file with
    /// a wrong row imports nothing: the preview says which lines to fix.
    @discardableResult
    func importRows(_ preview: ApplicationsCSV.Preview, for user: UserModel, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        guard preview.errors.isEmpty else {
            let first = preview.errors[0]
            throw ValidationErrors([FieldError(field: "file", message: "Line \(first.line): \(first.message). Nothing was imported: fix the lines listed and try again.")])
        }
        let userID = try user.requireID()
        let rows = preview.rows
        let now = self.now
        // SQLKit rather than Fluent models: a few statements of many rows each, with no model
        // machinery per row. The columns are the models' own.
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var done = 0
            for start in stride(from: 0, to: rows.count, by: Self.importBatchSize) {
                let batch = rows[start..<min(start + Self.importBatchSize, rows.count)]
                var applications = sql.insert(into: ApplicationModel.schema).columns(
                    "id", "user_id", "company", "role_title", "url", "location", "remote", "salary_min", "salary_max", "source", "stage",
                    "next_action", "next_action_due", "notes", "excitement", "created_at", "updated_at")
                var moves: [[any Encodable & Sendable]] = []
                var contacts: [[any Encodable & Sendable]] = []
                for row in batch {
                    let id = UUID()
                    let d = row.draft
                    applications = applications.values([
                        id, userID, d.company, d.roleTitle, d.url, d.location, d.remote, d.salary.minimum, d.salary.maximum, d.source.rawValue,
                        row.stage.rawValue, d.nextAction, d.nextActionDue?.iso, d.notes, d.excitement, now, now,
                    ] as [any Encodable & Sendable])
                    for (position, move) in row.moves.enumerated() {
                        moves.append([UUID(), id, move.stage.rawValue, move.on.iso, position, now])
                    }
                    if let c = row.contact {
                        contacts.append([UUID(), id, c.name, c.role, c.email, c.profileURL])
                    }
                }
                try await applications.run()
                for chunk in stride(from: 0, to: moves.count, by: Self.importBatchSize) {
                    var insert = sql.insert(into: StageMoveModel.schema).columns("id", "application_id", "stage", "on_date", "position", "created_at")
                    for values in moves[chunk..<min(chunk + Self.importBatchSize, moves.count)] { insert = insert.values(values) }
                    try await insert.run()
                }
                if !contacts.isEmpty {
                    var insert = sql.insert(into: ContactModel.schema).columns("id", "application_id", "name", "role", "email", "profile_url")
                    for values in contacts { insert = insert.values(values) }
                    try await insert.run()
                }
                done += batch.count
                progress?(done)
            }
        }
        return rows.count
    }

    /// All of a graduate's applications as CSV, in a fixed number of queries.
    func exportCSV(of user: UserModel) async throws -> String {
        let applications = try await ApplicationModel.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).sort(\.$company).all()
        let histories = try await histories(of: user)
        let contacts = try await ContactModel.query(on: db)
            .join(ApplicationModel.self, on: \ContactModel.$application.$id == \ApplicationModel.$id)
            .filter(ApplicationModel.self, \.$user.$id == user.requireID())
            .all()
        let firstContact = Dictionary(contacts.map { ($0.$application.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ApplicationsCSV.export(applications.map { app in
            ApplicationsCSV.ExportItem(
                draft: app.draft, stage: app.stage, moves: histories[app.id!]?.moves ?? [],
                contact: firstContact[app.id!].map { ContactDraft(name: $0.name, role: $0.role, email: $0.email, profileURL: $0.profileURL) })
        })
    }
}

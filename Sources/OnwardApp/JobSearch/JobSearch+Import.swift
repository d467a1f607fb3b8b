import Fluent
import Foundation
import OnwardCore

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
        try await db.transaction { db in
            var done = 0
            for start in stride(from: 0, to: rows.count, by: Self.importBatchSize) {
                let batch = rows[start..<min(start + Self.importBatchSize, rows.count)]
                var applications: [ApplicationModel] = []
                var moves: [StageMoveModel] = []
                var contacts: [ContactModel] = []
                for row in batch {
                    let application = ApplicationModel(userID: userID, draft: row.draft, stage: row.stage)
                    let id = UUID()
                    application.id = id
                    applications.append(application)
                    moves += row.moves.enumerated().map { StageMoveModel(applicationID: id, stage: $1.stage, on: $1.on, position: $0) }
                    if let contact = row.contact { contacts.append(ContactModel(applicationID: id, draft: contact)) }
                }
                try await applications.create(on: db)
                for chunk in stride(from: 0, to: moves.count, by: Self.importBatchSize) {
                    try await Array(moves[chunk..<min(chunk + Self.importBatchSize, moves.count)]).create(on: db)
                }
                if !contacts.isEmpty { try await contacts.create(on: db) }
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

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

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
        try await importTransaction(of: userID) { sql in
            try await Self.insert(rows, userID: userID, now: now, into: sql, progress: progress)
        }
        return rows.count
    }

    /// A file with wrong lines, refused by `importStreaming`: nothing was written.
    struct ImportRefused: Error {
        let preview: ApplicationsCSV.Preview
    }

    /// What `importStreaming` wrote, and its reading's duplicates (its rows are not kept).
    struct StreamedImport: Sendable {
        let imported: Int
        let preview: ApplicationsCSV.Preview
    }

    /// Reads and imports a CSV file at once, for the command line: the rows are written while the
    /// rest of the file is still being read (on another core), in one transaction. A wrong line
    /// anywhere, found after earlier rows were written, rolls all of them back and throws
    /// `ImportRefused` with every error. `progress` gets the number of rows written so far.
    func importStreaming(csv: String, for user: UserModel, progress: (@Sendable (Int) -> Void)? = nil) async throws -> StreamedImport {
        let userID = try user.requireID()
        let keys = try await existingKeys(of: user)
        let today = today(for: user)
        let now = self.now
        let (batches, continuation) = AsyncStream.makeStream(of: [ApplicationsCSV.Row].self)
        let reading = Task.detached { () throws(ApplicationsCSV.FileError) -> ApplicationsCSV.Preview in
            defer { continuation.finish() }
            return try ApplicationsCSV.scan(csv, existingKeys: keys, today: today, batchSize: Self.importBatchSize, stopsAtFirstError: true) {
                continuation.yield($0)
            }
        }
        return try await importTransaction(of: userID) { sql in
            var written = 0
            for await batch in batches {
                try await Self.insert(batch, userID: userID, now: now, into: sql, progress: nil)
                written += batch.count
                progress?(written)
            }
            let preview: ApplicationsCSV.Preview
            do {
                preview = try await reading.value
            } catch let error as ApplicationsCSV.FileError {
                throw ValidationErrors([FieldError(field: "file", message: error.message)])
            }
            guard preview.errors.isEmpty else { throw ImportRefused(preview: preview) }
            // Every row handed over was written: the stream ended because the reading did.
            guard written == preview.handedOver else {
                throw Abort(.internalServerError, reason: "The import wrote \(written) of \(preview.handedOver) rows; nothing was kept.")
            }
            return StreamedImport(imported: written, preview: preview)
        }
    }

    /// One transaction for an import's writes (the database marks the graduate's figures stale).
    /// SQLKit rather than Fluent models: a few statements of many rows each, with no model
    /// machinery per row. The columns are the models' own.
    private func importTransaction<T: Sendable>(of userID: UUID, _ write: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            // SQLite's page cache is 2 MB by default: a large import outgrows it and SQLite writes
            // and re-reads pages in the middle of the transaction. Each many-row INSERT also keeps a
            // statement journal, in a temporary file unless told otherwise. Give this connection
            // room in memory while it imports, then set the cache back.
            let isSQLite = sql.dialect.name == "sqlite"
            if isSQLite {
                try await sql.raw("PRAGMA temp_store = MEMORY").run()
                try await sql.raw("PRAGMA cache_size = -262144").run()
            }
            let result: T
            do {
                result = try await write(sql)
            } catch {
                if isSQLite { try? await sql.raw("PRAGMA cache_size = -2000").run() }
                throw error
            }
            if isSQLite { try await sql.raw("PRAGMA cache_size = -2000").run() }
            return result
        }
    }

    /// The applications, their moves and contacts as a few INSERTs of many rows each.
    private static func insert(
        _ rows: [ApplicationsCSV.Row], userID: UUID, now: Date, into sql: any SQLDatabase, progress: (@Sendable (Int) -> Void)?
    ) async throws {
        var done = 0
        for start in stride(from: 0, to: rows.count, by: importBatchSize) {
            let batch = rows[start..<min(start + importBatchSize, rows.count)]
            var applications = BulkInsert(into: ApplicationModel.schema, columns: [
                "id", "user_id", "company", "role_title", "url", "location", "remote", "salary_min", "salary_max", "source", "stage",
                "next_action", "next_action_due", "notes", "excitement", "created_at", "updated_at",
            ])
            var moves = BulkInsert(into: StageMoveModel.schema, columns: ["id", "application_id", "stage", "on_date", "position", "created_at"])
            var contacts = BulkInsert(into: ContactModel.schema, columns: ["id", "application_id", "name", "role", "email", "profile_url"])
            for row in batch {
                let id = UUID.timeOrdered()
                let d = row.draft
                applications.append([
                    .id(id), .id(userID), .text(d.company), .text(d.roleTitle), .text(d.url), .text(d.location), .bool(d.remote),
                    .integer(d.salary.minimum), .integer(d.salary.maximum), .text(d.source.rawValue), .text(row.stage.rawValue),
                    .text(d.nextAction), .text(d.nextActionDue?.iso), .text(d.notes), .integer(d.excitement), .time(now), .time(now),
                ])
                for (position, move) in row.moves.enumerated() {
                    moves.append([.id(.timeOrdered()), .id(id), .text(move.stage.rawValue), .text(move.on.iso), .integer(position), .time(now)])
                }
                if let c = row.contact {
                    contacts.append([.id(.timeOrdered()), .id(id), .text(c.name), .text(c.role), .text(c.email), .text(c.profileURL)])
                }
            }
            try await applications.run(on: sql)
            try await moves.run(on: sql)
            try await contacts.run(on: sql)
            done += batch.count
            progress?(done)
        }
    }

    /// All of a graduate's applications as CSV, in a fixed number of queries.
    func exportCSV(of user: UserModel) async throws -> String {
        let applications = try await ApplicationModel.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).sort(\.$company).all()
        // The histories are keyed by the ids' text, as the database prints them (either case).
        let histories = Dictionary(uniqueKeysWithValues: try await histories(of: user).compactMap { key, history in UUID(uuidString: key).map { ($0, history) } })
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

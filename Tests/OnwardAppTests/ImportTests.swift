import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    @Suite struct ImportTests {
        /// A Huntr-style export as it comes out of a spreadsheet: BOM, CRLF, quoted commas and
        /// newlines, a blank line, day/month dates.
        static let messy = "\u{FEFF}Company,Job Title,Status,Date Applied,URL,Notes\r\n\"Acme, Inc.\",Junior Developer,Applied,02/11/2026,https://acme.example/1,\"Met them at the fair,\r\nnice people\"\r\n\r\nBeta,Graduate Engineer,Interviewing,2026-11-05,,\r\nGamma,Developer,Rejected,5 Nov 2026,,\r\n"

        @Test func a_messy_export_is_previewed_then_imported_in_one_go() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let preview = try await browser.post(SiteURL.jobSearch(.importCSV).path, ["csv": Self.messy])
                #expect(preview.status == .ok)
                #expect(preview.text.contains("Import 3 applications"))
                #expect(try await ApplicationModel.query(on: app.db).count() == 0, "a preview writes nothing")

                let done = try await browser.post(SiteURL.jobSearch(.confirmImport).path, ["csv": Self.messy])
                #expect(done.status == .seeOther)
                let apps = try await ApplicationModel.query(on: app.db).sort(\.$company).all()
                #expect(apps.map(\.company) == ["Acme, Inc.", "Beta", "Gamma"])
                #expect(apps.map(\.stage) == [.applied, .interview, .rejected])
                #expect(apps[0].notes.contains("nice people"))
                let moves = try await StageMoveModel.query(on: app.db).filter(\.$application.$id == apps[0].requireID()).all()
                #expect(moves.map(\.onDate) == ["2026-11-02"])

                // The same file again: everything is a duplicate, nothing is added.
                let again = try await browser.post(SiteURL.jobSearch(.importCSV).path, ["csv": Self.messy])
                #expect(again.text.contains("duplicates, skipped"))
                #expect(!again.text.contains("Import 3"))
            }
        }

        @Test func an_import_with_a_bad_row_writes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let csv = "Company,Role,URL\nGood,Developer,https://good.example\nBad,Developer,javascript:alert(1)\n"
                let preview = try await browser.post(SiteURL.jobSearch(.importCSV).path, ["csv": csv])
                #expect(preview.text.contains("Line 3:"))
                #expect(!preview.text.contains("Import 1 application"))
                let forced = try await browser.post(SiteURL.jobSearch(.confirmImport).path, ["csv": csv])
                #expect(forced.status == .unprocessableEntity)
                #expect(forced.text.contains("Nothing was imported"))
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                #expect(try await StageMoveModel.query(on: app.db).count() == 0)
            }
        }

        @Test func the_export_downloads_as_csv_and_imports_back_unchanged() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let today = search.today(for: world.graduate)
                let application = try await search.create(
                    for: world.graduate,
                    draft: ApplicationDraft(company: "Acme", roleTitle: "Developer", url: "https://acme.example/1", location: "Leeds", remote: true,
                                            salary: SalaryRange(minimum: 28000, maximum: 31000), source: .referral, nextAction: "Chase", notes: "Quoted \"notes\", with commas"),
                    stage: .applied, on: today.adding(days: -5))
                try await search.move(application, to: .interview, on: today.adding(days: -2))
                try await search.addContact(to: application, ContactDraft(name: "Sam", role: "Recruiter", email: "sam@acme.example", profileURL: ""))

                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let export = try await browser.get(SiteURL.jobSearch(.exportCSV).path)
                #expect(export.status == .ok)
                #expect(export.headers.contentType?.subType == "csv")
                #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)

                // Into another graduate's empty search: the same application comes out.
                let other = Browser(app)
                try await other.signIn(world.otherGraduate)
                #expect(try await other.post(SiteURL.jobSearch(.confirmImport).path, ["csv": export.text]).status == .seeOther)
                let copy = try #require(try await ApplicationModel.query(on: app.db).filter(\.$user.$id == world.otherGraduate.requireID()).first())
                #expect(copy.draft == application.draft)
                #expect(copy.stage == .interview)
                // Each graduate has this one application.
                let originalHistory = try await search.histories(of: world.graduate).values.first
                let copiedHistory = try await search.histories(of: world.otherGraduate).values.first
                #expect(originalHistory?.moves == copiedHistory?.moves)
                #expect(try await ContactModel.query(on: app.db).filter(\.$application.$id == copy.requireID()).first()?.email == "sam@acme.example")
            }
        }
    }
}

extension AppTests {
    /// The command line's import: rows written while the file is still read, one transaction.
    @Suite struct StreamingImportTests {
        static func csv(rows: Int, last: String? = nil) -> String {
            let lines = (0..<rows).map { "Company \($0),Developer,https://jobs.example/\($0),\($0 % 2 == 0 ? "Applied" : "Interviewing")" }
            return (["Company,Role,URL,Status"] + lines + (last.map { [$0] } ?? [])).joined(separator: "\n") + "\n"
        }

        @Test func a_large_file_is_written_in_batches_with_every_move() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let rows = 2 * JobSearch.importBatchSize + 200
                let result = try await search.importStreaming(csv: Self.csv(rows: rows), for: world.graduate)
                #expect(result.imported == rows)
                #expect(try await ApplicationModel.query(on: app.db).count() == rows)
                // An applied row has one move, an interviewing one two (applied, then interview).
                #expect(try await StageMoveModel.query(on: app.db).count() == rows / 2 + 2 * (rows / 2))

                // The same file again: every row is a duplicate, nothing is written.
                let again = try await search.importStreaming(csv: Self.csv(rows: rows), for: world.graduate)
                #expect(again.imported == 0)
                #expect(again.preview.duplicates.count == rows)
                #expect(try await ApplicationModel.query(on: app.db).count() == rows)
            }
        }

        /// The wrong line is the file's last: the batches before it were written, and are rolled back.
        @Test func a_wrong_last_line_rolls_back_every_row_written_before_it() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let rows = 2 * JobSearch.importBatchSize + 10
                do {
                    _ = try await search.importStreaming(csv: Self.csv(rows: rows, last: "Bad,Developer,javascript:alert(1),Applied"), for: world.graduate)
                    Issue.record("a file with a wrong line was imported")
                } catch let refused as JobSearch.ImportRefused {
                    #expect(refused.preview.errors.map(\.line) == [rows + 2])
                }
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                #expect(try await StageMoveModel.query(on: app.db).count() == 0)

                await #expect(throws: ValidationErrors.self) {
                    _ = try await search.importStreaming(csv: "Name,Role\nAcme,Developer\n", for: world.graduate)
                }
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
            }
        }
    }
}

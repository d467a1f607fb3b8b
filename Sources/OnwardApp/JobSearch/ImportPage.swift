import OnwardCore

/// Importing applications from a CSV: the upload form, and the preview of what will happen.
struct ImportPage: PageView {
    struct Row {
        let line: Int
        let company: String
        let roleTitle: String
        let stage: String

        init(_ row: ApplicationsCSV.Row) {
            line = row.line
            company = row.draft.company
            roleTitle = row.draft.roleTitle
            stage = row.stage.title
        }
    }

    /// The text of the file, sent again with the confirmation.
    let csv: String
    /// Nil before a file is uploaded.
    let preview: ApplicationsCSV.Preview?
    let errors: FormErrors

    /// The preview shows this many of the rows to import.
    static let rowsShown = 50

    var title: String { "Import applications" }

    func content(_ h: HTML) {
        h.h1("Import applications")
        h.p("Bring your search over from Huntr, Teal or a spreadsheet: export it as CSV and upload it here. You see what will happen before anything is saved.", .class("lead"))
        h.errorSummary(errors)
        if let preview { previewSection(preview, h) }
        h.postForm(Href(SiteURL.jobSearch(.importCSV)), .attr(.enctype, "multipart/form-data"), .class("form"), .flag(.novalidate)) {
            h.inputField("file", "CSV file", type: "file", value: nil,
                         hint: "A header row is needed. Columns are matched by name: company, job title or role, status or stage, date applied, URL, salary, notes, and more.",
                         errors: errors, .attr(.accept, ".csv,text/csv"))
            h.button("Preview the import", .type("submit"), .class(preview == nil ? "button primary" : "button"))
        }
        h.p(.class("hint")) {
            h.text("Your applications leave Onward the same way: ")
            h.a("download them as CSV", .href(Href(SiteURL.jobSearch(.exportCSV))))
            h.text(".")
        }
    }

    private func previewSection(_ preview: ApplicationsCSV.Preview, _ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("preview-heading")) {
            h.h2("Preview", .id("preview-heading"))
            h.ul(.class("figures")) {
                for (count, label) in [(preview.rows.count, "to import"), (preview.duplicates.count, "duplicates, skipped"), (preview.errors.count, "lines to fix")] {
                    h.li {
                        h.span(String(count), .class("figure-value"))
                        h.raw(" ")
                        h.span(label, .class("figure-label"))
                    }
                }
            }
            if !preview.errors.isEmpty {
                h.h3("Lines to fix")
                h.p("Nothing is imported while a line is wrong. Fix these in your file (or delete the lines) and upload it again.")
                h.ul(.class("problems")) {
                    for problem in preview.errors {
                        h.li {
                            h.strong("Line \(problem.line):")
                            h.text(" " + problem.message)
                        }
                    }
                }
            } else if !preview.rows.isEmpty {
                h.postForm(Href(SiteURL.jobSearch(.confirmImport)), .class("form")) {
                    h.textarea(csv, .name("csv"), .flag(.hidden), .attr(.ariaHidden, "true"))
                    h.button("Import " + Wording.count(preview.rows.count, "application"), .type("submit"), .class("button primary"))
                }
            }
            h.h3("Columns")
            h.div(.class("table-wrap")) {
                h.table {
                    h.thead { h.tr { h.th("Onward"); h.th("Your file") } }
                    h.tbody {
                        for column in ApplicationsCSV.Column.allCases {
                            guard let theirs = preview.mapping[column] else { continue }
                            h.tr {
                                h.td(column.rawValue.replacingOccurrences(of: "_", with: " "))
                                h.td(theirs)
                            }
                        }
                    }
                }
            }
            if !preview.ignoredColumns.isEmpty {
                h.p("Not imported: " + preview.ignoredColumns.joined(separator: ", ") + ".", .class("hint"))
            }
            if !preview.duplicates.isEmpty {
                h.h3("Duplicates (already in Onward, or twice in the file)")
                h.ul {
                    for row in preview.duplicates.map(Row.init) { h.li("Line \(row.line): " + row.company + " — " + row.roleTitle) }
                }
            }
            h.h3("First rows")
            h.div(.class("table-wrap")) {
                h.table {
                    h.thead { h.tr { h.th("Line"); h.th("Company"); h.th("Role"); h.th("Stage") } }
                    h.tbody {
                        for row in preview.rows.prefix(Self.rowsShown).map(Row.init) {
                            h.tr { h.td(String(row.line)); h.td(row.company); h.td(row.roleTitle); h.td(row.stage) }
                        }
                    }
                }
            }
        }
    }
}

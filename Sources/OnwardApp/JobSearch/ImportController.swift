import Fluent
import OnwardCore
import Vapor

/// Moving a search in from another tracker (CSV, previewed before anything is written) and out
/// again.
struct ImportController: RouteCollection {
    let maxUploadBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let graduates = routes.grouped(Require(Access.keepsJobSearch))
        graduates.get(.jobSearch(.importCSV), use: form)
        graduates.on(.POST, SiteURL.jobSearch(.importCSV).pathComponents, body: .collect(maxSize: ByteCount(value: maxUploadBytes)), use: preview)
        graduates.on(.POST, SiteURL.jobSearch(.confirmImport).pathComponents, body: .collect(maxSize: ByteCount(value: maxUploadBytes)), use: confirm)
        graduates.get(.jobSearch(.exportCSV), use: export)
    }

    struct UploadForm: Content {
        var file: File?
        var csv: String?
    }

    private func page(_ req: Request, csv: String = "", preview: ApplicationsCSV.Preview? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) -> Response {
        req.render(ImportPage(csv: csv, preview: preview, errors: errors), status: status)
    }

    func form(req: Request) async throws -> Response {
        page(req)
    }

    /// The text of the uploaded file, or of the pasted CSV.
    private func csvText(_ upload: UploadForm) throws -> String {
        if let file = upload.file, file.data.readableBytes > 0 {
            guard let text = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes) ?? String(validating: Array(file.data.readableBytesView), as: UTF8.self) else {
                throw ValidationErrors([FieldError(field: "file", message: "The file is not UTF-8 text. Save it as 'CSV UTF-8' and try again.")])
            }
            return text
        }
        guard let text = upload.csv, !text.trimmed.isEmpty else {
            throw ValidationErrors([FieldError(field: "file", message: "Choose a CSV file, or paste its contents.")])
        }
        return text
    }

    func preview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        do {
            let text = try csvText(try req.form(UploadForm.self))
            let preview = try await JobSearch(req: req).preview(csv: text, for: user)
            return page(req, csv: text, preview: preview)
        } catch let errors as ValidationErrors {
            return page(req, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    func confirm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let search = JobSearch(req: req)
        var text = ""
        do {
            text = try csvText(try req.form(UploadForm.self))
            // Read again: the duplicates are checked against the applications as they are now.
            let preview = try await search.preview(csv: text, for: user)
            let count = try await search.importRows(preview, for: user)
            let skipped = preview.duplicates.isEmpty ? "" : " \(preview.duplicates.count) duplicate\(preview.duplicates.count == 1 ? " was" : "s were") skipped."
            return req.redirect(to: .jobSearch(.list), flash: "Imported " + Wording.count(count, "application") + ".\(skipped)")
        } catch let errors as ValidationErrors {
            let preview = try? await search.preview(csv: text, for: user)
            return page(req, csv: text, preview: preview, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    func export(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let csv = try await JobSearch(req: req).exportCSV(of: user)
        return req.csvDownload(csv, filename: "onward-applications-\(JobSearch(req: req).today(for: user).iso).csv")
    }
}

import OnwardCore
import Vapor

/// A path that takes a file (the CSV import): who may send one, and how large. Anyone else is
/// refused before a byte of the body is read.
struct UploadPath: Sendable {
    let maxBytes: Int
    let mayUpload: @Sendable (Viewer) -> Bool
}

/// Reading a web form's body: bounded in bytes by who is sending it, then checked in one pass
/// for the shape of Onward's forms (`RequestBody`) before any decoder reads it. Vapor's decoders
/// cost the square of the number of fields, so nothing else may reach an unchecked body.
extension Request {
    private struct CheckedFormKey: StorageKey { typealias Value = Bool }

    /// Reads and checks this request's form, and returns its CSRF field. A visitor who is not
    /// signed in may send `RequestBody.maxVisitorBytes`, someone signed in `maxBytes`, and only
    /// someone `uploads` allows may send a file, at its size: to anyone else an upload path answers
    /// before the body is read.
    func readWebForm(maxBytes: Int, uploads: [String: UploadPath]) async throws -> String? {
        let user = auth.get(UserModel.self)
        let upload = uploads[routedPath]
        let limit: Int
        if let upload {
            guard let user else { throw AppError.notSignedIn }
            guard upload.mayUpload(user.viewer) else { throw Refusal.notFound() }
            limit = upload.maxBytes
        } else {
            limit = user == nil ? min(RequestBody.maxVisitorBytes, maxBytes) : maxBytes
        }
        let body = try await collectBody(max: limit)
        let csrf = try Self.checkedCSRF(body, contentType: headers.contentType, multipart: upload != nil)
        storage[CheckedFormKey.self] = true
        return csrf
    }

    /// Decodes a form; a field that is missing reads as empty rather than failing the request. The
    /// body is checked first if nothing has checked it yet.
    func form<F: Content>(_ type: F.Type) throws -> F {
        if storage[CheckedFormKey.self] != true {
            _ = try Self.checkedCSRF(body.data, contentType: headers.contentType, multipart: false)
            storage[CheckedFormKey.self] = true
        }
        return try content.decode(F.self)
    }

    /// Checks a body's shape (a `RequestBody.Refusal` when it is wrong) and returns its CSRF field.
    private static func checkedCSRF(_ body: ByteBuffer?, contentType: HTTPMediaType?, multipart: Bool) throws -> String? {
        guard let body, body.readableBytes > 0 else { return nil }
        guard let contentType else { throw unsupported }
        if contentType.is("application", "x-www-form-urlencoded") {
            let fields = try body.withUnsafeReadableBytes { bytes in try RequestBody.urlEncodedFields(bytes) }
            return fields.first { $0.name == CSRF.fieldName }?.value
        }
        if multipart, contentType.is("multipart", "form-data") {
            return try multipartCSRF(body, boundary: contentType.parameters["boundary"])
        }
        throw unsupported
    }

    private static let unsupported = AppError(
        status: .unsupportedMediaType, code: "unsupported_media_type",
        message: "Onward's forms are sent as application/x-www-form-urlencoded (and a file as multipart/form-data).")

    private static let brokenMultipart = AppError(status: .badRequest, code: "bad_request", message: "The multipart form could not be read.")

    /// Counts a multipart body's parts and checks their names with multipart-kit's streaming
    /// parser (linear), a slice at a time, so a body with too many parts is refused as soon as it
    /// shows.
    private static func multipartCSRF(_ body: ByteBuffer, boundary: String?) throws -> String? {
        // RFC 2046: a boundary is 1 to 70 characters.
        guard let boundary, (1...70).contains(boundary.utf8.count) else { throw brokenMultipart }
        let parser = MultipartParser(boundary: boundary)
        var parts = 0, headers = 0
        var refusal: RequestBody.Refusal?
        var name: String?
        var csrf: String?, csrfBytes: [UInt8] = []
        parser.onHeader = { field, value in
            headers += 1
            guard field.lowercased() == "content-disposition" else { return }
            do { name = try RequestBody.multipartFieldName(disposition: value) } catch { refusal = refusal ?? (error as? RequestBody.Refusal) ?? .malformedField }
        }
        parser.onBody = { chunk in
            // A CSRF token is 43 characters: nothing longer is kept.
            if name == CSRF.fieldName, csrfBytes.count < 256 { csrfBytes += chunk.readableBytesView.prefix(256) }
        }
        parser.onPartComplete = {
            parts += 1
            if name == CSRF.fieldName, csrf == nil { csrf = String(decoding: csrfBytes, as: UTF8.self) }
            name = nil
            csrfBytes = []
        }
        var offset = body.readerIndex
        let end = body.writerIndex
        while offset < end {
            let length = min(64 * 1024, end - offset)
            guard let slice = body.getSlice(at: offset, length: length) else { break }
            do { try parser.execute(slice) } catch { throw brokenMultipart }
            if let refusal { throw refusal }
            // A part has a Content-Disposition and perhaps a Content-Type: four headers each is margin.
            if parts > RequestBody.maxFields || headers > 4 * RequestBody.maxFields { throw RequestBody.Refusal.tooManyFields(limit: RequestBody.maxFields) }
            offset += length
        }
        return csrf
    }

    /// The path as the router matches it: "/applications/import/" is "/applications/import".
    var routedPath: String {
        url.path.count > 1 && url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
    }
}

extension HTTPMediaType {
    /// Exactly `type/subType`, whatever its parameters; a wildcard matches nothing.
    func `is`(_ type: String, _ subType: String) -> Bool {
        self.type.lowercased() == type && self.subType.lowercased() == subType
    }
}

/// What a page's form does, as one skeleton: read the form, act on it (and redirect with a
/// flash); when Core refuses it, show the page `again` with the form as sent and the errors beside
/// their fields. A `ValidationErrors` answers 422, and so does a refusal of something the form
/// names that is not there (a cohort removed meanwhile). A `Refusal.conflict` (a slot booked a
/// moment ago) answers 409, on the page again or, when it names no field and `conflictsGoTo` is
/// given, as a flash on that page: the state of the whole record refused it, not what was typed.
/// Any other refusal is said as an error page.
extension Request {
    func submit<F: Content>(_ type: F.Type, again: (F, FormErrors, HTTPResponseStatus) async throws -> Response, conflictsGoTo: SiteURL? = nil,
                            _ act: (F) async throws -> Response) async throws -> Response {
        let form = try self.form(F.self)
        do {
            return try await act(form)
        } catch let errors as ValidationErrors {
            return try await again(form, FormErrors(errors), .unprocessableEntity)
        } catch let refusal as Refusal where refusal.kind == .notFound && refusal.field != nil {
            return try await again(form, FormErrors(refusal), .unprocessableEntity)
        } catch let refusal as Refusal where refusal.kind == .conflict {
            if refusal.field == nil, let conflictsGoTo { return redirect(to: conflictsGoTo.path).flash(.error, refusal.message, on: self) }
            return try await again(form, FormErrors(refusal), .conflict)
        }
    }
}

import OnwardCore
import NIOConcurrencyHelpers
import Vapor

/// Security headers on every response, errors included.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if request.settings.secureCookies {
            // Served over https (ONWARD_PUBLIC_URL says so): browsers should never use plain http.
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return response
    }
}

/// Turns every error into a page or a JSON error, through `AppError`. API paths get JSON
/// (`{"error": {"code", "message", "field"}}`); everything else gets the error page.
struct ErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = AppError(from: error)
            if appError.status.code >= 500 {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                return try jsonResponse(appError)
            }
            return errorPage(appError, for: request)
        }
    }

    private func jsonResponse(_ error: AppError) throws -> Response {
        let response = Response(status: error.status)
        try response.content.encode(error.body, as: .json)
        return response.withHeaders(of: error)
    }

    private func errorPage(_ error: AppError, for request: Request) -> Response {
        // A visitor who is not signed in is sent to sign in rather than shown an error.
        if error.status == .unauthorized, request.method == .GET {
            let next = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            let signIn = request.application.doors?.signIn ?? .home
            return request.redirect(to: signIn.path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        return request.render(ErrorPage(title: error.status.reasonPhrase, message: error.message), status: error.status).withHeaders(of: error)
    }
}

extension Request {
    /// Reads the whole body, refusing one larger than `max` bytes with 413, whether it is announced
    /// by Content-Length, streamed, or already in memory.
    func collectBody(max: Int) async throws -> ByteBuffer? {
        if let length = headers.first(name: .contentLength).flatMap(Int.init), length > max {
            throw Abort(.payloadTooLarge)
        }
        let body = try await self.body.collect(max: max).get()
        if let body, body.readableBytes > max {
            throw Abort(.payloadTooLarge)
        }
        return body
    }
}

/// The stylesheet and the script. A path that goes through a file as if it were a folder
/// ("/css/onward.css/x") is not found, like any other path that names no file; it is not an error
/// of the server.
struct StaticFilesMiddleware: AsyncMiddleware {
    let files: FileMiddleware

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await files.respond(to: request, chainingTo: next)
        } catch let error as any AbortError {
            throw error
        } catch {
            // The file system's own error (its `stat` failed: "Not a directory"): no such file.
            request.logger.debug("No static file at \(request.url.path): \(String(reflecting: error))")
            return try await next.respond(to: request)
        }
    }
}

/// A path that exists, asked with a method it does not answer (TRACE, CONNECT, QUERY, PUT on a
/// page...), is refused as such: 405 with the `Allow` header naming the methods it has, not 404
/// as if the path did not exist. A path no route has stays 404.
struct MethodsMiddleware: AsyncMiddleware {
    /// The methods of each path made of constants only ("/api/v1/applications/export"), read from
    /// the routes once: such a path is checked before routing, as a route with a parameter
    /// ("/api/v1/applications/:id") would otherwise take it for an id.
    private let constantPaths = NIOLockedValueBox<[String: [String]]?>(nil)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.routedPath
        if let allowed = constantPaths(in: request.application.routes)[path], !allowed.contains(request.method.rawValue) {
            throw AppError(status: .methodNotAllowed, code: "method_not_allowed", message: "\(path) does not answer \(request.method.rawValue) requests.", allow: allowed)
        }
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            let allowed = Self.methods(for: request.url.path, in: request.application.routes)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            throw AppError(status: .methodNotAllowed, code: "method_not_allowed", message: "\(request.url.path) does not answer \(request.method.rawValue) requests.", allow: allowed)
        }
    }

    private func constantPaths(in routes: Routes) -> [String: [String]] {
        constantPaths.withLockedValue { paths in
            if let paths { return paths }
            var methods: [String: Set<String>] = [:]
            for route in routes.all {
                var names: [String] = []
                for component in route.path {
                    guard case .constant(let name) = component else { names = []; break }
                    names.append(name)
                }
                guard !names.isEmpty || route.path.isEmpty else { continue }
                methods["/" + names.joined(separator: "/"), default: []].insert(route.method.rawValue)
            }
            let made = methods.mapValues { set in (set.contains("GET") ? set.union(["HEAD"]) : set).sorted() }
            paths = made
            return made
        }
    }

    /// The methods some route answers at `path`.
    static func methods(for path: String, in routes: Routes) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        func matches(_ route: Route) -> Bool {
            for (index, component) in route.path.enumerated() {
                switch component {
                case .catchall: return parts.count >= index
                case .constant(let name): guard index < parts.count, parts[index] == name else { return false }
                case .parameter, .anything: guard index < parts.count else { return false }
                }
            }
            return route.path.count == parts.count
        }
        var methods = Set(routes.all.filter(matches).map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }
}

/// The API's operations but its document need a token: a request without one is told so (401)
/// before its body is read or checked.
struct RequireAPIToken: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path == SiteURL.openAPIDocument.path || request.auth.has(UserModel.self) else { throw AppError.badToken }
        return try await next.respond(to: request)
    }
}

/// Reads the whole body, up to the limit, before anything else does: an oversized body answers
/// 413 before any handler runs, and a JSON body nested too deep or with too many items in one
/// array or object (`RequestBody`) answers before it is decoded. The API's generated layer streams
/// bodies, so it needs this. A request without a body goes on: an operation that needs one says
/// so (400), and one that takes none (giving a cohort the default programme) needs none.
struct BodyLimitMiddleware: AsyncMiddleware {
    let maxBytes: Int
    /// Paths that take a file (the CSV import), at its size for those who may send one.
    let uploads: [String: UploadPath]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var limit = maxBytes
        if let upload = uploads[request.routedPath], let user = request.auth.get(UserModel.self), upload.mayUpload(user.viewer) {
            limit = upload.maxBytes
        }
        if [.POST, .PUT, .PATCH].contains(request.method), let body = try await request.collectBody(max: limit),
           let type = request.headers.contentType, type.subType.lowercased() == "json" || type.subType.lowercased().hasSuffix("+json") {
            try body.withUnsafeReadableBytes { bytes in try RequestBody.checkJSON(bytes) }
        }
        return try await next.respond(to: request)
    }
}

/// Counts the signed-in person's unread notifications before a page is shown (`Application.notices`),
/// for the header: one indexed count, on pages only (a form's post redirects to one).
struct UnreadNoticesMiddleware: AsyncMiddleware {
    struct Key: StorageKey {
        typealias Value = Int
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, let notices = request.application.notices, let id = request.auth.get(UserModel.self)?.id {
            request.storage[Key.self] = try await notices.unread(id, request.db)
        }
        return try await next.respond(to: request)
    }
}

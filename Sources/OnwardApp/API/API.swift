import Foundation
import OnwardCore
import OpenAPIRuntime
import OpenAPIVapor
import Vapor

/// The JSON API under /api/v1, generated from `openapi.json` (spec first: the code cannot answer
/// an operation the document does not describe). Each capability implements its operations in an
/// `API+<Capability>.swift` extension of `OnwardAPI`.
enum API {
    static func register(on app: Application) throws {
        let document = try documentData()
        let routes = app.grouped(
            APITokenAuthenticator(),
            RequireAPIToken(),
            BodyLimitMiddleware(maxBytes: app.settings.maxBodyBytes, uploads: [
                "/api/v1/applications/import": UploadPath(maxBytes: app.settings.maxUploadBytes, mayUpload: Access.keepsJobSearch),
            ]),
            try DeclaredNullsMiddleware(document: document, pathPrefix: "/api/v1"),
            APIRequestMiddleware())
        let transport = VaporTransport(routesBuilder: routes)
        try OnwardAPI(document: JSONDecoder().decode(OpenAPIObjectContainer.self, from: document)).registerHandlers(
            on: transport, serverURL: Servers.Server1.url(), configuration: Configuration(dateTranscoder: InternetDateTranscoder()))
    }

    static func documentData() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw Abort(.internalServerError, reason: "openapi.json is missing from the bundle")
        }
        return try Data(contentsOf: url)
    }
}

/// Date-times as the document says (RFC 3339 in full, `InternetDateTime`); written in whole
/// seconds with `Z`.
struct InternetDateTranscoder: DateTranscoder {
    static let message = "A date-time must be RFC 3339, like 2026-11-24T09:30:00Z."

    func encode(_ date: Date) throws -> String {
        try ISO8601DateTranscoder.iso8601.encode(date)
    }

    func decode(_ text: String) throws -> Date {
        guard let date = InternetDateTime.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: Self.message))
        }
        return date
    }
}

/// The Vapor request an API handler is answering, for the user, the database and the clock.
enum APIRequest {
    @TaskLocal static var current: Request?
}

struct APIRequestMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await APIRequest.$current.withValue(request) {
            try await next.respond(to: request)
        }
        // A person's data: no browser or proxy keeps a copy.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Implements the generated `APIProtocol`.
struct OnwardAPI: APIProtocol {
    let document: OpenAPIObjectContainer

    var request: Request {
        get throws {
            guard let request = APIRequest.current else { throw Abort(.internalServerError, reason: "API handler outside a request") }
            return request
        }
    }

    /// The token's owner, or 401.
    func user() throws -> UserModel {
        guard let user = try request.auth.get(UserModel.self) else { throw AppError.badToken }
        return user
    }

    /// The token owner, if `decision` (one of `Access`'s) lets them; anyone else is told `refusal` (403).
    func tokenOwner(_ decision: (Viewer) -> Bool, else refusal: String) throws -> UserModel {
        let viewer = try user()
        guard decision(viewer.viewer) else { throw Refusal.notAllowed(refusal) }
        return viewer
    }

    /// The token's owner if they are an admin; anyone else is told the operation is for admins.
    func admin() throws -> UserModel {
        let user = try user()
        guard Access.runsBootcamp(user.viewer) else {
            throw Refusal.notAllowed("Only an admin can do this.")
        }
        return user
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .json(document)))
    }
}

import Fluent
import OnwardCore
import Vapor

/// Bearer tokens for the JSON API.
struct APITokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let user = try await Accounts(req: request).user(forToken: bearer.token) {
            request.auth.login(user)
        }
    }
}

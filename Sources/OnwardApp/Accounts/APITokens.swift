import Fluent
import OnwardCore
import Vapor

extension Application {
    private struct DecoyHashKey: StorageKey { typealias Value = String }

    /// A bcrypt hash of a random string, made at start-up with the configured cost. Checked when
    /// no account has the email, so an unknown email takes as long as a wrong password.
    var decoyPasswordHash: String {
        get { storage[DecoyHashKey.self]! }
        set { storage[DecoyHashKey.self] = newValue }
    }
}

/// Bearer tokens for the JSON API.
struct APITokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let user = try await Accounts(req: request).user(forToken: bearer.token) {
            request.auth.login(user)
        }
    }
}

import Fluent
import OnwardCore
import Vapor

extension UserModel: ModelSessionAuthenticatable {}

extension Application {
    private struct DecoyHashKey: StorageKey { typealias Value = String }

    /// A bcrypt hash of a random string, made at start-up with the configured cost. Checked when
    /// no account has the email, so an unknown email takes as long as a wrong password.
    var decoyPasswordHash: String {
        get { storage[DecoyHashKey.self]! }
        set { storage[DecoyHashKey.self] = newValue }
    }
}

extension Request {
    /// The signed-in person, or a 401 (which a page turns into "sign in first").
    func requireUser() throws -> UserModel {
        guard let user = auth.get(UserModel.self) else { throw AppError.notSignedIn }
        return user
    }

    /// The route's parameter `name`, as given.
    func parameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw AppError.notFound() }
        return value
    }
}

/// Lets through only signed-in people with one of `roles`. Anyone else signed in gets 404, so a
/// page's existence is not given away; someone not signed in is asked to sign in.
struct RequireRole: AsyncMiddleware {
    let roles: Set<Role>

    init(_ roles: Role...) {
        self.roles = Set(roles)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = try request.requireUser()
        guard roles.contains(user.role) else { throw AppError.notFound() }
        return try await next.respond(to: request)
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

/// Whose records a person may see, in one place. Each capability asks it before loading what
/// belongs to someone; a record the viewer may not see is "not found", so ids cannot be probed.
struct AccountsPolicy {
    let db: any Database

    /// The person `id` as `viewer` may see them, or not found.
    func person(_ rawID: String, for viewer: UserModel) async throws -> UserModel {
        try await readablePerson(rawID, for: viewer).person
    }

    /// As `person`, with what the access rule knew about them, for callers that ask it again.
    func readablePerson(_ rawID: String, for viewer: UserModel) async throws -> (person: UserModel, owner: Access.Owner) {
        guard let id = UUID(uuidString: rawID), let person = try await UserModel.query(on: db).filter(\.$id == id).with(\.$cohort).first() else {
            throw AppError.notFound()
        }
        let owner = try await self.owner(person)
        guard Access.canRead(viewer.viewer, recordOf: owner) else { throw AppError.notFound() }
        return (person, owner)
    }

    /// What the access rule needs to know about a record's owner.
    func owner(_ person: UserModel) async throws -> Access.Owner {
        let coachIDs = person.role == .graduate
            ? try await CoachAssignmentModel.query(on: db).filter(\.$graduate.$id == person.requireID()).all(\.$coach.$id)
            : []
        return Access.Owner(id: person.requireIDString, role: person.role, coachIDs: Set(coachIDs.map(\.uuidString)))
    }

    /// The people a viewer may list: an admin everyone, a coach their graduates, a graduate
    /// themselves, a partner nobody yet (sharing comes with the shortlist).
    func visiblePeople(for viewer: UserModel) async throws -> [UserModel] {
        switch viewer.role {
        case .admin:
            return try await UserModel.query(on: db).with(\.$cohort).sort(\.$name).all()
        case .coach:
            let ids = try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == viewer.requireID()).all(\.$graduate.$id)
            return try await UserModel.query(on: db).filter(\.$id ~~ ids).with(\.$cohort).sort(\.$name).all()
        case .graduate:
            try await viewer.$cohort.load(on: db)
            return [viewer]
        case .partner:
            return []
        }
    }
}

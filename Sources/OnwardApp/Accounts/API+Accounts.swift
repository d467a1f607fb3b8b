import Fluent
import Foundation
import OnwardCore
import Vapor

/// The accounts operations of the JSON API: people, cohorts, invitations, coach assignments,
/// tokens. Each one checks who is asking, calls the same use case as the web page, and maps the
/// result to the document's types.
extension OnwardAPI {
    // MARK: People

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let user = try user()
        return .ok(.init(body: .json(try await people([user]).first!)))
    }

    func updateMe(_ input: Operations.UpdateMe.Input) async throws -> Operations.UpdateMe.Output {
        let user = try user()
        guard case .json(let update) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try ProfileDraft.validate(
            name: update.name ?? user.name,
            timeZone: update.timeZone ?? user.timeZone,
            githubLogin: update.githubLogin ?? user.githubLogin ?? "",
            stacks: (update.stacks ?? user.stacks).joined(separator: "\n"),
            bio: update.bio ?? user.bio)
        try await Accounts(req: request).updateProfile(of: user, with: draft)
        return .ok(.init(body: .json(try await people([user]).first!)))
    }

    func listPeople(_ input: Operations.ListPeople.Input) async throws -> Operations.ListPeople.Output {
        let visible = try await Policy(db: request.db).visiblePeople(for: user())
        return .ok(.init(body: .json(try await people(visible))))
    }

    func getPerson(_ input: Operations.GetPerson.Input) async throws -> Operations.GetPerson.Output {
        let person = try await Policy(db: request.db).scope(of: input.path.id, for: user()).person
        return .ok(.init(body: .json(try await people([person]).first!)))
    }

    /// People as the API shows them, with their coaches, in two queries whatever the count.
    private func people(_ users: [UserModel]) async throws -> [Components.Schemas.Person] {
        let assignments = try await CoachAssignmentModel.query(on: request.db).filter(\.$graduate.$id ~~ users.compactMap(\.id)).all()
        return users.map { user in
            Components.Schemas.Person(
                id: user.requireIDString, email: user.email, name: user.name, role: .init(user.role),
                cohortId: user.$cohort.id?.uuidString, timeZone: user.timeZone, githubLogin: user.githubLogin,
                stacks: user.stacks, bio: user.bio,
                coachIds: assignments.filter { $0.$graduate.id == user.id }.map(\.$coach.id.uuidString))
        }
    }

    // MARK: Cohorts

    func listCohorts(_ input: Operations.ListCohorts.Input) async throws -> Operations.ListCohorts.Output {
        let user = try user()
        var query = try CohortModel.query(on: request.db).sort(\.$courseEndDate, .descending)
        switch Access.cohortsListed(by: user.viewer, ownCohort: user.$cohort.id?.uuidString) {
        case .all: break
        case .own(let id):
            guard let own = UUID(uuidString: id) else { return .ok(.init(body: .json([]))) }
            query = query.filter(\.$id == own)
        case .none: return .ok(.init(body: .json([])))
        }
        let cohorts = try await query.all()
        let graduateCohorts = try await UserModel.query(on: request.db).filter(\.$role == .graduate).filter(\.$cohort.$id ~~ cohorts.compactMap(\.id)).all(\.$cohort.$id)
        return .ok(.init(body: .json(cohorts.map { cohort in
            Components.Schemas.Cohort(cohort, graduateCount: graduateCohorts.filter { $0 == cohort.id }.count)
        })))
    }

    func createCohort(_ input: Operations.CreateCohort.Input) async throws -> Operations.CreateCohort.Output {
        _ = try admin()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try CohortDraft.validate(name: body.name, courseEndDate: body.courseEndDate, timeZone: body.timeZone, standupTime: body.standupTime)
        let cohort = try await Accounts(req: request).createCohort(draft)
        return .created(.init(body: .json(.init(cohort, graduateCount: 0))))
    }

    // MARK: Invitations

    func listInvitations(_ input: Operations.ListInvitations.Input) async throws -> Operations.ListInvitations.Output {
        _ = try admin()
        let now = try request.now
        let invitations = try await InvitationModel.query(on: request.db).sort(\.$createdAt, .descending).limit(500).all()
        return .ok(.init(body: .json(invitations.map { .init($0, now: now) })))
    }

    func createInvitation(_ input: Operations.CreateInvitation.Input) async throws -> Operations.CreateInvitation.Output {
        let admin = try admin()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let req = try request
        let sent = try await Accounts(req: req).invite(
            email: body.email, role: Role(rawValue: body.role.rawValue), cohortID: body.cohortId, by: admin,
            link: { SiteURL.accounts(.invitation(token: $0)).absolute(on: req) })
        return .created(.init(body: .json(.init(invitation: .init(sent.invitation, now: req.now), link: sent.link))))
    }

    // MARK: Coach assignments

    func listCoachAssignments(_ input: Operations.ListCoachAssignments.Input) async throws -> Operations.ListCoachAssignments.Output {
        let assignments = try await Policy(db: request.db).visibleAssignments(for: user())
        return .ok(.init(body: .json(assignments.map(Components.Schemas.CoachAssignment.init))))
    }

    func createCoachAssignment(_ input: Operations.CreateCoachAssignment.Input) async throws -> Operations.CreateCoachAssignment.Output {
        _ = try admin()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let assignment = try await Accounts(req: request).assign(coachID: body.coachId, graduateID: body.graduateId)
        return .created(.init(body: .json(.init(assignment))))
    }

    func deleteCoachAssignment(_ input: Operations.DeleteCoachAssignment.Input) async throws -> Operations.DeleteCoachAssignment.Output {
        _ = try admin()
        try await Accounts(req: request).unassign(id: input.path.id)
        return .noContent(.init())
    }

    // MARK: Tokens

    func listTokens(_ input: Operations.ListTokens.Input) async throws -> Operations.ListTokens.Output {
        let tokens = try await Accounts(req: request).tokens(of: user())
        return .ok(.init(body: .json(tokens.map(Components.Schemas.Token.init))))
    }

    func deleteToken(_ input: Operations.DeleteToken.Input) async throws -> Operations.DeleteToken.Output {
        try await Accounts(req: request).revokeToken(id: input.path.id, of: user())
        return .noContent(.init())
    }
}

extension Components.Schemas.Role {
    init(_ role: Role) {
        switch role {
        case .graduate: self = .graduate
        case .coach: self = .coach
        case .partner: self = .partner
        case .admin: self = .admin
        // Never listed nor signed in (`visiblePeople` leaves them out); said as a graduate, whose
        // place it usually takes, should one ever be named.
        case .former: self = .graduate
        }
    }
}

extension Components.Schemas.Cohort {
    init(_ cohort: CohortModel, graduateCount: Int) {
        self.init(
            id: cohort.id!.uuidString, name: cohort.name, courseEndDate: cohort.courseEndDate, timeZone: cohort.timeZone,
            standupTime: cohort.standupTime, graduateCount: graduateCount)
    }
}

extension Components.Schemas.Invitation {
    init(_ invitation: InvitationModel, now: Date) {
        let status: Components.Schemas.Invitation.StatusPayload = switch invitation.status(now: now) {
        case .pending: .pending
        case .accepted: .accepted
        case .expired: .expired
        }
        self.init(
            id: invitation.id!.uuidString, email: invitation.email, role: .init(invitation.role),
            cohortId: invitation.$cohort.id?.uuidString, status: status, expiresAt: invitation.expiresAt)
    }
}

extension Components.Schemas.CoachAssignment {
    init(_ assignment: CoachAssignmentModel) {
        self.init(id: assignment.id!.uuidString, coachId: assignment.$coach.id.uuidString, graduateId: assignment.$graduate.id.uuidString)
    }
}

extension Components.Schemas.Token {
    init(_ token: APITokenModel) {
        self.init(id: token.requireIDString, name: token.name, prefix: token.prefix, createdAt: token.createdAt ?? Date(timeIntervalSince1970: 0), lastUsedAt: token.lastUsedAt,
                  expiresAt: token.expiresAt)
    }
}

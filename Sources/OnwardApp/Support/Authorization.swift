import Fluent
import SQLKit
import OnwardCore
import Vapor

// Who may do what is decided in OnwardCore (`Access`), one named function per decision. This
// file loads what those decisions need and hands handlers the answers; handlers decide nothing.

extension UserModel: ModelSessionAuthenticatable {}

extension UserModel {
    /// Who is asking, as the decisions need it.
    var viewer: Viewer { Viewer(id: requireIDString, role: role) }
}

extension Request {
    /// The signed-in person, or a 401 (which a page turns into "sign in first").
    func requireUser() throws -> UserModel {
        guard let user = auth.get(UserModel.self) else { throw AppError.notSignedIn }
        return user
    }

    /// Signs `user` in on a new session id: an id someone planted in this browser before (a
    /// session fixation) must not become a signed-in session, so the old row goes. Every way of
    /// becoming signed in (the sign-in form, accepting an invitation) goes through here.
    func signIn(_ user: UserModel) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
            session.id = nil
        }
        auth.login(user)
    }

    /// The route's parameter `name`, as given.
    func parameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw Refusal.notFound() }
        return value
    }
}

/// Lets through only signed-in people for whom `decision` (one of `Access`'s) holds. Anyone else
/// signed in gets 404, so a page's existence is not given away; someone not signed in is asked to
/// sign in.
struct Require: AsyncMiddleware {
    let decision: @Sendable (Viewer) -> Bool

    init(_ decision: @escaping @Sendable (Viewer) -> Bool) {
        self.decision = decision
    }

    /// Anyone signed in.
    static let signedIn = Require { _ in true }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = try request.requireUser()
        guard decision(user.viewer) else { throw Refusal.notFound() }
        return try await next.respond(to: request)
    }
}

/// Loads, once, what `Access` needs to decide about a person's records, and hands back a scope
/// with every answer. A person the viewer may not see is "not found", so ids cannot be probed.
struct Policy {
    let db: any Database

    /// What `viewer` may do with `person`'s records.
    struct Scope {
        let viewer: UserModel
        let person: UserModel
        let isSelf: Bool
        let canReadJobSearch: Bool
        let canWriteJobSearch: Bool
        let canCorrectPlacement: Bool
        let canReadProgramme: Bool
        let canCoachProgramme: Bool
        let canPauseProgramme: Bool
        let canReviewSubmissions: Bool
        let canAnswerSupportRequests: Bool
        let canCoachLearningPlan: Bool
        let canReadLearningPlanNotes: Bool
        let canReadEvidence: Bool
        let canRecommend: Bool
        let canRecordOutcomes: Bool

        init(viewer: UserModel, person: UserModel, owner: Access.Owner) {
            let who = viewer.viewer
            self.viewer = viewer
            self.person = person
            isSelf = who.id == owner.id
            canReadJobSearch = Access.canReadJobSearch(who, of: owner)
            canWriteJobSearch = Access.canWriteJobSearch(who, of: owner)
            canCorrectPlacement = Access.canCorrectPlacement(who, of: owner)
            canReadProgramme = Access.canReadProgramme(who, of: owner)
            canCoachProgramme = Access.canCoachProgramme(who, of: owner)
            canPauseProgramme = Access.canPauseProgramme(who, of: owner)
            canReviewSubmissions = Access.canReviewSubmissions(who, of: owner)
            canAnswerSupportRequests = Access.canAnswerSupportRequests(who, of: owner)
            canCoachLearningPlan = Access.canCoachLearningPlan(who, of: owner)
            canReadLearningPlanNotes = Access.canReadLearningPlanNotes(who, of: owner)
            canReadEvidence = Access.canReadEvidence(who, of: owner)
            canRecommend = Access.canRecommend(who, of: owner)
            canRecordOutcomes = Access.recordsOutcomes(who, of: owner)
        }
    }

    /// The person `rawID` as `viewer` may see them, with what the viewer may do; or not found.
    func scope(of rawID: String, for viewer: UserModel) async throws -> Scope {
        guard let id = UUID(uuidString: rawID), let person = try await UserModel.query(on: db).filter(\.$id == id).with(\.$cohort).first() else {
            throw Refusal.notFound()
        }
        return try await scope(of: person, for: viewer)
    }

    /// As `scope(of:for:)`, for a person already loaded.
    func scope(of person: UserModel, for viewer: UserModel) async throws -> Scope {
        let owner = try await self.owner(person, for: viewer)
        guard Access.canRead(viewer.viewer, recordOf: owner) else { throw Refusal.notFound() }
        return Scope(viewer: viewer, person: person, owner: owner)
    }

    /// What the decisions need to know about a record's owner. Who coaches them matters only to
    /// decisions about someone else's records: one's own scope does without that query.
    private func owner(_ person: UserModel, for viewer: UserModel) async throws -> Access.Owner {
        let coachIDs = person.role == .graduate && person.id != viewer.id
            ? try await CoachAssignmentModel.query(on: db).filter(\.$graduate.$id == person.requireID()).all(\.$coach.$id)
            : []
        return Access.Owner(id: person.requireIDString, role: person.role, coachIDs: Set(coachIDs.map(\.uuidString)))
    }

    /// The graduates `coach` coaches, now.
    func coachedGraduateIDs(of coach: UserModel) async throws -> Set<UUID> {
        Set(try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == coach.requireID()).all(\.$graduate.$id))
    }

    /// The coaches of any of `people`, now.
    func coachIDs(of people: [UUID]) async throws -> Set<String> {
        Set(try await CoachAssignmentModel.query(on: db).filter(\.$graduate.$id ~~ people).all(\.$coach.$id).map(\.uuidString))
    }

    /// The people a viewer may list (`Access.reach(of:)`).
    func visiblePeople(for viewer: UserModel) async throws -> [UserModel] {
        switch Access.reach(of: viewer.viewer) {
        case .everyone:
            // The former accounts stand in others' threads for people who left: nobody to list.
            return try await UserModel.query(on: db).filter(\.$role != .former).with(\.$cohort).sort(\.$name).all()
        case .assignedGraduates:
            let ids = try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == viewer.requireID()).all(\.$graduate.$id)
            return try await UserModel.query(on: db).filter(\.$id ~~ ids).with(\.$cohort).sort(\.$name).all()
        case .themselves:
            try await viewer.$cohort.load(on: db)
            return [viewer]
        case .nobody:
            return []
        }
    }

    /// The graduates a viewer may list (`Access.reach(of:)`), by name, each with their cohort, for
    /// working out figures: one SQL statement, and the models built without Fluent's reflection,
    /// which cost more than the rest of a page that lists 200 of them (the coach's dashboard). The
    /// models carry the id, name, time zone, cohort, GitHub login and stacks only (no email, no
    /// profile), and are not for saving.
    func visibleGraduates(for viewer: UserModel) async throws -> [UserModel] {
        var cohorts: [UUID: CohortModel] = [:]
        return try await visibleGraduateRows(for: viewer).map { try Self.graduate(from: $0, cohorts: &cohorts) }
    }

    /// The rows `visibleGraduates(for:)` reads, by name: the graduate's (`u`) and their cohort's
    /// (`c`), with the caller's own `columns` from its own `joins` beside them, in the same query.
    func visibleGraduateRows(for viewer: UserModel, also columns: SQLQueryString = "", joining joins: SQLQueryString = "") async throws -> [any SQLRow] {
        let sql = db as! any SQLDatabase
        let scope: SQLQueryString
        switch Access.reach(of: viewer.viewer) {
        case .everyone: scope = "1 = 1"
        case .assignedGraduates: scope = "u.id IN (SELECT graduate_id FROM \(ident: CoachAssignmentModel.schema) WHERE coach_id = \(bind: try viewer.requireID()))"
        case .themselves: scope = "u.id = \(bind: try viewer.requireID())"
        case .nobody: return []
        }
        return try await sql.raw("""
            SELECT u.id, u.name, u.cohort_id, u.time_zone, u.github_login, u.stacks, u.created_at, c.name AS cohort_name, c.course_end_date, c.time_zone AS cohort_zone, c.standup_time\(columns)
            FROM \(ident: UserModel.schema) u LEFT JOIN \(ident: CohortModel.schema) c ON c.id = u.cohort_id\(joins)
            WHERE u.role = 'graduate' AND \(scope) ORDER BY u.name
            """).all()
    }

    /// A graduate as `visibleGraduateRows` reads them, with their cohort loaded: one model for
    /// each cohort, kept in `cohorts`.
    static func graduate(from row: any SQLRow, cohorts: inout [UUID: CohortModel]) throws -> UserModel {
        let cohortID = try row.decode(column: "cohort_id", as: UUID?.self)
        let user = UserModel(id: try row.decode(column: "id", as: UUID.self), email: "", name: try row.decode(column: "name", as: String.self),
                             passwordHash: "", role: .graduate, cohortID: cohortID, timeZone: try row.decode(column: "time_zone", as: String.self))
        // What the signals read of them: whether Onward can see their commits, and when they joined.
        user.githubLogin = try row.decode(column: "github_login", as: String?.self)
        // What their card shows.
        user.stacksText = try row.decode(column: "stacks", as: String.self)
        user.createdAt = try row.decode(column: "created_at", as: Date?.self)
        if let cohortID {
            if cohorts[cohortID] == nil {
                let cohort = CohortModel()
                cohort.id = cohortID
                cohort.name = try row.decode(column: "cohort_name", as: String.self)
                cohort.courseEndDate = try row.decode(column: "course_end_date", as: String.self)
                cohort.timeZone = try row.decode(column: "cohort_zone", as: String.self)
                cohort.standupTime = try row.decode(column: "standup_time", as: String.self)
                cohorts[cohortID] = cohort
            }
            user.$cohort.value = cohorts[cohortID]
        } else {
            user.$cohort.value = .some(nil)
        }
        return user
    }

    /// The coach assignments a viewer may list (`Access.reach(of:)`): every one, their own as a
    /// coach, their own as a graduate, none.
    func visibleAssignments(for viewer: UserModel) async throws -> [CoachAssignmentModel] {
        let query = CoachAssignmentModel.query(on: db)
        switch Access.reach(of: viewer.viewer) {
        case .everyone: return try await query.all()
        case .assignedGraduates: return try await query.filter(\.$coach.$id == viewer.requireID()).all()
        case .themselves: return try await query.filter(\.$graduate.$id == viewer.requireID()).all()
        case .nobody: return []
        }
    }
}

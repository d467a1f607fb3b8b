import Crypto
import Fluent
import SQLKit
import Foundation
import OnwardCore
import Vapor

/// The accounts use cases. Each one owns its transaction: a controller or an API handler checks
/// who is asking, calls one of these, and shows the result.
struct Accounts {
    let db: any Database
    let now: Date
    let hashing: PasswordHashing

    init(db: any Database, now: Date, hashing: PasswordHashing) {
        self.db = db
        self.now = now
        self.hashing = hashing
    }

    init(req: Request) {
        self.init(db: req.db, now: req.now, hashing: req.application.passwordHashing)
    }

    // MARK: Sign-in

    /// Checks an email and password coming from `client` (an address, or nil when unknown).
    ///
    /// The attempt is counted against the client and the account before the password is hashed
    /// (`SignInThrottle`), so concurrent guesses cannot get past the limits, and refused ones cost
    /// no hashing. Unknown email and wrong password fail alike, after the same amount of work. No
    /// database connection is held while the password is hashed.
    func signIn(email rawEmail: String, password: String, client: String?) async throws -> UserModel {
        let email = AccountRules.normalizedEmail(rawEmail)
        let attempts = SignInAttempts(db: db, now: now)
        let clientKey = SignInAttempts.client(client), accountKey = SignInAttempts.account(email)
        let byClient = try await attempts.count(clientKey, limit: SignInThrottle.perClient)
        if let until = SignInThrottle.refusedUntil(byClient, limit: SignInThrottle.perClient) {
            throw AppError.tooManySignInsFromHere(until: until, now: now)
        }
        let byAccount = try await attempts.count(accountKey, limit: SignInThrottle.perAccount)
        if let until = SignInThrottle.refusedUntil(byAccount, limit: SignInThrottle.perAccount) {
            throw AppError.tooManySignIns(until: until, now: now)
        }
        let user = try await UserModel.query(on: db).filter(\.$email == email).first()
        let verified: Bool
        do {
            verified = try await hashing.verify(password, created: user?.passwordHash ?? hashing.decoyHash)
        } catch {
            // Not checked (too many hashes in hand): this attempt does not count.
            try await attempts.giveBack(clientKey)
            try await attempts.giveBack(accountKey)
            throw error
        }
        guard let user, verified else {
            try await attempts.forgetEnded()
            throw AppError(status: .unauthorized, code: "invalid_credentials", message: "That email and password do not match an account.", field: "email")
        }
        try await attempts.clear(accountKey)
        try await attempts.giveBack(clientKey)
        return user
    }

    // MARK: Invitations

    struct SentInvitation {
        let invitation: InvitationModel
        let link: String
    }

    /// Invites `email` as `role`. Writes the invitation and its outbox message together.
    func invite(email rawEmail: String, role: Role?, cohortID rawCohortID: String?, by admin: UserModel, link: (String) -> String) async throws -> SentInvitation {
        var errors = ValidationErrors()
        let email = AccountRules.validateEmail(rawEmail, into: &errors)
        let cohort = try await invitedTo(role: role, cohortID: rawCohortID, into: &errors)
        if errors.message(for: "email") == nil, try await UserModel.query(on: db).filter(\.$email == email).count() > 0 {
            errors.add("email", "Someone already has an account with this email address.")
        }
        try errors.throwIfAny()
        let made = try makeInvitation(email: email, role: role!, cohort: cohort, by: admin, link: link)
        try await db.transaction { db in try await made.create(on: db) }
        return SentInvitation(invitation: made.invitation, link: made.link)
    }

    /// Every address of a pasted `list` invited with the same role (and cohort), in one
    /// transaction: nothing is sent if the role or cohort is wrong; an address someone already
    /// has an account with is refused with the list's own bad lines.
    func invite(list: InvitationList, role: Role?, cohortID rawCohortID: String?, by admin: UserModel,
                link: (String) -> String) async throws -> (sent: [SentInvitation], refused: [InvitationList.Refused]) {
        var errors = ValidationErrors()
        let cohort = try await invitedTo(role: role, cohortID: rawCohortID, into: &errors)
        try errors.throwIfAny()
        let taken = Set(try await UserModel.query(on: db).filter(\.$email ~~ list.emails).all(\.$email))
        var refused = list.refused
        var made: [MadeInvitation] = []
        for email in list.emails {
            if taken.contains(email) {
                refused.append(.init(line: 0, text: email, reason: "Someone already has an account with this email address."))
            } else {
                made.append(try makeInvitation(email: email, role: role!, cohort: cohort, by: admin, link: link))
            }
        }
        let all = made
        try await db.transaction { db in
            for one in all { try await one.create(on: db) }
        }
        return (made.map { SentInvitation(invitation: $0.invitation, link: $0.link) }, refused.sorted { ($0.line == 0 ? Int.max : $0.line) < ($1.line == 0 ? Int.max : $1.line) })
    }

    /// The cohort an invitation with `role` is for: one from the list, and one at all for a graduate.
    private func invitedTo(role: Role?, cohortID rawCohortID: String?, into errors: inout ValidationErrors) async throws -> CohortModel? {
        if role == nil || role == .former { errors.add("role", "Choose a role.") }
        var cohort: CohortModel?
        if let raw = rawCohortID, !raw.isEmpty {
            cohort = try await UUID(uuidString: raw).asyncFlatMap { try await CohortModel.find($0, on: db) }
            if cohort == nil { errors.add("cohort_id", "Choose a cohort from the list.") }
        } else if role?.needsCohort == true {
            errors.add("cohort_id", "A graduate belongs to a cohort: choose one.")
        }
        return cohort
    }

    /// An invitation with its link and the message that sends it, to be created together.
    struct MadeInvitation: Sendable {
        let invitation: InvitationModel
        let link: String
        let message: QueuedMail

        func create(on db: any Database) async throws {
            try await invitation.create(on: db)
            try await Capabilities.reads.mail.queue(message, on: db)
        }
    }

    private func makeInvitation(email: String, role: Role, cohort: CohortModel?, by admin: UserModel, link: (String) -> String) throws -> MadeInvitation {
        let token = Data([UInt8].random(count: 32)).base64URLEncodedString()
        let url = link(token)
        let cohortName = cohort?.name
        let invitation = InvitationModel(
            email: email, role: role, cohortID: try cohort?.requireID(), tokenHash: Self.hash(token),
            invitedByID: try admin.requireID(), expiresAt: InvitationRules.expiry(from: now))
        // Its id is chosen here, so that the message can name it before either is written.
        invitation.id = UUID()
        let message = QueuedMail(
            to: email,
            subject: "You're invited to Onward",
            body: """
            \(admin.name) has invited you to Onward as a \(role.title.lowercased())\(cohortName.map { " in \($0)" } ?? "").

            Set your name and password here (the link works once, for 7 days):
            \(url)
            """,
            topic: "invitation", subjectID: try invitation.requireID(), expiresAt: invitation.expiresAt)
        return MadeInvitation(invitation: invitation, link: url, message: message)
    }

    /// The invitation for a token, if it can still be used.
    func usableInvitation(token: String) async throws -> InvitationModel {
        guard let invitation = try await InvitationModel.query(on: db).filter(\.$tokenHash == Self.hash(token)).with(\.$cohort).first() else {
            throw InvitationError.unknown
        }
        switch invitation.status(now: now) {
        case .pending: return invitation
        case .accepted: throw InvitationError.alreadyAccepted
        case .expired: throw InvitationError.expired
        }
    }

    /// Accepts an invitation: creates the account and uses up the invitation, in one transaction.
    /// Two browsers racing with one link: only one wins.
    func accept(token: String, name rawName: String, password: String, confirmation: String) async throws -> UserModel {
        let invitation = try await usableInvitation(token: token)
        var errors = ValidationErrors()
        let name = AccountRules.validateName(rawName, into: &errors)
        AccountRules.validateNewPassword(password, confirmation: confirmation, into: &errors)
        try errors.throwIfAny()
        let hash = try await hashing.hash(password)
        let user = UserModel(
            email: invitation.email, name: name, passwordHash: hash, role: invitation.role,
            cohortID: invitation.$cohort.id, timeZone: invitation.cohort?.timeZone ?? "UTC")
        let now = self.now
        do {
            try await db.transaction { db in
                guard let fresh = try await InvitationModel.find(invitation.requireID(), on: db), fresh.acceptedAt == nil else {
                    throw InvitationError.alreadyAccepted
                }
                guard try await UserModel.query(on: db).filter(\.$email == invitation.email).count() == 0 else {
                    throw InvitationError.emailAlreadyRegistered
                }
                fresh.acceptedAt = now
                try await fresh.save(on: db)
                // The unique email is the last word: of two racing accepts, the second fails here.
                try await user.create(on: db)
                try await Capabilities.reads.notifications.notify([fresh.$invitedBy.id], Notice(
                    kind: .invitationAccepted, text: "\(name) accepted your invitation and joined Onward as a \(user.role.title.lowercased()).",
                    url: .homes(.person(id: try user.requireID().uuidString))), at: now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvitationError.alreadyAccepted
        }
        return user
    }

    // MARK: Profile and password

    func updateProfile(of user: UserModel, with draft: ProfileDraft) async throws {
        user.name = draft.name
        user.timeZone = draft.timeZone
        user.githubLogin = draft.githubLogin
        user.stacks = draft.stacks
        user.bio = draft.bio
        try await user.save(on: db)
    }

    /// Changes `user`'s password and ends every other session they have (another browser, a
    /// stolen cookie); the session `keeping` (the one that changed it) stays. API tokens stay too:
    /// they are revoked on their own page.
    func changePassword(of user: UserModel, current: String, new: String, confirmation: String, keeping session: String?) async throws {
        var errors = ValidationErrors()
        if try await !hashing.verify(current, created: user.passwordHash) {
            errors.add("current_password", "That is not your current password.")
        }
        AccountRules.validateNewPassword(new, confirmation: confirmation, into: &errors)
        try errors.throwIfAny()
        user.passwordHash = try await hashing.hash(new)
        let userID = try user.requireID()
        try await db.transaction { db in
            try await user.save(on: db)
            try await Self.endSessions(of: userID, except: session, on: db)
        }
    }

    /// Deletes the sessions signed in as `userID`, but `kept`.
    static func endSessions(of userID: UUID, except kept: String?, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        // The session's data holds the signed-in person's id as text; upper-case, as Swift prints a UUID.
        var condition: SQLQueryString = "CAST(\(ident: "data") AS TEXT) LIKE \(bind: "%" + userID.uuidString + "%")"
        if let kept { condition = condition + " AND \(ident: "key") <> \(bind: kept)" }
        try await sql.raw("DELETE FROM \(ident: SessionRecord.schema) WHERE " + condition).run()
    }

    // MARK: API tokens

    /// Makes a token for `user`. The token itself is returned once and never stored.
    func createToken(for user: UserModel, name rawName: String, lifetime rawLifetime: String? = nil) async throws -> (APITokenModel, String) {
        var errors = ValidationErrors()
        let name = TextRules.checked(rawName, field: "name", label: "name", limit: 80, into: &errors)
        if name.isEmpty { errors.add("name", "Name the token after what will use it, for example 'my laptop'.") }
        let lifetime = TokenLifetime.validate(rawLifetime, into: &errors)
        try errors.throwIfAny()
        let token = "onw_" + Data([UInt8].random(count: 32)).base64URLEncodedString()
        let model = APITokenModel(userID: try user.requireID(), name: name, tokenHash: Self.hash(token), prefix: String(token.prefix(10)),
                                  expiresAt: lifetime.expiry(from: now))
        try await model.create(on: db)
        return (model, token)
    }

    func tokens(of user: UserModel) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
    }

    /// Revokes one of `user`'s own tokens; another person's token is "not found".
    func revokeToken(id rawID: String, of user: UserModel) async throws {
        guard let id = UUID(uuidString: rawID),
              let token = try await APITokenModel.query(on: db).filter(\.$id == id).filter(\.$user.$id == user.requireID()).first() else {
            throw Refusal.notFound("There is no such token.")
        }
        try await token.delete(on: db)
    }

    /// The person a token belongs to, noting when it was last used; nobody for a token that has
    /// expired.
    func user(forToken token: String) async throws -> UserModel? {
        guard let model = try await APITokenModel.query(on: db).filter(\.$tokenHash == Self.hash(token)).with(\.$user).first(),
              TokenLifetime.works(expiresAt: model.expiresAt, now: now) else { return nil }
        if model.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            model.lastUsedAt = now
            try await model.save(on: db)
        }
        return model.user
    }

    // MARK: Cohorts and coaches

    func createCohort(_ draft: CohortDraft) async throws -> CohortModel {
        let cohort = CohortModel(draft: draft)
        try await cohort.create(on: db)
        return cohort
    }

    /// Assigns a coach to a graduate. Assigning twice is harmless.
    func assign(coachID rawCoach: String, graduateID rawGraduate: String) async throws -> CoachAssignmentModel {
        var errors = ValidationErrors()
        let coach = try await UUID(uuidString: rawCoach).asyncFlatMap { try await UserModel.find($0, on: db) }
        let graduate = try await UUID(uuidString: rawGraduate).asyncFlatMap { try await UserModel.find($0, on: db) }
        if coach?.role != .coach { errors.add("coach_id", "Choose a coach from the list.") }
        if graduate?.role != .graduate { errors.add("graduate_id", "Choose a graduate from the list.") }
        try errors.throwIfAny()
        if let existing = try await CoachAssignmentModel.query(on: db)
            .filter(\.$coach.$id == coach!.requireID()).filter(\.$graduate.$id == graduate!.requireID()).first() {
            return existing
        }
        let assignment = CoachAssignmentModel(coachID: try coach!.requireID(), graduateID: try graduate!.requireID())
        try await assignment.create(on: db)
        return assignment
    }

    /// `coachID` assigned to every graduate of `cohort` (`graduateIDs` nil), or to each of
    /// `graduateIDs`, who must all be its graduates: one statement, so that two admins doing it at
    /// once leave each pair assigned once. Answers the coach, how many graduates it was for, and
    /// how many of them were not theirs before.
    func assign(coachID rawCoach: String, graduateIDs rawGraduates: [String]?, of cohort: CohortModel) async throws -> (coach: UserModel, asked: Int, added: Int) {
        var errors = ValidationErrors()
        let coach = try await UUID(uuidString: rawCoach).asyncFlatMap { try await UserModel.find($0, on: db) }
        if coach?.role != .coach { errors.add("coach_id", "Choose a coach from the list.") }
        let cohortID = try cohort.requireID()
        let inCohort = UserModel.query(on: db).filter(\.$cohort.$id == cohortID).filter(\.$role == .graduate)
        var members: [UUID]
        if let rawGraduates {
            let wanted = Set(rawGraduates.compactMap { UUID(uuidString: $0) })
            members = wanted.isEmpty ? [] : try await inCohort.filter(\.$id ~~ wanted).all(\.$id)
            if rawGraduates.isEmpty {
                errors.add("graduate_ids", "Tick at least one graduate.")
            } else if members.count != wanted.count || wanted.count != rawGraduates.count {
                errors.add("graduate_ids", "Tick graduates of this cohort only.")
            }
        } else {
            members = try await inCohort.all(\.$id)
            if members.isEmpty { errors.add("graduate_ids", "This cohort has no graduate yet.") }
        }
        try errors.throwIfAny()
        let coachID = try coach!.requireID()
        let before = try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == coachID).filter(\.$graduate.$id ~~ members).count()
        let sql = db as! any SQLDatabase
        var insert = sql.insert(into: CoachAssignmentModel.schema).columns("id", "coach_id", "graduate_id", "created_at")
        for graduate in members {
            insert = insert.values(SQLBind(UUID()), SQLBind(coachID), SQLBind(graduate), SQLBind(now))
        }
        try await insert.ignoringConflicts(with: ["coach_id", "graduate_id"]).run()
        return (coach!, members.count, members.count - before)
    }

    /// What a graduate's home says of their cohort.
    struct CohortFacts: Equatable {
        let name: String
        let courseEndDate: String
        let standupTime: String
        let timeZone: String
    }

    /// `person`'s cohort and the names of their coaches, in order: one query for both.
    func cohortAndCoaches(of person: UserModel) async throws -> (cohort: CohortFacts?, coaches: [String]) {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT 0 AS part, c.name AS name, c.course_end_date AS course_end, c.standup_time AS standup, c.time_zone AS zone
            FROM \(ident: CohortModel.schema) c WHERE c.id = \(bind: person.$cohort.id)
            UNION ALL SELECT 1, u.name, '', '', '' FROM \(ident: CoachAssignmentModel.schema) a JOIN \(ident: UserModel.schema) u ON u.id = a.coach_id
            WHERE a.graduate_id = \(bind: person.requireID())
            ORDER BY part, name
            """).all()
        var cohort: CohortFacts?
        var coaches: [String] = []
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            if try row.decode(column: "part", as: Int.self) == 0 {
                cohort = CohortFacts(name: name, courseEndDate: try row.decode(column: "course_end", as: String.self),
                                     standupTime: try row.decode(column: "standup", as: String.self), timeZone: try row.decode(column: "zone", as: String.self))
            } else {
                coaches.append(name)
            }
        }
        return (cohort, coaches)
    }

    /// The names of `person`'s coaches, in order: one query.
    func coachNames(of person: UserModel) async throws -> [String] {
        let sql = db as! any SQLDatabase
        return try await sql.raw("""
            SELECT u.name FROM \(ident: CoachAssignmentModel.schema) a JOIN \(ident: UserModel.schema) u ON u.id = a.coach_id
            WHERE a.graduate_id = \(bind: person.requireID()) ORDER BY u.name
            """).all().map { try $0.decode(column: "name", as: String.self) }
    }

    func unassign(id rawID: String) async throws {
        guard let id = UUID(uuidString: rawID), let assignment = try await CoachAssignmentModel.find(id, on: db) else {
            throw Refusal.notFound("There is no such coach assignment.")
        }
        try await assignment.delete(on: db)
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

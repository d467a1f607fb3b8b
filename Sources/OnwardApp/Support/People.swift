import Fluent
import Foundation
import OnwardCore
import Vapor

// The people every capability's records belong to, and how they are organised: who they are,
// which cohort they finished with, and who coaches whom. Every capability reads these, and the
// authorization policy decides from them, so they live here rather than in one capability's
// folder. Accounts owns how they change (invitations, profiles, assignments).

/// A person with an account: graduate, coach, partner or admin.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "cohort_id") var cohort: CohortModel?
    @Field(key: "time_zone") var timeZone: String
    @OptionalField(key: "github_login") var githubLogin: String?
    /// Stacks of interest, one per line.
    @Field(key: "stacks") var stacksText: String
    @Field(key: "bio") var bio: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, name: String, passwordHash: String, role: Role, cohortID: UUID?, timeZone: String) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.$cohort.id = cohortID
        self.timeZone = timeZone
        self.githubLogin = nil
        self.stacksText = ""
        self.bio = ""
    }

    /// The day `now` falls on where this person lives.
    func today(at now: Date) -> LocalDate {
        LocalDate(now, in: TimeZone(identifier: timeZone) ?? .gmt)
    }

    /// The day `now` falls on in this graduate's programme: in their cohort's time zone (where
    /// standups and deadlines fall), else where they live.
    func programmeDay(at now: Date, on db: any Database) async throws -> LocalDate {
        if let cohortID = $cohort.id, let cohort = try await CohortModel.find(cohortID, on: db), let zone = TimeZone(identifier: cohort.timeZone) {
            return LocalDate(now, in: zone)
        }
        return today(at: now)
    }

    var stacks: [String] {
        get { stacksText.split(separator: "\n").map(String.init) }
        set { stacksText = newValue.joined(separator: "\n") }
    }

}

/// A group of graduates who finished the course together.
final class CohortModel: Model, @unchecked Sendable {
    static let schema = "cohorts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// YYYY-MM-DD.
    @Field(key: "course_end_date") var courseEndDate: String
    @Field(key: "time_zone") var timeZone: String
    /// HH:MM in the cohort's time zone.
    @Field(key: "standup_time") var standupTime: String
    @Children(for: \.$cohort) var members: [UserModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, draft: CohortDraft) {
        self.id = id
        self.name = draft.name
        self.courseEndDate = draft.courseEndDate.iso
        self.timeZone = draft.timeZone
        self.standupTime = draft.standupTime.description
    }
}

/// A coach assigned to a graduate.
final class CoachAssignmentModel: Model, @unchecked Sendable {
    static let schema = "coach_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "coach_id") var coach: UserModel
    @Parent(key: "graduate_id") var graduate: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(coachID: UUID, graduateID: UUID) {
        self.$coach.id = coachID
        self.$graduate.id = graduateID
    }
}

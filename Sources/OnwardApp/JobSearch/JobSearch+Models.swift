import Fluent
import Foundation
import OnwardCore

/// A job a graduate is after, and where it stands.
final class ApplicationModel: Model, @unchecked Sendable {
    static let schema = "job_applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "company") var company: String
    @Field(key: "role_title") var roleTitle: String
    @OptionalField(key: "url") var url: String?
    @Field(key: "location") var location: String
    @Field(key: "remote") var remote: Bool
    @OptionalField(key: "salary_min") var salaryMin: Int?
    @OptionalField(key: "salary_max") var salaryMax: Int?
    /// The salary's currency (an ISO 4217 code) when it is not the bootcamp's; nil for the bootcamp's.
    @OptionalField(key: "currency") var currency: String?
    @Field(key: "source") var source: ApplicationSource
    @Field(key: "stage") var stage: Stage
    @Field(key: "next_action") var nextAction: String
    /// YYYY-MM-DD.
    @OptionalField(key: "next_action_due") var nextActionDue: String?
    @Field(key: "notes") var notes: String
    @Field(key: "excitement") var excitement: Int
    @Children(for: \.$application) var moves: [StageMoveModel]
    @Children(for: \.$application) var interviews: [InterviewModel]
    @Children(for: \.$application) var contacts: [ContactModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, draft: ApplicationDraft, stage: Stage) {
        self.$user.id = userID
        self.stage = stage
        apply(draft)
    }

    func apply(_ draft: ApplicationDraft) {
        company = draft.company
        roleTitle = draft.roleTitle
        url = draft.url
        location = draft.location
        remote = draft.remote
        salaryMin = draft.salary.minimum
        salaryMax = draft.salary.maximum
        currency = draft.currency?.code
        source = draft.source
        nextAction = draft.nextAction
        nextActionDue = draft.nextActionDue?.iso
        notes = draft.notes
        excitement = draft.excitement
    }

    var draft: ApplicationDraft {
        ApplicationDraft(
            company: company, roleTitle: roleTitle, url: url, location: location, remote: remote,
            salary: SalaryRange(minimum: salaryMin, maximum: salaryMax), source: source, nextAction: nextAction,
            nextActionDue: nextActionDue.flatMap(LocalDate.init(iso:)), notes: notes, excitement: excitement, currency: currency.flatMap(Currency.offered))
    }

    /// The currency its salary is said in: its own, or else the bootcamp's.
    func salaryCurrency(_ bootcamps: Currency) -> Currency { currency.flatMap(Currency.offered) ?? bootcamps }
}

/// One move of an application to a stage, on a day. The history of an application is its moves.
final class StageMoveModel: Model, @unchecked Sendable {
    static let schema = "application_moves"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationModel
    @Field(key: "stage") var stage: Stage
    /// YYYY-MM-DD, in the graduate's calendar.
    @Field(key: "on_date") var onDate: String
    /// 0 for the first move of an application, then 1, 2, ...: the order of moves on one day.
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(applicationID: UUID, stage: Stage, on day: LocalDate, position: Int) {
        self.$application.id = applicationID
        self.stage = stage
        self.onDate = day.iso
        self.position = position
    }

    var move: ApplicationHistory.Move { .init(stage, on: LocalDate(iso: onDate)!) }
}

final class InterviewModel: Model, @unchecked Sendable {
    static let schema = "interviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationModel
    @Field(key: "kind") var kind: InterviewKind
    @Field(key: "scheduled_at") var scheduledAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "with_whom") var withWhom: String
    @Field(key: "outcome") var outcome: InterviewOutcome
    @Field(key: "feedback") var feedback: String
    @Field(key: "feedback_is_technical") var feedbackIsTechnical: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(applicationID: UUID, draft: InterviewDraft) {
        self.$application.id = applicationID
        apply(draft)
    }

    func apply(_ draft: InterviewDraft) {
        kind = draft.kind
        scheduledAt = draft.at
        durationMinutes = draft.durationMinutes
        withWhom = draft.withWhom
        outcome = draft.outcome
        feedback = draft.feedback
        feedbackIsTechnical = draft.feedbackIsTechnical
    }
}

final class ContactModel: Model, @unchecked Sendable {
    static let schema = "application_contacts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationModel
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "email") var email: String
    @Field(key: "profile_url") var profileURL: String

    init() {}

    init(applicationID: UUID, draft: ContactDraft) {
        self.$application.id = applicationID
        apply(draft)
    }

    func apply(_ draft: ContactDraft) {
        name = draft.name
        role = draft.role
        email = draft.email
        profileURL = draft.profileURL
    }
}

/// The job a graduate took. Kept when the application is deleted: outcomes reports count it.
final class PlacementModel: Model, @unchecked Sendable {
    static let schema = "placements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @OptionalParent(key: "application_id") var application: ApplicationModel?
    @Field(key: "company") var company: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "job_title") var jobTitle: String
    @Field(key: "employment_type") var employmentType: EmploymentType
    @Field(key: "in_field") var inField: Bool
    @Field(key: "salary") var salary: Int
    @OptionalParent(key: "corrected_by_id") var correctedBy: UserModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, applicationID: UUID?, company: String, draft: PlacementDraft) {
        self.$user.id = userID
        self.$application.id = applicationID
        self.company = company
        apply(draft)
    }

    func apply(_ draft: PlacementDraft) {
        startDate = draft.startDate.iso
        jobTitle = draft.jobTitle
        employmentType = draft.employmentType
        inField = draft.inField
        salary = draft.salary
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit

/// A student's enrolment (when they began, whether and when they graduated or withdrew) and what
/// they said on their first day about looking for work. A graduate with none graduated on their
/// cohort's course end, seeking work.
final class EnrolmentModel: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    /// YYYY-MM-DD.
    @Field(key: "enrolled_on") var enrolledOn: String
    @Field(key: "state") var state: EnrolmentState
    /// The day they graduated or withdrew, YYYY-MM-DD; nil while studying.
    @OptionalField(key: "state_on") var stateOn: String?
    @Field(key: "intent") var intent: Intent
    @Field(key: "intent_note") var intentNote: String
    @OptionalParent(key: "recorded_by_id") var recordedBy: UserModel?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// One outcome of a graduate, confirmed with its documentation by a coach or an admin: its CIRR
/// code, the day it began, the salary, where the documentation came from. Kept with its history:
/// a later one replaces an earlier one in the count from the day it began, and neither is lost.
final class OutcomeRecordModel: Model, @unchecked Sendable {
    static let schema = "outcome_records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "code") var code: OutcomeCode
    /// YYYY-MM-DD.
    @Field(key: "began_on") var beganOn: String
    @OptionalField(key: "salary_from") var salaryFrom: Int?
    @OptionalField(key: "salary_to") var salaryTo: Int?
    @Field(key: "source") var source: OutcomeSource
    @Field(key: "note") var note: String
    /// The placement the graduate recorded that this confirms, if it does.
    @OptionalField(key: "placement_id") var placementID: UUID?
    @OptionalParent(key: "documented_by_id") var documentedBy: UserModel?
    @Field(key: "documented_at") var documentedAt: Date

    init() {}

    init(userID: UUID, draft: OutcomeDraft, placementID: UUID?, by staff: UUID, at moment: Date) {
        $user.id = userID
        code = draft.code
        beganOn = draft.beganOn.iso
        switch draft.salary {
        case .exact(let value): salaryFrom = value; salaryTo = value
        case .range(let low, let high): salaryFrom = low; salaryTo = high
        case nil: salaryFrom = nil; salaryTo = nil
        }
        source = draft.source
        note = draft.note
        self.placementID = placementID
        $documentedBy.id = staff
        documentedAt = moment
    }

    var salary: Salary? { Self.salary(salaryFrom, salaryTo) }

    /// The salary the two columns keep: one figure, a range, or none.
    static func salary(_ from: Int?, _ to: Int?) -> Salary? {
        switch (from, to) {
        case let (low?, high?) where low == high: .exact(low)
        case let (low?, high?): .range(low, high)
        case let (low?, nil), let (nil, low?): .exact(low)
        case (nil, nil): nil
        }
    }
}

/// The tables of Outcomes.
enum OutcomesMigrations {
    struct CreateOutcomes: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("enrolments")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("enrolled_on", .string, .required)
                .field("state", .string, .required)
                .field("state_on", .string)
                .field("intent", .string, .required)
                .field("intent_note", .string, .required)
                .field("recorded_by_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("recorded_at", .datetime, .required)
                .unique(on: "user_id")
                .create()
            try await database.schema("outcome_records")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("code", .string, .required)
                .field("began_on", .string, .required)
                .field("salary_from", .int)
                .field("salary_to", .int)
                .field("source", .string, .required)
                .field("note", .string, .required)
                .field("placement_id", .uuid)
                .field("documented_by_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("documented_at", .datetime, .required)
                .create()
            try await (database as! any SQLDatabase).create(index: "outcome_records_user").on("outcome_records").column("user_id").run()
            // One confirmation a job, whatever races past the use case's check.
            try await (database as! any SQLDatabase).create(index: "outcome_records_placement").unique().on("outcome_records").column("placement_id").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema("outcome_records").delete()
            try await database.schema("enrolments").delete()
        }
    }

    /// The kept reports' fingerprint reads a cohort's graduates and their kept-line generations
    /// from two narrow indexes rather than from the wide rows of `users` and `dashboard_rows`:
    /// for 5,000 graduates it read thousands of pages a view (bench/RESULTS.md).
    struct IndexTheFingerprint: AsyncMigration {
        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.create(index: "users_cohort_role_idx").on(UserModel.schema).column("cohort_id").column("role").column("id")
                .column("created_at").column("updated_at").run()
            try await sql.create(index: "dashboard_rows_generation_idx").on(KeptDashboardRows.table).column("user_id").column("generation").run()
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.drop(index: "dashboard_rows_generation_idx").run()
            try await sql.drop(index: "users_cohort_role_idx").run()
        }
    }
}

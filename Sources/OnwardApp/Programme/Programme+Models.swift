import Fluent
import Foundation
import OnwardCore
import SQLKit

/// A programme: the activities a cohort's graduates do after the course.
final class ProgrammeModel: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Children(for: \.$programme) var activities: [ProgrammeActivityModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String) {
        self.name = name
    }
}

/// One activity of a programme (`Activity` in Core).
final class ProgrammeActivityModel: Model, @unchecked Sendable {
    static let schema = "programme_activities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: ProgrammeModel
    /// Stable within the programme; what marks and records name.
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "kind") var kind: ActivityKind
    /// "daily", "weekly" or "by_week" (with `dueWeek`).
    @Field(key: "schedule") var schedule: String
    @OptionalField(key: "due_week") var dueWeek: Int?
    @Field(key: "required") var isRequired: Bool
    @Field(key: "count") var count: Int
    /// YYYY-MM-DD: the first day it counts from, when added mid-way.
    @OptionalField(key: "since") var since: String?
    @Field(key: "position") var position: Int

    init() {}

    init(programmeID: UUID, activity: Activity, position: Int) {
        self.$programme.id = programmeID
        key = activity.id
        title = activity.title
        description = activity.description
        kind = activity.kind
        switch activity.schedule {
        case .daily: schedule = "daily"
        case .weekly: schedule = "weekly"
        case .byWeek(let n): schedule = "by_week"; dueWeek = n
        }
        isRequired = activity.isRequired
        count = activity.count
        since = activity.since?.iso
        self.position = position
    }

    var activity: Activity {
        Self.activity(key: key, title: title, description: description, kind: kind, schedule: schedule, dueWeek: dueWeek,
                      isRequired: isRequired, count: count, since: since)
    }

    /// The activity in `row`, whose columns are this table's, read column by column: Fluent's
    /// model decoding reflects on the model's fields for every row, which was about 6 % of the
    /// graduate's home page's CPU (bench/RESULTS.md). Text and numbers only, which the drivers convert
    /// directly.
    static func activity(in row: any SQLRow) throws -> Activity {
        let kindName = try row.decode(column: "kind", as: String.self)
        guard let kind = ActivityKind(rawValue: kindName) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no kind of activity called \(kindName)"))
        }
        return activity(
            key: try row.decode(column: "key", as: String.self), title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self), kind: kind,
            schedule: try row.decode(column: "schedule", as: String.self),
            dueWeek: try row.decodeNil(column: "due_week") ? nil : row.decode(column: "due_week", as: Int.self),
            isRequired: try row.decode(column: "required", as: Bool.self), count: try row.decode(column: "count", as: Int.self),
            since: try row.decodeNil(column: "since") ? nil : row.decode(column: "since", as: String.self))
    }

    private static func activity(key: String, title: String, description: String, kind: ActivityKind, schedule: String, dueWeek: Int?,
                                 isRequired: Bool, count: Int, since: String?) -> Activity {
        let schedule: ActivitySchedule = switch schedule {
        case "daily": .daily
        case "weekly": .weekly
        default: .byWeek(dueWeek ?? 1)
        }
        return Activity(id: key, title: title, description: description, kind: kind, schedule: schedule, isRequired: isRequired,
                        count: count, since: since.flatMap(LocalDate.init(iso:)))
    }
}

/// Which programme a cohort follows (at most one).
final class CohortProgrammeModel: Model, @unchecked Sendable {
    static let schema = "cohort_programmes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cohort_id") var cohort: CohortModel
    @Parent(key: "programme_id") var programme: ProgrammeModel

    init() {}

    init(cohortID: UUID, programmeID: UUID) {
        self.$cohort.id = cohortID
        self.$programme.id = programmeID
    }
}

/// An activity a graduate marked done or skipped: a daily task, or an activity that has no record
/// of its own in Onward yet (the graduate says they did it).
final class ActivityMarkModel: Model, @unchecked Sendable {
    static let schema = "activity_marks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "activity_key") var activityKey: String
    /// YYYY-MM-DD: the day it is for (a day of the week a retrospective is for).
    @Field(key: "day") var day: String
    /// YYYY-MM-DD: the day it was marked.
    @Field(key: "written_on") var writtenOn: String
    @Field(key: "mark") var mark: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, activityKey: String, day: LocalDate, writtenOn: LocalDate, mark: ActivityRecord.Mark) {
        self.$user.id = userID
        self.activityKey = activityKey
        self.day = day.iso
        self.writtenOn = writtenOn.iso
        self.mark = mark.rawValue
    }

    var record: ActivityRecord? {
        guard let day = LocalDate(iso: day), let kind = ActivityRecord.Mark(rawValue: mark) else { return nil }
        return ActivityRecord(activityID: activityKey, day: day, writtenOn: LocalDate(iso: writtenOn), mark: kind)
    }
}

/// A graduate's standup of one day: one per day, a second post edits it.
final class StandupModel: Model, @unchecked Sendable {
    static let schema = "standups"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    /// YYYY-MM-DD, in the cohort's time zone.
    @Field(key: "day") var day: String
    @Field(key: "yesterday") var yesterday: String
    @Field(key: "today") var today: String
    @Field(key: "blockers") var blockers: String
    @Field(key: "mood") var mood: Int
    @Field(key: "wants_help") var wantsHelp: Bool
    /// Posted after the cohort's standup time.
    @Field(key: "late") var isLate: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, day: LocalDate, draft: StandupDraft, late: Bool) {
        self.$user.id = userID
        self.day = day.iso
        isLate = late
        apply(draft)
    }

    func apply(_ draft: StandupDraft) {
        yesterday = draft.yesterday
        today = draft.today
        blockers = draft.blockers
        mood = draft.mood
        wantsHelp = draft.wantsHelp
    }
}

/// A graduate's retrospective of one week of the programme: one per week, rewritten in place.
final class RetrospectiveModel: Model, @unchecked Sendable {
    static let schema = "retrospectives"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "week") var week: Int
    @Field(key: "went_well") var wentWell: String
    @Field(key: "did_not_go_well") var didNotGoWell: String
    @Field(key: "learned") var learned: String
    @Field(key: "focus") var focus: String
    @Field(key: "better") var better: BetterDeveloper
    /// The week's figures when it was written.
    @Field(key: "applications") var applications: Int
    @Field(key: "interviews") var interviews: Int
    @Field(key: "standups") var standups: Int
    /// YYYY-MM-DD: the day it was first written.
    @Field(key: "written_on") var writtenOn: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, week: Int, draft: RetrospectiveDraft, figures: RetrospectiveFigures, writtenOn: LocalDate) {
        self.$user.id = userID
        self.week = week
        self.writtenOn = writtenOn.iso
        apply(draft, figures: figures)
    }

    func apply(_ draft: RetrospectiveDraft, figures: RetrospectiveFigures) {
        wentWell = draft.wentWell
        didNotGoWell = draft.didNotGoWell
        learned = draft.learned
        focus = draft.focus
        better = draft.better
        applications = figures.applications
        interviews = figures.interviews
        standups = figures.standups
    }
}

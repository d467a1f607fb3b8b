import Fluent
import Foundation
import OnwardCore
import Vapor

/// The programme's use cases. Each owns its transaction; controllers check who asks first.
struct ProgrammeUseCases {
    let db: any Database
    let now: Date

    init(db: any Database, now: Date) {
        self.db = db
        self.now = now
    }

    init(req: Request) {
        self.init(db: req.db, now: req.now)
    }

    /// Where a graduate stands on the day it is in their cohort's time zone.
    struct Standing {
        let calendar: ProgrammeCalendar
        let today: LocalDate
        let activities: [Activity]
        let roadMap: RoadMap
        let status: ProgrammeStatus
        let standup: StandupModel?
        let standupTime: StandupTime
    }

    /// The programme of `cohortID`, if it has one, with its activities in order.
    func activities(ofCohort cohortID: UUID) async throws -> [Activity]? {
        guard let link = try await CohortProgrammeModel.query(on: db).filter(\.$cohort.$id == cohortID).first() else { return nil }
        return try await ProgrammeActivityModel.query(on: db).filter(\.$programme.$id == link.$programme.id).sort(\.$position).all().map(\.activity)
    }

    /// Gives `cohort` the default programme, in one transaction. A cohort has at most one.
    func giveDefault(to cohort: CohortModel) async throws {
        let cohortID = try cohort.requireID()
        try await db.transaction { db in
            guard try await CohortProgrammeModel.query(on: db).filter(\.$cohort.$id == cohortID).count() == 0 else {
                throw AppError(status: .conflict, code: "conflict", message: "\(cohort.name) already follows a programme.")
            }
            let programme = ProgrammeModel(name: DefaultProgramme.name)
            try await programme.create(on: db)
            let programmeID = try programme.requireID()
            for (position, activity) in DefaultProgramme.activities.enumerated() {
                try await ProgrammeActivityModel(programmeID: programmeID, activity: activity, position: position).create(on: db)
            }
            try await CohortProgrammeModel(cohortID: cohortID, programmeID: programmeID).create(on: db)
        }
    }

    /// What `graduate` did or skipped, as Core reads it: their standups and their marks.
    func records(of graduateID: UUID, activities: [Activity]) async throws -> [ActivityRecord] {
        let standupKeys = activities.filter { $0.kind == .standup }.map(\.id)
        let standups = try await StandupModel.query(on: db).filter(\.$user.$id == graduateID).all()
        let marks = try await ActivityMarkModel.query(on: db).filter(\.$user.$id == graduateID).all()
        var records: [ActivityRecord] = []
        for standup in standups {
            guard let day = LocalDate(iso: standup.day) else { continue }
            records += standupKeys.map { ActivityRecord(activityID: $0, day: day) }
        }
        return records + marks.compactMap(\.record)
    }

    /// `graduate`'s standing today, or nil when their cohort has no programme.
    func standing(of graduate: UserModel) async throws -> Standing? {
        guard let cohortID = graduate.$cohort.id,
              let cohort = try await CohortModel.find(cohortID, on: db),
              let activities = try await activities(ofCohort: cohortID),
              let courseEnd = LocalDate(iso: cohort.courseEndDate),
              let zone = TimeZone(identifier: cohort.timeZone)
        else { return nil }
        let calendar = ProgrammeCalendar(courseEnd: courseEnd, timeZone: zone)
        let today = calendar.day(at: now)
        let graduateID = try graduate.requireID()
        let records = try await records(of: graduateID, activities: activities)
        let standup = try await StandupModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$day == today.iso).first()
        return Standing(
            calendar: calendar, today: today, activities: activities,
            roadMap: RoadMap.on(today, activities: activities, records: records, calendar: calendar),
            status: ProgrammeStatus.of(activities: activities, records: records, calendar: calendar, today: today),
            standup: standup, standupTime: StandupTime(cohort.standupTime) ?? CohortDraft.defaultStandupTime)
    }

    /// Marks `activityKey` done or skipped for `graduate`, for `day` (today when nil). A daily task
    /// is marked for today; a weekly one for a day of this week or of a week that has ended (last
    /// week's, done late); one due by a week is counted on the day it is marked. Only what is not
    /// required can be skipped, and only today. A second mark of the same day replaces the first.
    func mark(_ activityKey: String, for rawDay: String?, as mark: ActivityRecord.Mark, for graduate: UserModel) async throws {
        guard let standing = try await standing(of: graduate) else { throw AppError.notFound("Your cohort has no programme yet.") }
        guard let activity = standing.activities.first(where: { $0.id == activityKey }), activity.kind != .standup else {
            throw AppError.invalid("activity", "Choose one of the activities of your road map.")
        }
        let today = standing.today
        var day = today
        if let rawDay, !rawDay.isEmpty {
            guard let parsed = LocalDate(iso: rawDay) else { throw AppError.invalid("day", "Enter the day as YYYY-MM-DD.") }
            day = parsed
        }
        switch activity.schedule {
        case .daily, .byWeek:
            guard day == today else { throw AppError.invalid("day", "\(activity.title) is marked for today.") }
        case .weekly:
            guard day <= today, standing.calendar.week(of: day) >= 1 else { throw AppError.invalid("day", "Choose a week of the programme that has begun.") }
        }
        if mark == .skipped && (activity.isRequired || day != today) {
            throw AppError.invalid("activity", "\(activity.title) is required: it cannot be skipped.")
        }
        let graduateID = try graduate.requireID()
        let markedDay = day
        try await db.transaction { db in
            let day = markedDay
            try await ActivityMarkModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$activityKey == activityKey).filter(\.$day == day.iso).delete()
            try await ActivityMarkModel(userID: graduateID, activityKey: activityKey, day: day, writtenOn: today, mark: mark).create(on: db)
        }
    }

    /// Posts `graduate`'s standup of today, or edits it if they posted one already. Late when
    /// first posted after the cohort's standup time.
    @discardableResult
    func postStandup(_ draft: StandupDraft, for graduate: UserModel) async throws -> (standup: StandupModel, isNew: Bool) {
        guard let standing = try await standing(of: graduate) else { throw AppError.notFound("Your cohort has no programme yet.") }
        let graduateID = try graduate.requireID()
        if let existing = standing.standup {
            existing.apply(draft)
            try await existing.save(on: db)
            return (existing, false)
        }
        let late = StandupRules.isLate(postedAt: now, for: standing.today, at: standing.standupTime, in: standing.calendar.timeZone)
        let standup = StandupModel(userID: graduateID, day: standing.today, draft: draft, late: late)
        do {
            try await standup.create(on: db)
        } catch {
            // The same graduate posted from two tabs at once: the first stands, this one edits it.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                  let first = try await StandupModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$day == standing.today.iso).first()
            else { throw error }
            first.apply(draft)
            try await first.save(on: db)
            return (first, false)
        }
        return (standup, true)
    }
}

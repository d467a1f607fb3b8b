import Fluent
import FluentSQL
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The programme's use cases. Each owns its transaction; controllers check who asks first.
struct ProgrammeUseCases: UseCases {
    let db: any Database
    let now: Date

    /// Where a graduate stands on the day it is in their cohort's time zone.
    struct Standing {
        let calendar: ProgrammeCalendar
        let today: LocalDate
        let activities: [Activity]
        /// What they did or skipped, as the road map read it.
        let records: [ActivityRecord]
        let roadMap: RoadMap
        let status: ProgrammeStatus
        /// Whether today's standup is posted (`todaysStandup` reads it).
        let standupPosted: Bool
        let standupTime: StandupTime
        /// Why an admin paused the programme, while it is paused.
        let pauseReason: String?
    }

    /// What the programme needs of a cohort: its calendar, its standup time and its activities.
    struct CohortProgramme {
        let calendar: ProgrammeCalendar
        let standupTime: StandupTime
        let activities: [Activity]
    }

    /// Cohort `cohortID` with its programme's activities in order, in one query; nil when the
    /// cohort has no programme.
    func programme(ofCohort cohortID: UUID) async throws -> CohortProgramme? {
        try await programmes(ofCohorts: [cohortID])[cohortID]
    }

    /// The programmes of `cohortIDs` (those that have one), with their calendars and activities
    /// in order, in one query however many cohorts.
    func programmes(ofCohorts cohortIDs: [UUID]) async throws -> [UUID: CohortProgramme] {
        guard !cohortIDs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT c.id AS cohort, c.course_end_date AS course_end, c.time_zone AS zone, c.standup_time AS standup_time, a.*
            FROM cohorts c JOIN cohort_programmes cp ON cp.cohort_id = c.id
            LEFT JOIN programme_activities a ON a.programme_id = cp.programme_id
            WHERE c.id IN \(SQLBind.group(cohortIDs)) ORDER BY a.position
            """).all()
        var calendars: [UUID: (ProgrammeCalendar, StandupTime)] = [:]
        var activities: [UUID: [Activity]] = [:]
        for row in rows {
            let cohort = try row.decode(column: "cohort", as: UUID.self)
            if calendars[cohort] == nil {
                guard let courseEnd = LocalDate(iso: try row.decode(column: "course_end", as: String.self)),
                      let zone = TimeZone(identifier: try row.decode(column: "zone", as: String.self)) else { continue }
                calendars[cohort] = (ProgrammeCalendar(courseEnd: courseEnd, timeZone: zone),
                                     StandupTime(try row.decode(column: "standup_time", as: String.self)) ?? CohortDraft.defaultStandupTime)
            }
            // A programme without activities gives one row whose activity columns are all null.
            guard try row.decode(column: "key", as: String?.self) != nil else { continue }
            activities[cohort, default: []].append(try ProgrammeActivityModel.activity(in: row))
        }
        var result: [UUID: CohortProgramme] = [:]
        for (cohort, (calendar, standupTime)) in calendars {
            result[cohort] = CohortProgramme(calendar: calendar, standupTime: standupTime, activities: activities[cohort] ?? [])
        }
        return result
    }

    /// Gives `cohort` the default programme, in one transaction. A cohort has at most one: of two
    /// clicks at once, the second is told it already has one (the write lock is taken first, and
    /// the database's unique cohort is the last word).
    func giveDefault(to cohort: CohortModel) async throws {
        let cohortID = try cohort.requireID()
        let name = cohort.name
        do {
            try await give(to: cohortID, named: name)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal.conflict("\(name) already follows a programme.")
        }
    }

    private func give(to cohortID: UUID, named name: String) async throws {
        try await db.writeTransaction { db in
            guard try await CohortProgrammeModel.query(on: db).filter(\.$cohort.$id == cohortID).count() == 0 else {
                throw Refusal.conflict("\(name) already follows a programme.")
            }
            let programme = ProgrammeModel(name: ProgrammeName.of(cohort: name))
            try await programme.create(on: db)
            let programmeID = try programme.requireID()
            for (position, activity) in DefaultProgramme.activities.enumerated() {
                try await ProgrammeActivityModel(programmeID: programmeID, activity: activity, position: position).create(on: db)
            }
            try await CohortProgrammeModel(cohortID: cohortID, programmeID: programmeID).create(on: db)
        }
    }

    /// What `graduate` did or skipped, as Core reads it: their standups, retrospectives, goals,
    /// interviews, posts, submissions and marks.
    func records(of graduateID: UUID, activities: [Activity], calendar: ProgrammeCalendar) async throws -> [ActivityRecord] {
        let evidence = try await RecordsUseCases(db: db, now: now).evidence(of: [graduateID])[graduateID] ?? ProgrammeRecords()
        return evidence.records(for: activities, calendar: calendar, today: calendar.day(at: now))
    }

    /// The status of each of `graduates` today, in a fixed number of queries however many there
    /// are (a coach with 200 graduates): their cohorts, programmes, records, the days they joined
    /// and their placements, each read once. Graduates whose
    /// cohort has no programme are left out.
    func statuses(of graduates: [UserModel]) async throws -> [UUID: ProgrammeStatus] {
        let ids = graduates.compactMap(\.id)
        let cohortIDs = Array(Set(graduates.compactMap { $0.$cohort.id }))
        guard !ids.isEmpty, !cohortIDs.isEmpty else { return [:] }
        let programmes = try await programmes(ofCohorts: cohortIDs)
        let evidence = try await RecordsUseCases(db: db, now: now).evidence(of: ids, requiredOf: programmes.values.flatMap(\.activities))
        let joined = try await Capabilities.reads.accounts.joined(ids, on: db)
        let placed = try await Capabilities.reads.jobSearch.whoAcceptedAJob(among: ids, on: db)
        var result: [UUID: ProgrammeStatus] = [:]
        for graduate in graduates {
            guard let id = graduate.id, let cohortID = graduate.$cohort.id, let programme = programmes[cohortID], !programme.activities.isEmpty else { continue }
            let calendar = programme.calendar
            let today = calendar.day(at: now)
            let activities = programme.activities.map { $0.owed(byOneWhoJoinedOn: joined[id].map(calendar.day(at:))) }
            let records = (evidence[id] ?? ProgrammeRecords()).records(for: activities, calendar: calendar, today: today)
            result[id] = ProgrammeStatus.of(activities: activities, records: records, calendar: calendar, today: today, placed: placed.contains(id),
                                            paused: evidence[id]?.pauseReason != nil)
        }
        return result
    }

    /// The days each of `graduates` posted a standup in the last `StandupRules.streakHorizonDays`
    /// days (and a day's margin for time zones), with its mood: one query however many there are,
    /// a row per graduate (their days joined into one text), not a row per standup.
    func standupDays(of graduates: [UserModel]) async throws -> [UUID: [LocalDate: Int]] {
        let ids = graduates.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let since = LocalDate(now, in: .gmt).adding(days: -(StandupRules.streakHorizonDays + 1)).iso
        let sql = db as! any SQLDatabase
        let joined: SQLQueryString = sql.dialect.name == "sqlite" ? "GROUP_CONCAT(day || ':' || mood, ',')" : "STRING_AGG(day || ':' || CAST(mood AS TEXT), ',')"
        let rows = try await sql.raw("""
            SELECT user_id, \(joined) AS days FROM \(ident: StandupModel.schema)
            WHERE user_id IN \(SQLBind.group(ids)) AND day >= \(bind: since) GROUP BY user_id
            """).all()
        let byText = UUID.byText(ids)
        var result: [UUID: [LocalDate: Int]] = [:]
        for row in rows {
            var days: [LocalDate: Int] = [:]
            // "2026-11-20:3,2026-11-23:2": a day, a colon, a mood.
            for entry in try row.decode(column: "days", as: String.self).split(separator: ",") {
                guard entry.count > 11, let day = LocalDate(iso: String(entry.prefix(10))), let mood = Int(entry.dropFirst(11)) else { continue }
                days[day] = mood
            }
            result[try row.id("user_id", among: byText)] = days
        }
        return result
    }

    /// A cohort's standups of today as `viewer` may see them, or nil if they may not see the board.
    /// A fixed number of queries however large the cohort: its graduates, today's standups, their
    /// coach assignments.
    /// A cohort's standups of its day, as its board shows them.
    struct StandupBoard {
        let cohort: CohortModel
        let today: LocalDate
        /// The cohort's graduates, by name.
        let members: [UserModel]
        /// Each member's coaches, for who may read their private lines.
        let coachIDs: [UUID: Set<String>]
        /// Today's standup of each member who posted it.
        let standups: [UUID: StandupModel]
    }

    func standupBoard(of cohortID: UUID, for viewer: UserModel) async throws -> StandupBoard? {
        guard let cohort = try await CohortModel.find(cohortID, on: db), let zone = TimeZone(identifier: cohort.timeZone) else { return nil }
        let members = try await UserModel.query(on: db).filter(\.$cohort.$id == cohortID).filter(\.$role == .graduate).sort(\.$name).all()
        let ids = members.compactMap(\.id)
        let assignments = ids.isEmpty ? [] : try await CoachAssignmentModel.query(on: db).filter(\.$graduate.$id ~~ ids).all()
        let coaches = Dictionary(grouping: assignments, by: { $0.$graduate.id }).mapValues { Set($0.map { $0.$coach.id.uuidString }) }
        let who = viewer.viewer
        let isMember = viewer.role == .graduate && viewer.$cohort.id == cohortID
        let coachesAMember = coaches.values.contains { $0.contains(who.id) }
        guard Access.canSeeStandupBoard(who, isMember: isMember, coachesAMember: coachesAMember) else { return nil }
        let today = LocalDate(now, in: zone)
        let standups = ids.isEmpty ? [] : try await StandupModel.query(on: db).filter(\.$user.$id ~~ ids).filter(\.$day == today.iso).all()
        return StandupBoard(cohort: cohort, today: today, members: members, coachIDs: coaches,
                            standups: Dictionary(standups.map { ($0.$user.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The figures of `week` for `graduateID`: applications sent, interviews held, standups posted.
    func figures(of graduateID: UUID, week: Int, calendar: ProgrammeCalendar) async throws -> RetrospectiveFigures {
        let days = calendar.days(ofWeek: week)
        let applications = try await Capabilities.reads.jobSearch.applicationsSent(by: graduateID, in: days, on: db)
        let interviews = try await Capabilities.reads.jobSearch.interviews(
            of: graduateID, from: calendar.start(of: days.lowerBound), to: calendar.start(of: days.upperBound.adding(days: 1)), on: db
        ).map { calendar.day(at: $0) }
        let standups = try await StandupModel.query(on: db).filter(\.$user.$id == graduateID)
            .filter(\.$day >= days.lowerBound.iso).filter(\.$day <= days.upperBound.iso).all().compactMap { LocalDate(iso: $0.day) }
        return RetrospectiveFigures.count(in: days, applications: applications, interviews: interviews, standups: standups)
    }

    /// `graduate`'s retrospectives, the latest week first.
    func retrospectives(of graduateID: UUID) async throws -> [RetrospectiveModel] {
        try await RetrospectiveModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$week, .descending).all()
    }

    /// Writes `graduate`'s retrospective of `week` (this week or one that has ended), or rewrites
    /// it; the week's figures are read again each time.
    @discardableResult
    func writeRetrospective(_ draft: RetrospectiveDraft, week: Int, for graduate: UserModel) async throws -> RetrospectiveModel {
        guard let standing = try await standing(of: graduate) else { throw Refusal.notFound("Your cohort has no programme yet.") }
        guard let weeks = RetrospectiveDraft.writableWeeks(on: standing.today, calendar: standing.calendar), weeks.contains(week) else {
            // The week is fine as a number; it is the clock that has not reached it.
            throw Refusal.conflict("Write the retrospective of this week or of one that has ended.", field: "week")
        }
        let graduateID = try graduate.requireID()
        let figures = try await figures(of: graduateID, week: week, calendar: standing.calendar)
        let today = standing.today
        @Sendable func write(_ db: any Database) async throws -> RetrospectiveModel {
            if let existing = try await RetrospectiveModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$week == week).first() {
                existing.apply(draft, figures: figures)
                try await existing.save(on: db)
                return existing
            }
            let written = RetrospectiveModel(userID: graduateID, week: week, draft: draft, figures: figures, writtenOn: today)
            try await written.create(on: db)
            return written
        }
        do {
            return try await db.writeTransaction(write)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same week written from two tabs at once: the later one rewrites the first.
            return try await write(db)
        }
    }

    /// `graduate`'s standing today, or nil when their cohort has no programme. Five queries: the
    /// cohort with its programme, when the graduate joined, their records (a pause among them),
    /// today's standup, and whether they accepted a job.
    func standing(of graduate: UserModel) async throws -> Standing? {
        guard let cohortID = graduate.$cohort.id, let programme = try await programme(ofCohort: cohortID) else { return nil }
        let calendar = programme.calendar
        let today = calendar.day(at: now)
        let graduateID = try graduate.requireID()
        // One who joined mid-way owes nothing of the weeks before they joined.
        let joined = try await Capabilities.reads.accounts.joined([graduateID], on: db)[graduateID].map(calendar.day(at:))
        let activities = programme.activities.map { $0.owed(byOneWhoJoinedOn: joined) }
        let evidence = try await RecordsUseCases(db: db, now: now).evidence(of: [graduateID])[graduateID] ?? ProgrammeRecords()
        let records = evidence.records(for: activities, calendar: calendar, today: today)
        return Standing(
            calendar: calendar, today: today, activities: activities, records: records,
            roadMap: RoadMap.on(today, activities: activities, records: records, calendar: calendar),
            status: ProgrammeStatus.of(activities: activities, records: records, calendar: calendar, today: today,
                                       placed: try await Capabilities.reads.jobSearch.hasAcceptedAJob(graduateID, on: db), paused: evidence.pauseReason != nil),
            standupPosted: evidence.standups.contains(today), standupTime: programme.standupTime, pauseReason: evidence.pauseReason)
    }

    /// `graduate`'s standup of `today`, if posted.
    func todaysStandup(of graduate: UserModel, today: LocalDate) async throws -> StandupModel? {
        try await StandupModel.query(on: db).filter(\.$user.$id == graduate.requireID()).filter(\.$day == today.iso).first()
    }

    /// Pauses `graduate`'s programme with `reason` (an admin's decision, checked by the caller), or
    /// resumes it when `reason` is nil. Pausing twice keeps the first pause.
    func setPause(of graduate: UserModel, reason: String?, by admin: UserModel) async throws {
        let graduateID = try graduate.requireID()
        guard let reason else {
            try await ProgrammePauseModel.query(on: db).filter(\.$user.$id == graduateID).delete()
            return
        }
        guard try await ProgrammePauseModel.query(on: db).filter(\.$user.$id == graduateID).count() == 0 else { return }
        do {
            try await ProgrammePauseModel(userID: graduateID, pausedByID: admin.requireID(), reason: reason, since: LocalDate(now, in: .gmt)).create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Paused by another request at the same moment: it stays paused, once.
        }
    }

    /// Marks `activityKey` done or skipped for `graduate`, for `day` (today when nil). A daily task
    /// is marked for today; a weekly one for a day of this week or of a week that has ended (last
    /// week's, done late); one due by a week is counted on the day it is marked. Only what is not
    /// required can be skipped, and only today. A second mark of the same day replaces the first.
    func mark(_ activityKey: String, for rawDay: String?, as mark: ActivityRecord.Mark, for graduate: UserModel) async throws {
        guard let standing = try await standing(of: graduate) else { throw Refusal.notFound("Your cohort has no programme yet.") }
        guard let activity = standing.activities.first(where: { $0.id == activityKey }) else {
            throw Refusal.notFound("Your programme has no such activity: choose one of your road map.")
        }
        // The others have records of their own: a standup, a retrospective, a goal are written, not marked.
        guard activity.kind == .custom else {
            throw Refusal.conflict("\(activity.title) is recorded on its own page, not marked done.", field: "activity")
        }
        let today = standing.today
        var day = today
        if let rawDay, !rawDay.isEmpty {
            guard let parsed = LocalDate(iso: rawDay) else { throw ValidationErrors.one("day", "Enter the day as YYYY-MM-DD.") }
            day = parsed
        }
        switch activity.schedule {
        case .daily, .byWeek:
            guard day == today else { throw ValidationErrors.one("day", "\(activity.title) is marked for today.") }
        case .weekly:
            guard day <= today, standing.calendar.week(of: day) >= 1 else { throw ValidationErrors.one("day", "Choose a week of the programme that has begun.") }
        }
        if mark == .skipped && (activity.isRequired || day != today) {
            throw Refusal.conflict("\(activity.title) is required: it cannot be skipped.", field: "activity")
        }
        let graduateID = try graduate.requireID()
        let markedDay = day
        do {
            try await db.writeTransaction { db in
                let day = markedDay
                try await ActivityMarkModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$activityKey == activityKey).filter(\.$day == day.iso).delete()
                try await ActivityMarkModel(userID: graduateID, activityKey: activityKey, day: day, writtenOn: today, mark: mark).create(on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two marks of the same day at once (two tabs): the later one stands.
            try await ActivityMarkModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$activityKey == activityKey).filter(\.$day == markedDay.iso)
                .set(\.$mark, to: mark.rawValue).set(\.$writtenOn, to: today.iso).update()
        }
    }

    /// Posts `graduate`'s standup of today, or edits it if they posted one already. Late when
    /// first posted after the cohort's standup time.
    @discardableResult
    func postStandup(_ draft: StandupDraft, for graduate: UserModel) async throws -> (standup: StandupModel, isNew: Bool) {
        guard let standing = try await standing(of: graduate) else { throw Refusal.notFound("Your cohort has no programme yet.") }
        let graduateID = try graduate.requireID()
        let today = standing.today
        let late = StandupRules.isLate(postedAt: now, for: today, at: standing.standupTime, in: standing.calendar.timeZone)
        let now = self.now
        // The standup and the request for help it opens are one write; the graduate's saves
        // (two tabs at once) take turns on their own row, so one day has one of each.
        return try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: graduateID)
            let saved: (standup: StandupModel, isNew: Bool)
            if let existing = try await StandupModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$day == today.iso).first() {
                existing.apply(draft)
                try await existing.save(on: db)
                saved = (existing, false)
            } else {
                let standup = StandupModel(userID: graduateID, day: today, draft: draft, late: late)
                try await standup.create(on: db)
                saved = (standup, true)
            }
            if draft.wantsHelp {
                try await Capabilities.reads.coaching.askForHelp(graduateID, atStandupOf: today, concerns: draft.blockers, on: db, now: now)
            }
            return saved
        }
    }
}

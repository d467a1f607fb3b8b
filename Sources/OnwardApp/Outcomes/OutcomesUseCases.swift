import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The bootcamp's outcomes: each graduate's enrolment and outcomes as recorded, the placements
/// they recorded (proposals until confirmed), and the CIRR report of a cohort, counted by
/// `Outcomes.report` in Core.
struct OutcomesUseCases: UseCases {
    let db: any Database
    let now: Date
    /// Where the reports are kept between views; nil counts them afresh every time.
    let memo: OutcomesMemo?

    init(db: any Database, now: Date) {
        self.init(db: db, now: now, memo: nil)
    }

    init(db: any Database, now: Date, memo: OutcomesMemo?) {
        self.db = db
        self.now = now
        self.memo = memo
    }

    /// For the reports: those kept by this instance while nothing they count has changed.
    static func kept(_ req: Request) -> OutcomesUseCases {
        OutcomesUseCases(db: req.db, now: req.now, memo: req.application.outcomesMemo)
    }

    static let noSuchCohort = Refusal.notFound("There is no such cohort, or it is not one you read.")
    /// A course's length when no enrolment says when a student began: twelve weeks.
    static let assumedCourseDays = 84

    /// One student, with what the count reads of them and where it comes from.
    struct Student {
        let person: UserModel
        let record: StudentRecord
        let enrolment: EnrolmentModel?
        let outcomes: [OutcomeRecordModel]
        /// Placements no outcome confirms yet.
        let proposals: [PlacementFact]
        let placements: [PlacementFact]
    }

    /// The cohorts `viewer` reads the outcomes of: every one for an admin; for a coach, those of
    /// the graduates they coach. Newest course end first.
    func cohorts(for viewer: UserModel) async throws -> [CohortModel] {
        var query = CohortModel.query(on: db).sort(\.$courseEndDate, .descending).sort(\.$name)
        if viewer.role != .admin {
            guard Access.readsOutcomes(viewer.viewer) else { return [] }
            let coached = try await Policy(db: db).coachedGraduateIDs(of: viewer)
            let cohortIDs = try await UserModel.query(on: db).filter(\.$id ~~ coached).all(\.$cohort.$id).compactMap { $0 }
            query = query.filter(\.$id ~~ Set(cohortIDs))
        }
        return try await query.all()
    }

    /// Cohort `rawID`, if `viewer` reads it.
    func cohort(_ rawID: String, for viewer: UserModel) async throws -> CohortModel {
        guard let id = UUID(uuidString: rawID), let cohort = try await cohorts(for: viewer).first(where: { $0.id == id }) else { throw Self.noSuchCohort }
        return cohort
    }

    /// A graduate as the report counts them: who, their cohort, and their record.
    struct Reported {
        let id: String
        let name: String
        let cohortID: String
        let record: StudentRecord
    }

    /// An enrolment and a confirmed outcome as the count reads them.
    struct Enrolled {
        let enrolledOn: String
        let state: EnrolmentState
        let stateOn: String?
        let intent: Intent
    }

    struct Confirmed {
        let code: OutcomeCode
        let beganOn: String
        let salary: Salary?
        let placementID: UUID?
    }

    /// Every graduate of `cohorts` with their records, in three statements however many. Read
    /// as plain rows, not models: a report of 5,000 graduates spent most of its time turning
    /// rows into models (bench/RESULTS.md).
    func students(of cohorts: [CohortModel]) async throws -> [Reported] {
        let ids = cohorts.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let graduates = SQLQueryString("SELECT g.id FROM users g WHERE g.role = \(bind: Role.graduate.rawValue) AND g.cohort_id IN \(SQLBind.group(ids))")
        let people = try await sql.raw("""
            SELECT u.id, u.name, u.cohort_id, e.enrolled_on, e.state, e.state_on, e.intent
            FROM users u LEFT JOIN enrolments e ON e.user_id = u.id
            WHERE u.id IN (\(graduates)) ORDER BY u.name, u.id
            """).all()
        guard !people.isEmpty else { return [] }
        let outcomeRows = try await sql.raw("""
            SELECT user_id, code, began_on, salary_from, salary_to, placement_id FROM outcome_records
            WHERE user_id IN (\(graduates)) ORDER BY began_on, documented_at
            """).all()
        var outcomes: [String: [Confirmed]] = [:]
        for row in outcomeRows {
            guard let code = OutcomeCode(rawValue: try row.decode(column: "code", as: String.self)) else { continue }
            let low = try row.decode(column: "salary_from", as: Int?.self), high = try row.decode(column: "salary_to", as: Int?.self)
            outcomes[try row.text("user_id"), default: []].append(Confirmed(
                code: code, beganOn: try row.decode(column: "began_on", as: String.self), salary: OutcomeRecordModel.salary(low, high),
                placementID: try row.decode(column: "placement_id", as: UUID?.self)))
        }
        var found: [(id: UUID, text: String, name: String, cohortID: String, enrolled: Enrolled?)] = []
        for row in people {
            let text = try row.text("id")
            guard let id = UUID(uuidString: text) else { continue }
            var enrolled: Enrolled?
            if let day = try row.decode(column: "enrolled_on", as: String?.self),
               let state = EnrolmentState(rawValue: try row.decode(column: "state", as: String?.self) ?? ""),
               let intent = Intent(rawValue: try row.decode(column: "intent", as: String?.self) ?? "") {
                enrolled = Enrolled(enrolledOn: day, state: state, stateOn: try row.decode(column: "state_on", as: String?.self), intent: intent)
            }
            found.append((id, text, try row.decode(column: "name", as: String.self), try row.text("cohort_id"), enrolled))
        }
        let placements = try await Capabilities.reads.jobSearch.placements(of: found.map(\.id), on: db)
        // Each cohort's planned end and today in its zone, once a cohort rather than once a graduate.
        var calendars: [String: (plannedEnd: LocalDate, today: LocalDate)] = [:]
        for cohort in cohorts { calendars[cohort.requireIDString] = Self.calendar(of: cohort, now: now) }
        return found.compactMap { person in
            guard let calendar = calendars[person.cohortID] else { return nil }
            let (record, _) = Self.record(id: person.text, plannedEnd: calendar.plannedEnd, today: calendar.today, enrolment: person.enrolled,
                                          outcomes: outcomes[person.text] ?? [], placements: placements[person.id] ?? [])
            return Reported(id: person.text, name: person.name, cohortID: person.cohortID, record: record)
        }
    }

    /// A cohort's planned course end, and today in its zone.
    static func calendar(of cohort: CohortModel, now: Date) -> (plannedEnd: LocalDate, today: LocalDate) {
        (LocalDate(iso: cohort.courseEndDate) ?? LocalDate(Date(timeIntervalSince1970: 0), in: .gmt), LocalDate(now, in: TimeZone(identifier: cohort.timeZone) ?? .gmt))
    }

    /// `person`'s record as the count reads it at `now`, with the models it comes from.
    static func student(_ person: UserModel, cohort: CohortModel, enrolment: EnrolmentModel?, outcomes: [OutcomeRecordModel], placements: [PlacementFact], now: Date) -> Student {
        let calendar = calendar(of: cohort, now: now)
        let (record, proposals) = record(
            id: person.requireIDString, plannedEnd: calendar.plannedEnd, today: calendar.today,
            enrolment: enrolment.map { Enrolled(enrolledOn: $0.enrolledOn, state: $0.state, stateOn: $0.stateOn, intent: $0.intent) },
            outcomes: outcomes.map { Confirmed(code: $0.code, beganOn: $0.beganOn, salary: $0.salary, placementID: $0.placementID) }, placements: placements)
        return Student(person: person, record: record, enrolment: enrolment, outcomes: outcomes, proposals: proposals, placements: placements)
    }

    /// A record as the count reads it, with the placements no outcome confirms yet. With no
    /// enrolment recorded, the graduate counts as graduating on the cohort's course end once it
    /// has come, studying before.
    static func record(id: String, plannedEnd: LocalDate, today: LocalDate, enrolment: Enrolled?, outcomes: [Confirmed],
                       placements: [PlacementFact]) -> (StudentRecord, proposals: [PlacementFact]) {
        let enrolledOn = enrolment.flatMap { LocalDate(iso: $0.enrolledOn) } ?? plannedEnd.adding(days: -assumedCourseDays)
        let state: Enrolment
        switch (enrolment?.state, enrolment?.stateOn.flatMap(LocalDate.init(iso:))) {
        case (.studying?, _): state = .studying
        case (.withdrew?, let day?): state = .withdrew(on: day)
        case (.graduated?, let day?): state = .graduated(on: day)
        default: state = plannedEnd <= today ? .graduated(on: plannedEnd) : .studying
        }
        let confirmed = Set(outcomes.compactMap(\.placementID))
        let proposals = placements.filter { !confirmed.contains($0.id) }
        let recorded = outcomes.compactMap { outcome in
            LocalDate(iso: outcome.beganOn).map { RecordedOutcome(outcome.code, on: $0, documented: true, salary: outcome.salary) }
        } + proposals.map { RecordedOutcome(OutcomeCode.proposed(by: $0.employmentType, inField: $0.inField), on: $0.acceptedOn, documented: false, salary: .exact($0.salary)) }
        return (StudentRecord(id: id, enrolledOn: enrolledOn, plannedEnd: plannedEnd, enrolment: state, intent: enrolment?.intent, outcomes: recorded), proposals)
    }

    /// One report: a cohort's (nil: all cohorts') in a half-year.
    struct Row {
        let half: HalfYear
        let cohort: CohortModel?
        let report: OutcomeReport
    }

    /// Each cohort's report in each half-year its students were planned to graduate in, then all
    /// cohorts' of each half-year; newest half-year first, all cohorts' after its cohorts'.
    /// Four statements for an admin (six for a coach), or two while the reports kept in `memo` stand.
    func reports(for viewer: UserModel) async throws -> (cohorts: Int, rows: [Row]) {
        let cohorts = try await cohorts(for: viewer)
        let counted: OutcomesMemo.Reports
        if let memo {
            counted = try await memo.reports(of: cohorts, now: now, on: db) { try await count(cohorts) }
        } else {
            counted = try await count(cohorts)
        }
        let rows = Dictionary(grouping: cohorts.flatMap { cohort in
            (counted.byCohort[cohort.requireIDString] ?? []).map { Row(half: $0.half, cohort: cohort, report: $0.report) }
        }, by: \.half)
        // Each half-year's cohorts in the order read (newest course end first), then their total.
        return (cohorts.count, counted.all.flatMap { all in (rows[all.half] ?? []) + [Row(half: all.half, cohort: nil, report: all.report)] })
    }

    /// The reports of `cohorts`, each cohort's and all of theirs, counted afresh.
    private func count(_ cohorts: [CohortModel]) async throws -> OutcomesMemo.Reports {
        let students = try await students(of: cohorts)
        let byCohort = Dictionary(grouping: students, by: \.cohortID).mapValues { Self.reports(of: $0).map { OutcomesMemo.HalfYearReport(half: $0.half, report: $0.report) } }
        return OutcomesMemo.Reports(byCohort: byCohort, all: Self.reports(of: students).map { OutcomesMemo.HalfYearReport(half: $0.half, report: $0.report) })
    }

    /// The report of `students` for each half-year, newest first.
    static func reports(of students: [Reported]) -> [(half: HalfYear, report: OutcomeReport)] {
        Outcomes.byHalfYear(students.map(\.record)).sorted { $0.key > $1.key }.map { ($0.key, Outcomes.report(of: $0.value)) }
    }

    /// Graduate `rawID` with their records, for whoever records outcomes for them.
    func student(_ rawID: String, for viewer: UserModel) async throws -> (Student, CohortModel) {
        let scope = try await Policy(db: db).scope(of: rawID, for: viewer)
        guard scope.canRecordOutcomes, let found = try await student(scope.person) else { throw Refusal.notFound() }
        return found
    }

    /// `person`'s records and cohort, read for one graduate (the policy already asked); nil for
    /// one without a cohort.
    func student(_ person: UserModel) async throws -> (Student, CohortModel)? {
        guard let cohortID = person.$cohort.id, let cohort = try await CohortModel.find(cohortID, on: db) else { return nil }
        let id = try person.requireID()
        let enrolment = try await EnrolmentModel.query(on: db).filter(\.$user.$id == id).first()
        let outcomes = try await OutcomeRecordModel.query(on: db).filter(\.$user.$id == id).sort(\.$beganOn).sort(\.$documentedAt).with(\.$documentedBy).all()
        let placements = try await Capabilities.reads.jobSearch.placements(of: [id], on: db)[id] ?? []
        return (Self.student(person, cohort: cohort, enrolment: enrolment, outcomes: outcomes, placements: placements, now: now), cohort)
    }

    /// Records (or corrects) `person`'s enrolment and first-day intent.
    func recordEnrolment(of person: UserModel, _ draft: EnrolmentDraft, by staff: UserModel) async throws {
        let id = try person.requireID(), staffID = try staff.requireID(), now = self.now
        try await db.writeTransaction { db in
            // Two first saves at once take turns: the second updates what the first made.
            try await db.lockRow(of: UserModel.schema, id: id)
            let enrolment = try await EnrolmentModel.query(on: db).filter(\.$user.$id == id).first() ?? EnrolmentModel()
            enrolment.$user.id = id
            enrolment.enrolledOn = draft.enrolledOn.iso
            enrolment.state = draft.state
            enrolment.stateOn = draft.stateOn?.iso
            enrolment.intent = draft.intent
            enrolment.intentNote = draft.intentNote
            enrolment.$recordedBy.id = staffID
            enrolment.recordedAt = now
            try await enrolment.save(on: db)
        }
    }

    /// Records an outcome of `person` with its documentation; with `placement`, the placement
    /// they recorded that it confirms (one of theirs, not confirmed yet).
    @discardableResult
    func recordOutcome(of person: UserModel, _ draft: OutcomeDraft, confirming rawPlacement: String?, by staff: UserModel) async throws -> OutcomeRecordModel {
        let id = try person.requireID()
        var placementID: UUID?
        if let rawPlacement, !rawPlacement.isEmpty {
            let theirs = try await Capabilities.reads.jobSearch.placements(of: [id], on: db)[id] ?? []
            guard let placement = UUID(uuidString: rawPlacement), theirs.contains(where: { $0.id == placement }) else {
                throw Refusal(.notFound, "That job is not one this graduate recorded.", field: "placement_id")
            }
            placementID = placement
        }
        let record = OutcomeRecordModel(userID: id, draft: draft, placementID: placementID, by: try staff.requireID(), at: now)
        let confirming = placementID
        try await db.writeTransaction { db in
            // Two confirmations of one job at once take turns.
            try await db.lockRow(of: UserModel.schema, id: id)
            if let confirming, try await OutcomeRecordModel.query(on: db).filter(\.$placementID == confirming).count() > 0 {
                throw Refusal.conflict("Someone confirmed this job a moment ago.")
            }
            try await record.create(on: db)
        }
        return record
    }
}

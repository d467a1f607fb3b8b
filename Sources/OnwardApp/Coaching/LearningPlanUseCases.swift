import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// Individual Learning Plans: a graduate asks for one or a coach of theirs starts one; the coach
/// records meetings with notes and recommendations; the graduate moves each recommendation. The
/// notes are read by the graduate and their coaches only (`Access.canReadLearningPlanNotes`).
struct LearningPlanUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A plan with its meetings (the latest first) and recommendations.
    struct Detail {
        let plan: LearningPlanModel
        let graduate: UserModel
        let coach: PersonName?
        let meetings: [PlanMeetingModel]
        let recommendations: [RecommendationModel]
        let scope: Policy.Scope
        let today: LocalDate

        /// The next meeting of an active plan (never before today).
        var nextMeeting: LocalDate? { LearningPlanUseCases.nextMeeting(of: plan, lastHeld: meetings.first.flatMap { LocalDate(iso: $0.heldOn) }, today: today) }
        var overdue: [RecommendationModel] { recommendations.filter { $0.isOverdue(today: today) } }
    }

    /// A plan on a coach's list.
    struct Row {
        let plan: LearningPlanModel
        let graduate: UserModel
        let nextMeeting: LocalDate?
        let overdue: Int
    }

    static let noSuchPlan = Refusal.notFound("There is no such learning plan.")

    static func nextMeeting(of plan: LearningPlanModel, lastHeld: LocalDate?, today: LocalDate) -> LocalDate? {
        guard plan.state == .active, let started = plan.startedOn.flatMap(LocalDate.init(iso:)) else { return nil }
        return LearningPlanRules.nextMeeting(cadence: plan.cadence, started: started, lastMeeting: lastHeld, today: today)
    }

    /// The plan of `graduateID` that is asked for or active, if any.
    func current(of graduateID: UUID, on db: (any Database)? = nil) async throws -> LearningPlanModel? {
        try await LearningPlanModel.query(on: db ?? self.db).filter(\.$user.$id == graduateID).filter(\.$state != .finished).sort(\.$askedAt, .descending).first()
    }

    /// The graduate asks for a plan. One at a time: asking while one is asked for or active is a
    /// conflict (409), and asking twice at once gives one plan.
    @discardableResult
    func ask(_ focusAreas: String, for graduate: UserModel) async throws -> LearningPlanModel {
        let draft = try LearningPlanDraft.validate(focusAreas: focusAreas, cadence: MeetingCadence.fortnightly.rawValue)
        let graduateID = try graduate.requireID()
        let plan = LearningPlanModel(userID: graduateID, coachID: nil, draft: draft, state: .requested, startedOn: nil, at: now)
        try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: graduateID)
            if let existing = try await current(of: graduateID, on: db) {
                throw Refusal.conflict(existing.state == .requested
                    ? "You have asked for a plan already; your coach will start it." : "You have an active plan already.")
            }
            try await plan.create(on: db)
        }
        return plan
    }

    /// A coach of the graduate starts their plan: the one they asked for, or a new one. Starting
    /// while one is active is a conflict (409).
    @discardableResult
    func start(for rawGraduateID: String, _ draft: LearningPlanDraft, by coach: UserModel) async throws -> LearningPlanModel {
        let scope = try await Policy(db: db).scope(of: rawGraduateID, for: coach)
        guard scope.canCoachLearningPlan else { throw Refusal.notFound() }
        let graduateID = try scope.person.requireID()
        let coachID = try coach.requireID()
        let today = scope.person.today(at: now)
        let now = self.now
        return try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: graduateID)
            let existing = try await current(of: graduateID, on: db)
            if existing?.state == .active {
                throw Refusal.conflict("\(scope.person.name) has an active plan already.")
            }
            let plan = existing ?? LearningPlanModel(userID: graduateID, coachID: coachID, draft: draft, state: .active, startedOn: today, at: now)
            plan.$coach.id = coachID
            plan.focusAreas = draft.focusAreas
            plan.cadence = draft.cadence
            plan.state = .active
            plan.startedOn = today.iso
            try await plan.save(on: db)
            return plan
        }
    }

    /// Plan `rawID` as `viewer` may see it: the graduate, and the coaches of the graduate.
    func detail(of rawID: String, for viewer: UserModel) async throws -> Detail {
        let (plan, graduate, scope) = try await visible(rawID, for: viewer)
        let id = try plan.requireID()
        let meetings = try await PlanMeetingModel.query(on: db).filter(\.$plan.$id == id).sort(\.$heldOn, .descending).sort(\.$createdAt, .descending).all()
        let recommendations = try await RecommendationModel.query(on: db).filter(\.$plan.$id == id).all()
            .sorted { ($0.state == .done ? 1 : 0, $0.due ?? "9999", $0.description) < ($1.state == .done ? 1 : 0, $1.due ?? "9999", $1.description) }
        var coach: PersonName?
        if let coachID = plan.$coach.id, let user = try await UserModel.find(coachID, on: db) { coach = PersonName(user.name, role: user.role) }
        return Detail(plan: plan, graduate: graduate, coach: coach, meetings: meetings, recommendations: recommendations, scope: scope,
                      today: graduate.today(at: now))
    }

    private func visible(_ rawID: String, for viewer: UserModel) async throws -> (LearningPlanModel, UserModel, Policy.Scope) {
        guard let id = UUID(uuidString: rawID), let plan = try await LearningPlanModel.find(id, on: db),
              let graduate = try await UserModel.find(plan.$user.id, on: db)
        else { throw Self.noSuchPlan }
        let scope = try await Policy(db: db).scope(of: graduate, for: viewer)
        guard scope.canReadLearningPlanNotes else { throw Self.noSuchPlan }
        return (plan, graduate, scope)
    }

    /// A coach of the graduate records a meeting of an active plan with its recommendations, in one transaction.
    @discardableResult
    func recordMeeting(on rawID: String, by coach: UserModel, _ validate: (_ today: LocalDate) throws(ValidationErrors) -> MeetingDraft) async throws -> PlanMeetingModel {
        let (plan, graduate, scope) = try await visible(rawID, for: coach)
        guard scope.canCoachLearningPlan else { throw Self.noSuchPlan }
        guard plan.state == .active, let started = plan.startedOn.flatMap(LocalDate.init(iso:)) else {
            throw Refusal.conflict(plan.state == .finished ? "This plan is finished." : "Start the plan first.")
        }
        let draft = try validate(graduate.today(at: now))
        if let conflict = MeetingDraft.conflict(heldOn: draft.heldOn, started: started) { throw Refusal.conflict(conflict) }
        let planID = try plan.requireID()
        let meeting = PlanMeetingModel(planID: planID, heldOn: draft.heldOn, notes: draft.notes, recordedByID: try coach.requireID())
        try await db.transaction { db in
            try await meeting.create(on: db)
            for recommendation in draft.recommendations {
                try await RecommendationModel(planID: planID, meetingID: meeting.requireID(), draft: recommendation).create(on: db)
            }
        }
        return meeting
    }

    /// A coach of the graduate finishes an active or asked-for plan.
    @discardableResult
    func finish(_ rawID: String, by coach: UserModel) async throws -> LearningPlanModel {
        let (plan, graduate, scope) = try await visible(rawID, for: coach)
        guard scope.canCoachLearningPlan else { throw Self.noSuchPlan }
        guard plan.state != .finished else { throw Refusal.conflict("This plan is finished already.") }
        plan.state = .finished
        plan.finishedOn = graduate.today(at: now).iso
        try await plan.save(on: db)
        return plan
    }

    /// A coach of the graduate sets when and where the plan's meetings happen, while it is not finished.
    func setMeetingPlace(_ place: MeetingWhere, on rawID: String, by coach: UserModel) async throws {
        let (plan, _, scope) = try await visible(rawID, for: coach)
        guard scope.canCoachLearningPlan else { throw Self.noSuchPlan }
        guard plan.state != .finished else { throw Refusal.conflict("This plan is finished.") }
        plan.meetingTime = place.time?.description
        plan.meetingLink = place.link.isEmpty ? nil : place.link
        plan.meetingPlace = place.place.isEmpty ? nil : place.place
        try await plan.save(on: db)
    }

    /// The graduate moves one of their recommendations (to do, doing, done) and links what they made.
    @discardableResult
    func progress(_ rawID: String, _ progress: RecommendationProgress, by graduate: UserModel) async throws -> RecommendationModel {
        guard let id = UUID(uuidString: rawID), let recommendation = try await RecommendationModel.find(id, on: db),
              let plan = try await LearningPlanModel.find(recommendation.$plan.id, on: db), plan.$user.id == graduate.id
        else { throw Refusal.notFound("There is no such recommendation.") }
        guard LearningPlanRules.recommendationsMove(inA: plan.state) else {
            throw Refusal.conflict(LearningPlanRules.finishedPlanKeeps)
        }
        recommendation.state = progress.state
        if progress.namesOutcomeLink { recommendation.outcomeLink = progress.outcomeLink ?? "" }
        try await recommendation.save(on: db)
        return recommendation
    }

    /// The plans of the graduates `coach` coaches: asked for and active, with their next meeting
    /// and overdue recommendations. A fixed number of queries however many graduates.
    func plans(for coach: UserModel) async throws -> [Row] {
        guard Access.keepsLearningPlans(coach.viewer) else { return [] }
        let graduates = try await Policy(db: db).visiblePeople(for: coach).filter { $0.role == .graduate }
        let byID = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, graduate) } }, uniquingKeysWith: { first, _ in first })
        guard !byID.isEmpty else { return [] }
        let plans = try await LearningPlanModel.query(on: db).filter(\.$user.$id ~~ Array(byID.keys)).filter(\.$state != .finished).all()
        let facts = try await planFacts(of: plans.compactMap(\.id))
        return plans.compactMap { plan -> Row? in
            guard let id = plan.id, let graduate = byID[plan.$user.id] else { return nil }
            let today = graduate.today(at: now)
            let fact = facts[id]
            return Row(plan: plan, graduate: graduate, nextMeeting: Self.nextMeeting(of: plan, lastHeld: fact?.lastHeld, today: today),
                       overdue: fact?.dues.filter { $0 < today }.count ?? 0)
        }.sorted { ($0.plan.state == .requested ? 0 : 1, $0.nextMeeting?.iso ?? "", $0.graduate.name) < ($1.plan.state == .requested ? 0 : 1, $1.nextMeeting?.iso ?? "", $1.graduate.name) }
    }

    /// For each plan: the day of its last meeting, and the due days of its recommendations not done.
    func planFacts(of planIDs: [UUID]) async throws -> [UUID: (lastHeld: LocalDate?, dues: [LocalDate])] {
        guard !planIDs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let ids = SQLBind.group(planIDs)
        let rows = try await sql.raw("""
            SELECT plan_id AS plan, 'meeting' AS what, MAX(held_on) AS day FROM plan_meetings WHERE plan_id IN \(ids) GROUP BY plan_id
            UNION ALL SELECT plan_id, 'due', due FROM recommendations WHERE plan_id IN \(ids) AND state <> 'done' AND due IS NOT NULL
            """).all()
        var result: [UUID: (lastHeld: LocalDate?, dues: [LocalDate])] = [:]
        for row in rows {
            let plan = try row.decode(column: "plan", as: UUID.self)
            guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            var entry = result[plan] ?? (nil, [])
            if try row.decode(column: "what", as: String.self) == "meeting" { entry.lastHeld = day } else { entry.dues.append(day) }
            result[plan] = entry
        }
        return result
    }
}

import Fluent
import OnwardCore
import Vapor

/// Individual Learning Plans on the web: the graduate's plan (or asking for one), a coach's
/// plans and starting one, a plan's page with its meetings, and moving a recommendation.
struct LearningPlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.followsProgramme))
        graduate.get(.coaching(.plan), use: plan)
        graduate.post(.coaching(.plan), use: ask)
        graduate.post(.coaching(.recommendation(id: SiteURL.key(SiteURL.Parameter.id))), use: progress)
        let coach = routes.grouped(Require(Access.keepsLearningPlans))
        coach.get(.coaching(.plans), use: plans)
        coach.post(.coaching(.plans), use: start)
        coach.post(.coaching(.meetings(planID: SiteURL.key(SiteURL.Parameter.id))), use: recordMeeting)
        coach.post(.coaching(.finishPlan(id: SiteURL.key(SiteURL.Parameter.id))), use: finish)
        routes.grouped(Require.signedIn).get(.coaching(.learningPlan(id: SiteURL.key(SiteURL.Parameter.id))), use: learningPlan)
    }

    // MARK: The graduate's plan

    private func askPage(_ req: Request, form: LearningPlanForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let finished = try await LearningPlanModel.query(on: req.db).filter(\.$user.$id == viewer.requireID()).filter(\.$state == .finished)
            .sort(\.$askedAt, .descending).all()
        return req.render(AskForPlanPage(finished: finished.map { plan in
            (title: "Finished on " + Formats.day(iso: plan.finishedOn ?? ""), url: SiteURL.coaching(.learningPlan(id: plan.requireIDString)).path)
        }, form: form, errors: errors), status: status)
    }

    func plan(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        guard let current = try await LearningPlanUseCases(req: req).current(of: viewer.requireID()) else { return try await askPage(req) }
        return try await planPage(req, id: current.requireIDString)
    }

    func ask(req: Request) async throws -> Response {
        let form = try req.form(LearningPlanForm.self)
        do {
            try await LearningPlanUseCases(req: req).ask(form.focus_areas ?? "", for: req.requireUser())
            return req.redirect(to: .coaching(.plan), flash: "Asked. A coach of yours will start the plan with you.")
        } catch let errors as ValidationErrors {
            return try await askPage(req, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.plan).path).flash(.error, error.message, on: req)
        }
    }

    func progress(req: Request) async throws -> Response {
        let form = try req.form(ProgressForm.self)
        let useCases = LearningPlanUseCases(req: req)
        do {
            let progress = try RecommendationProgress.validate(state: form.state ?? "", outcomeLink: form.outcome_link ?? "")
            let recommendation = try await useCases.progress(req.parameter(SiteURL.Parameter.id), progress, by: req.requireUser())
            return req.redirect(to: .coaching(.learningPlan(id: recommendation.$plan.id.uuidString)), flash: "Saved: \(progress.state.title.lowercased()).")
        } catch let errors as ValidationErrors {
            return req.redirect(to: SiteURL.coaching(.plan).path).flash(.error, errors.errors.first?.message ?? "Check the recommendation.", on: req)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.plan).path).flash(.error, error.message, on: req)
        }
    }

    // MARK: One plan

    private func planPage(_ req: Request, id: String, meetingForm: MeetingForm? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let detail = try await LearningPlanUseCases(req: req).detail(of: id, for: viewer)
        let plan = detail.plan
        let isSelf = detail.scope.isSelf
        let coaches = detail.scope.canCoachLearningPlan && plan.state == .active
        let page = LearningPlanPage(
            heading: isSelf ? "Your learning plan" : "\(detail.graduate.name)'s learning plan",
            graduateURL: isSelf ? nil : SiteURL.programme(.graduate(id: detail.graduate.requireIDString)).path,
            state: plan.state, coach: detail.coach, cadence: plan.cadence.title, focusAreas: plan.focusAreas,
            asked: Formats.dayAndTime(plan.askedAt, zone: viewer.timeZone), nextMeeting: detail.nextMeeting?.display,
            recommendations: detail.recommendations.map { item in
                LearningPlanPage.Recommendation(
                    kind: item.kind.title, description: item.description, link: item.link.isEmpty ? nil : item.link, due: item.due.map(Formats.day(iso:)),
                    state: item.state, isOverdue: item.isOverdue(today: detail.today), outcomeLink: item.outcomeLink.isEmpty ? nil : item.outcomeLink,
                    progressURL: isSelf && LearningPlanRules.recommendationsMove(inA: plan.state) ? SiteURL.coaching(.recommendation(id: item.id!.uuidString)).path : nil)
            },
            meetings: try await meetings(detail, on: req.db),
            meetingURL: coaches ? SiteURL.coaching(.meetings(planID: id)).path : nil,
            meetingForm: meetingForm ?? MeetingForm(held_on: detail.today.iso),
            meetingDays: (plan.startedOn, detail.today.iso),
            finishURL: detail.scope.canCoachLearningPlan && plan.state != .finished ? SiteURL.coaching(.finishPlan(id: id)).path : nil,
            errors: errors)
        return req.render(page, status: status)
    }

    private func meetings(_ detail: LearningPlanUseCases.Detail, on db: any Database) async throws -> [LearningPlanPage.Meeting] {
        let recorderIDs = Set(detail.meetings.map(\.$recordedBy.id))
        let names = Dictionary(try await UserModel.query(on: db).filter(\.$id ~~ Array(recorderIDs)).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        return detail.meetings.map { .init(held: Formats.day(iso: $0.heldOn), notes: $0.notes, recorder: names[$0.$recordedBy.id] ?? "") }
    }

    func learningPlan(req: Request) async throws -> Response {
        try await planPage(req, id: req.parameter(SiteURL.Parameter.id))
    }

    func recordMeeting(req: Request) async throws -> Response {
        let form = try req.form(MeetingForm.self)
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            try await LearningPlanUseCases(req: req).recordMeeting(on: id, by: req.requireUser()) { today throws(ValidationErrors) in
                try MeetingDraft.validate(heldOn: form.held_on ?? "", notes: form.notes ?? "", rows: form.recommendationRows, today: today)
            }
            return req.redirect(to: .coaching(.learningPlan(id: id)), flash: "The meeting is recorded.")
        } catch let errors as ValidationErrors {
            return try await planPage(req, id: id, meetingForm: form, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let error as Refusal where error.kind == .conflict && error.field != nil {
            // A day before the plan started: said beside the field, keeping what was typed.
            return try await planPage(req, id: id, meetingForm: form, errors: FormErrors(error), status: .conflict)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.learningPlan(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    func finish(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            try await LearningPlanUseCases(req: req).finish(id, by: req.requireUser())
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.learningPlan(id: id)).path).flash(.error, error.message, on: req)
        }
        return req.redirect(to: .coaching(.plans), flash: "The plan is finished.")
    }

    // MARK: A coach's plans

    private func plansPage(_ req: Request, form: LearningPlanForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let rows = try await LearningPlanUseCases(req: req).plans(for: viewer)
        let withPlans = Set(rows.map(\.graduate.id))
        let graduates = try await Policy(db: req.db).visiblePeople(for: viewer).filter { $0.role == .graduate && !withPlans.contains($0.id) }
        return req.render(LearningPlansPage(
            rows: rows.map { row in
                .init(url: SiteURL.coaching(.learningPlan(id: row.plan.requireIDString)).path, graduateID: row.graduate.requireIDString, graduate: row.graduate.name,
                      focusAreas: row.plan.focusAreas, state: row.plan.state, nextMeeting: row.nextMeeting?.display, overdue: row.overdue)
            },
            graduatesWithout: graduates.map { (id: $0.requireIDString, name: $0.name) }, form: form, errors: errors), status: status)
    }

    func plans(req: Request) async throws -> Response {
        try await plansPage(req)
    }

    func start(req: Request) async throws -> Response {
        let form = try req.form(LearningPlanForm.self)
        do {
            var errors = ValidationErrors()
            if (form.graduate_id ?? "").isEmpty { errors.add("graduate_id", "Choose whose plan it is.") }
            var draft: LearningPlanDraft?
            do { draft = try LearningPlanDraft.validate(focusAreas: form.focus_areas ?? "", cadence: form.cadence ?? "") } catch {
                for error in error.errors { errors.add(error.field, error.message) }
            }
            try errors.throwIfAny()
            let plan = try await LearningPlanUseCases(req: req).start(for: form.graduate_id ?? "", draft!, by: req.requireUser())
            return req.redirect(to: .coaching(.learningPlan(id: plan.requireIDString)), flash: "The plan is started. Its first meeting is due today.")
        } catch let errors as ValidationErrors {
            return try await plansPage(req, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.plans).path).flash(.error, error.message, on: req)
        }
    }
}

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
        coach.post(.coaching(.meetingPlace(planID: SiteURL.key(SiteURL.Parameter.id))), use: setMeetingPlace)
        routes.grouped(Require.signedIn).get(.coaching(.learningPlan(id: SiteURL.key(SiteURL.Parameter.id))), use: learningPlan)
    }

    // MARK: The graduate's plan

    private func askPage(_ req: Request, form: LearningPlanForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let finished = try await LearningPlanModel.query(on: req.db).filter(\.$user.$id == viewer.requireID()).filter(\.$state == .finished)
            .sort(\.$askedAt, .descending).all()
        return req.render(AskForPlanPage(finished: finished, form: form, errors: errors), status: status)
    }

    func plan(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        guard let current = try await LearningPlanUseCases(req: req).current(of: viewer.requireID()) else { return try await askPage(req) }
        return try await planPage(req, id: current.requireIDString)
    }

    func ask(req: Request) async throws -> Response {
        try await req.submit(LearningPlanForm.self, again: { form, errors, status in try await askPage(req, form: form, errors: errors, status: status) }, conflictsGoTo: .coaching(.plan)) { form in
            try await LearningPlanUseCases(req: req).ask(form.focus_areas ?? "", for: req.requireUser())
            return req.redirect(to: .coaching(.plan), flash: "Asked. A coach of yours will start the plan with you.")
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

    private func planPage(_ req: Request, id: String, meetingForm: MeetingForm? = nil, errors: FormErrors = .none, placeForm: MeetingPlaceForm? = nil,
                          placeErrors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let detail = try await LearningPlanUseCases(req: req).detail(of: id, for: req.requireUser())
        let recorderIDs = Array(Set(detail.meetings.map(\.$recordedBy.id)))
        let recorders = Dictionary(try await UserModel.query(on: req.db).filter(\.$id ~~ recorderIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var page = LearningPlanPage(detail, recorders: recorders, meetingForm: meetingForm, errors: errors)
        if let placeForm { page.placeForm = placeForm }
        page.placeErrors = placeErrors
        return req.render(page, status: status)
    }

    /// The coach sets when and where they meet; the plan's page says it to the two of them.
    func setMeetingPlace(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        return try await req.submit(MeetingPlaceForm.self, again: { form, errors, status in
            try await planPage(req, id: id, placeForm: form, placeErrors: errors, status: status)
        }, conflictsGoTo: .coaching(.learningPlan(id: id))) { form in
            let place = try MeetingWhere.validate(time: form.meeting_time ?? "", link: form.meeting_link ?? "", place: form.meeting_place ?? "")
            try await LearningPlanUseCases(req: req).setMeetingPlace(place, on: id, by: req.requireUser())
            return req.redirect(to: .coaching(.learningPlan(id: id)), flash: "When and where you meet is saved.")
        }
    }

    func learningPlan(req: Request) async throws -> Response {
        try await planPage(req, id: req.parameter(SiteURL.Parameter.id))
    }

    func recordMeeting(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        // A day before the plan started is said beside the field, keeping what was typed; a plan
        // finished meanwhile, on the plan's page.
        return try await req.submit(MeetingForm.self, again: { form, errors, status in try await planPage(req, id: id, meetingForm: form, errors: errors, status: status) },
                                    conflictsGoTo: .coaching(.learningPlan(id: id))) { form in
            try await LearningPlanUseCases(req: req).recordMeeting(on: id, by: req.requireUser()) { today throws(ValidationErrors) in
                try MeetingDraft.validate(heldOn: form.held_on ?? "", notes: form.notes ?? "", rows: form.recommendationRows, today: today)
            }
            return req.redirect(to: .coaching(.learningPlan(id: id)), flash: "The meeting is recorded.")
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
        let people = try await Policy(db: req.db).visiblePeople(for: viewer)
        return req.render(LearningPlansPage(rows: rows, people: people, form: form, errors: errors), status: status)
    }

    func plans(req: Request) async throws -> Response {
        try await plansPage(req)
    }

    func start(req: Request) async throws -> Response {
        try await req.submit(LearningPlanForm.self, again: { form, errors, status in try await plansPage(req, form: form, errors: errors, status: status) }, conflictsGoTo: .coaching(.plans)) { form in
            var errors = ValidationErrors()
            if (form.graduate_id ?? "").isEmpty { errors.add("graduate_id", "Choose whose plan it is.") }
            var draft: LearningPlanDraft?
            do throws(ValidationErrors) { draft = try LearningPlanDraft.validate(focusAreas: form.focus_areas ?? "", cadence: form.cadence ?? "") } catch {
                for error in error.errors { errors.add(error.field, error.message) }
            }
            try errors.throwIfAny()
            let plan = try await LearningPlanUseCases(req: req).start(for: form.graduate_id ?? "", draft!, by: req.requireUser())
            return req.redirect(to: .coaching(.learningPlan(id: plan.requireIDString)), flash: "The plan is started. Its first meeting is due today.")
        }
    }
}

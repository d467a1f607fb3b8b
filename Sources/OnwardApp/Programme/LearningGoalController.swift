import Fluent
import OnwardCore
import Vapor

/// A graduate's yearly learning goals, their resources and milestones.
struct LearningGoalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.followsProgramme))
        let id = SiteURL.key(SiteURL.Parameter.id)
        graduate.get(.programme(.learningGoals), use: goals)
        graduate.post(.programme(.learningGoals), use: add)
        graduate.get(.programme(.learningGoal(id: id)), use: goal)
        graduate.post(.programme(.addResource(goalID: id)), use: addResource)
        graduate.post(.programme(.addMilestone(goalID: id)), use: addMilestone)
        graduate.post(.programme(.setGoalActive(goalID: id)), use: setActive)
        graduate.post(.programme(.milestone(id: id)), use: markMilestone)
    }

    private func goalsPage(_ req: Request, form: LearningGoalForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let today = try await RecordsUseCases(req: req).today(of: user)
        let goals = try await LearningGoalUseCases(req: req).goals(of: user.requireID())
        return req.render(LearningGoalsPage(goals: goals, today: today, form: form, errors: errors), status: status)
    }

    func goals(req: Request) async throws -> Response {
        try await goalsPage(req)
    }

    func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(LearningGoalForm.self, again: { try await goalsPage(req, form: $0, errors: $1, status: $2) }) { form in
            let draft = try LearningGoalDraft.validate(title: form.title ?? "", now: form.now ?? "", success: form.success ?? "", why: form.why ?? "")
            let goal = try await LearningGoalUseCases(req: req).add(draft, for: user.requireID())
            return req.redirect(to: .programme(.learningGoal(id: goal.id!.uuidString)), flash: "Your learning goal is added. Give it milestones and resources.")
        }
    }

    private func goalPage(_ req: Request, resourceForm: LearningResourceForm = .init(), milestoneForm: MilestoneForm = .init(),
                          errors: FormErrors = .none, failedForm: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let item = try await LearningGoalUseCases(req: req).goal(req.parameter(SiteURL.Parameter.id), of: user.requireID())
        let today = try await RecordsUseCases(req: req).today(of: user)
        let page = LearningGoalPage(item, today: today, resourceForm: resourceForm, milestoneForm: milestoneForm, errors: errors, failedForm: failedForm)
        return req.render(page, status: status)
    }

    func goal(req: Request) async throws -> Response {
        try await goalPage(req)
    }

    func addResource(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let item = try await LearningGoalUseCases(req: req).goal(req.parameter(SiteURL.Parameter.id), of: user.requireID())
        return try await req.submit(LearningResourceForm.self, again: { try await goalPage(req, resourceForm: $0, errors: $1, failedForm: "resource", status: $2) }) { form in
            let draft = try LearningResourceDraft.validate(kind: form.kind ?? "", name: form.name ?? "", link: form.link ?? "")
            try await LearningGoalUseCases(req: req).add(draft, to: item.goal)
            return req.redirect(to: .programme(.learningGoal(id: item.goal.id!.uuidString)), flash: "The resource is added.")
        }
    }

    func addMilestone(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let item = try await LearningGoalUseCases(req: req).goal(req.parameter(SiteURL.Parameter.id), of: user.requireID())
        return try await req.submit(MilestoneForm.self, again: { try await goalPage(req, milestoneForm: $0, errors: $1, failedForm: "milestone", status: $2) }) { form in
            let draft = try MilestoneDraft.validate(title: form.title ?? "", due: form.due ?? "", today: try await RecordsUseCases(req: req).today(of: user))
            try await LearningGoalUseCases(req: req).add(draft, to: item.goal)
            return req.redirect(to: .programme(.learningGoal(id: item.goal.id!.uuidString)), flash: "The milestone is added.")
        }
    }

    func setActive(req: Request) async throws -> Response {
        struct Form: Content { var active: String? }
        let user = try req.requireUser()
        let item = try await LearningGoalUseCases(req: req).goal(req.parameter(SiteURL.Parameter.id), of: user.requireID())
        let active = try req.form(Form.self).active == "yes"
        let back = SiteURL.programme(.learningGoal(id: item.goal.id!.uuidString)).path
        do {
            try await LearningGoalUseCases(req: req).setActive(item.goal, active)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: back).flash(.error, error.message, on: req)
        }
        return req.redirect(to: back).flash(.success, active ? "The goal is active again." : "The goal is set aside.", on: req)
    }

    func markMilestone(req: Request) async throws -> Response {
        struct Form: Content { var done: String? }
        let user = try req.requireUser()
        let milestone = try await LearningGoalUseCases(req: req).mark(
            milestone: req.parameter(SiteURL.Parameter.id), done: try req.form(Form.self).done == "yes",
            today: try await RecordsUseCases(req: req).today(of: user), of: user.requireID())
        return req.redirect(to: SiteURL.programme(.learningGoal(id: milestone.$goal.id.uuidString)).path)
    }
}

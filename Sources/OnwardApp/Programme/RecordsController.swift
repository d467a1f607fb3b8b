import Fluent
import OnwardCore
import Vapor

/// What a graduate records toward their programme: SMART goals, informational interviews, blog
/// posts.
struct RecordsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.followsProgramme))
        graduate.get(.programme(.goals), use: goals)
        graduate.post(.programme(.goals), use: setGoal)
        graduate.get(.programme(.goal(id: SiteURL.key(SiteURL.Parameter.id))), use: goal)
        graduate.post(.programme(.goal(id: SiteURL.key(SiteURL.Parameter.id))), use: reassess)
        graduate.get(.programme(.informationalInterviews), use: interviews)
        graduate.post(.programme(.informationalInterviews), use: recordInterview)
        graduate.get(.programme(.blogPosts), use: blogPosts)
        graduate.post(.programme(.blogPosts), use: recordBlogPost)
    }

    // MARK: Goals

    private func goalsPage(_ req: Request, form: GoalForm = GoalForm(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let goals = try await RecordsUseCases(req: req).goals(of: req.requireUser().requireID())
        return req.render(GoalsPage(goals: goals, form: form, errors: errors), status: status)
    }

    func goals(req: Request) async throws -> Response {
        try await goalsPage(req)
    }

    func setGoal(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let evidence = RecordsUseCases(req: req)
        let today = try await evidence.today(of: user)
        return try await req.submit(GoalForm.self, again: { form, errors, status in try await goalsPage(req, form: form, errors: errors, status: status) }) { form in
            try await evidence.setGoal(form.validate(today: today), for: user, today: today)
            return req.redirect(to: .programme(.goals), flash: "Your goal is set.")
        }
    }

    /// The goal named in the path, if it is the signed-in graduate's.
    private func ownGoal(_ req: Request) async throws -> RecordsUseCases.Goal {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)),
              let goal = try await RecordsUseCases(req: req).goal(id, of: req.requireUser().requireID())
        else { throw Refusal.notFound("There is no such goal.") }
        return goal
    }

    func goal(req: Request) async throws -> Response {
        req.render(GoalPage(try await ownGoal(req)))
    }

    func reassess(req: Request) async throws -> Response {
        let goal = try await ownGoal(req)
        let evidence = RecordsUseCases(req: req)
        return try await req.submit(GoalForm.self, again: { form, errors, status in req.render(GoalPage(goal, form: form, errors: errors), status: status) }) { form in
            let today = try await evidence.today(of: req.requireUser())
            try await evidence.reassess(goal.id, with: form.validate(today: today), today: today)
            return req.redirect(to: .programme(.goals), flash: "Your goal is reassessed; the earlier version is kept.")
        }
    }

    // MARK: Informational interviews

    private func interviewsPage(_ req: Request, form: InformationalInterviewForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let records = RecordsUseCases(req: req)
        let page = InformationalInterviewsPage(interviews: try await records.informationalInterviews(of: user.requireID()), today: try await records.today(of: user),
                                               form: form, errors: errors)
        return req.render(page, status: status)
    }

    func interviews(req: Request) async throws -> Response {
        try await interviewsPage(req)
    }

    func recordInterview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let evidence = RecordsUseCases(req: req)
        return try await req.submit(InformationalInterviewForm.self, again: { form, errors, status in try await interviewsPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try InformationalInterviewDraft.validate(
                person: form.person ?? "", company: form.company ?? "", role: form.role ?? "", day: form.day ?? "",
                howItCameAbout: form.how_it_came_about ?? "", notes: form.notes ?? "", today: try await evidence.today(of: user))
            try await evidence.record(draft, for: user.requireID())
            return req.redirect(to: .programme(.informationalInterviews), flash: "Your informational interview is saved.")
        }
    }

    // MARK: Blog posts

    private func blogPostsPage(_ req: Request, form: BlogPostForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let records = RecordsUseCases(req: req)
        let page = BlogPostsPage(posts: try await records.blogPosts(of: user.requireID()), today: try await records.today(of: user), form: form, errors: errors)
        return req.render(page, status: status)
    }

    func blogPosts(req: Request) async throws -> Response {
        try await blogPostsPage(req)
    }

    func recordBlogPost(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let evidence = RecordsUseCases(req: req)
        return try await req.submit(BlogPostForm.self, again: { form, errors, status in try await blogPostsPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try BlogPostDraft.validate(title: form.title ?? "", url: form.url ?? "", published: form.published ?? "", kind: form.kind ?? "",
                                                   today: try await evidence.today(of: user))
            try await evidence.record(draft, for: user.requireID())
            return req.redirect(to: .programme(.blogPosts), flash: "Your post is recorded.")
        }
    }
}

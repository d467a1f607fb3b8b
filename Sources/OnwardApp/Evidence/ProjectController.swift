import Fluent
import OnwardCore
import Vapor

/// A graduate's projects: the list with the form that adds one, and each one's edit page.
struct ProjectController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.keepsProjects))
        graduate.get(.evidence(.projects), use: list)
        graduate.post(.evidence(.projects), use: add)
        graduate.get(.evidence(.project(id: SiteURL.key(SiteURL.Parameter.id))), use: edit)
        graduate.post(.evidence(.project(id: SiteURL.key(SiteURL.Parameter.id))), use: save)
        graduate.post(.evidence(.deleteProject(id: SiteURL.key(SiteURL.Parameter.id))), use: delete)
    }

    private func listPage(_ req: Request, form: ProjectForm? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let projects = try await ProjectUseCases(req: req).projects(of: user.requireID())
        let today = user.today(at: req.now)
        return req.render(ProjectsPage(projects: projects, form: form ?? ProjectForm(startedOn: today), errors: errors, linked: user.githubLogin != nil), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req)
    }

    func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(ProjectForm.self, again: { form, errors, status in try await listPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try form.draft(today: user.today(at: req.now))
            _ = try await ProjectUseCases(req: req).add(draft, for: user.requireID())
            return req.redirect(to: .evidence(.projects), flash: "\(draft.name) is among your projects.")
        }
    }

    func edit(req: Request) async throws -> Response {
        let project = try await ProjectUseCases(req: req).writable(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        return req.render(ProjectPage(id: project.requireIDString, form: ProjectForm(project), errors: .none))
    }

    func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let projects = ProjectUseCases(req: req)
        let project = try await projects.writable(req.parameter(SiteURL.Parameter.id), for: user)
        return try await req.submit(ProjectForm.self, again: { form, errors, status in
            req.render(ProjectPage(id: project.requireIDString, form: form, errors: errors), status: status)
        }) { form in
            let draft = try form.draft(today: user.today(at: req.now))
            try await projects.update(project, with: draft)
            return req.redirect(to: .evidence(.projects), flash: "\(draft.name) is saved.")
        }
    }

    func delete(req: Request) async throws -> Response {
        let projects = ProjectUseCases(req: req)
        let project = try await projects.writable(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        try await projects.delete(project)
        return req.redirect(to: .evidence(.projects), flash: "\(project.name) is no longer among your projects.")
    }
}

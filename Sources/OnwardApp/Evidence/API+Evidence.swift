import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// Evidence's API operations: a graduate's commits and projects.
extension OnwardAPI {
    /// Whose evidence is read: the graduate named (by a coach or an admin who may see them), or
    /// the caller's own when they keep some.
    private func evidenceScope(_ graduateID: String?, _ refusal: String) async throws -> Policy.Scope {
        let viewer = try user()
        let req = try request
        let scope: Policy.Scope
        if let graduateID {
            scope = try await Policy(db: req.db).scope(of: graduateID, for: viewer)
        } else {
            guard Access.showsCommits(viewer.viewer) else { throw Refusal.notAllowed(refusal) }
            scope = try await Policy(db: req.db).scope(of: viewer, for: viewer)
        }
        guard scope.canReadEvidence else { throw Refusal.notFound() }
        return scope
    }

    func getContributions(_ input: Operations.GetContributions.Input) async throws -> Operations.GetContributions.Output {
        let scope = try await evidenceScope(input.query.graduateId, "Only a graduate has commits of their own: name a graduate with graduate_id.")
        let req = try request
        let calendar = try await EvidenceUseCases(req: req).calendar(of: scope.person, target: req.settings.weeklyCommitTarget)
        return .ok(.init(body: .json(.init(
            graduateId: scope.person.requireIDString, githubLogin: scope.person.githubLogin, target: calendar.target, thisWeek: calendar.thisWeek,
            weeklyAverage: calendar.weeklyAverage, total: calendar.total,
            days: calendar.weeks.joined().filter { $0.count > 0 }.map { .init(day: $0.date.iso, count: $0.count) }))))
    }

    func listProjects(_ input: Operations.ListProjects.Input) async throws -> Operations.ListProjects.Output {
        let scope = try await evidenceScope(input.query.graduateId, "Only a graduate has projects of their own: name a graduate with graduate_id.")
        let projects = try await ProjectUseCases(req: request).projects(of: scope.person.requireID())
        return .ok(.init(body: .json(projects.map(Components.Schemas.Project.init))))
    }

    func createProject(_ input: Operations.CreateProject.Input) async throws -> Operations.CreateProject.Output {
        let graduate = try tokenOwner(Access.keepsProjects, else: "Only a graduate keeps projects.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try ProjectDraft.validate(name: body.name, repository: body.repositoryUrl ?? "", live: body.liveUrl ?? "", description: body.description ?? "",
                                              stacks: try Stacks.typed(body.stacks ?? [], field: "stacks"), isSide: body.isSide ?? false,
                                              startedOn: body.startedOn, lastWorkedOn: body.lastWorkedOn ?? "", today: graduate.today(at: request.now))
        let projects = ProjectUseCases(req: try request)
        let project = try await projects.add(draft, for: graduate.requireID())
        return .created(.init(body: .json(.init(try await projects.project(project)))))
    }

    func updateProject(_ input: Operations.UpdateProject.Input) async throws -> Operations.UpdateProject.Output {
        let graduate = try user()
        let projects = ProjectUseCases(req: try request)
        let project = try await projects.writable(input.path.id, for: graduate)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try ProjectDraft.validate(
            name: body.name ?? project.name, repository: body.repositoryUrl ?? project.repositoryURL ?? "", live: body.liveUrl ?? project.liveURL ?? "",
            description: body.description ?? project.description, stacks: try body.stacks.map { try Stacks.typed($0, field: "stacks") } ?? project.stacksText,
            isSide: body.isSide ?? project.isSide, startedOn: body.startedOn ?? project.startedOn, lastWorkedOn: body.lastWorkedOn ?? project.lastWorkedOn ?? "",
            today: graduate.today(at: request.now))
        try await projects.update(project, with: draft)
        return .ok(.init(body: .json(.init(try await projects.project(project)))))
    }

    func deleteProject(_ input: Operations.DeleteProject.Input) async throws -> Operations.DeleteProject.Output {
        let projects = ProjectUseCases(req: try request)
        try await projects.delete(try await projects.writable(input.path.id, for: user()))
        return .noContent(.init())
    }
}

extension Components.Schemas.Project {
    init(_ project: ProjectUseCases.Project) {
        let model = project.model
        self.init(id: model.requireIDString, name: model.name, repositoryUrl: model.repositoryURL, liveUrl: model.liveURL, description: model.description,
                  stacks: model.stacks, isSide: model.isSide, startedOn: model.startedOn, lastWorkedOn: project.lastWorked.iso, lastCommitOn: project.lastCommit?.iso)
    }
}

/// Feedback acted on, through the API.
extension OnwardAPI {
    func listFeedback(_ input: Operations.ListFeedback.Input) async throws -> Operations.ListFeedback.Output {
        let scope = try await evidenceScope(input.query.graduateId, "Only a graduate is given feedback: name a graduate with graduate_id.")
        let items = try await FeedbackUseCases(req: request).feedback(of: scope.person.requireID())
        let today = scope.person.today(at: try request.now)
        return .ok(.init(body: .json(items.map { Components.Schemas.Feedback($0, today: today) })))
    }

    func recordFeedbackAction(_ input: Operations.RecordFeedbackAction.Input) async throws -> Operations.RecordFeedbackAction.Output {
        let graduate = try tokenOwner(Access.actsOnFeedback, else: "Only a graduate records what they did about their feedback.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let today = graduate.today(at: try request.now)
        let action = try await FeedbackUseCases(req: try request).record({ given in
            try FeedbackActionDraft.validate(kind: body.kind.rawValue, link: body.link ?? "", note: body.note, day: body.day ?? today.iso, given: given, today: today)
        }, about: body.feedbackKey, for: graduate)
        return .created(.init(body: .json(.init(id: action.requireIDString, kind: .init(rawValue: action.kind.rawValue)!, link: action.link, note: action.note, day: action.day))))
    }

    func deleteFeedbackAction(_ input: Operations.DeleteFeedbackAction.Input) async throws -> Operations.DeleteFeedbackAction.Output {
        let feedback = FeedbackUseCases(req: try request)
        try await feedback.writableAction(input.path.id, for: user()).delete(on: try request.db)
        return .noContent(.init())
    }
}

extension Components.Schemas.Feedback {
    /// As `entry` says it (a shared profile's, without the feedback's words), with `item`'s state.
    init(_ entry: FeedbackEntry, item: FeedbackUseCases.Item) {
        self.init(key: entry.key, source: entry.source, text: entry.text, givenOn: item.given.given.iso, doneWhereGiven: item.given.doneThere,
                  open: item.isOpen, openForWeeks: entry.openWeeks,
                  actions: item.actions.map { .init(id: $0.requireIDString, kind: .init(rawValue: $0.kind.rawValue)!, link: $0.link, note: $0.note, day: $0.day) })
    }

    init(_ item: FeedbackUseCases.Item, today: LocalDate) {
        self.init(key: item.given.key, source: item.given.source, text: item.given.text, givenOn: item.given.given.iso, doneWhereGiven: item.given.doneThere,
                  open: item.isOpen, openForWeeks: FeedbackEntry(item, today: today, mine: false).openWeeks,
                  actions: item.actions.map { .init(id: $0.requireIDString, kind: .init(rawValue: $0.kind.rawValue)!, link: $0.link, note: $0.note, day: $0.day) })
    }
}

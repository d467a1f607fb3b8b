import Fluent
import OnwardCore
import Vapor

/// A comment on a retrospective.
struct ReplyForm: Content {
    var body: String?
}

/// The careers team's pages: a graduate's programme to read and comment on, and an admin's pause.
/// Coaches and admins; each graduate is checked by the policy.
struct CareersTeamController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let team = routes.grouped(Require(Access.readsProgrammes))
        team.get(.programme(.graduate(id: SiteURL.key(SiteURL.Parameter.id))), use: graduate)
        team.post(.programme(.comment(retrospectiveID: SiteURL.key(SiteURL.Parameter.id))), use: comment)
        let admin = routes.grouped(Require(Access.runsBootcamp))
        admin.post(.programme(.pause(graduateID: SiteURL.key(SiteURL.Parameter.id))), use: pause)
        admin.post(.programme(.resume(graduateID: SiteURL.key(SiteURL.Parameter.id))), use: resume)
    }

    func graduate(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let scope = try await Policy(db: req.db).scope(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        guard scope.canCoachProgramme else { throw Refusal.notFound() }
        let person = scope.person
        let id = try person.requireID()
        guard let standing = try await ProgrammeUseCases(req: req).standing(of: person) else {
            throw Refusal.notFound("\(person.name)'s cohort has no programme yet.")
        }
        let records = RecordsUseCases(req: req)
        let retrospectives = try await ProgrammeUseCases(req: req).retrospectives(of: id)
        let page = GraduateProgrammePage(
            scope: scope, standing: standing, goals: try await records.goals(of: id),
            learningGoals: try await LearningGoalUseCases(req: req).goals(of: id),
            interviews: try await records.informationalInterviews(of: id), posts: try await records.blogPosts(of: id),
            submissions: try await Capabilities.reads.coaching.submissions(of: id, on: req.db),
            retrospectives: retrospectives, comments: try await CareersTeamUseCases(req: req).comments(on: retrospectives.compactMap(\.id)))
        return req.render(page)
    }

    func comment(req: Request) async throws -> Response {
        let form = try req.form(ReplyForm.self)
        do {
            let (_, graduateID) = try await CareersTeamUseCases(req: req).comment(on: req.parameter(SiteURL.Parameter.id), form.body ?? "", by: req.requireUser())
            return req.redirect(to: .programme(.graduate(id: graduateID.uuidString)), flash: "Your comment is posted.")
        } catch let errors as ValidationErrors {
            // Checked after who may comment: the retrospective is there, and the viewer coaches its writer.
            let owner = try await RetrospectiveModel.find(UUID(uuidString: req.parameter(SiteURL.Parameter.id)), on: req.db)?.$user.id
            let back = owner.map { SiteURL.programme(.graduate(id: $0.uuidString)).path } ?? SiteURL.homes(.coach).path
            return req.redirect(to: back).flash(.error, errors.errors.first?.message ?? "Write a comment first.", on: req)
        }
    }

    /// The graduate named in the path, if the signed-in admin may pause their programme.
    private func pausable(_ req: Request) async throws -> UserModel {
        let scope = try await Policy(db: req.db).scope(of: req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        guard scope.canPauseProgramme else { throw Refusal.notFound() }
        return scope.person
    }

    func pause(req: Request) async throws -> Response {
        struct Form: Content { var reason: String? }
        let graduate = try await pausable(req)
        let back = SiteURL.programme(.graduate(id: graduate.requireIDString)).path
        do {
            let reason = try ProgrammeReply.validate(try req.form(Form.self).reason ?? "", field: "reason", label: "reason", limit: TextRules.Limit.sentence)
            try await ProgrammeUseCases(req: req).setPause(of: graduate, reason: reason, by: req.requireUser())
        } catch let errors as ValidationErrors {
            return req.redirect(to: back).flash(.error, errors.errors.first?.message ?? "Say why the programme is paused.", on: req)
        }
        return req.redirect(to: back).flash(.success, "\(graduate.name)'s programme is paused.", on: req)
    }

    func resume(req: Request) async throws -> Response {
        let graduate = try await pausable(req)
        try await ProgrammeUseCases(req: req).setPause(of: graduate, reason: nil, by: req.requireUser())
        return req.redirect(to: SiteURL.programme(.graduate(id: graduate.requireIDString)).path).flash(.success, "\(graduate.name)'s programme is running again.", on: req)
    }
}

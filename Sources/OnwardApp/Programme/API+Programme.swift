import Fluent
import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// The programme's API operations: where a graduate stands, and today's standup.
extension OnwardAPI {
    /// The token owner, if they follow a programme (a graduate), with their standing today.
    private func ownStanding() async throws -> (UserModel, ProgrammeUseCases.Standing) {
        let viewer = try user()
        guard Access.followsProgramme(viewer.viewer) else {
            throw Refusal.notAllowed("Only a graduate follows a programme.")
        }
        guard let standing = try await ProgrammeUseCases(req: request).standing(of: viewer) else {
            throw Refusal.notFound("Your cohort has no programme yet.")
        }
        return (viewer, standing)
    }

    func getProgramme(_ input: Operations.GetProgramme.Input) async throws -> Operations.GetProgramme.Output {
        let (_, standing) = try await ownStanding()
        func item(_ item: RoadMap.Item) -> Components.Schemas.RoadMapItem {
            Components.Schemas.RoadMapItem(
                activity: item.activity.id, title: item.activity.title, kind: .init(rawValue: item.activity.kind.rawValue)!,
                required: item.activity.isRequired, state: .init(rawValue: item.state.rawValue)!, due: item.occurrence.due.iso,
                done: min(item.doneSoFar, item.activity.count), count: item.activity.count)
        }
        var missing: [Components.Schemas.RoadMapItem] = []
        if case .atRisk(let occurrences) = standing.status {
            missing = occurrences.map { occurrence in
                let state = ProgrammeRules.state(of: occurrence, records: [], today: standing.today)
                return item(RoadMap.Item(occurrence: occurrence, state: state, doneSoFar: 0))
            }
        }
        let map = standing.roadMap
        return .ok(.init(body: .json(.init(
            week: map.week, today: standing.today.iso, status: .init(rawValue: standing.status.name)!, missing: missing,
            todayItems: map.today.map(item), thisWeek: map.thisWeek.map(item), overdue: map.overdue.map(item)))))
    }

    func postStandup(_ input: Operations.PostStandup.Input) async throws -> Operations.PostStandup.Output {
        let (viewer, _) = try await ownStanding()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try StandupDraft.validate(yesterday: body.yesterday ?? "", today: body.today, blockers: body.blockers ?? "",
                                              mood: String(body.mood), wantsHelp: body.wantsHelp ?? false)
        let (standup, isNew) = try await ProgrammeUseCases(req: request).postStandup(draft, for: viewer)
        let answer = Components.Schemas.Standup(
            day: standup.day, yesterday: standup.yesterday, today: standup.today, blockers: standup.blockers, mood: standup.mood,
            wantsHelp: standup.wantsHelp, late: standup.isLate)
        return isNew ? .created(.init(body: .json(answer))) : .ok(.init(body: .json(answer)))
    }

    // MARK: Goals and records

    /// The token owner, if they follow a programme (a graduate), and the day it is for them.
    private func ownRecords() async throws -> (UserModel, UUID, RecordsUseCases, LocalDate) {
        let viewer = try user()
        guard Access.followsProgramme(viewer.viewer) else {
            throw Refusal.notAllowed("Only a graduate keeps goals and programme records.")
        }
        let evidence = RecordsUseCases(req: try request)
        return (viewer, try viewer.requireID(), evidence, try await evidence.today(of: viewer))
    }

    private static func goal(_ goal: RecordsUseCases.Goal) -> Components.Schemas.Goal {
        Components.Schemas.Goal(id: goal.id.uuidString, versions: goal.versions.map { version in
            .init(version: version.version, specific: version.specific, measurable: version.measurable, achievable: version.achievable,
                  relevant: version.relevant, timeBound: version.timeBound, writtenOn: version.writtenOn)
        })
    }

    private static func draft(_ body: Components.Schemas.GoalCreate, today: LocalDate) throws(ValidationErrors) -> SmartGoalDraft {
        try SmartGoalDraft.validate(specific: body.specific, measurable: body.measurable, achievable: body.achievable, relevant: body.relevant,
                                    timeBound: body.timeBound, today: today)
    }

    func listGoals(_ input: Operations.ListGoals.Input) async throws -> Operations.ListGoals.Output {
        let (_, id, evidence, _) = try await ownRecords()
        return .ok(.init(body: .json(try await evidence.goals(of: id).map(Self.goal))))
    }

    func createGoal(_ input: Operations.CreateGoal.Input) async throws -> Operations.CreateGoal.Output {
        let (viewer, _, evidence, today) = try await ownRecords()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let goal = try await evidence.setGoal(try Self.draft(body, today: today), for: viewer, today: today)
        return .created(.init(body: .json(Self.goal(goal))))
    }

    func reassessGoal(_ input: Operations.ReassessGoal.Input) async throws -> Operations.ReassessGoal.Output {
        let (_, id, evidence, today) = try await ownRecords()
        guard let goalID = UUID(uuidString: input.path.id), try await evidence.goal(goalID, of: id) != nil else { throw Refusal.notFound("There is no such goal.") }
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        try await evidence.reassess(goalID, with: try Self.draft(body, today: today), today: today)
        guard let goal = try await evidence.goal(goalID, of: id) else { throw Refusal.notFound("There is no such goal.") }
        return .created(.init(body: .json(Self.goal(goal))))
    }

    private static func interview(_ interview: InformationalInterviewModel) -> Components.Schemas.InformationalInterview {
        .init(id: interview.id!.uuidString, person: interview.person, company: interview.company, role: interview.role, day: interview.day,
              howItCameAbout: interview.howItCameAbout, notes: interview.notes)
    }

    func listInformationalInterviews(_ input: Operations.ListInformationalInterviews.Input) async throws -> Operations.ListInformationalInterviews.Output {
        let (_, id, evidence, _) = try await ownRecords()
        return .ok(.init(body: .json(try await evidence.informationalInterviews(of: id).map(Self.interview))))
    }

    func createInformationalInterview(_ input: Operations.CreateInformationalInterview.Input) async throws -> Operations.CreateInformationalInterview.Output {
        let (_, id, evidence, today) = try await ownRecords()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try InformationalInterviewDraft.validate(person: body.person, company: body.company ?? "", role: body.role ?? "", day: body.day,
                                                             howItCameAbout: body.howItCameAbout ?? "", notes: body.notes ?? "", today: today)
        return .created(.init(body: .json(Self.interview(try await evidence.record(draft, for: id)))))
    }

    private static func post(_ post: BlogPostModel) -> Components.Schemas.BlogPost {
        .init(id: post.id!.uuidString, title: post.title, url: post.url, published: post.published, kind: .init(rawValue: post.kind.rawValue)!)
    }

    func listBlogPosts(_ input: Operations.ListBlogPosts.Input) async throws -> Operations.ListBlogPosts.Output {
        let (_, id, evidence, _) = try await ownRecords()
        return .ok(.init(body: .json(try await evidence.blogPosts(of: id).map(Self.post))))
    }

    func createBlogPost(_ input: Operations.CreateBlogPost.Input) async throws -> Operations.CreateBlogPost.Output {
        let (_, id, evidence, today) = try await ownRecords()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try BlogPostDraft.validate(title: body.title, url: body.url, published: body.published, kind: body.kind.rawValue, today: today)
        return .created(.init(body: .json(Self.post(try await evidence.record(draft, for: id)))))
    }

    // MARK: Learning goals

    private static func learningGoal(_ item: LearningGoalUseCases.Goal) -> Components.Schemas.LearningGoal {
        .init(id: item.goal.id!.uuidString, title: item.goal.title, now: item.goal.now, success: item.goal.success, why: item.goal.why,
              active: item.goal.isActive,
              resources: item.resources.map { .init(kind: .init(rawValue: $0.kind.rawValue)!, name: $0.name, link: $0.link) },
              milestones: item.milestones.map(Self.milestone))
    }

    private static func milestone(_ milestone: LearningMilestoneModel) -> Components.Schemas.Milestone {
        .init(id: milestone.id!.uuidString, title: milestone.title, due: milestone.due, doneOn: milestone.doneOn)
    }

    func listLearningGoals(_ input: Operations.ListLearningGoals.Input) async throws -> Operations.ListLearningGoals.Output {
        let (_, id, _, _) = try await ownRecords()
        return .ok(.init(body: .json(try await LearningGoalUseCases(req: try request).goals(of: id).map(Self.learningGoal))))
    }

    func createLearningGoal(_ input: Operations.CreateLearningGoal.Input) async throws -> Operations.CreateLearningGoal.Output {
        let (_, id, _, today) = try await ownRecords()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try LearningGoalDraft.validate(title: body.title, now: body.now, success: body.success, why: body.why)
        try LearningGoalDraft.checkCounts(resources: body.resources?.count ?? 0, milestones: body.milestones?.count ?? 0)
        var resources: [LearningResourceDraft] = []
        for resource in body.resources ?? [] {
            resources.append(try LearningResourceDraft.validate(kind: resource.kind.rawValue, name: resource.name, link: resource.link ?? ""))
        }
        var milestones: [MilestoneDraft] = []
        for milestone in body.milestones ?? [] {
            milestones.append(try MilestoneDraft.validate(title: milestone.title, due: milestone.due, today: today))
        }
        let goals = LearningGoalUseCases(req: try request)
        let goal = try await goals.add(draft, resources: resources, milestones: milestones, for: id)
        return .created(.init(body: .json(Self.learningGoal(try await goals.goal(goal.id!.uuidString, of: id)))))
    }

    func updateMilestone(_ input: Operations.UpdateMilestone.Input) async throws -> Operations.UpdateMilestone.Output {
        let (_, id, _, today) = try await ownRecords()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let milestone = try await LearningGoalUseCases(req: try request).mark(milestone: input.path.id, done: body.done, today: today, of: id)
        return .ok(.init(body: .json(Self.milestone(milestone))))
    }

    // MARK: Retrospectives, marks

    private static func retrospective(_ retrospective: RetrospectiveModel, comments: [RetrospectiveCommentModel]) -> Components.Schemas.Retrospective {
        .init(id: retrospective.id!.uuidString, week: retrospective.week, wentWell: retrospective.wentWell, didNotGoWell: retrospective.didNotGoWell,
              learned: retrospective.learned, focus: retrospective.focus, better: .init(rawValue: retrospective.better.rawValue)!,
              applications: retrospective.applications, interviews: retrospective.interviews, standups: retrospective.standups,
              writtenOn: retrospective.writtenOn, comments: comments.map { .init(author: $0.author.name, body: $0.body) })
    }

    func listRetrospectives(_ input: Operations.ListRetrospectives.Input) async throws -> Operations.ListRetrospectives.Output {
        let viewer = try user()
        let graduate: UserModel
        if let rawID = input.query.graduateId {
            let scope = try await Policy(db: try request.db).scope(of: rawID, for: viewer)
            guard scope.canReadProgramme else { throw Refusal.notFound() }
            graduate = scope.person
        } else {
            guard Access.followsProgramme(viewer.viewer) else {
                throw Refusal.notAllowed("Name the graduate whose retrospectives to read (graduate_id).")
            }
            graduate = viewer
        }
        let retrospectives = try await ProgrammeUseCases(req: try request).retrospectives(of: graduate.requireID())
        let comments = try await CareersTeamUseCases(req: try request).comments(on: retrospectives.compactMap(\.id))
        return .ok(.init(body: .json(retrospectives.map { Self.retrospective($0, comments: comments[$0.id!] ?? []) })))
    }

    func writeRetrospective(_ input: Operations.WriteRetrospective.Input) async throws -> Operations.WriteRetrospective.Output {
        let (viewer, _) = try await ownStanding()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try RetrospectiveDraft.validate(wentWell: body.wentWell, didNotGoWell: body.didNotGoWell, learned: body.learned, focus: body.focus,
                                                    better: body.better.rawValue)
        let written = try await ProgrammeUseCases(req: try request).writeRetrospective(draft, week: input.path.week, for: viewer)
        let comments = try await CareersTeamUseCases(req: try request).comments(on: [written.requireID()])
        return .ok(.init(body: .json(Self.retrospective(written, comments: comments[written.id!] ?? []))))
    }

    func markTask(_ input: Operations.MarkTask.Input) async throws -> Operations.MarkTask.Output {
        let (viewer, _) = try await ownStanding()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        try await ProgrammeUseCases(req: try request).mark(body.activity, for: nil, as: ActivityRecord.Mark(rawValue: body.mark.rawValue)!, for: viewer)
        return .noContent(.init())
    }

    // MARK: The careers team

    func commentOnRetrospective(_ input: Operations.CommentOnRetrospective.Input) async throws -> Operations.CommentOnRetrospective.Output {
        let viewer = try user()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let (comment, _) = try await CareersTeamUseCases(req: try request).comment(on: input.path.id, body.body, by: viewer)
        return .created(.init(body: .json(.init(author: viewer.name, body: comment.body))))
    }

    /// The graduate `rawID` if the token's owner (an admin) may pause their programme.
    private func pausable(_ rawID: String) async throws -> (admin: UserModel, graduate: UserModel) {
        let viewer = try tokenOwner(Access.runsBootcamp, else: "Only an admin pauses a programme.")
        let scope = try await Policy(db: try request.db).scope(of: rawID, for: viewer)
        guard scope.canPauseProgramme else { throw Refusal.notFound("There is no such graduate.") }
        return (viewer, scope.person)
    }

    func pauseProgramme(_ input: Operations.PauseProgramme.Input) async throws -> Operations.PauseProgramme.Output {
        let (admin, graduate) = try await pausable(input.path.id)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let reason = try ProgrammeReply.validate(body.reason, field: "reason", label: "reason", limit: TextRules.Limit.sentence)
        try await ProgrammeUseCases(req: try request).setPause(of: graduate, reason: reason, by: admin)
        guard let pause = try await ProgrammePauseModel.query(on: try request.db).filter(\.$user.$id == graduate.requireID()).first() else {
            throw Refusal.notFound("There is no such graduate.")
        }
        return .ok(.init(body: .json(.init(reason: pause.reason, since: pause.since))))
    }

    func resumeProgramme(_ input: Operations.ResumeProgramme.Input) async throws -> Operations.ResumeProgramme.Output {
        let (admin, graduate) = try await pausable(input.path.id)
        try await ProgrammeUseCases(req: try request).setPause(of: graduate, reason: nil, by: admin)
        return .noContent(.init())
    }

    // MARK: Programmes (an admin)

    private func programmeAdmin() throws {
        guard Access.runsBootcamp(try user().viewer) else { throw Refusal.notAllowed("Only an admin edits programmes.") }
    }

    /// Programmes with their cohorts and activities, in three queries.
    private func programmes(_ ids: [UUID]? = nil) async throws -> [Components.Schemas.Programme] {
        let db = try request.db
        var query = ProgrammeModel.query(on: db).sort(\.$createdAt)
        if let ids { query = query.filter(\.$id ~~ ids) }
        let programmes = try await query.all()
        let programmeIDs = programmes.compactMap(\.id)
        guard !programmeIDs.isEmpty else { return [] }
        let activities = Dictionary(grouping: try await ProgrammeActivityModel.query(on: db).filter(\.$programme.$id ~~ programmeIDs).sort(\.$position).all(),
                                    by: { $0.$programme.id })
        let links = Dictionary(grouping: try await CohortProgrammeModel.query(on: db).filter(\.$programme.$id ~~ programmeIDs).all(), by: { $0.$programme.id })
        return programmes.map { programme in
            .init(id: programme.id!.uuidString, name: programme.name, cohorts: (links[programme.id!] ?? []).map { $0.$cohort.id.uuidString },
                  activities: (activities[programme.id!] ?? []).map { row in
                      .init(id: row.id!.uuidString, key: row.key, title: row.title, description: row.description, kind: .init(rawValue: row.kind.rawValue)!,
                            schedule: .init(rawValue: row.schedule)!, dueWeek: row.dueWeek, required: row.isRequired, count: row.count, since: row.since)
                  })
        }
    }

    func listProgrammes(_ input: Operations.ListProgrammes.Input) async throws -> Operations.ListProgrammes.Output {
        try programmeAdmin()
        return .ok(.init(body: .json(try await programmes())))
    }

    func giveDefaultProgramme(_ input: Operations.GiveDefaultProgramme.Input) async throws -> Operations.GiveDefaultProgramme.Output {
        try programmeAdmin()
        guard let id = UUID(uuidString: input.path.id), let cohort = try await CohortModel.find(id, on: try request.db) else {
            throw Refusal.notFound("There is no such cohort.")
        }
        try await ProgrammeUseCases(req: try request).giveDefault(to: cohort)
        guard let link = try await CohortProgrammeModel.query(on: try request.db).filter(\.$cohort.$id == id).first(),
              let programme = try await programmes([link.$programme.id]).first
        else { throw Refusal.notFound("There is no such cohort.") }
        return .created(.init(body: .json(programme)))
    }

    func addActivity(_ input: Operations.AddActivity.Input) async throws -> Operations.AddActivity.Output {
        try programmeAdmin()
        guard let id = UUID(uuidString: input.path.id), try await ProgrammeModel.find(id, on: try request.db) != nil else {
            throw Refusal.notFound("There is no such programme.")
        }
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let form = ActivityForm(title: body.title, description: body.description, kind: body.kind.rawValue, schedule: body.schedule.rawValue,
                                due_week: body.dueWeek.map(String.init), required: body.required == true ? "yes" : nil, count: body.count.map(String.init))
        try await ProgrammeUseCases(req: try request).addActivity(form, to: id)
        guard let programme = try await programmes([id]).first else { throw Refusal.notFound("There is no such programme.") }
        return .created(.init(body: .json(programme)))
    }

    func removeActivity(_ input: Operations.RemoveActivity.Input) async throws -> Operations.RemoveActivity.Output {
        try programmeAdmin()
        guard let id = UUID(uuidString: input.path.id), let activity = try await ProgrammeActivityModel.find(id, on: try request.db) else {
            throw Refusal.notFound("There is no such activity.")
        }
        try await activity.delete(on: try request.db)
        return .noContent(.init())
    }

    func getStandupBoard(_ input: Operations.GetStandupBoard.Input) async throws -> Operations.GetStandupBoard.Output {
        let viewer = try user()
        guard let id = UUID(uuidString: input.path.id), let found = try await ProgrammeUseCases(req: try request).standupBoard(of: id, for: viewer) else {
            throw Refusal.notFound("There is no such cohort.")
        }
        let board = StandupBoardPage(found, viewer: viewer)
        return .ok(.init(body: .json(.init(
            cohort: board.cohort, day: board.day, standupTime: board.standupTime,
            posted: board.posted.map { post in
                .init(name: post.name, late: post.isLate, yesterday: post.yesterday, today: post.today, mood: post.mood, blockers: post.blockers,
                      wantsHelp: post.mood == nil ? nil : post.wantsHelp)
            },
            waiting: board.waiting))))
    }
}

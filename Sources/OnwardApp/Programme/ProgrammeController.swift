import Fluent
import OnwardCore
import Vapor

struct StandupForm: Content {
    var yesterday: String?
    var today: String?
    var blockers: String?
    var mood: String?
    var wants_help: String?

    init(yesterday: String? = nil, today: String? = nil, blockers: String? = nil, mood: String? = nil, wants_help: String? = nil) {
        self.yesterday = yesterday
        self.today = today
        self.blockers = blockers
        self.mood = mood
        self.wants_help = wants_help
    }

    init(_ standup: StandupModel) {
        self.init(yesterday: standup.yesterday, today: standup.today, blockers: standup.blockers, mood: String(standup.mood), wants_help: standup.wantsHelp ? "yes" : nil)
    }
}

struct MarkForm: Content {
    var activity: String?
    var mark: String?
    /// The day it is for (YYYY-MM-DD); today when left out.
    var day: String?
}

/// The graduate's road map and standup; the admin's programmes.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.followsProgramme))
        graduate.get(.programme(.roadMap), use: roadMap)
        graduate.post(.programme(.mark), use: mark)
        graduate.get(.programme(.standup), use: standupPage)
        graduate.post(.programme(.standup), use: postStandup)
        let admin = routes.grouped(Require(Access.runsBootcamp))
        admin.get(.programme(.cohorts), use: cohorts)
        admin.post(.programme(.giveDefault(cohortID: SiteURL.key(SiteURL.Parameter.id))), use: giveDefault)
    }

    func roadMap(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let standing = try await ProgrammeUseCases(req: req).standing(of: user) else { return req.render(NoProgrammePage()) }
        return req.render(RoadMapPage(standing, standupPosted: standing.standup != nil, standupLate: standing.standup?.isLate ?? false))
    }

    func mark(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(MarkForm.self)
        guard let mark = ActivityRecord.Mark(rawValue: form.mark ?? "") else { throw AppError.invalid("mark", "Choose done or skip.") }
        do {
            try await ProgrammeUseCases(req: req).mark(form.activity ?? "", for: form.day, as: mark, for: user)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return req.redirect(to: SiteURL.programme(.roadMap).path).flash(.error, error.message, on: req)
        }
        return req.redirect(to: SiteURL.programme(.roadMap).path)
    }

    func standupPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let standing = try await ProgrammeUseCases(req: req).standing(of: user) else { return req.render(NoProgrammePage()) }
        let form = standing.standup.map(StandupForm.init) ?? StandupForm()
        return req.render(StandupPage(day: standing.today.display, due: standing.standupTime.description, isEdit: standing.standup != nil, form: form, errors: .none))
    }

    func postStandup(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(StandupForm.self)
        let programmes = ProgrammeUseCases(req: req)
        guard let standing = try await programmes.standing(of: user) else { return req.render(NoProgrammePage()) }
        do {
            let draft = try StandupDraft.validate(yesterday: form.yesterday ?? "", today: form.today ?? "", blockers: form.blockers ?? "",
                                                  mood: form.mood ?? "", wantsHelp: form.wants_help == "yes")
            try await programmes.postStandup(draft, for: user)
            return req.redirect(to: .programme(.roadMap), flash: standing.standup == nil ? "Your standup is posted." : "Your standup is saved.")
        } catch let errors as ValidationErrors {
            let page = StandupPage(day: standing.today.display, due: standing.standupTime.description, isEdit: standing.standup != nil, form: form, errors: FormErrors(errors))
            return req.render(page, status: .unprocessableEntity)
        }
    }

    func cohorts(req: Request) async throws -> Response {
        let cohorts = try await CohortModel.query(on: req.db).sort(\.$name).all()
        let links = try await CohortProgrammeModel.query(on: req.db).with(\.$programme).all()
        let byCohort = Dictionary(links.map { ($0.$cohort.id, $0.programme.name) }, uniquingKeysWith: { first, _ in first })
        let rows = cohorts.map { ProgrammesPage.Row(cohort: $0.name, cohortID: $0.id!.uuidString, programme: byCohort[$0.id!]) }
        return req.render(ProgrammesPage(rows: rows))
    }

    func giveDefault(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let cohort = try await CohortModel.find(id, on: req.db) else {
            throw AppError.notFound("There is no such cohort.")
        }
        do {
            try await ProgrammeUseCases(req: req).giveDefault(to: cohort)
        } catch let error as AppError where error.status == .conflict {
            return req.redirect(to: SiteURL.programme(.cohorts).path).flash(.error, error.message, on: req)
        }
        return req.redirect(to: .programme(.cohorts), flash: "\(cohort.name) now follows the default programme.")
    }
}

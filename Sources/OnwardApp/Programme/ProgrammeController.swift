import Fluent
import OnwardCore
import Vapor

struct StandupForm: Content {
    var yesterday: String?
    var today: String?
    var blockers: String?
    var mood: String?
    var wants_help: String?
    /// "home" when posted from the graduate's home, which the graduate then stays on.
    var from: String?

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

struct RetrospectiveForm: Content {
    var week: String?
    var went_well: String?
    var did_not_go_well: String?
    var learned: String?
    var focus: String?
    var better: String?

    init(week: String? = nil, went_well: String? = nil, did_not_go_well: String? = nil, learned: String? = nil, focus: String? = nil, better: String? = nil) {
        self.week = week
        self.went_well = went_well
        self.did_not_go_well = did_not_go_well
        self.learned = learned
        self.focus = focus
        self.better = better
    }

    init(_ retrospective: RetrospectiveModel) {
        self.init(week: String(retrospective.week), went_well: retrospective.wentWell, did_not_go_well: retrospective.didNotGoWell,
                  learned: retrospective.learned, focus: retrospective.focus, better: retrospective.better.rawValue)
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
        graduate.get(.programme(.retrospective), use: retrospectivePage)
        graduate.post(.programme(.retrospective), use: writeRetrospective)
        graduate.get(.programme(.retrospectives), use: retrospectives)
        routes.grouped(Require.signedIn).get(.programme(.standupBoard(cohortID: SiteURL.key(SiteURL.Parameter.id))), use: standupBoard)
        let admin = routes.grouped(Require(Access.runsBootcamp))
        admin.get(.programme(.cohorts), use: cohorts)
        admin.post(.programme(.giveDefault(cohortID: SiteURL.key(SiteURL.Parameter.id))), use: giveDefault)
        admin.get(.programme(.programme(id: SiteURL.key(SiteURL.Parameter.id))), use: editor)
        admin.post(.programme(.addActivity(programmeID: SiteURL.key(SiteURL.Parameter.id))), use: addActivity)
        admin.post(.programme(.removeActivity(id: SiteURL.key(SiteURL.Parameter.id))), use: removeActivity)
        admin.get(.programme(.editActivity(id: SiteURL.key(SiteURL.Parameter.id))), use: editActivityPage)
        admin.post(.programme(.editActivity(id: SiteURL.key(SiteURL.Parameter.id))), use: editActivity)
        admin.post(.programme(.renameProgramme(id: SiteURL.key(SiteURL.Parameter.id))), use: renameProgramme)
    }

    func roadMap(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let programmes = ProgrammeUseCases(req: req)
        guard let standing = try await programmes.standing(of: user) else { return req.render(NoProgrammePage()) }
        let standup = standing.standupPosted ? try await programmes.todaysStandup(of: user, today: standing.today) : nil
        var page = RoadMapPage(standing, standupPosted: standing.standupPosted, standupLate: standup?.isLate ?? false)
        page.boardURL = user.$cohort.id.map { Href(SiteURL.programme(.standupBoard(cohortID: $0.uuidString))) }
        page.help = try await Capabilities.reads.coaching.standupHelp(of: user.requireID(), since: standing.today.adding(days: -14), on: req.db)
        return req.render(page)
    }

    func mark(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(MarkForm.self)
        guard let mark = ActivityRecord.Mark(rawValue: form.mark ?? "") else { throw ValidationErrors.one("mark", "Choose done or skip.") }
        do {
            try await ProgrammeUseCases(req: req).mark(form.activity ?? "", for: form.day, as: mark, for: user)
        } catch let errors as ValidationErrors {
            return req.redirect(to: SiteURL.programme(.roadMap).path).flash(.error, errors.errors.first?.message ?? "Check the day.", on: req)
        } catch let refusal as Refusal where refusal.kind != .notAllowed {
            return req.redirect(to: SiteURL.programme(.roadMap).path).flash(.error, refusal.message, on: req)
        }
        return req.redirect(to: SiteURL.programme(.roadMap).path)
    }

    func standupPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let programmes = ProgrammeUseCases(req: req)
        guard let standing = try await programmes.standing(of: user) else { return req.render(NoProgrammePage()) }
        let form = try await programmes.todaysStandup(of: user, today: standing.today).map(StandupForm.init) ?? StandupForm()
        return req.render(StandupPage(day: standing.today.display, due: standing.standupTime.description, isEdit: standing.standupPosted, form: form, errors: .none))
    }

    func postStandup(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let programmes = ProgrammeUseCases(req: req)
        guard let standing = try await programmes.standing(of: user) else { return req.render(NoProgrammePage()) }
        return try await req.submit(StandupForm.self, again: { form, errors, status in
            req.render(StandupPage(day: standing.today.display, due: standing.standupTime.description, isEdit: standing.standupPosted, form: form, errors: errors), status: status)
        }) { form in
            let draft = try StandupDraft.validate(yesterday: form.yesterday ?? "", today: form.today ?? "", blockers: form.blockers ?? "",
                                                  mood: form.mood ?? "", wantsHelp: form.wants_help == "yes")
            try await programmes.postStandup(draft, for: user)
            let saved = standing.standupPosted ? "Your standup is saved." : "Your standup is posted."
            // The graduate stays where they posted; a request for help says where it went and
            // where the answer will be.
            return req.redirect(to: form.from == "home" ? .homes(.graduate) : .programme(.standup), flash: draft.wantsHelp
                ? saved + " Your request for help is sent to your coaches: their answer will show on your home, and you can reply to it there." : saved)
        }
    }

    /// The form of `week` (this week when nil), filled with what was written before.
    private func retrospectivePage(_ req: Request, week rawWeek: String?, form: RetrospectiveForm?, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let programmes = ProgrammeUseCases(req: req)
        guard let standing = try await programmes.standing(of: user) else { return req.render(NoProgrammePage()) }
        guard let weeks = RetrospectiveDraft.writableWeeks(on: standing.today, calendar: standing.calendar) else {
            return req.redirect(to: SiteURL.programme(.roadMap).path).flash(.error, "Your programme starts on Monday: write your first retrospective in week 1.", on: req)
        }
        let week = RetrospectivePage.week(asked: rawWeek, writable: weeks)
        let graduateID = try user.requireID()
        let written = try await programmes.retrospectives(of: graduateID).first { $0.week == week }
        let figures = try await programmes.figures(of: graduateID, week: week, calendar: standing.calendar)
        let page = RetrospectivePage(week: week, calendar: standing.calendar, written: written, figures: figures, form: form, errors: errors)
        return req.render(page, status: status)
    }

    func retrospectivePage(req: Request) async throws -> Response {
        try await retrospectivePage(req, week: req.query[String.self, at: "week"], form: nil, errors: .none)
    }

    func writeRetrospective(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(RetrospectiveForm.self, again: { form, errors, status in
            try await retrospectivePage(req, week: form.week, form: form, errors: errors, status: status)
        }) { form in
            let draft = try RetrospectiveDraft.validate(wentWell: form.went_well ?? "", didNotGoWell: form.did_not_go_well ?? "", learned: form.learned ?? "",
                                                        focus: form.focus ?? "", better: form.better ?? "")
            guard let week = form.week.flatMap({ Int($0) }) else {
                throw ValidationErrors([FieldError(field: "week", message: "Write the retrospective of this week or of one that has ended.")])
            }
            try await ProgrammeUseCases(req: req).writeRetrospective(draft, week: week, for: user)
            return req.redirect(to: .programme(.roadMap), flash: "Your retrospective of week \(week) is saved.")
        }
    }

    func retrospectives(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let retrospectives = try await ProgrammeUseCases(req: req).retrospectives(of: user.requireID())
        let comments = try await CareersTeamUseCases(req: req).comments(on: retrospectives.compactMap(\.id))
        return req.render(RetrospectivesPage(retrospectives: retrospectives, comments: comments))
    }

    func standupBoard(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)),
              let board = try await ProgrammeUseCases(req: req).standupBoard(of: id, for: viewer)
        else { throw Refusal.notFound() }
        return req.render(StandupBoardPage(board, viewer: viewer))
    }

    func cohorts(req: Request) async throws -> Response {
        let cohorts = try await CohortModel.query(on: req.db).sort(\.$name).all()
        let links = try await CohortProgrammeModel.query(on: req.db).with(\.$programme).all()
        return req.render(ProgrammesPage(cohorts: cohorts, links: links))
    }

    func giveDefault(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let cohort = try await CohortModel.find(id, on: req.db) else {
            throw Refusal.notFound("There is no such cohort.")
        }
        do {
            try await ProgrammeUseCases(req: req).giveDefault(to: cohort)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.programme(.cohorts).path).flash(.error, error.message, on: req)
        }
        return req.redirect(to: .programme(.cohorts), flash: "\(cohort.name) now follows the default programme.")
    }
}

import Fluent
import OnwardCore
import Vapor

/// A graduate's candidate profile (what it says, sharing it, reading their coach's
/// recommendation); a coach writing that recommendation; and the partnerships team's shared
/// candidates and shortlists.
struct ShortlistController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.sharesCandidateProfile))
        graduate.get(.evidence(.candidateProfile), use: profile)
        graduate.post(.evidence(.candidateProfile), use: saveProfile)
        graduate.post(.evidence(.shareProfile), use: share)
        graduate.post(.evidence(.readRecommendation), use: readRecommendation)
        routes.get(.evidence(.recommend(id: SiteURL.key(SiteURL.Parameter.id))), use: recommendation)
        routes.post(.evidence(.recommend(id: SiteURL.key(SiteURL.Parameter.id))), use: recommend)
        let partner = routes.grouped(Require(Access.shortlistsCandidates))
        partner.get(.evidence(.candidates), use: candidates)
        partner.get(.evidence(.candidate(id: SiteURL.key(SiteURL.Parameter.id))), use: candidate)
        partner.get(.evidence(.shortlists), use: shortlists)
        partner.post(.evidence(.shortlists), use: makeShortlist)
        partner.get(.evidence(.shortlist(id: SiteURL.key(SiteURL.Parameter.id))), use: shortlist)
        partner.get(.evidence(.shortlistCSV(id: SiteURL.key(SiteURL.Parameter.id))), use: export)
        partner.post(.evidence(.shortlistCandidates(id: SiteURL.key(SiteURL.Parameter.id))), use: addToShortlist)
        partner.post(.evidence(.removeFromShortlist(id: SiteURL.key(SiteURL.Parameter.id), graduate: SiteURL.key(SiteURL.Parameter.graduate))), use: removeFromShortlist)
        partner.post(.evidence(.deleteShortlist(id: SiteURL.key(SiteURL.Parameter.id))), use: deleteShortlist)
    }

    // MARK: The graduate's profile

    private func profilePage(_ req: Request, form: CandidateProfileForm? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let cases = ShortlistUseCases(req: req)
        let id = try user.requireID()
        let profile = try await cases.profile(of: id)
        let today = user.today(at: req.now)
        let target = req.settings.weeklyCommitTarget
        let preview = try await cases.preview(of: user, profile: profile, today: today, target: target)
        let recommendation = try await cases.recommendation(of: id)
        let shortlists = try await cases.shortlists(with: id)
        return req.render(CandidateProfilePage(
            shared: profile?.sharedAt != nil,
            form: form ?? CandidateProfileForm(headline: profile?.headline, availableFrom: profile?.availableFrom),
            errors: errors, recommendation: recommendation.map { (text: $0.text, read: $0.readAt != nil, version: TechnicalRecommendation.version(of: $0.text)) },
            shortlists: shortlists.map { (name: $0.name, hiringPartner: $0.hiringPartner) },
            preview: CandidateEvidence(candidate: preview, behind: try await cases.behind(preview), target: target, today: today)), status: status)
    }

    func profile(req: Request) async throws -> Response {
        try await profilePage(req)
    }

    func saveProfile(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(CandidateProfileForm.self, again: { form, errors, status in try await profilePage(req, form: form, errors: errors, status: status) }) { form in
            try await ShortlistUseCases(req: req).save(try form.draft(today: user.today(at: req.now)), for: user.requireID())
            return req.redirect(to: .evidence(.candidateProfile), flash: "Your candidate profile is saved.")
        }
    }

    private struct ShareForm: Content {
        var share: String?
    }

    func share(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let on = try req.form(ShareForm.self).share == "yes"
        let left = try await ShortlistUseCases(req: req).share(on, for: user.requireID())
        let message = on ? "Your profile is shared with the partnerships team."
            : "Your profile is no longer shared: partners no longer see it" + (left > 0 ? ", and you left \(Wording.count(left, "shortlist"))." : ".")
        return req.redirect(to: .evidence(.candidateProfile), flash: message)
    }

    private struct ReadForm: Content {
        var version: String?
    }

    func readRecommendation(req: Request) async throws -> Response {
        do {
            try await ShortlistUseCases(req: req).markRead(by: req.requireUser().requireID(), version: try req.form(ReadForm.self).version ?? "")
        } catch let refusal as Refusal where refusal.kind == .conflict {
            return req.redirect(to: SiteURL.evidence(.candidateProfile).path).flash(.error, refusal.message, on: req)
        }
        return req.redirect(to: .evidence(.candidateProfile), flash: "Thank you: the recommendation is part of your profile.")
    }

    // MARK: The coach's recommendation

    /// The graduate `id` as the coach writing their recommendation: not found for anyone else.
    private func recommended(_ req: Request) async throws -> Policy.Scope {
        let scope = try await Policy(db: req.db).scope(of: req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        guard scope.canRecommend else { throw Refusal.notFound() }
        return scope
    }

    private struct RecommendationForm: Content {
        var text: String?
    }

    private func recommendationPage(_ req: Request, _ scope: Policy.Scope, text: String? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let kept = try await ShortlistUseCases(req: req).recommendation(of: scope.person.requireID())
        return req.render(RecommendationPage(section: RecommendationSection(
            graduateID: scope.person.requireIDString, name: scope.person.name, text: text ?? kept?.text, read: kept?.readAt != nil, errors: errors)), status: status)
    }

    func recommendation(req: Request) async throws -> Response {
        try await recommendationPage(req, try await recommended(req))
    }

    func recommend(req: Request) async throws -> Response {
        let scope = try await recommended(req)
        return try await req.submit(RecommendationForm.self, again: { form, errors, status in
            try await recommendationPage(req, scope, text: form.text, errors: errors, status: status)
        }) { form in
            let text = try TechnicalRecommendation.validate(form.text ?? "")
            _ = try await ShortlistUseCases(req: req).recommend(text, of: scope.person.requireID(), by: req.requireUser().requireID())
            return req.redirect(to: Href(SiteURL.homes(.person(id: scope.person.requireIDString)), fragment: "recommendation"),
                                flash: "Saved. \(scope.person.name) reads it before it joins their profile.")
        }
    }

    // MARK: The partners' side

    private func today(_ req: Request) throws -> LocalDate { try req.requireUser().today(at: req.now) }

    func candidates(req: Request) async throws -> Response {
        let stack = (try? req.query.get(String.self, at: "stack")) ?? ""
        let starts = (try? req.query.get(String.self, at: "starts")).flatMap(Int.init)
        let filter = CandidateFilter(stack: stack, startsWithinDays: starts)
        let today = try today(req)
        let target = req.settings.weeklyCommitTarget
        let all = try await ShortlistUseCases.forPartner(req).candidates(filter, today: today, target: target)
        let pageCount = max(1, (all.count + CandidatesPage.perPage - 1) / CandidatesPage.perPage)
        let page = min(max((try? req.query.get(Int.self, at: "page")) ?? 1, 1), pageCount)
        return req.render(CandidatesPage(candidates: Array(all.dropFirst((page - 1) * CandidatesPage.perPage).prefix(CandidatesPage.perPage)), total: all.count,
                                         stack: filter.stack ?? "", startsWithin: filter.startsWithinDays, page: page, pageCount: pageCount, target: target, today: today))
    }

    func candidate(req: Request) async throws -> Response {
        let cases = ShortlistUseCases.forPartner(req)
        let today = try today(req)
        let target = req.settings.weeklyCommitTarget
        let (candidate, of) = try await cases.candidate(req.parameter(SiteURL.Parameter.id), today: today, target: target)
        let on = try await cases.shortlists(with: candidate.id)
        return req.render(CandidatePage(evidence: CandidateEvidence(candidate: candidate, behind: try await cases.behind(candidate), target: target, today: today),
                                        of: of, on: on, shortlists: try await cases.shortlists().map(\.0), errors: .none))
    }

    private func shortlistsPage(_ req: Request, form: ShortlistForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        req.render(ShortlistsPage(shortlists: try await ShortlistUseCases(req: req).shortlists(), form: form, errors: errors), status: status)
    }

    func shortlists(req: Request) async throws -> Response {
        try await shortlistsPage(req)
    }

    func makeShortlist(req: Request) async throws -> Response {
        try await req.submit(ShortlistForm.self, again: { form, errors, status in try await shortlistsPage(req, form: form, errors: errors, status: status) }) { form in
            let list = try await ShortlistUseCases(req: req).makeShortlist(try form.draft(), by: req.requireUser().requireID())
            return req.redirect(to: .evidence(.shortlist(id: list.requireIDString)), flash: "\(list.name) is made: add candidates from their pages.")
        }
    }

    func shortlist(req: Request) async throws -> Response {
        let cases = ShortlistUseCases(req: req)
        let list = try await cases.shortlist(req.parameter(SiteURL.Parameter.id))
        let today = try today(req)
        let target = req.settings.weeklyCommitTarget
        return req.render(ShortlistPage(shortlist: list, candidates: try await cases.candidates(on: list, today: today, target: target), target: target, today: today))
    }

    func export(req: Request) async throws -> Response {
        let cases = ShortlistUseCases(req: req)
        let list = try await cases.shortlist(req.parameter(SiteURL.Parameter.id))
        let today = try today(req)
        let target = req.settings.weeklyCommitTarget
        let rows = try await cases.candidates(on: list, today: today, target: target).map { candidate in
            [String(candidate.ranked.rank), candidate.name, candidate.headline, candidate.stacks.joined(separator: ", "),
             CandidateProfileDraft.availability(from: candidate.availableFrom, today: today), String(candidate.ranked.weeksOnTarget), String(candidate.ranked.commits),
             candidate.sideProjects.first.flatMap { candidate.ranked.activeSideProject ? "\($0.name), last worked on \($0.lastWorked.iso)" : nil } ?? candidate.ranked.sideProjectFigure,
             candidate.ranked.feedbackFigure, candidate.mockScores.meanScore.map(MockScoreWords.mean) ?? "",
             candidate.githubLogin.map { "https://github.com/" + $0 } ?? "", SiteURL.evidence(.candidate(id: candidate.id.uuidString)).absolute(on: req)]
        }
        return req.csvDownload(Shortlist.csv(rows, target: target), filename: "onward-shortlist-\(today.iso).csv")
    }

    private struct EntryForm: Content {
        var graduateID: String?

        enum CodingKeys: String, CodingKey { case graduateID = "graduate_id" }
    }

    func addToShortlist(req: Request) async throws -> Response {
        let cases = ShortlistUseCases(req: req)
        let list = try await cases.shortlist(req.parameter(SiteURL.Parameter.id))
        guard let raw = try req.form(EntryForm.self).graduateID, let graduateID = UUID(uuidString: raw) else { throw Refusal.notFound() }
        let added: Bool
        do {
            added = try await cases.add(graduateID, to: list)
        } catch let refusal as Refusal where refusal.field != nil {
            // They stopped sharing since the page was shown: say so where the partner goes next.
            return req.redirect(to: SiteURL.evidence(.candidates).path).flash(.error, "That candidate no longer shares their profile.", on: req)
        }
        return req.redirect(to: .evidence(.candidate(id: graduateID.uuidString)), flash: added ? "Added to \(list.name)." : "Already on \(list.name).")
    }

    func removeFromShortlist(req: Request) async throws -> Response {
        let cases = ShortlistUseCases(req: req)
        let list = try await cases.shortlist(req.parameter(SiteURL.Parameter.id))
        guard let graduateID = UUID(uuidString: try req.parameter(SiteURL.Parameter.graduate)), try await cases.remove(graduateID, from: list) else { throw Refusal.notFound() }
        return req.redirect(to: .evidence(.shortlist(id: list.requireIDString)), flash: "Taken off \(list.name).")
    }

    func deleteShortlist(req: Request) async throws -> Response {
        let cases = ShortlistUseCases(req: req)
        let list = try await cases.shortlist(req.parameter(SiteURL.Parameter.id))
        try await cases.delete(list)
        return req.redirect(to: .evidence(.shortlists), flash: "\(list.name) is deleted.")
    }
}

/// A coach's page for a graduate's technical recommendation, when the form on the page about
/// them needs saying again (with what was wrong).
struct RecommendationPage: PageView {
    let section: RecommendationSection

    var title: String { "Recommendation for \(section.name)" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.p { h.a("← \(section.name)", .href(Href(SiteURL.homes(.person(id: section.graduateID))))) }
            section.content(h)
        }
    }
}

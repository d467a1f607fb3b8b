import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// The candidate profile, the coach's recommendation, and the partnerships team's candidates and
/// shortlists, through the API.
extension OnwardAPI {
    private func candidateProfile(of graduate: UserModel) async throws -> Components.Schemas.CandidateProfile {
        let cases = ShortlistUseCases(req: try request)
        let id = try graduate.requireID()
        let profile = try await cases.profile(of: id)
        let recommendation = try await cases.recommendation(of: id)
        return .init(shared: profile?.sharedAt != nil, headline: profile?.headline ?? "", availableFrom: profile?.availableFrom,
                     recommendation: recommendation.map { .init(text: $0.text, read: $0.readAt != nil, version: TechnicalRecommendation.version(of: $0.text)) },
                     shortlists: try await cases.shortlists(with: id).map { .init(name: $0.name, hiringPartner: $0.hiringPartner) })
    }

    func getCandidateProfile(_ input: Operations.GetCandidateProfile.Input) async throws -> Operations.GetCandidateProfile.Output {
        let graduate = try tokenOwner(Access.sharesCandidateProfile, else: "Only a graduate has a candidate profile.")
        return .ok(.init(body: .json(try await candidateProfile(of: graduate))))
    }

    func updateCandidateProfile(_ input: Operations.UpdateCandidateProfile.Input) async throws -> Operations.UpdateCandidateProfile.Output {
        let graduate = try tokenOwner(Access.sharesCandidateProfile, else: "Only a graduate has a candidate profile.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let cases = ShortlistUseCases(req: try request)
        let id = try graduate.requireID()
        let kept = try await cases.profile(of: id)
        let draft = try CandidateProfileDraft.validate(headline: body.headline ?? kept?.headline ?? "", availableFrom: body.availableFrom ?? kept?.availableFrom ?? "",
                                                       today: graduate.today(at: try request.now))
        // Stopping sharing comes first, on its own: nothing else in the body can hold it up.
        if body.shared == false, kept?.sharedAt != nil { try await cases.share(false, for: id) }
        if body.recommendationRead == true {
            guard let version = body.recommendationVersion else {
                throw ValidationErrors([FieldError(field: "recommendation_version", message: "Name the version of the recommendation you read, as GET /candidate-profile gives it.")])
            }
            try await cases.markRead(by: id, version: version)
        }
        try await cases.save(draft, for: id)
        if body.shared == true, kept?.sharedAt == nil { try await cases.share(true, for: id) }
        return .ok(.init(body: .json(try await candidateProfile(of: graduate))))
    }

    func writeTechnicalRecommendation(_ input: Operations.WriteTechnicalRecommendation.Input) async throws -> Operations.WriteTechnicalRecommendation.Output {
        let req = try request
        let scope = try await Policy(db: req.db).scope(of: input.path.id, for: try user())
        guard scope.canRecommend else { throw Refusal.notFound() }
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let text = try TechnicalRecommendation.validate(body.text)
        let kept = try await ShortlistUseCases(req: req).recommend(text, of: scope.person.requireID(), by: scope.viewer.requireID())
        return .ok(.init(body: .json(.init(graduateId: scope.person.requireIDString, text: kept.text, writtenAt: kept.writtenAt, read: kept.readAt != nil))))
    }

    private func partner() throws -> UserModel {
        try tokenOwner(Access.shortlistsCandidates, else: "Only the partnerships team reads candidates and shortlists.")
    }

    func listCandidates(_ input: Operations.ListCandidates.Input) async throws -> Operations.ListCandidates.Output {
        let partner = try partner()
        let req = try request
        let today = partner.today(at: req.now)
        let candidates = try await ShortlistUseCases.forPartner(req).candidates(CandidateFilter(stack: input.query.stack, startsWithinDays: input.query.startsWithinDays),
                                                                          today: today, target: req.settings.weeklyCommitTarget)
        return .ok(.init(body: .json(candidates.map { Components.Schemas.CandidateSummary($0, today: today) })))
    }

    func getCandidate(_ input: Operations.GetCandidate.Input) async throws -> Operations.GetCandidate.Output {
        let partner = try partner()
        let req = try request
        let today = partner.today(at: req.now)
        let cases = ShortlistUseCases.forPartner(req)
        let (candidate, of) = try await cases.candidate(input.path.id, today: today, target: req.settings.weeklyCommitTarget)
        let behind = try await cases.behind(candidate)
        return .ok(.init(body: .json(.init(
            candidate: .init(candidate, today: today), of: of,
            weeks: (candidate.weeks ?? []).map { .init(weekOf: $0.monday.iso, commits: $0.commits) },
            latestCommits: behind.commits.map { .init(sha: $0.sha, day: $0.day, repository: $0.repository) },
            projects: behind.projects.map(Components.Schemas.Project.init),
            feedback: behind.feedback.map { Components.Schemas.Feedback(FeedbackEntry(shared: $0, today: today), item: $0) },
            mockInterviews: candidate.mockScores.map { mock in
                .init(day: mock.day.iso, theme: mock.theme, scores: .init(additionalProperties: Dictionary(mock.scores.map { ($0.criterion, $0.score) }) { first, _ in first }),
                      mean: mock.mean)
            },
            recommendation: candidate.recommendation))))
    }

    func listShortlists(_ input: Operations.ListShortlists.Input) async throws -> Operations.ListShortlists.Output {
        _ = try partner()
        let lists = try await ShortlistUseCases(req: try request).shortlists()
        return .ok(.init(body: .json(lists.map { .init(id: $0.0.requireIDString, name: $0.0.name, hiringPartner: $0.0.hiringPartner, candidates: $0.1) })))
    }

    func createShortlist(_ input: Operations.CreateShortlist.Input) async throws -> Operations.CreateShortlist.Output {
        let partner = try partner()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let list = try await ShortlistUseCases(req: try request).makeShortlist(try ShortlistDraft.validate(name: body.name, hiringPartner: body.hiringPartner),
                                                                               by: partner.requireID())
        return .created(.init(body: .json(.init(id: list.requireIDString, name: list.name, hiringPartner: list.hiringPartner, candidates: 0))))
    }

    func getShortlist(_ input: Operations.GetShortlist.Input) async throws -> Operations.GetShortlist.Output {
        let partner = try partner()
        let req = try request
        let cases = ShortlistUseCases(req: req)
        let list = try await cases.shortlist(input.path.id)
        let today = partner.today(at: req.now)
        let candidates = try await cases.candidates(on: list, today: today, target: req.settings.weeklyCommitTarget)
        return .ok(.init(body: .json(.init(id: list.requireIDString, name: list.name, hiringPartner: list.hiringPartner,
                                           candidates: candidates.map { .init($0, today: today) }))))
    }

    func deleteShortlist(_ input: Operations.DeleteShortlist.Input) async throws -> Operations.DeleteShortlist.Output {
        _ = try partner()
        let cases = ShortlistUseCases(req: try request)
        try await cases.delete(try await cases.shortlist(input.path.id))
        return .noContent(.init())
    }

    func addToShortlist(_ input: Operations.AddToShortlist.Input) async throws -> Operations.AddToShortlist.Output {
        _ = try partner()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let cases = ShortlistUseCases(req: try request)
        let list = try await cases.shortlist(input.path.id)
        guard let graduateID = UUID(uuidString: body.graduateId) else { throw Refusal.notFound("Choose a candidate who shares their profile.", field: "graduate_id") }
        return try await cases.add(graduateID, to: list) ? .created(.init()) : .ok(.init())
    }

    func removeFromShortlist(_ input: Operations.RemoveFromShortlist.Input) async throws -> Operations.RemoveFromShortlist.Output {
        _ = try partner()
        let cases = ShortlistUseCases(req: try request)
        let list = try await cases.shortlist(input.path.id)
        guard let graduateID = UUID(uuidString: input.path.graduateId), try await cases.remove(graduateID, from: list) else { throw Refusal.notFound() }
        return .noContent(.init())
    }
}

extension Components.Schemas.CandidateSummary {
    init(_ candidate: ShortlistUseCases.Candidate, today: LocalDate) {
        let ranked = candidate.ranked
        let mocks = candidate.mockScores
        self.init(graduateId: candidate.id.uuidString, rank: ranked.rank, name: candidate.name, headline: candidate.headline, stacks: candidate.stacks,
                  availableNow: candidate.availableFrom.map { $0 <= today } ?? true, availableFrom: candidate.availableFrom?.iso, githubLogin: candidate.githubLogin,
                  weeksOnTarget: ranked.weeksOnTarget, weeksRead: Shortlist.weeksRead, commits: ranked.commits, activeSideProject: ranked.activeSideProject,
                  feedbackGiven: ranked.evidence.feedbackGiven, feedbackActedOn: min(ranked.evidence.feedbackActedOn, ranked.evidence.feedbackGiven),
                  mockInterviews: mocks.count, mockInterviewMean: mocks.meanScore, score: ranked.score)
    }
}

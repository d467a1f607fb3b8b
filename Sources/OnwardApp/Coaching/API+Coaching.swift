import Fluent
import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// Coaching's API operations: submissions and their reviews.
extension OnwardAPI {
    private static func submission(_ submission: SubmissionModel) -> Components.Schemas.Submission {
        .init(id: submission.requireIDString, kind: .init(rawValue: submission.kind.rawValue)!, title: submission.title, body: submission.body,
              link: submission.link, submittedOn: submission.submittedOn, state: .init(rawValue: submission.state.rawValue)!, round: submission.round)
    }

    private static func review(_ review: SubmissionReviewModel, reviewer: String) -> Components.Schemas.SubmissionReview {
        .init(round: review.round, verdict: .init(rawValue: review.verdict.rawValue)!, comment: review.comment, reviewer: reviewer,
              reviewedAt: review.createdAt ?? Date())
    }

    /// The token owner, if they submit work for review (a graduate).
    private func submitter() throws -> UserModel {
        let viewer = try user()
        guard Access.followsProgramme(viewer.viewer) else {
            throw AppError(status: .forbidden, code: "forbidden", message: "Only a graduate submits work for review.")
        }
        return viewer
    }

    /// The token owner, if they review submissions (a coach, an admin).
    private func reviewer() throws -> UserModel {
        let viewer = try user()
        guard Access.reviewsSubmissions(viewer.viewer) else {
            throw AppError(status: .forbidden, code: "forbidden", message: "Only a coach or an admin reviews submissions.")
        }
        return viewer
    }

    func listSubmissions(_ input: Operations.ListSubmissions.Input) async throws -> Operations.ListSubmissions.Output {
        let viewer = try submitter()
        return .ok(.init(body: .json(try await ReviewUseCases(req: request).submissions(of: viewer.requireID()).map(Self.submission))))
    }

    func createSubmission(_ input: Operations.CreateSubmission.Input) async throws -> Operations.CreateSubmission.Output {
        let viewer = try submitter()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try SubmissionDraft.validate(kind: body.kind.rawValue, title: body.title, body: body.body ?? "", link: body.link ?? "")
        return .created(.init(body: .json(Self.submission(try await ReviewUseCases(req: request).submit(draft, for: viewer)))))
    }

    func getSubmission(_ input: Operations.GetSubmission.Input) async throws -> Operations.GetSubmission.Output {
        let detail = try await ReviewUseCases(req: request).detail(of: input.path.id, for: user())
        return .ok(.init(body: .json(.init(
            submission: Self.submission(detail.submission), graduateId: detail.graduate.requireIDString, graduateName: detail.graduate.name,
            rounds: detail.rounds.map { item in
                .init(round: item.round.round, title: item.round.title, body: item.round.body, link: item.round.link, sentAt: item.round.sentAt,
                      review: item.review.map { Self.review($0, reviewer: $0.reviewer.name) })
            }))))
    }

    func resubmitSubmission(_ input: Operations.ResubmitSubmission.Input) async throws -> Operations.ResubmitSubmission.Output {
        let viewer = try submitter()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let submission = try await ReviewUseCases(req: request).resubmit(input.path.id, title: body.title, body: body.body ?? "", link: body.link ?? "", by: viewer)
        return .created(.init(body: .json(Self.submission(submission))))
    }

    func reviewSubmission(_ input: Operations.ReviewSubmission.Input) async throws -> Operations.ReviewSubmission.Output {
        let viewer = try reviewer()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try ReviewDraft.validate(verdict: body.verdict.rawValue, comment: body.comment ?? "")
        let review = try await ReviewUseCases(req: request).review(input.path.id, draft, by: viewer)
        return .created(.init(body: .json(Self.review(review, reviewer: viewer.name))))
    }

    func listReviewQueue(_ input: Operations.ListReviewQueue.Input) async throws -> Operations.ListReviewQueue.Output {
        let (waiting, _) = try await ReviewUseCases(req: request).queue(for: reviewer())
        return .ok(.init(body: .json(waiting.map { item in
            .init(submission: Self.submission(item.submission), graduateId: item.graduate.requireIDString, graduateName: item.graduate.name,
                  waitingSince: item.submission.sentAt ?? item.submission.createdAt ?? Date())
        })))
    }
}

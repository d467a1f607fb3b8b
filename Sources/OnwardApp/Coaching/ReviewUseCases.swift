import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// Submissions and their reviews: a graduate submits and, when asked for changes, resubmits; a
/// coach of theirs (or an admin) approves or asks for changes. Every round and verdict is kept,
/// and an approved submission completes its programme activity. The rounds are `ReviewState`'s.
struct ReviewUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A submission with its rounds, each with its review if it has one.
    struct Detail {
        struct Round {
            let round: SubmissionRoundModel
            let review: SubmissionReviewModel?
        }
        let submission: SubmissionModel
        let graduate: UserModel
        /// The latest round first.
        let rounds: [Round]
        let scope: Policy.Scope
    }

    /// A submission waiting in the queue, with whose it is.
    struct Waiting {
        let submission: SubmissionModel
        let graduate: UserModel
    }

    func submissions(of graduateID: UUID) async throws -> [SubmissionModel] {
        try await SubmissionModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$createdAt, .descending).all()
    }

    /// The figures a job search analysis of `graduate` opens with, and is sent with, now.
    func analysisFigures(of graduate: UserModel) async throws -> JobSearchAnalysis {
        try await Capabilities.reads.evidence.jobSearchAnalysis(of: graduate, on: db, now: now)
    }

    /// A new submission, as its first round, waiting for review. A job search analysis is sent
    /// with the figures as they stand.
    @discardableResult
    func submit(_ draft: SubmissionDraft, for graduate: UserModel, figuresRead: String? = nil) async throws -> SubmissionModel {
        let day = try await graduate.programmeDay(at: now, on: db)
        let figures = draft.kind == .jobSearchAnalysis ? try await analysisFigures(of: graduate) : nil
        try Self.check(figures, read: figuresRead)
        let submission = SubmissionModel(userID: try graduate.requireID(), draft: draft, figures: figures, on: day, at: now)
        try await db.transaction { db in
            try await submission.create(on: db)
            try await SubmissionRoundModel(of: submission, id: submission.requireID()).create(on: db)
        }
        return submission
    }

    /// Submission `rawID` as `viewer` may see it: its graduate, and their coaches and an admin,
    /// who review it. Anyone else is told there is no such submission.
    func detail(of rawID: String, for viewer: UserModel) async throws -> Detail {
        let (submission, graduate, scope) = try await visible(rawID, for: viewer)
        let id = try submission.requireID()
        let rounds = try await SubmissionRoundModel.query(on: db).filter(\.$submission.$id == id).sort(\.$round, .descending).all()
        let reviews = try await SubmissionReviewModel.query(on: db).filter(\.$submission.$id == id).with(\.$reviewer).all()
        let reviewByRound = Dictionary(reviews.map { ($0.round, $0) }, uniquingKeysWith: { first, _ in first })
        return Detail(submission: submission, graduate: graduate, rounds: rounds.map { .init(round: $0, review: reviewByRound[$0.round]) }, scope: scope)
    }

    private func visible(_ rawID: String, for viewer: UserModel) async throws -> (SubmissionModel, UserModel, Policy.Scope) {
        guard let id = UUID(uuidString: rawID), let submission = try await SubmissionModel.find(id, on: db),
              let graduate = try await UserModel.find(submission.$user.id, on: db)
        else { throw Self.noSuchSubmission }
        let scope = try await Policy(db: db).scope(of: graduate, for: viewer)
        guard scope.isSelf || scope.canReviewSubmissions else { throw Self.noSuchSubmission }
        return (submission, graduate, scope)
    }

    static let noSuchSubmission = Refusal.notFound("There is no such submission.")

    /// An analysis written beside figures of version `read` (the form's) is sent only while they
    /// are still the figures: a new application or answer meanwhile asks the graduate to read
    /// them again (409), so the coach never reviews writing beside figures it was not written from.
    static func check(_ figures: JobSearchAnalysis?, read: String?) throws {
        guard let figures, let read, !read.isEmpty, read != figures.version else { return }
        throw Refusal.conflict("Your figures changed since the page was opened: read them again (they are shown as they are now), then send.")
    }

    /// The graduate sends the next round of a submission sent back for changes (of the same kind,
    /// with new text; an analysis with the figures as they stand now). Two at once
    /// give one round and one refusal (409); resubmitting what is waiting or approved is refused.
    @discardableResult
    func resubmit(_ rawID: String, title: String, body: String, link: String, changes: String = "", figuresRead: String? = nil,
                  by viewer: UserModel) async throws -> SubmissionModel {
        let (found, graduate, scope) = try await visible(rawID, for: viewer)
        guard scope.isSelf else { throw Self.noSuchSubmission }
        let id = try found.requireID()
        let day = try await graduate.programmeDay(at: now, on: db)
        let figures = found.kind == .jobSearchAnalysis ? try await analysisFigures(of: graduate) : nil
        try Self.check(figures, read: figuresRead)
        let now = self.now
        do {
            return try await db.writeTransaction { db in
                try await db.lockRow(of: SubmissionModel.schema, id: id)
                guard let submission = try await SubmissionModel.find(id, on: db) else { throw Self.noSuchSubmission }
                // The state is checked before the body: a submission that cannot be resubmitted
                // says so (409), whatever was sent.
                guard let next = submission.state.after(.resubmit) else {
                    throw Refusal.conflict(submission.state == .approved
                        ? "It is approved already: there is nothing to resubmit."
                        : "It is waiting for review already: resubmit once your coach has asked for changes.")
                }
                // Whether it may say what will change depends on what was submitted, not on the round sent.
                guard found.kind == .jobSearchAnalysis || changes.trimmed.isEmpty else {
                    throw Refusal.conflict("Only a job search analysis says what will change: leave the changes empty.")
                }
                let draft = try SubmissionDraft.validate(kind: found.kind.rawValue, title: title, body: body, link: link, changes: changes)
                submission.take(draft, figures: figures)
                submission.state = next
                submission.round += 1
                submission.submittedOn = day.iso
                submission.sentAt = now
                try await submission.save(on: db)
                try await SubmissionRoundModel(of: submission, id: id).create(on: db)
                return submission
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal.conflict("This round was sent already.")
        }
    }

    /// A coach of the graduate, or an admin, reviews the round waiting. Two reviews at once give
    /// one review and one refusal (409) that names who reviewed.
    @discardableResult
    func review(_ rawID: String, _ draft: ReviewDraft, by viewer: UserModel) async throws -> SubmissionReviewModel {
        try await review(rawID, by: viewer) { draft }
    }

    /// A review as it is sent (a verdict and a comment): checked once the submission is known to
    /// be waiting, so one reviewed already says so (409) whatever was sent.
    func review(_ rawID: String, verdict: String, comment: String, by viewer: UserModel) async throws -> SubmissionReviewModel {
        try await review(rawID, by: viewer) { try ReviewDraft.validate(verdict: verdict, comment: comment) }
    }

    private func review(_ rawID: String, by viewer: UserModel, draft makeDraft: @escaping @Sendable () throws -> ReviewDraft) async throws -> SubmissionReviewModel {
        let (found, _, scope) = try await visible(rawID, for: viewer)
        guard scope.canReviewSubmissions else { throw Self.noSuchSubmission }
        let id = try found.requireID()
        let reviewerID = try viewer.requireID()
        do {
            return try await db.writeTransaction { db in
                try await db.lockRow(of: SubmissionModel.schema, id: id)
                guard let submission = try await SubmissionModel.find(id, on: db) else { throw Self.noSuchSubmission }
                guard submission.state == .waiting else { throw try await Self.reviewedAlready(submission, on: db) }
                let draft = try makeDraft()
                guard let next = submission.state.after(draft.verdict.event) else { throw try await Self.reviewedAlready(submission, on: db) }
                let review = SubmissionReviewModel(submissionID: id, round: submission.round, reviewerID: reviewerID, draft: draft)
                try await review.create(on: db)
                submission.state = next
                try await submission.save(on: db)
                try await Capabilities.reads.notifications.notify([submission.$user.id], Notice(
                    kind: .reviewDone, text: "\(viewer.name) reviewed “\(submission.title)”: \(draft.verdict.title.lowercased()).",
                    url: .coaching(.submission(id: id.uuidString))), at: now, on: db)
                return review
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            guard let submission = try await SubmissionModel.find(id, on: db) else { throw Self.noSuchSubmission }
            throw try await Self.reviewedAlready(submission, on: db)
        }
    }

    /// The refusal of a review that came too late: who reviewed the round, and how.
    private static func reviewedAlready(_ submission: SubmissionModel, on db: any Database) async throws -> Refusal {
        let last = try await SubmissionReviewModel.query(on: db).filter(\.$submission.$id == submission.requireID())
            .sort(\.$round, .descending).with(\.$reviewer).first()
        let who = last?.reviewer.name ?? "Someone"
        let message = switch submission.state {
        case .approved: "\(who) has approved it already."
        case .changesRequested: "\(who) has asked for changes already; it comes back when the graduate resubmits."
        case .waiting: "\(who) reviewed it a moment ago."
        }
        return Refusal.conflict(message)
    }

    /// The review queue of `viewer`: the submissions of the graduates they coach (an admin:
    /// everyone's) waiting for review, the oldest first; and those sent back, waiting for the
    /// graduate. A fixed number of queries however many graduates.
    func queue(for viewer: UserModel) async throws -> (waiting: [Waiting], sentBack: [Waiting]) {
        guard Access.reviewsSubmissions(viewer.viewer) else { return ([], []) }
        let graduates = try await Policy(db: db).visiblePeople(for: viewer).filter { $0.role == .graduate }
        let byID = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, graduate) } }, uniquingKeysWith: { first, _ in first })
        guard !byID.isEmpty else { return ([], []) }
        let submissions = try await SubmissionModel.query(on: db).filter(\.$user.$id ~~ Array(byID.keys))
            .filter(\.$state ~~ [ReviewState.waiting, .changesRequested]).sort(\.$sentAt).sort(\.$createdAt).all()
        let rows = submissions.compactMap { submission in byID[submission.$user.id].map { Waiting(submission: submission, graduate: $0) } }
        return (rows.filter { $0.submission.state == .waiting }, rows.filter { $0.submission.state == .changesRequested })
    }
}

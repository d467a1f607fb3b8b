import Fluent
import OnwardCore
import Vapor

/// Submissions and their reviews on the web: the graduate's list and form, one submission with
/// its rounds, resubmitting, reviewing, and a coach's queue. Each submission is checked by the policy.
struct ReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.followsProgramme))
        graduate.get(.coaching(.submissions), use: submissions)
        graduate.post(.coaching(.submissions), use: submit)
        graduate.post(.coaching(.resubmit(id: SiteURL.key(SiteURL.Parameter.id))), use: resubmit)
        let signedIn = routes.grouped(Require.signedIn)
        signedIn.get(.coaching(.submission(id: SiteURL.key(SiteURL.Parameter.id))), use: submission)
        let reviewers = routes.grouped(Require(Access.reviewsSubmissions))
        reviewers.get(.coaching(.reviews), use: queue)
        reviewers.post(.coaching(.review(id: SiteURL.key(SiteURL.Parameter.id))), use: review)
    }

    // MARK: The graduate's submissions

    private func submissionsPage(_ req: Request, form: SubmissionForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let entries = try await ReviewUseCases(req: req).submissions(of: req.requireUser().requireID()).map { submission in
            SubmissionsPage.Entry(url: SiteURL.coaching(.submission(id: submission.requireIDString)).path, kind: submission.kind.title, title: submission.title,
                                  submitted: Formats.day(iso: submission.submittedOn), state: submission.state, round: submission.round)
        }
        return req.render(SubmissionsPage(entries: entries, form: form, errors: errors), status: status)
    }

    func submissions(req: Request) async throws -> Response {
        try await submissionsPage(req, form: SubmissionForm(kind: req.query[String.self, at: "kind"]))
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.form(SubmissionForm.self)
        do {
            let draft = try SubmissionDraft.validate(kind: form.kind ?? "", title: form.title ?? "", body: form.body ?? "", link: form.link ?? "")
            try await ReviewUseCases(req: req).submit(draft, for: req.requireUser())
            return req.redirect(to: .coaching(.submissions), flash: "Submitted for review. Your coaches will approve it or ask for changes.")
        } catch let errors as ValidationErrors {
            return try await submissionsPage(req, form: form, errors: FormErrors(errors), status: .unprocessableEntity)
        }
    }

    // MARK: One submission

    private func submissionPage(_ req: Request, reviewForm: ReviewForm = .init(), resubmitForm: SubmissionForm? = nil, errors: FormErrors = .none,
                                status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let detail = try await ReviewUseCases(req: req).detail(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        let submission = detail.submission
        let id = submission.requireIDString
        let zone = viewer.timeZone
        let page = SubmissionPage(
            graduate: detail.graduate.name,
            graduateURL: detail.scope.isSelf ? nil : SiteURL.programme(.graduate(id: detail.graduate.requireIDString)).path,
            kind: submission.kind.title, heading: submission.title, state: submission.state,
            waited: Formats.waited(since: submission.sentAt ?? submission.createdAt ?? req.now, now: req.now),
            rounds: detail.rounds.map { item in
                var round = SubmissionPage.Round(number: item.round.round, sent: Formats.dayAndTime(item.round.sentAt, zone: zone), title: item.round.title,
                                                 body: item.round.body, link: item.round.link.isEmpty ? nil : item.round.link)
                if let review = item.review {
                    round.verdict = review.verdict
                    round.reviewer = PersonName(review.reviewer.name, role: review.reviewer.role)
                    round.reviewed = review.createdAt.map { Formats.dayAndTime($0, zone: zone) } ?? ""
                    round.comment = review.comment
                }
                return round
            },
            reviewURL: detail.scope.canReviewSubmissions && submission.state == .waiting ? SiteURL.coaching(.review(id: id)).path : nil,
            reviewForm: reviewForm,
            resubmitURL: detail.scope.isSelf && submission.state == .changesRequested ? SiteURL.coaching(.resubmit(id: id)).path : nil,
            resubmitForm: resubmitForm ?? SubmissionForm(kind: submission.kind.rawValue, title: submission.title, body: submission.body, link: submission.link),
            errors: errors)
        return req.render(page, status: status)
    }

    func submission(req: Request) async throws -> Response {
        try await submissionPage(req)
    }

    func resubmit(req: Request) async throws -> Response {
        let form = try req.form(SubmissionForm.self)
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            try await ReviewUseCases(req: req).resubmit(id, title: form.title ?? "", body: form.body ?? "", link: form.link ?? "", by: req.requireUser())
            return req.redirect(to: .coaching(.submission(id: id)), flash: "Resubmitted. It is back in your coaches' queue.")
        } catch let errors as ValidationErrors {
            return try await submissionPage(req, resubmitForm: form, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.submission(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    func review(req: Request) async throws -> Response {
        let form = try req.form(ReviewForm.self)
        let id = try req.parameter(SiteURL.Parameter.id)
        let useCases = ReviewUseCases(req: req)
        do {
            let review = try await useCases.review(id, verdict: form.verdict ?? "", comment: form.comment ?? "", by: req.requireUser())
            let message = review.verdict == .approved ? "Approved. It counts on their road map." : "Sent back with your comment; it returns when they resubmit."
            return req.redirect(to: .coaching(.reviews), flash: message)
        } catch let errors as ValidationErrors {
            // Who may review is checked first: the page is shown only to someone who may.
            _ = try await useCases.detail(of: id, for: req.requireUser())
            return try await submissionPage(req, reviewForm: form, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.coaching(.submission(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    // MARK: The queue

    func queue(req: Request) async throws -> Response {
        let (waiting, sentBack) = try await ReviewUseCases(req: req).queue(for: req.requireUser())
        func row(_ item: ReviewUseCases.Waiting) -> ReviewQueuePage.Row {
            ReviewQueuePage.Row(url: SiteURL.coaching(.submission(id: item.submission.requireIDString)).path, graduate: item.graduate.name,
                                kind: item.submission.kind.title, title: item.submission.title, round: item.submission.round,
                                waited: Formats.waited(since: item.submission.sentAt ?? item.submission.createdAt ?? req.now, now: req.now))
        }
        return req.render(ReviewQueuePage(waiting: waiting.map(row), sentBack: sentBack.map(row)))
    }
}

extension SubmissionModel {
    var requireIDString: String { id!.uuidString }
}

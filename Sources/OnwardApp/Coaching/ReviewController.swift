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

    /// The list and the form; a job search analysis's form opens on its own page, with the
    /// graduate's figures.
    private func submissionsPage(_ req: Request, form: SubmissionForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        if form.kind == SubmissionKind.jobSearchAnalysis.rawValue {
            let figures = try await ReviewUseCases(req: req).analysisFigures(of: req.requireUser())
            return req.render(AnalysisFormPage(figures: figures, form: form, errors: errors), status: status)
        }
        let submissions = try await ReviewUseCases(req: req).submissions(of: req.requireUser().requireID())
        return req.render(SubmissionsPage(submissions: submissions, form: form, errors: errors), status: status)
    }

    func submissions(req: Request) async throws -> Response {
        try await submissionsPage(req, form: SubmissionForm(kind: req.query[String.self, at: "kind"]))
    }

    func submit(req: Request) async throws -> Response {
        try await req.submit(SubmissionForm.self, again: { form, errors, status in try await submissionsPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try SubmissionDraft.validate(kind: form.kind ?? "", title: form.title ?? "", body: form.body ?? "", link: form.link ?? "", changes: form.changes ?? "")
            try await ReviewUseCases(req: req).submit(draft, for: req.requireUser(), figuresRead: form.figures_version)
            return req.redirect(to: .coaching(.submissions), flash: "Submitted for review. Your coaches will approve it or ask for changes.")
        }
    }

    // MARK: One submission

    private func submissionPage(_ req: Request, reviewForm: ReviewForm = .init(), resubmitForm: SubmissionForm? = nil, errors: FormErrors = .none,
                                status: HTTPResponseStatus = .ok) async throws -> Response {
        let cases = ReviewUseCases(req: req)
        let detail = try await cases.detail(of: req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        var page = SubmissionPage(detail, now: req.now, reviewForm: reviewForm, resubmitForm: resubmitForm, errors: errors)
        // An analysis sent back shows its graduate their figures as they are now, which the next round is sent with.
        if page.resubmitURL != nil && page.isAnalysis { page.figuresNow = try await cases.analysisFigures(of: detail.graduate) }
        return req.render(page, status: status)
    }

    func submission(req: Request) async throws -> Response {
        try await submissionPage(req)
    }

    func resubmit(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        return try await req.submit(SubmissionForm.self, again: { form, errors, status in try await submissionPage(req, resubmitForm: form, errors: errors, status: status) }, conflictsGoTo: .coaching(.submission(id: id))) { form in
            try await ReviewUseCases(req: req).resubmit(id, title: form.title ?? "", body: form.body ?? "", link: form.link ?? "", changes: form.changes ?? "",
                                                        figuresRead: form.figures_version, by: req.requireUser())
            return req.redirect(to: .coaching(.submission(id: id)), flash: "Resubmitted. It is back in your coaches' queue.")
        }
    }

    func review(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        let useCases = ReviewUseCases(req: req)
        // The review checks who may review; the page shown again reads the submission as the
        // viewer may, so neither shows it to anyone else.
        return try await req.submit(ReviewForm.self, again: { form, errors, status in try await submissionPage(req, reviewForm: form, errors: errors, status: status) },
                                    conflictsGoTo: .coaching(.submission(id: id))) { form in
            let review = try await useCases.review(id, verdict: form.verdict ?? "", comment: form.comment ?? "", by: req.requireUser())
            let message = review.verdict == .approved ? "Approved. It counts on their road map." : "Sent back with your comment; it returns when they resubmit."
            return req.redirect(to: .coaching(.reviews), flash: message)
        }
    }

    // MARK: The queue

    func queue(req: Request) async throws -> Response {
        let (waiting, sentBack) = try await ReviewUseCases(req: req).queue(for: req.requireUser())
        return req.render(ReviewQueuePage(waiting: waiting, sentBack: sentBack, now: req.now))
    }
}

import Fluent
import OnwardCore
import Vapor

/// A graduate's technical feedback and what they did about it: the list, recording an action,
/// deleting one.
struct FeedbackController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.actsOnFeedback))
        graduate.get(.evidence(.feedback), use: list)
        graduate.post(.evidence(.feedback), use: record)
        graduate.post(.evidence(.deleteFeedbackAction(id: SiteURL.key(SiteURL.Parameter.id))), use: delete)
    }

    private func page(_ req: Request, form: FeedbackActionForm? = nil, errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let items = try await FeedbackUseCases(req: req).feedback(of: user.requireID())
        let today = user.today(at: req.now)
        var form = form ?? FeedbackActionForm()
        if form.day == nil { form.day = today.iso }
        if form.feedbackKey == nil { form.feedbackKey = try? req.query.get(String.self, at: "about") }
        return req.render(FeedbackPage(items: items, today: today, form: form, errors: errors), status: status)
    }

    func list(req: Request) async throws -> Response {
        try await page(req)
    }

    func record(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(FeedbackActionForm.self, again: { form, errors, status in try await page(req, form: form, errors: errors, status: status) }) { form in
            _ = try await FeedbackUseCases(req: req).record({ given in
                try FeedbackActionDraft.validate(kind: form.kind ?? "", link: form.link ?? "", note: form.note ?? "", day: form.day ?? "", given: given,
                                                 today: user.today(at: req.now))
            }, about: form.feedbackKey ?? "", for: user)
            return req.redirect(to: .evidence(.feedback), flash: "Recorded beside the feedback: your coach sees it too.")
        }
    }

    func delete(req: Request) async throws -> Response {
        let feedback = FeedbackUseCases(req: req)
        let action = try await feedback.writableAction(req.parameter(SiteURL.Parameter.id), for: req.requireUser())
        try await action.delete(on: req.db)
        return req.redirect(to: .evidence(.feedback), flash: "That is no longer recorded.")
    }
}

import Fluent
import OnwardCore
import Vapor

/// The admin's Slack page and its forms: save, remove and test a cohort's channel.
struct SlackController: RouteCollection {
    struct AddressForm: Content {
        let url: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.key(SiteURL.Parameter.id)
        routes.get(.integrations(.slack), use: page)
        routes.post(.integrations(.saveSlack(cohortID: id)), use: save)
        routes.post(.integrations(.removeSlack(cohortID: id)), use: remove)
        routes.post(.integrations(.testSlack(cohortID: id)), use: test)
    }

    func page(req: Request) async throws -> Response {
        try await page(req, errors: .none)
    }

    private func page(_ req: Request, errors: FormErrors, erred: (cohort: String, typed: String)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let admin = try req.requireUser()
        let slack = SlackUseCases(req: req)
        let response = req.render(SlackPage(channels: try await slack.channels(), log: try await slack.log(), zone: admin.timeZone, errors: errors, erred: erred), status: status)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    func save(req: Request) async throws -> Response {
        let admin = try req.requireUser()
        let id = try req.parameter(SiteURL.Parameter.id)
        let typed = (try? req.content.decode(AddressForm.self))?.url ?? ""
        do {
            try await SlackUseCases(req: req).save(typed, forCohort: id, by: admin)
        } catch let errors as ValidationErrors {
            return try await page(req, errors: FormErrors(errors), erred: (id, typed), status: .unprocessableEntity)
        }
        return req.redirect(to: .integrations(.slack), flash: "Saved: Onward posts to this cohort's channel from now on. Send a test post to check it.")
    }

    func remove(req: Request) async throws -> Response {
        try await SlackUseCases(req: req).remove(forCohort: req.parameter(SiteURL.Parameter.id))
        return req.redirect(to: .integrations(.slack), flash: "Removed: Onward posts nothing more to that channel.")
    }

    func test(req: Request) async throws -> Response {
        try await SlackUseCases(req: req).test(forCohort: req.parameter(SiteURL.Parameter.id))
        return req.redirect(to: .integrations(.slack), flash: "A test post is on its way: it shows in the channel within a minute, and below.")
    }
}

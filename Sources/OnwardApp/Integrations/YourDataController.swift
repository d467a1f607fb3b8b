import Fluent
import OnwardCore
import Vapor

/// One's data (the export, deleting one's account) and the admin's deletions on request.
struct YourDataController: RouteCollection {
    struct EmailForm: Content {
        let email: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.integrations(.yourData), use: page)
        routes.get(.integrations(.exportData), use: export)
        routes.post(.integrations(.deleteAccount), use: deleteOwn)
        let admins = routes.grouped(Require(Access.runsBootcamp))
        admins.get(.integrations(.deletions), use: deletions)
        admins.post(.integrations(.deletions), use: deleteOnRequest)
    }

    func page(req: Request) async throws -> Response {
        try page(req, errors: .none)
    }

    private func page(_ req: Request, errors: FormErrors, status: HTTPResponseStatus = .ok) throws -> Response {
        let user = try req.requireUser()
        let downloads = YourDataUseCases.parts.flatMap(\.downloads).filter { $0.shows(user.viewer) }
        let lists = YourDataUseCases.tables.map(\.shape.name)
        return req.render(YourDataPage(downloads: downloads.map { ($0.label, $0.url) }, lists: lists, role: user.role, errors: errors), status: status)
    }

    /// The JSON document, as a file to keep.
    func export(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let body = try await YourDataUseCases(req: req).export(of: user)
        let response = Response(status: .ok, body: .init(data: body))
        response.headers.contentType = .json
        response.headers.cacheControl = .init(noStore: true)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(YourDataExport.fileName(on: user.today(at: req.now)))\"")
        return response
    }

    func deleteOwn(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let typed = (try? req.content.decode(EmailForm.self))?.email ?? ""
        do {
            try await YourDataUseCases(req: req).deleteOwnAccount(of: user, typed: typed)
        } catch let errors as ValidationErrors {
            return try page(req, errors: FormErrors(errors), status: .unprocessableEntity)
        } catch let refusal as Refusal where refusal.field != nil {
            return try page(req, errors: FormErrors(.one("email", refusal.message)), status: .conflict)
        }
        req.auth.logout(UserModel.self)
        req.session.destroy()
        return req.redirect(to: .home, flash: "Your account is deleted, with everything of yours in Onward. Thank you for being part of it, and good luck.")
    }

    func deletions(req: Request) async throws -> Response {
        try await deletions(req, errors: .none)
    }

    private func deletions(_ req: Request, errors: FormErrors, typed: String = "", status: HTTPResponseStatus = .ok) async throws -> Response {
        let admin = try req.requireUser()
        let record = try await YourDataUseCases(req: req).record()
        let response = req.render(DeletionsPage(record: record, zone: admin.timeZone, errors: errors, typed: typed), status: status)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    func deleteOnRequest(req: Request) async throws -> Response {
        let admin = try req.requireUser()
        let typed = (try? req.content.decode(EmailForm.self))?.email ?? ""
        let deletion: AccountDeletionModel
        do {
            deletion = try await YourDataUseCases(req: req).deleteAccount(withEmail: typed, by: admin)
        } catch let errors as ValidationErrors {
            return try await deletions(req, errors: FormErrors(errors), typed: typed, status: .unprocessableEntity)
        } catch let refusal as Refusal where refusal.field != nil {
            return try await deletions(req, errors: FormErrors(.one("email", refusal.message)), typed: typed, status: refusal.kind == .conflict ? .conflict : .unprocessableEntity)
        }
        // The use case records an admin's own account as deleted by its owner: then they are signed out.
        if deletion.byOwner {
            req.auth.logout(UserModel.self)
            req.session.destroy()
            return req.redirect(to: .home, flash: "Your account is deleted.")
        }
        return req.redirect(to: .integrations(.deletions), flash: "The account is deleted, with everything of theirs. The record below keeps only when, what it was and who deleted it.")
    }
}

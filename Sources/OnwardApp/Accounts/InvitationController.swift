import Fluent
import OnwardCore
import Vapor

/// Accepting an invitation: the invited person sets their name and password and is signed in.
struct InvitationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let token = SiteURL.accounts(.invitation(token: SiteURL.key(SiteURL.Parameter.token)))
        routes.get(token, use: page)
        routes.post(token, use: accept)
    }

    func page(req: Request) async throws -> Response {
        let token = try req.parameter(SiteURL.Parameter.token)
        let invitation = try await Accounts(req: req).usableInvitation(token: token)
        return req.render(AcceptInvitationPage(invitation, token: token))
    }

    func accept(req: Request) async throws -> Response {
        let token = try req.parameter(SiteURL.Parameter.token)
        let accounts = Accounts(req: req)
        return try await req.submit(AcceptInvitationForm.self, again: { form, errors, status in
            let invitation = try await accounts.usableInvitation(token: token)
            return req.render(AcceptInvitationPage(invitation, token: token, name: form.name ?? "", errors: errors), status: status)
        }) { form in
            let user = try await accounts.accept(token: token, name: form.name ?? "", password: form.password ?? "", confirmation: form.password_confirmation ?? "")
            try await req.signIn(user)
            return req.redirect(to: SiteURL.home.path)
                .flash(.success, "Welcome to Onward, \(user.name). Your account is ready.", on: req)
        }
    }
}

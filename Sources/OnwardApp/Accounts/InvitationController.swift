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

    private func acceptPage(_ invitation: InvitationModel, token: String, name: String, errors: FormErrors) -> AcceptInvitationPage {
        AcceptInvitationPage(
            action: Href(SiteURL.accounts(.invitation(token: token))), email: invitation.email, role: invitation.role.title.lowercased(),
            cohort: invitation.cohort?.name, expires: Formats.dayAndTime(invitation.expiresAt, zone: invitation.cohort?.timeZone),
            name: name, errors: errors)
    }

    func page(req: Request) async throws -> Response {
        let token = try req.parameter(SiteURL.Parameter.token)
        let invitation = try await Accounts(req: req).usableInvitation(token: token)
        return req.render(acceptPage(invitation, token: token, name: "", errors: .none))
    }

    func accept(req: Request) async throws -> Response {
        let token = try req.parameter(SiteURL.Parameter.token)
        let form = try req.form(AcceptInvitationForm.self)
        let accounts = Accounts(req: req)
        do {
            let user = try await accounts.accept(token: token, name: form.name ?? "", password: form.password ?? "", confirmation: form.password_confirmation ?? "")
            try await req.signIn(user)
            return req.redirect(to: SiteURL.home.path)
                .flash(.success, "Welcome to Onward, \(user.name). Your account is ready.", on: req)
        } catch let errors as ValidationErrors {
            let invitation = try await accounts.usableInvitation(token: token)
            return req.render(acceptPage(invitation, token: token, name: form.name ?? "", errors: FormErrors(errors)), status: .unprocessableEntity)
        }
    }
}

import Fluent
import OnwardCore
import Vapor

/// One's own account: profile, password, API tokens. Every role has these.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.accounts(.profile), use: profilePage)
        routes.post(.accounts(.profile), use: updateProfile)
        routes.get(.accounts(.password), use: passwordPage)
        routes.post(.accounts(.password), use: changePassword)
        routes.get(.accounts(.tokens), use: tokensPage)
        routes.post(.accounts(.tokens), use: createToken)
        routes.post(.accounts(.revokeToken(id: SiteURL.key(SiteURL.Parameter.id))), use: revokeToken)
    }

    // MARK: Profile

    func profilePage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await user.$cohort.load(on: req.db)
        return req.render(ProfilePage(user))
    }

    func updateProfile(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(ProfileForm.self, again: { form, errors, status in
            try await user.$cohort.load(on: req.db)
            return req.render(ProfilePage(user, form: form, errors: errors), status: status)
        }) { form in
            let draft = try ProfileDraft.validate(
                name: form.name ?? "", timeZone: form.time_zone ?? "", githubLogin: form.github_login ?? "",
                stacks: form.stacks ?? "", bio: form.bio ?? "")
            try await Accounts(req: req).updateProfile(of: user, with: draft)
            return req.redirect(to: .accounts(.profile), flash: "Your profile is saved.")
        }
    }

    // MARK: Password

    func passwordPage(req: Request) async throws -> Response {
        _ = try req.requireUser()
        return req.render(PasswordPage(errors: .none))
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(PasswordForm.self, again: { _, errors, status in req.render(PasswordPage(errors: errors), status: status) }) { form in
            try await Accounts(req: req).changePassword(
                of: user, current: form.current_password ?? "", new: form.password ?? "", confirmation: form.password_confirmation ?? "", keeping: req.session.id?.string)
            return req.redirect(to: .accounts(.password), flash: "Your password is changed.")
        }
    }

    // MARK: API tokens

    private func tokensPage(req: Request, user: UserModel, newToken: String?, form: TokenForm = .init(), errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let tokens = try await Accounts(req: req).tokens(of: user)
        return req.render(TokensPage(tokens: tokens, viewer: user, now: req.now, newToken: newToken, form: form, errors: errors), status: status)
    }

    func tokensPage(req: Request) async throws -> Response {
        try await tokensPage(req: req, user: req.requireUser(), newToken: nil, errors: .none)
    }

    func createToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submit(TokenForm.self, again: { form, errors, status in try await tokensPage(req: req, user: user, newToken: nil, form: form, errors: errors, status: status) }) { form in
            let (_, token) = try await Accounts(req: req).createToken(for: user, name: form.name ?? "", lifetime: form.expires)
            // Shown once, on this response only; it is never stored.
            return try await tokensPage(req: req, user: user, newToken: token, errors: .none, status: .created)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await Accounts(req: req).revokeToken(id: req.parameter(SiteURL.Parameter.id), of: user)
        return req.redirect(to: .accounts(.tokens), flash: "The token is revoked: anything using it is now refused.")
    }
}

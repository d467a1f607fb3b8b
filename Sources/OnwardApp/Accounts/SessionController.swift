import Fluent
import OnwardCore
import Vapor

/// Signing in and out. Signing in lands on the front door (`SiteURL.home`), which sends each
/// person to their own home.
struct SessionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.accounts(.signIn), use: signInPage)
        routes.post(.accounts(.signIn), use: signIn)
        routes.post(.accounts(.signOut), use: signOut)
    }

    func signInPage(req: Request) async throws -> Response {
        if req.auth.has(UserModel.self) {
            return req.redirect(to: SiteURL.home.path)
        }
        let next = Self.safeNext(try? req.query.get(String.self, at: "next")) ?? ""
        return req.render(SignInPage(email: "", next: next, errors: .none))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.form(SignInForm.self)
        do {
            let user = try await Accounts(req: req).signIn(email: form.email ?? "", password: form.password ?? "", client: req.clientAddress)
            try await req.signIn(user)
            let destination = Self.safeNext(form.next) ?? SiteURL.home.path
            return req.redirect(to: destination)
        } catch let error as AppError {
            let page = SignInPage(email: form.email ?? "", next: Self.safeNext(form.next) ?? "", errors: FormErrors(error))
            return req.render(page, status: error.status).withHeaders(of: error)
        }
    }

    func signOut(req: Request) async throws -> Response {
        req.auth.logout(UserModel.self)
        req.session.destroy()
        return req.redirect(to: .accounts(.signIn), flash: "You have signed out.")
    }

    /// Only a path on this site (`LocalPath`): never another host.
    static func safeNext(_ raw: String?) -> String? {
        LocalPath.validated(raw)
    }
}

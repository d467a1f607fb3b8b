import OnwardCore

/// The sign-in form.
struct SignInPage: PageView {
    let email: String
    /// Where to go after signing in (a path on this site), or empty.
    let next: String
    let errors: FormErrors

    var title: String { "Sign in" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Sign in to Onward")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.accounts(.signIn)), .class("form"), .flag(.novalidate)) {
                h.input(.type("hidden"), .name("next"), .value(next))
                h.inputField("email", "Email", type: "email", value: email, errors: errors, .attr(.autocomplete, "email"), .flag(.required))
                h.inputField("password", "Password", type: "password", value: "", errors: .none, .attr(.autocomplete, "current-password"), .flag(.required))
                h.button("Sign in", .type("submit"), .class("button primary"))
            }
            h.p("New here? Onward is by invitation: your bootcamp sends you a link to set up your account.", .class("hint"))
        }
    }
}

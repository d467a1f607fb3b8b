import OnwardCore

/// Accepting an invitation: the invited person chooses their name and password.
struct AcceptInvitationPage: PageView {
    let action: Href
    let email: String
    /// "graduate", "coach", ...
    let role: String
    let cohort: String?
    let expires: String
    let name: String
    let errors: FormErrors

    var title: String { "Join Onward" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Join Onward")
            h.p(.class("lead")) {
                h.text("You are invited as a " + role + (cohort.map { " in " + $0 } ?? "") + ". Choose the name people will see and a password.")
            }
            h.errorSummary(errors)
            h.postForm(action, .class("form"), .flag(.novalidate)) {
                h.div(.class("field")) {
                    h.label("Email", .for("field-email"))
                    h.input(.id("field-email"), .type("email"), .value(email), .flag(.readonly), .attr(.autocomplete, "email"))
                }
                h.inputField("name", "Your name", value: name, errors: errors, .attr(.autocomplete, "name"), .flag(.required))
                h.inputField("password", "Password", type: "password", value: "", hint: "At least \(AccountRules.minimumPasswordLength) characters.", errors: errors,
                             .attr(.autocomplete, "new-password"), .flag(.required))
                h.inputField("password_confirmation", "Password again", type: "password", value: "", errors: errors, .attr(.autocomplete, "new-password"), .flag(.required))
                h.button("Create my account", .type("submit"), .class("button primary"))
            }
            h.p("This link works once and expires on " + expires + ".", .class("hint"))
        }
    }
}

extension AcceptInvitationPage {
    /// The invitation sent with `token`, its expiry said in its cohort's zone.
    init(_ invitation: InvitationModel, token: String, name: String = "", errors: FormErrors = .none) {
        self.init(
            action: Href(.accounts(.invitation(token: token))), email: invitation.email, role: invitation.role.title.lowercased(),
            cohort: invitation.cohort?.name, expires: Formats.dayAndTime(invitation.expiresAt, zone: invitation.cohort?.timeZone),
            name: name, errors: errors)
    }
}

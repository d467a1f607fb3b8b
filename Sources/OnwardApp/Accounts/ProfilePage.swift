import OnwardCore

/// One's own profile, as a form.
struct ProfilePage: PageView {
    let email: String
    let role: String
    let cohort: String?
    let name: String
    let timeZone: String
    let githubLogin: String
    let stacks: String
    let bio: String
    let errors: FormErrors

    var title: String { "Your profile" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Your profile")
            h.p(email + " · " + role + (cohort.map { " · " + $0 } ?? ""), .class("lead"))
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.accounts(.profile)), .class("form"), .flag(.novalidate)) {
                h.inputField("name", "Name", value: name, errors: errors, .attr(.autocomplete, "name"), .flag(.required))
                h.selectField("time_zone", "Time zone", options: TimeZones.all.map { SelectOption(value: $0, label: $0, selected: $0 == timeZone) }, errors: errors)
                h.inputField("github_login", "GitHub login", value: githubLogin,
                             hint: "Your coach and, if you share your profile, hiring partners see your activity there.", errors: errors, .attr(.spellcheck, "false"))
                h.inputField("stacks", "Stacks you want to work in", value: stacks, hint: "Separated by commas, for example: Ruby on Rails, React, Swift.", errors: errors)
                h.textAreaField("bio", "A short bio", value: bio, hint: "Up to \(ProfileDraft.maximumBioLength) characters: what you built, what you are looking for.", errors: errors)
                h.button("Save profile", .type("submit"), .class("button primary"))
            }
        }
    }
}

/// Changing one's password.
struct PasswordPage: PageView {
    let errors: FormErrors

    var title: String { "Change your password" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Change your password")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.accounts(.password)), .class("form"), .flag(.novalidate)) {
                h.inputField("current_password", "Current password", type: "password", value: "", errors: errors, .attr(.autocomplete, "current-password"), .flag(.required))
                h.inputField("password", "New password", type: "password", value: "", hint: "At least \(AccountRules.minimumPasswordLength) characters.", errors: errors,
                             .attr(.autocomplete, "new-password"), .flag(.required))
                h.inputField("password_confirmation", "New password again", type: "password", value: "", errors: errors, .attr(.autocomplete, "new-password"), .flag(.required))
                h.button("Change password", .type("submit"), .class("button primary"))
            }
        }
    }
}

extension ProfilePage {
    /// `user`'s profile, or the form as they sent it when it was refused.
    init(_ user: UserModel, form: ProfileForm? = nil, errors: FormErrors = .none) {
        self.init(
            email: user.email, role: user.role.title, cohort: user.cohort?.name,
            name: form?.name ?? user.name, timeZone: form?.time_zone ?? user.timeZone, githubLogin: form?.github_login ?? user.githubLogin ?? "",
            stacks: form?.stacks ?? user.stacks.joined(separator: ", "), bio: form?.bio ?? user.bio, errors: errors)
    }
}

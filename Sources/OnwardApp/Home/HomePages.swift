import OnwardCore

/// A person as a card or a page heading shows them.
struct PersonCard {
    let name: String
    let url: Href
    let cohort: String?
    let githubLogin: String?
    let stacks: [String]

    var githubURL: String? { githubLogin.map { "https://github.com/" + $0 } }

    func render(_ h: HTML) {
        h.li(.class("card")) {
            h.h2 { h.a(name, .href(url)) }
            if let cohort { h.p(cohort, .class("hint")) }
            githubLine(h)
            stackTags(h)
        }
    }

    func githubLine(_ h: HTML) {
        guard let githubLogin, let githubURL else { return }
        h.p {
            h.text("GitHub: ")
            h.a(githubLogin, .href(web: githubURL), .external)
        }
    }

    func stackTags(_ h: HTML) {
        guard !stacks.isEmpty else { return }
        h.ul(.class("tags")) { for stack in stacks { h.li(stack) } }
    }
}

/// A graduate's home: a greeting, then what each capability has for them today.
struct GraduateHomePage: PageView {
    let firstName: String
    let sections: [any HomeSection]

    var title: String { "Home" }

    func content(_ h: HTML) {
        h.h1("Hello, " + firstName)
        for section in sections { section.content(h) }
    }
}

/// A coach's home: the graduates assigned to them.
struct CoachHomePage: PageView {
    var sections: [any HomeSection] = []
    let graduates: [PersonCard]

    var title: String { "My graduates" }

    func content(_ h: HTML) {
        h.h1("My graduates")
        for section in sections { section.content(h) }
        if graduates.isEmpty {
            h.p("No graduates are assigned to you yet. An admin assigns them from the cohort page.", .class("empty"))
        } else {
            h.ul(.class("cards")) { for person in graduates { person.render(h) } }
        }
    }
}

/// A partner's home: what each capability has for the partnerships team (the candidates who
/// chose to share their profile, the shortlists).
struct PartnerHomePage: PageView {
    let firstName: String
    let sections: [any HomeSection]

    var title: String { "Home" }

    func content(_ h: HTML) {
        h.h1("Hello, \(firstName)")
        for section in sections { section.content(h) }
    }
}

/// A person's page, as the viewer may see it: who they are, then each capability's sections.
struct PersonPage: PageView {
    let card: PersonCard
    let role: String
    let email: String
    let timeZone: String
    let bio: String
    let coaches: [String]
    let isSelf: Bool
    let sections: [any HomeSection]

    var title: String { card.name }

    func content(_ h: HTML) {
        h.h1(card.name)
        h.p(role + (card.cohort.map { " · " + $0 } ?? "") + " · " + timeZone, .class("lead"))
        if isSelf { h.p { h.a("Edit your profile", .class("button"), .href(Href(SiteURL.accounts(.profile)))) } }
        h.dl(.class("details")) {
            h.dt("Email"); h.dd(email)
            h.dt("GitHub")
            h.dd {
                if let login = card.githubLogin, let url = card.githubURL { h.a(login, .href(web: url), .external) } else { h.text("—") }
            }
            h.dt("Stacks")
            h.dd { if card.stacks.isEmpty { h.text("—") } else { card.stackTags(h) } }
            if !coaches.isEmpty { h.dt("Coaches"); h.dd(coaches.joined(separator: ", ")) }
        }
        for section in sections { section.content(h) }
        if !bio.isEmpty {
            h.h2("About")
            h.p(bio, .class("bio"))
        }
    }
}

import Foundation
import OnwardCore
import Vapor

/// A project's form as typed.
struct ProjectForm: Content {
    var name: String?
    var repository: String?
    var live: String?
    var description: String?
    var stacks: String?
    /// "yes" when ticked.
    var isSide: String?
    var startedOn: String?
    var lastWorkedOn: String?

    enum CodingKeys: String, CodingKey {
        case name, repository, live, description, stacks
        case isSide = "is_side"
        case startedOn = "started_on"
        case lastWorkedOn = "last_worked_on"
    }

    init(name: String? = nil, repository: String? = nil, live: String? = nil, description: String? = nil, stacks: String? = nil, isSide: String? = nil,
         startedOn: String? = nil, lastWorkedOn: String? = nil) {
        (self.name, self.repository, self.live, self.description, self.stacks) = (name, repository, live, description, stacks)
        (self.isSide, self.startedOn, self.lastWorkedOn) = (isSide, startedOn, lastWorkedOn)
    }

    init(startedOn: LocalDate) {
        self.startedOn = startedOn.iso
        isSide = "yes"
    }

    init(_ project: ProjectModel) {
        name = project.name
        repository = project.repositoryURL
        live = project.liveURL
        description = project.description
        stacks = project.stacks.joined(separator: ", ")
        isSide = project.isSide ? "yes" : nil
        startedOn = project.startedOn
        lastWorkedOn = project.lastWorkedOn
    }

    func draft(today: LocalDate) throws(ValidationErrors) -> ProjectDraft {
        try ProjectDraft.validate(name: name ?? "", repository: repository ?? "", live: live ?? "", description: description ?? "", stacks: stacks ?? "",
                                  isSide: !(isSide ?? "").isEmpty, startedOn: startedOn ?? "", lastWorkedOn: lastWorkedOn ?? "", today: today)
    }
}

/// A project's fields, on the list's form and on its edit page.
struct ProjectFields {
    let form: ProjectForm
    let errors: FormErrors

    func render(_ h: HTML) {
        h.inputField("name", "Name", value: form.name, errors: errors)
        h.inputField("repository", "Repository address", type: "url", value: form.repository,
                     hint: "On GitHub, its commits date your last work on it.", errors: errors)
        h.inputField("live", "Live address", type: "url", value: form.live, errors: errors)
        h.textAreaField("description", "What it is and what you built", value: form.description, rows: 3, errors: errors)
        h.inputField("stacks", "Stacks", value: form.stacks, hint: "Separated by commas: Ruby, Rails, PostgreSQL.", errors: errors)
        h.div(.class("field")) {
            h.label {
                h.input(.type("checkbox"), .name("is_side"), .value("yes"), .flag(.checked, !(form.isSide ?? "").isEmpty))
                h.text(" A side project of my own (not course work or a tutorial)")
            }
        }
        h.inputField("started_on", "Started on", type: "date", value: form.startedOn, errors: errors)
        h.inputField("last_worked_on", "Last worked on", type: "date", value: form.lastWorkedOn,
                     hint: "Leave it empty when its commits on GitHub say it.", errors: errors)
    }
}

/// A graduate's projects, side projects first, and the form that adds one.
struct ProjectsPage: PageView {
    struct Entry {
        let id: String
        let name: String
        let repository: String?
        let live: String?
        let description: String
        let stacks: [String]
        let isSide: Bool
        let started: String
        let lastWorked: String
        /// The last work is dated by a commit Onward saw.
        let byCommit: Bool
    }

    let entries: [Entry]
    let form: ProjectForm
    let errors: FormErrors
    /// A GitHub login is linked, so commits can date the projects.
    let linked: Bool

    var title: String { "Projects" }

    func content(_ h: HTML) {
        h.recordsPage("Projects",
                      lede: "Hiring partners ask whether you have a side project: something of your own, beyond the course and tutorials. List what you build; its commits keep it dated.",
                      empty: "No projects yet.", isEmpty: entries.isEmpty, formHeading: "Add a project", action: Href(SiteURL.evidence(.projects)),
                      submit: "Add the project", errors: errors) {
            for entry in entries {
                h.li(.class("project")) {
                    h.h3 {
                        if let repository = entry.repository { h.a(entry.name, .href(web: repository), .attr(.rel, "noopener")) } else { h.text(entry.name) }
                        h.text(" ")
                        h.span(entry.isSide ? "Side project" : "Course work", .class(entry.isSide ? "tag-technical" : "state-badge"))
                    }
                    if !entry.description.isEmpty { h.p(entry.description) }
                    h.p(.class("hint")) {
                        if !entry.stacks.isEmpty { h.text(entry.stacks.joined(separator: ", ") + " · ") }
                        h.text("Started \(entry.started) · last worked on \(entry.lastWorked)" + (entry.byCommit ? " (its last commit)" : ""))
                        if let live = entry.live {
                            h.text(" · ")
                            h.a("See it live", .href(web: live), .attr(.rel, "noopener"))
                        }
                    }
                    EditOrDelete(edit: Href(SiteURL.evidence(.project(id: entry.id))), delete: Href(SiteURL.evidence(.deleteProject(id: entry.id))),
                                 confirm: "Delete \(entry.name) from your projects?", what: entry.name).render(h)
                }
            }
        } fields: {
            if !linked {
                h.p(.class("hint")) {
                    h.text("Link your GitHub login on ")
                    h.a("your profile", .href(Href(SiteURL.accounts(.profile))))
                    h.text(" so that commits date your projects.")
                }
            }
            ProjectFields(form: form, errors: errors).render(h)
        }
        h.p { h.text("Acted on technical feedback in a project? "); h.a("Record it beside the feedback", .href(Href(SiteURL.evidence(.feedback)))) }
    }
}

/// One project's form, and a way to delete it.
struct ProjectPage: PageView {
    let id: String
    let form: ProjectForm
    let errors: FormErrors

    var title: String { "Edit " + (form.name ?? "the project") }

    func content(_ h: HTML) {
        let back = Href(SiteURL.evidence(.projects))
        h.div(.class("narrow")) {
            h.p { h.a("← Projects", .href(back)) }
            h.h1("Edit the project")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.evidence(.project(id: id))), .class("form"), .flag(.novalidate)) {
                ProjectFields(form: form, errors: errors).render(h)
                h.div(.class("actions")) {
                    h.button("Save", .type("submit"), .class("button primary"))
                    h.a("Cancel", .class("button"), .href(back))
                }
            }
            h.postForm(Href(SiteURL.evidence(.deleteProject(id: id))), .data(.dataConfirm, "Delete this project? This cannot be undone.")) {
                h.button("Delete the project", .type("submit"), .class("button danger"))
            }
        }
    }
}

extension ProjectsPage {
    init(projects: [ProjectUseCases.Project], form: ProjectForm, errors: FormErrors, linked: Bool) {
        self.init(entries: projects.map { project in
            let model = project.model
            return Entry(id: model.requireIDString, name: model.name, repository: model.repositoryURL, live: model.liveURL, description: model.description,
                         stacks: model.stacks, isSide: model.isSide, started: LocalDate(iso: model.startedOn)?.display ?? model.startedOn,
                         lastWorked: project.lastWorked.display, byCommit: project.lastCommit == project.lastWorked)
        }, form: form, errors: errors, linked: linked)
    }
}

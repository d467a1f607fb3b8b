import OnwardCore
import Vapor

struct LearningGoalForm: Content {
    var title: String?
    var now: String?
    var success: String?
    var why: String?
}

struct LearningResourceForm: Content {
    var kind: String?
    var name: String?
    var link: String?
}

struct MilestoneForm: Content {
    var title: String?
    var due: String?
}

/// A graduate's yearly learning goals: the active ones (at most three), those set aside, and the
/// form for a new one.
struct LearningGoalsPage: PageView {
    struct Goal {
        let title: String
        let url: Href
        let isActive: Bool
        /// "2 of 5 milestones done · next: … by …"
        let progress: String
    }
    let goals: [Goal]
    let form: LearningGoalForm
    let errors: FormErrors

    var title: String { "Learning goals" }

    func content(_ h: HTML) {
        let active = goals.filter(\.isActive)
        h.h1("Learning goals")
        h.p("Where you want to be as a developer in a year: up to \(LearningGoalDraft.maximumActive) goals at a time, each with the resources you will use and milestones you set yourself.",
            .class("lede"))
        if goals.isEmpty { h.p("No learning goals yet.", .class("empty")) }
        for (heading, list) in [("Active", active), ("Set aside", goals.filter { !$0.isActive })] where !list.isEmpty {
            h.section(.class("card"), .ariaLabel(heading)) {
                h.h2(heading)
                h.ul(.class("record-list")) {
                    for goal in list {
                        h.li {
                            h.a(goal.title, .href(goal.url))
                            h.p(goal.progress, .class("hint"))
                        }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("A new learning goal")) {
            h.h2("A new learning goal")
            if active.count >= LearningGoalDraft.maximumActive {
                h.p("You have \(LearningGoalDraft.maximumActive) active goals. Set one aside to add another.", .class("hint"))
            }
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.programme(.learningGoals)), .class("form"), .flag(.novalidate)) {
                h.inputField("title", "The goal", value: form.title, hint: "Such as \"Become confident with SQL\".", errors: errors)
                h.textAreaField("now", "Where I am now", value: form.now, rows: 3, errors: errors)
                h.textAreaField("success", "What success looks like in a year", value: form.success, rows: 3, errors: errors)
                h.textAreaField("why", "Why it matters to me", value: form.why, rows: 3, errors: errors)
                h.button("Add goal", .type("submit"), .class("button primary"))
            }
        }
    }
}

/// One learning goal: what it says, its resources by kind, its milestones to tick off, and forms
/// to add either.
struct LearningGoalPage: PageView {
    struct Resource {
        let name: String
        let link: String?
    }
    struct Milestone {
        let title: String
        let due: String
        let isDone: Bool
        let isOverdue: Bool
        let markURL: Href
    }
    let goalID: String
    let goalTitle: String
    let now: String
    let success: String
    let why: String
    let isActive: Bool
    let resources: [(kind: String, items: [Resource])]
    let milestones: [Milestone]
    var resourceForm = LearningResourceForm()
    var milestoneForm = MilestoneForm()
    var errors: FormErrors = .none
    /// Which form the errors are for: "resource" or "milestone".
    var failedForm: String? = nil

    var title: String { goalTitle }

    func content(_ h: HTML) {
        h.h1(goalTitle)
        h.p(isActive ? "Active learning goal." : "Set aside.", .class("lede"))
        h.dl(.class("smart-goal")) {
            h.dt("Where I am now"); h.dd(now)
            h.dt("Success in a year"); h.dd(success)
            h.dt("Why it matters"); h.dd(why)
        }
        h.section(.class("card"), .ariaLabel("Milestones")) {
            h.h2("Milestones")
            if milestones.isEmpty { h.p("No milestones yet: break the year into steps with dates.", .class("empty")) }
            h.ul(.class("road-map")) {
                for milestone in milestones {
                    h.li(.class("road-item state-" + (milestone.isDone ? "done" : milestone.isOverdue ? "late" : "due"))) {
                        h.div(.class("road-item-text")) {
                            h.strong(milestone.title)
                            h.text(" ")
                            h.span(milestone.isDone ? "Done" : milestone.isOverdue ? "Overdue" : "To do", .class("state-badge"))
                            h.text(" · by " + milestone.due)
                        }
                        h.div(.class("road-item-actions")) {
                            h.postForm(milestone.markURL, .class("inline-form")) {
                                h.input(.type("hidden"), .name("done"), .value(milestone.isDone ? "no" : "yes"))
                                h.button(milestone.isDone ? "Not done" : "Done", .type("submit"), .class("button small"),
                                         .ariaLabel((milestone.isDone ? "Mark not done: " : "Mark done: ") + milestone.title))
                            }
                        }
                    }
                }
            }
            let milestoneErrors = failedForm == "milestone" ? errors : .none
            h.errorSummary(milestoneErrors)
            h.postForm(Href(SiteURL.programme(.addMilestone(goalID: goalID))), .class("form"), .flag(.novalidate)) {
                h.inputField("title", "Milestone", value: milestoneForm.title, errors: milestoneErrors)
                h.inputField("due", "By", type: "date", value: milestoneForm.due, errors: milestoneErrors)
                h.button("Add milestone", .type("submit"), .class("button small"))
            }
        }
        h.section(.class("card"), .ariaLabel("Resources")) {
            h.h2("Resources")
            if resources.isEmpty { h.p("No resources yet: books, talks, people, things to build.", .class("empty")) }
            for group in resources {
                h.h3(group.kind)
                h.ul {
                    for resource in group.items {
                        h.li {
                            if let link = resource.link { h.a(resource.name, .href(web: link), .attr(.rel, "noopener")) } else { h.text(resource.name) }
                        }
                    }
                }
            }
            let resourceErrors = failedForm == "resource" ? errors : .none
            h.errorSummary(resourceErrors)
            h.postForm(Href(SiteURL.programme(.addResource(goalID: goalID))), .class("form"), .flag(.novalidate)) {
                h.selectField("kind", "Kind", options: LearningResourceKind.allCases.map {
                    SelectOption(value: $0.rawValue, label: $0.title, selected: resourceForm.kind == $0.rawValue)
                }, blank: "Choose…", errors: resourceErrors)
                h.inputField("name", "Name", value: resourceForm.name, errors: resourceErrors)
                h.inputField("link", "Link", type: "url", value: resourceForm.link, hint: "If it is online.", errors: resourceErrors)
                h.button("Add resource", .type("submit"), .class("button small"))
            }
        }
        h.postForm(Href(SiteURL.programme(.setGoalActive(goalID: goalID))), .class("inline-form")) {
            h.input(.type("hidden"), .name("active"), .value(isActive ? "no" : "yes"))
            h.button(isActive ? "Set this goal aside" : "Take this goal up again", .type("submit"), .class("button"))
        }
        h.p { h.a("All learning goals", .href(Href(SiteURL.programme(.learningGoals)))) }
    }
}

// MARK: Builders: from the graduate's goals and their day, with no request

extension LearningGoalsPage {
    init(goals: [LearningGoalUseCases.Goal], today: LocalDate, form: LearningGoalForm = .init(), errors: FormErrors = .none) {
        self.init(goals: goals.map { item in
            Goal(title: item.goal.title, url: Href(SiteURL.programme(.learningGoal(id: item.goal.requireIDString))),
                 isActive: item.goal.isActive, progress: Self.progress(of: item.milestones, today: today))
        }, form: form, errors: errors)
    }

    /// "2 of 5 milestones done · next: Finish the SQL course, by Mon 14 Dec 2026 (overdue)".
    static func progress(of milestones: [LearningMilestoneModel], today: LocalDate) -> String {
        guard !milestones.isEmpty else { return "No milestones yet" }
        let done = milestones.filter { $0.doneOn != nil }.count
        var progress = "\(done) of \(milestones.count) milestones done"
        if let next = milestones.first(where: { $0.doneOn == nil }), let due = LocalDate(iso: next.due) {
            progress += " · next: \(next.title), by \(due.display)" + (due < today ? " (overdue)" : "")
        }
        return progress
    }
}

extension LearningGoalPage {
    /// One goal: its resources grouped by kind (kinds with none left out), its milestones with
    /// those not done by `today` marked overdue.
    init(_ item: LearningGoalUseCases.Goal, today: LocalDate, resourceForm: LearningResourceForm = .init(), milestoneForm: MilestoneForm = .init(),
         errors: FormErrors = .none, failedForm: String? = nil) {
        let goal = item.goal
        let resources = LearningResourceKind.allCases.compactMap { kind -> (kind: String, items: [Resource])? in
            let items = item.resources.filter { $0.kind == kind }.map { Resource(name: $0.name, link: $0.link.isEmpty ? nil : $0.link) }
            return items.isEmpty ? nil : (kind.title, items)
        }
        let milestones = item.milestones.map { milestone in
            Milestone(title: milestone.title, due: LocalDate(iso: milestone.due)?.display ?? milestone.due, isDone: milestone.doneOn != nil,
                      isOverdue: milestone.doneOn == nil && (LocalDate(iso: milestone.due).map { $0 < today } ?? false),
                      markURL: Href(SiteURL.programme(.milestone(id: milestone.requireIDString))))
        }
        self.init(goalID: goal.requireIDString, goalTitle: goal.title, now: goal.now, success: goal.success, why: goal.why, isActive: goal.isActive,
                  resources: resources, milestones: milestones, resourceForm: resourceForm, milestoneForm: milestoneForm, errors: errors, failedForm: failedForm)
    }
}

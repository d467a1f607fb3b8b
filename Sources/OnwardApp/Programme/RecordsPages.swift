import Vapor
import OnwardCore

/// The five letters of a SMART goal, as a form names them.
struct GoalForm: Content {
    var specific: String?
    var measurable: String?
    var achievable: String?
    var relevant: String?
    var time_bound: String?

    init(specific: String? = nil, measurable: String? = nil, achievable: String? = nil, relevant: String? = nil, time_bound: String? = nil) {
        self.specific = specific
        self.measurable = measurable
        self.achievable = achievable
        self.relevant = relevant
        self.time_bound = time_bound
    }

    init(_ version: SmartGoalVersionModel) {
        self.init(specific: version.specific, measurable: version.measurable, achievable: version.achievable, relevant: version.relevant,
                  time_bound: version.timeBound)
    }

    func validate(today: LocalDate) throws(ValidationErrors) -> SmartGoalDraft {
        try SmartGoalDraft.validate(specific: specific ?? "", measurable: measurable ?? "", achievable: achievable ?? "", relevant: relevant ?? "",
                                    timeBound: time_bound ?? "", today: today)
    }
}

extension HTML {
    /// The five fields of a SMART goal.
    func smartGoalFields(_ form: GoalForm, errors: FormErrors) {
        textAreaField("specific", "Specific: what exactly will you achieve?", value: form.specific, rows: 2, errors: errors)
        textAreaField("measurable", "Measurable: how will you know?", value: form.measurable, rows: 2, errors: errors)
        textAreaField("achievable", "Achievable: why is it within reach?", value: form.achievable, rows: 2, errors: errors)
        textAreaField("relevant", "Relevant: why does it matter for your job search?", value: form.relevant, rows: 2, errors: errors)
        inputField("time_bound", "Time-bound: by when?", type: "date", value: form.time_bound, hint: "A day after today.", errors: errors)
    }

    /// One version of a goal, letter by letter.
    func smartGoal(_ version: SmartGoalVersionModel) {
        dl(.class("smart-goal")) {
            dt("Specific"); dd(version.specific)
            dt("Measurable"); dd(version.measurable)
            dt("Achievable"); dd(version.achievable)
            dt("Relevant"); dd(version.relevant)
            dt("By"); dd(LocalDate(iso: version.timeBound)?.display ?? version.timeBound)
        }
    }
}

/// A graduate's SMART goals, each with how often it was reassessed, and the form for a new one.
struct GoalsPage: PageView {
    struct Goal {
        let url: Href
        let current: SmartGoalVersionModel
        let versions: Int
        let lastWritten: String
    }
    let goals: [Goal]
    let form: GoalForm
    let errors: FormErrors

    var title: String { "SMART goals" }

    func content(_ h: HTML) {
        h.h1("SMART goals")
        h.p("Write each job-search goal so it is Specific, Measurable, Achievable, Relevant and Time-bound. Reassess them as your search teaches you more: earlier versions are kept.", .class("lede"))
        if goals.isEmpty {
            h.p("No goals yet. Start with one below.", .class("empty"))
        }
        for goal in goals {
            h.section(.class("card"), .ariaLabel(goal.current.specific)) {
                h.h2(goal.current.specific)
                h.smartGoal(goal.current)
                h.p(goal.versions == 1 ? "Set \(goal.lastWritten)." : "Reassessed \(goal.versions - 1) time\(goal.versions == 2 ? "" : "s"), last on \(goal.lastWritten).", .class("hint"))
                h.p { h.a("Reassess this goal", .class("button small"), .href(goal.url), .ariaLabel("Reassess: \(goal.current.specific)")) }
            }
        }
        h.section(.class("card"), .ariaLabel("A new goal")) {
            h.h2("A new goal")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.programme(.goals)), .class("form"), .flag(.novalidate)) {
                h.smartGoalFields(form, errors: errors)
                h.button("Set goal", .type("submit"), .class("button primary"))
            }
        }
    }
}

/// One goal: the form to reassess it, filled with its current version, and its history.
struct GoalPage: PageView {
    let goalURL: Href
    let versions: [SmartGoalVersionModel]
    let form: GoalForm
    let errors: FormErrors

    var title: String { "Reassess a goal" }

    func content(_ h: HTML) {
        h.h1("Reassess a goal")
        h.p("Read it again: what still holds, what your search has taught you. Saving keeps this version in the goal's history.", .class("lede"))
        h.errorSummary(errors)
        h.postForm(goalURL, .class("form"), .flag(.novalidate)) {
            h.smartGoalFields(form, errors: errors)
            h.button("Save reassessment", .type("submit"), .class("button primary"))
        }
        h.section(.class("card"), .ariaLabel("History")) {
            h.h2("History")
            for version in versions {
                h.h3(version.version == 1 ? "Set on \(LocalDate(iso: version.writtenOn)?.display ?? version.writtenOn)"
                     : "Version \(version.version), \(LocalDate(iso: version.writtenOn)?.display ?? version.writtenOn)")
                h.smartGoal(version)
            }
        }
        h.p { h.a("All goals", .href(Href(SiteURL.programme(.goals)))) }
    }
}

struct InformationalInterviewForm: Content {
    var person: String?
    var company: String?
    var role: String?
    var day: String?
    var how_it_came_about: String?
    var notes: String?
}

/// Informational interviews held and planned, and the form to record one.
struct InformationalInterviewsPage: PageView {
    struct Entry {
        let person: String
        let company: String
        let role: String
        let day: String
        let isAhead: Bool
        let howItCameAbout: String
        let notes: String
    }
    let entries: [Entry]
    let form: InformationalInterviewForm
    let errors: FormErrors

    var title: String { "Informational interviews" }

    func content(_ h: HTML) {
        h.recordsPage("Informational interviews",
                      lede: "Talk to people doing the job you want: how they got there, what their team looks for. Plan them with your own dates; each counts once its day has come.",
                      empty: "None yet. Aim for one by week 2 and the rest by week 4.", isEmpty: entries.isEmpty, formHeading: "Record or plan one",
                      action: Href(SiteURL.programme(.informationalInterviews)), submit: "Save", errors: errors) {
            for entry in entries {
                h.li {
                    h.strong(entry.person)
                    let at = [entry.role, entry.company].filter { !$0.isEmpty }.joined(separator: ", ")
                    if !at.isEmpty { h.text(" · " + at) }
                    h.text(" · " + entry.day)
                    if entry.isAhead { h.text(" "); h.span("Planned", .class("state-badge")) }
                    if !entry.howItCameAbout.isEmpty { h.p(entry.howItCameAbout, .class("hint")) }
                    if !entry.notes.isEmpty { h.p(entry.notes) }
                }
            }
        } fields: {
            h.inputField("person", "Who", value: form.person, errors: errors)
            h.inputField("company", "Company", value: form.company, errors: errors)
            h.inputField("role", "Their role", value: form.role, errors: errors)
            h.inputField("day", "Day", type: "date", value: form.day, hint: "A day ahead plans it.", errors: errors)
            h.inputField("how_it_came_about", "How it came about", value: form.how_it_came_about, hint: "A meetup, a referral, a cold message…", errors: errors)
            h.textAreaField("notes", "Notes", value: form.notes, rows: 4, errors: errors)
        }
    }
}

struct BlogPostForm: Content {
    var title: String?
    var url: String?
    var published: String?
    var kind: String?
}

/// Blog posts published, and the form to record one.
struct BlogPostsPage: PageView {
    struct Entry {
        let title: String
        let url: String
        let published: String
        let kind: String
    }
    let entries: [Entry]
    let form: BlogPostForm
    let errors: FormErrors

    var title: String { "Blog posts" }

    func content(_ h: HTML) {
        h.recordsPage("Blog posts",
                      lede: "Writing about what you build shows how you think. A technical post, or one about an open-source contribution, counts toward your programme.",
                      empty: "No posts recorded yet.", isEmpty: entries.isEmpty, formHeading: "Record a post", action: Href(SiteURL.programme(.blogPosts)),
                      submit: "Save", errors: errors) {
            for entry in entries {
                h.li {
                    h.a(entry.title, .href(web: entry.url), .attr(.rel, "noopener"))
                    h.text(" · \(entry.kind) · \(entry.published)")
                }
            }
        } fields: {
            h.inputField("title", "Title", value: form.title, errors: errors)
            h.inputField("url", "Address", type: "url", value: form.url, errors: errors)
            h.inputField("published", "Published on", type: "date", value: form.published, errors: errors)
            h.selectField("kind", "Kind", options: BlogPostKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: form.kind == $0.rawValue) },
                          blank: "Choose…", errors: errors)
        }
    }
}

// MARK: Builders: from the graduate's records and their day, with no request

extension GoalsPage {
    init(goals: [RecordsUseCases.Goal], form: GoalForm = GoalForm(), errors: FormErrors = .none) {
        self.init(goals: goals.map { goal in
            Goal(url: Href(SiteURL.programme(.goal(id: goal.id.uuidString))), current: goal.current, versions: goal.versions.count,
                 lastWritten: LocalDate(iso: goal.current.writtenOn)?.display ?? goal.current.writtenOn)
        }, form: form, errors: errors)
    }
}

extension GoalPage {
    /// One goal with its versions; the form holds the current version unless a refused one is shown again.
    init(_ goal: RecordsUseCases.Goal, form: GoalForm? = nil, errors: FormErrors = .none) {
        self.init(goalURL: Href(SiteURL.programme(.goal(id: goal.id.uuidString))), versions: goal.versions, form: form ?? GoalForm(goal.current), errors: errors)
    }
}

extension InformationalInterviewsPage {
    /// The graduate's informational interviews; one after `today` shows as ahead. A new form's
    /// day is today, the usual answer.
    init(interviews: [InformationalInterviewModel], today: LocalDate, form: InformationalInterviewForm = .init(), errors: FormErrors = .none) {
        var form = form
        if form.day == nil { form.day = today.iso }
        self.init(entries: interviews.map { interview in
            Entry(person: interview.person, company: interview.company, role: interview.role, day: LocalDate(iso: interview.day)?.display ?? interview.day,
                  isAhead: (LocalDate(iso: interview.day) ?? today) > today, howItCameAbout: interview.howItCameAbout, notes: interview.notes)
        }, form: form, errors: errors)
    }
}

extension BlogPostsPage {
    /// The graduate's posts; a new form's day is today, the usual answer.
    init(posts: [BlogPostModel], today: LocalDate, form: BlogPostForm = .init(), errors: FormErrors = .none) {
        var form = form
        if form.published == nil { form.published = today.iso }
        self.init(entries: posts.map { post in
            Entry(title: post.title, url: post.url, published: LocalDate(iso: post.published)?.display ?? post.published, kind: post.kind.title)
        }, form: form, errors: errors)
    }
}

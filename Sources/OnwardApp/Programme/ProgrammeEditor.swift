import Fluent
import OnwardCore
import Vapor

struct ActivityForm: Content {
    var title: String?
    var description: String?
    var kind: String?
    var schedule: String?
    var due_week: String?
    var required: String?
    var count: String?
}

extension ActivityForm {
    init(_ activity: ProgrammeActivityModel) {
        self.init(title: activity.title, description: activity.description, kind: activity.kind.rawValue, schedule: activity.schedule,
                  due_week: activity.dueWeek.map(String.init), required: activity.isRequired ? "yes" : nil, count: String(activity.count))
    }

    /// Checked as an activity that counts from `today`, keyed unlike `takenKeys`.
    func validate(today: LocalDate, takenKeys: Set<String>) throws(ValidationErrors) -> Activity {
        try ActivityDraft.validate(
            title: title ?? "", description: description ?? "", kind: kind ?? "", schedule: schedule ?? "",
            dueWeek: due_week ?? "", required: required == "yes", count: count ?? "", today: today, takenKeys: takenKeys)
    }
}

struct ProgrammeNameForm: Content {
    var name: String?
}

/// The fields of an activity: on the editor (to add one) and on an activity's own edit page.
struct ActivityFields {
    let form: ActivityForm
    let errors: FormErrors

    func render(_ h: HTML) {
        h.inputField("title", "Title", value: form.title, errors: errors)
        h.textAreaField("description", "What to do", value: form.description, rows: 2, errors: errors)
        h.selectField("kind", "Kind", options: ActivityKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: form.kind == $0.rawValue) },
                      blank: "Choose…", errors: errors)
        h.selectField("schedule", "When", options: [("daily", "Every day"), ("weekly", "Every week"), ("by_week", "Once, by the end of a week")].map {
            SelectOption(value: $0.0, label: $0.1, selected: form.schedule == $0.0)
        }, blank: "Choose…", errors: errors)
        h.inputField("due_week", "By the end of week", type: "number", value: form.due_week, hint: "For \"once, by the end of a week\": 1 to 52.", errors: errors)
        h.inputField("count", "How many", type: "number", value: form.count ?? "1", errors: errors)
        h.field("required", "", errors: errors) { _ in
            h.label {
                h.input(.type("checkbox"), .name("required"), .value("yes"), .flag(.checked, form.required == "yes"))
                h.text(" Required: missing it puts the graduate at risk")
            }
        }
    }
}

/// One activity's edit page: its fields, counting from the day of the edit.
struct EditActivityPage: PageView {
    let id: String
    let programmeName: String
    let programmeURL: Href
    let form: ActivityForm
    let errors: FormErrors

    var title: String { "Edit activity — " + programmeName }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.p { h.a("← " + programmeName, .href(programmeURL)) }
            h.h1("Edit the activity")
            h.p("The change counts from today: the weeks already gone are not judged again by it.", .class("lede"))
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.programme(.editActivity(id: id))), .class("form"), .flag(.novalidate)) {
                ActivityFields(form: form, errors: errors).render(h)
                h.div(.class("actions")) {
                    h.button("Save", .type("submit"), .class("button primary"))
                    h.a("Cancel", .class("button"), .href(programmeURL))
                }
            }
        }
    }
}

/// An admin's editor of one programme: its activities in order, a form to add one, and a button
/// to remove each. An activity added mid-way asks nothing of the weeks already gone.
struct ProgrammeEditorPage: PageView {
    struct Row {
        let title: String
        let kind: String
        let when: String
        let required: Bool
        let count: Int
        let removeURL: Href
        let editURL: Href
    }
    let programmeID: String
    let name: String
    let cohorts: [String]
    let rows: [Row]
    let form: ActivityForm
    let errors: FormErrors
    var nameForm = ProgrammeNameForm()
    var nameErrors = FormErrors.none

    var title: String { name }

    func content(_ h: HTML) {
        h.h1(name)
        h.details(.class("add-form"), .flag(.open, !nameErrors.isEmpty)) {
            h.summary("Rename the programme")
            h.errorSummary(nameErrors)
            h.postForm(Href(SiteURL.programme(.renameProgramme(id: programmeID))), .class("inline-form"), .flag(.novalidate)) {
                h.inputField("name", "Name", value: nameForm.name ?? name, errors: nameErrors, inline: true, .attr(.maxlength, String(ProgrammeName.limit)))
                h.button("Rename", .type("submit"), .class("button"))
            }
        }
        h.p(cohorts.isEmpty ? "No cohort follows it." : "Followed by " + cohorts.joined(separator: ", ") + ". Changes count from today: an activity added now asks nothing of the weeks already gone.",
            .class("lede"))
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Activity"); h.th("Kind"); h.th("When"); h.th("Required"); h.th("How many"); h.th { h.span("Actions", .class("visually-hidden")) } } }
                h.tbody {
                    for row in rows {
                        h.tr {
                            h.td(row.title)
                            h.td(row.kind)
                            h.td(row.when)
                            h.td(row.required ? "Required" : "May be skipped")
                            h.td(String(row.count))
                            h.td {
                                h.a(.class("button small"), .href(row.editURL)) {
                                    h.text("Edit")
                                    h.span(" " + row.title, .class("visually-hidden"))
                                }
                                h.postForm(row.removeURL, .class("inline-form"),
                                           .data(.dataConfirm, "Remove “\(row.title)” from the programme? Graduates stop being asked for it from today.")) {
                                    h.button("Remove", .type("submit"), .class("button small"), .ariaLabel("Remove \(row.title)"))
                                }
                            }
                        }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Add an activity")) {
            h.h2("Add an activity")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.programme(.addActivity(programmeID: programmeID))), .class("form"), .flag(.novalidate)) {
                ActivityFields(form: form, errors: errors).render(h)
                h.button("Add activity", .type("submit"), .class("button primary"))
            }
        }
        h.p { h.a("All programmes", .href(Href(SiteURL.programme(.cohorts)))) }
    }
}

extension ProgrammeUseCases {
    /// Adds `form`'s activity at the end of programme `programmeID`. Its key is chosen inside the
    /// transaction from the keys there; two adds of one title at once both land, one keyed "-2".
    func addActivity(_ form: ActivityForm, to programmeID: UUID) async throws {
        let today = LocalDate(now, in: .gmt)
        var attempts = 0
        while true {
            do {
                try await db.writeTransaction { db in
                    try await db.lockRow(of: ProgrammeModel.schema, id: programmeID)
                    let existing = try await ProgrammeActivityModel.query(on: db).filter(\.$programme.$id == programmeID).all()
                    let activity = try form.validate(today: today, takenKeys: Set(existing.map(\.key)))
                    try await ProgrammeActivityModel(programmeID: programmeID, activity: activity, position: (existing.map(\.position).max() ?? -1) + 1).create(on: db)
                }
                return
            } catch let error as any DatabaseError where error.isConstraintFailure && attempts < 3 {
                attempts += 1
            }
        }
    }
}

extension ProgrammeUseCases {
    /// `activity` changed as `form` says, its key kept (what marks and records name), counting
    /// from today.
    func update(_ activity: ProgrammeActivityModel, with form: ActivityForm) async throws {
        let changed = try form.validate(today: LocalDate(now, in: .gmt), takenKeys: [])
        let key = activity.key, position = activity.position, programmeID = activity.$programme.id
        let updated = ProgrammeActivityModel(programmeID: programmeID, activity: changed, position: position)
        activity.title = updated.title
        activity.description = updated.description
        activity.kind = updated.kind
        activity.schedule = updated.schedule
        activity.dueWeek = updated.dueWeek
        activity.isRequired = updated.isRequired
        activity.count = updated.count
        activity.since = updated.since
        activity.key = key
        try await activity.save(on: db)
    }

    func rename(_ programme: ProgrammeModel, to raw: String) async throws {
        programme.name = try ProgrammeName.validate(raw)
        try await programme.save(on: db)
    }
}

extension ProgrammeController {
    func editor(_ req: Request, form: ActivityForm = ActivityForm(count: "1"), errors: FormErrors = .none, nameForm: ProgrammeNameForm? = nil,
                nameErrors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let programme = try await ProgrammeModel.find(id, on: req.db) else {
            throw Refusal.notFound("There is no such programme.")
        }
        let activities = try await ProgrammeActivityModel.query(on: req.db).filter(\.$programme.$id == id).sort(\.$position).all()
        let cohorts = try await CohortProgrammeModel.query(on: req.db).filter(\.$programme.$id == id).with(\.$cohort).all().map(\.cohort.name)
        var page = ProgrammeEditorPage(programme, activities: activities, cohorts: cohorts, form: form, errors: errors)
        if let nameForm { page.nameForm = nameForm }
        page.nameErrors = nameErrors
        return req.render(page, status: status)
    }

    func renameProgramme(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let programme = try await ProgrammeModel.find(id, on: req.db) else {
            throw Refusal.notFound("There is no such programme.")
        }
        return try await req.submit(ProgrammeNameForm.self, again: { form, errors, status in
            try await editor(req, nameForm: form, nameErrors: errors, status: status)
        }) { form in
            try await ProgrammeUseCases(req: req).rename(programme, to: form.name ?? "")
            return req.redirect(to: .programme(.programme(id: id.uuidString)), flash: "The programme is now called \(programme.name).")
        }
    }

    private func activity(_ req: Request) async throws -> (ProgrammeActivityModel, ProgrammeModel) {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let activity = try await ProgrammeActivityModel.query(on: req.db)
            .filter(\.$id == id).with(\.$programme).first() else {
            throw Refusal.notFound("There is no such activity.")
        }
        return (activity, activity.programme)
    }

    private func activityPage(_ req: Request, _ activity: ProgrammeActivityModel, _ programme: ProgrammeModel, form: ActivityForm, errors: FormErrors,
                              status: HTTPResponseStatus = .ok) -> Response {
        req.render(EditActivityPage(id: activity.requireIDString, programmeName: programme.name,
                                    programmeURL: Href(SiteURL.programme(.programme(id: programme.requireIDString))), form: form, errors: errors), status: status)
    }

    func editActivityPage(req: Request) async throws -> Response {
        let (activity, programme) = try await activity(req)
        return activityPage(req, activity, programme, form: ActivityForm(activity), errors: .none)
    }

    func editActivity(req: Request) async throws -> Response {
        let (activity, programme) = try await activity(req)
        return try await req.submit(ActivityForm.self, again: { form, errors, status in activityPage(req, activity, programme, form: form, errors: errors, status: status) }) { form in
            try await ProgrammeUseCases(req: req).update(activity, with: form)
            return req.redirect(to: .programme(.programme(id: programme.requireIDString)), flash: "\(activity.title) is changed; the change counts from today.")
        }
    }

    func editor(req: Request) async throws -> Response {
        try await editor(req)
    }

    func addActivity(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), try await ProgrammeModel.find(id, on: req.db) != nil else {
            throw Refusal.notFound("There is no such programme.")
        }
        return try await req.submit(ActivityForm.self, again: { form, errors, status in try await editor(req, form: form, errors: errors, status: status) }) { form in
            try await ProgrammeUseCases(req: req).addActivity(form, to: id)
            return req.redirect(to: .programme(.programme(id: id.uuidString)), flash: "The activity is added; it counts from today.")
        }
    }

    func removeActivity(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let activity = try await ProgrammeActivityModel.find(id, on: req.db) else {
            throw Refusal.notFound("There is no such activity.")
        }
        try await activity.delete(on: req.db)
        return req.redirect(to: .programme(.programme(id: activity.$programme.id.uuidString)), flash: "\(activity.title) is removed from the programme.")
    }
}

extension ProgrammeEditorPage {
    /// A programme's activities as an admin edits them, each with when it falls due and a button
    /// to remove it; `cohorts` names those who follow it.
    init(_ programme: ProgrammeModel, activities: [ProgrammeActivityModel], cohorts: [String], form: ActivityForm, errors: FormErrors) {
        self.init(programmeID: programme.requireIDString, name: programme.name, cohorts: cohorts, rows: activities.map { row in
            let activity = row.activity
            let when = switch activity.schedule {
            case .daily: "Every day"
            case .weekly: "Every week"
            case .byWeek(let n): "By the end of week \(n)"
            }
            return Row(title: activity.title, kind: activity.kind.title, when: when, required: activity.isRequired, count: activity.count,
                       removeURL: Href(SiteURL.programme(.removeActivity(id: row.requireIDString))),
                       editURL: Href(SiteURL.programme(.editActivity(id: row.requireIDString))))
        }, form: form, errors: errors)
    }
}

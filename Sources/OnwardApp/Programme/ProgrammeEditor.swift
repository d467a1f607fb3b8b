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
    }
    let programmeID: String
    let name: String
    let cohorts: [String]
    let rows: [Row]
    let form: ActivityForm
    let errors: FormErrors

    var title: String { name }

    func content(_ h: HTML) {
        h.h1(name)
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
                    let activity = try ActivityDraft.validate(
                        title: form.title ?? "", description: form.description ?? "", kind: form.kind ?? "", schedule: form.schedule ?? "",
                        dueWeek: form.due_week ?? "", required: form.required == "yes", count: form.count ?? "", today: today,
                        takenKeys: Set(existing.map(\.key)))
                    try await ProgrammeActivityModel(programmeID: programmeID, activity: activity, position: (existing.map(\.position).max() ?? -1) + 1).create(on: db)
                }
                return
            } catch let error as any DatabaseError where error.isConstraintFailure && attempts < 3 {
                attempts += 1
            }
        }
    }
}

extension ProgrammeController {
    func editor(_ req: Request, form: ActivityForm = ActivityForm(count: "1"), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameter(SiteURL.Parameter.id)), let programme = try await ProgrammeModel.find(id, on: req.db) else {
            throw Refusal.notFound("There is no such programme.")
        }
        let activities = try await ProgrammeActivityModel.query(on: req.db).filter(\.$programme.$id == id).sort(\.$position).all()
        let cohorts = try await CohortProgrammeModel.query(on: req.db).filter(\.$programme.$id == id).with(\.$cohort).all().map(\.cohort.name)
        return req.render(ProgrammeEditorPage(programme, activities: activities, cohorts: cohorts, form: form, errors: errors), status: status)
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
                       removeURL: Href(SiteURL.programme(.removeActivity(id: row.requireIDString))))
        }, form: form, errors: errors)
    }
}

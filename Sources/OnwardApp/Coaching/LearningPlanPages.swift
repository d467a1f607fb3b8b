import OnwardCore
import Vapor

struct LearningPlanForm: Content {
    var graduate_id: String?
    var focus_areas: String?
    var cadence: String?
}

/// A meeting and up to three recommendations, as the form names them (`rec1_kind`, …).
/// When and where a plan's meetings happen, as its coach sets them.
struct MeetingPlaceForm: Content {
    var meeting_time: String?
    var meeting_link: String?
    var meeting_place: String?
}

struct MeetingForm: Content {
    var held_on: String?
    var notes: String?
    var rec1_kind: String?, rec1_description: String?, rec1_link: String?, rec1_due: String?
    var rec2_kind: String?, rec2_description: String?, rec2_link: String?, rec2_due: String?
    var rec3_kind: String?, rec3_description: String?, rec3_link: String?, rec3_due: String?

    static let rows = 3

    var recommendationRows: [MeetingDraft.Row] {
        [(rec1_kind, rec1_description, rec1_link, rec1_due), (rec2_kind, rec2_description, rec2_link, rec2_due), (rec3_kind, rec3_description, rec3_link, rec3_due)]
            .map { MeetingDraft.Row(kind: $0 ?? "", description: $1 ?? "", link: $2 ?? "", due: $3 ?? "") }
    }

    func value(_ n: Int, _ part: String) -> String? {
        let row = recommendationRows[n - 1]
        return switch part {
        case "kind": row.kind
        case "description": row.description
        case "link": row.link
        default: row.due
        }
    }
}

struct ProgressForm: Content {
    var state: String?
    var outcome_link: String?
}

extension HTML {
    /// The fields that name a plan's focus and cadence.
    func planFields(_ form: LearningPlanForm, errors: FormErrors, withCadence: Bool = true) {
        textAreaField("focus_areas", "Focus areas", value: form.focus_areas, rows: 3, hint: "What to work on, such as \"Testing; explaining my code in interviews\".",
                      errors: errors)
        if withCadence {
            selectField("cadence", "Meet", options: MeetingCadence.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.title, selected: (form.cadence ?? MeetingCadence.fortnightly.rawValue) == $0.rawValue)
            }, errors: errors)
        }
    }
}

/// One Individual Learning Plan: its focus, next meeting and recommendations; the meetings and
/// their notes. The graduate moves recommendations; their coach records meetings and finishes it.
struct LearningPlanPage: PageView {
    struct Recommendation {
        let kind: String
        let description: String
        let link: String?
        let due: String?
        let state: RecommendationState
        let isOverdue: Bool
        let outcomeLink: String?
        /// The graduate's form to move it.
        var progressURL: Href? = nil
    }
    struct Meeting {
        let held: String
        let notes: String
        let recorder: String
    }
    /// "Your learning plan", or the graduate's name for their coach.
    let heading: String
    let graduateURL: Href?
    let state: LearningPlanState
    let coach: PersonName?
    let cadence: String
    let focusAreas: String
    let asked: String
    let nextMeeting: String?
    let recommendations: [Recommendation]
    let meetings: [Meeting]
    /// The coach's forms while the plan is active.
    var meetingURL: Href? = nil
    var meetingForm = MeetingForm()
    /// The days a meeting may be recorded on: from the plan's start to today (YYYY-MM-DD).
    var meetingDays: (first: String?, last: String)? = nil
    var finishURL: Href? = nil
    /// For a coach of the graduate while the plan is asked for: starting it here, from the
    /// graduate's own focus areas.
    var start: (graduateID: String, form: LearningPlanForm)? = nil
    var errors: FormErrors = .none
    /// Where the meetings happen, for the graduate and their coach only.
    var meetingLink: String? = nil
    var meetingPlace: String? = nil
    /// The coach's form for when and where they meet.
    var placeURL: Href? = nil
    var placeForm = MeetingPlaceForm()
    var placeErrors = FormErrors.none

    var title: String { heading }

    func content(_ h: HTML) {
        h.h1(heading)
        h.p(.class("lede")) {
            if let graduateURL { h.a("Their programme", .href(graduateURL)); h.text(" · ") }
            h.span(state.title, .class("state-badge"))
            if let coach { h.text(" · with "); h.person(coach) }
            h.text(" · \(cadence.lowercased())")
        }
        if state == .requested {
            h.p(start == nil ? "Asked for on \(asked). A coach starts it and sets how often you meet."
                             : "Asked for on \(asked). Start it below: what they wrote stays the plan's focus unless you change it.", .class("card"))
        }
        if let nextMeeting {
            h.div(.class("card next-meeting")) {
                h.p { h.strong("Next meeting: "); h.text(nextMeeting) }
                if meetingLink != nil || meetingPlace != nil {
                    h.p {
                        h.strong("Where: ")
                        if let meetingLink { h.a(meetingLink, .href(web: meetingLink), .external) }
                        if meetingLink != nil && meetingPlace != nil { h.text(" · ") }
                        if let meetingPlace { h.text(meetingPlace) }
                    }
                }
            }
        }
        if let placeURL {
            h.details(.class("add-form"), .flag(.open, !placeErrors.isEmpty)) {
                h.summary("When and where you meet")
                h.errorSummary(placeErrors)
                h.postForm(placeURL, .class("form"), .flag(.novalidate)) {
                    h.inputField("meeting_time", "Time", type: "time", value: placeForm.meeting_time, hint: "In \(heading == "Your learning plan" ? "your" : "their") time zone.",
                                 errors: placeErrors)
                    h.inputField("meeting_link", "Video call address", type: "url", value: placeForm.meeting_link, errors: placeErrors)
                    h.inputField("meeting_place", "Or a place", value: placeForm.meeting_place, errors: placeErrors)
                    h.button("Save", .type("submit"), .class("button primary"))
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Focus areas")) {
            h.h2(state == .requested ? "What they asked for" : "Focus areas")
            h.p(focusAreas, .class("prewrap"))
        }
        if let start {
            h.section(.class("card"), .ariaLabel("Start this plan")) {
                h.h2("Start this plan")
                h.errorSummary(errors)
                h.postForm(Href(.coaching(.plans)), .class("form"), .flag(.novalidate)) {
                    h.input(.type("hidden"), .name("graduate_id"), .value(start.graduateID))
                    h.textAreaField("focus_areas", "Focus areas", value: start.form.focus_areas, rows: 4,
                                    hint: "Theirs to begin with: add your own, keep theirs.", errors: errors)
                    h.selectField("cadence", "Meet", options: MeetingCadence.allCases.map {
                        SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == start.form.cadence)
                    }, errors: errors)
                    h.button("Start this plan", .type("submit"), .class("button primary"))
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Recommendations")) {
            let overdue = recommendations.filter(\.isOverdue).count
            h.h2("Recommendations" + (overdue > 0 ? " (\(overdue) overdue)" : ""))
            if recommendations.isEmpty { h.p("None yet: they come from meetings.", .class("empty")) }
            h.ul(.class("record-list")) {
                for (n, item) in recommendations.enumerated() {
                    h.li(.class(item.isOverdue ? "state-late" : (item.state == .done ? "state-done" : ""))) {
                        h.p {
                            h.strong("\(item.kind): ")
                            h.text(item.description)
                            if let link = item.link { h.text(" · "); h.a("Open", .href(web: link), .attr(.rel, "noopener"), .ariaLabel("Open: \(item.description)")) }
                        }
                        h.p(.class("hint")) {
                            h.span(item.isOverdue ? "Overdue" : item.state.title, .class("state-badge"))
                            if let due = item.due { h.text(" · due \(due)") }
                            if let outcome = item.outcomeLink { h.text(" · "); h.a("What I made", .href(web: outcome), .attr(.rel, "noopener"), .ariaLabel("What I made: \(item.description)")) }
                        }
                        if let progressURL = item.progressURL {
                            h.postForm(progressURL, .class("inline-form")) {
                                h.label("State", .for("state-\(n)"), .class("visually-hidden"))
                                h.element("select", [.id("state-\(n)"), .name("state")]) {
                                    h.options(RecommendationState.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == item.state) })
                                }
                                h.label("Link to what you made", .for("outcome-\(n)"), .class("visually-hidden"))
                                h.input(.id("outcome-\(n)"), .type("url"), .name("outcome_link"), .value(item.outcomeLink ?? ""), .attr(.placeholder, "Link to what you made"))
                                h.button("Save", .type("submit"), .class("button small"))
                            }
                        }
                    }
                }
            }
        }
        if let meetingURL {
            h.section(.class("card"), .ariaLabel("Record a meeting")) {
                h.h2("Record a meeting")
                h.errorSummary(errors)
                h.postForm(meetingURL, .class("form"), .flag(.novalidate)) {
                    h.inputField("held_on", "Held on", type: "date", value: meetingForm.held_on, errors: errors,
                                 .attr(.min, meetingDays?.first), .attr(.max, meetingDays?.last))
                    h.textAreaField("notes", "Notes", value: meetingForm.notes, rows: 5, hint: "Private to \(heading) and their coaches.", errors: errors)
                    if let error = errors["recommendations"] { h.p(error, .class("field-error")) }
                    for n in 1...MeetingForm.rows {
                        h.fieldset(.class("field recommendation-row")) {
                            h.legend("Recommendation \(n) (optional)")
                            h.selectField("rec\(n)_kind", "Kind", options: RecommendationKind.allCases.map {
                                SelectOption(value: $0.rawValue, label: $0.title, selected: meetingForm.value(n, "kind") == $0.rawValue)
                            }, blank: "Choose…", errors: errors)
                            h.inputField("rec\(n)_description", "What to do", value: meetingForm.value(n, "description"), errors: errors)
                            h.inputField("rec\(n)_link", "Link", type: "url", value: meetingForm.value(n, "link"), errors: errors)
                            h.inputField("rec\(n)_due", "Due", type: "date", value: meetingForm.value(n, "due"), errors: errors)
                        }
                    }
                    h.button("Record the meeting", .type("submit"), .class("button primary"))
                }
            }
        }
        h.h2("Meetings")
        if meetings.isEmpty { h.p("No meeting recorded yet.", .class("empty")) }
        for meeting in meetings {
            h.section(.class("card"), .ariaLabel("Meeting of \(meeting.held)")) {
                h.h3("\(meeting.held) · recorded by \(meeting.recorder)")
                h.p(meeting.notes, .class("prewrap"))
            }
        }
        if let finishURL {
            h.postForm(finishURL, .class("inline-form")) { h.button(state == .requested ? "Close this request" : "Finish the plan", .type("submit"), .class("button")) }
        }
    }
}

/// A graduate without a plan: what a plan is, and the form to ask for one; their finished plans.
struct AskForPlanPage: PageView {
    let finished: [(title: String, url: Href)]
    let form: LearningPlanForm
    let errors: FormErrors

    var title: String { "Learning plan" }

    func content(_ h: HTML) {
        h.h1("Individual Learning Plan")
        h.p("A plan with a coach: what to work on, regular meetings, and recommendations (katas, code reviews, projects, reading) to do between them.",
            .class("lede"))
        h.section(.class("card"), .ariaLabel("Ask for a plan")) {
            h.h2("Ask for a plan")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.coaching(.plan)), .class("form"), .flag(.novalidate)) {
                h.planFields(form, errors: errors, withCadence: false)
                h.button("Ask for a plan", .type("submit"), .class("button primary"))
            }
        }
        if !finished.isEmpty {
            h.h2("Finished plans")
            h.ul { for plan in finished { h.li { h.a(plan.title, .href(plan.url)) } } }
        }
    }
}

/// A coach's learning plans: those asked for, to start; the active ones with their next meeting
/// and overdue recommendations; and the form to start one.
struct LearningPlansPage: PageView {
    struct Row {
        let url: Href
        let graduateID: String
        let graduate: String
        let focusAreas: String
        let state: LearningPlanState
        let nextMeeting: String?
        let overdue: Int
    }
    let rows: [Row]
    /// Graduates with no plan asked for or active: (id, name).
    let graduatesWithout: [(id: String, name: String)]
    let form: LearningPlanForm
    let errors: FormErrors

    var title: String { "Learning plans" }

    func content(_ h: HTML) {
        h.h1("Learning plans")
        h.p("Your graduates' Individual Learning Plans: those asked for first, then the next meetings.", .class("lede"))
        h.section(.class("card"), .ariaLabel("Plans")) {
            h.h2("Plans (\(rows.count))")
            if rows.isEmpty { h.p("No plan yet.", .class("empty")) }
            h.ul(.class("record-list")) {
                for row in rows {
                    h.li {
                        h.a(row.graduate, .href(row.url))
                        h.text(" · ")
                        h.span(row.state.title, .class("state-badge"))
                        if let next = row.nextMeeting { h.text(" · next meeting \(next)") }
                        if row.overdue > 0 { h.text(" · \(row.overdue) overdue") }
                        h.p(row.focusAreas, .class("hint prewrap"))
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Start a plan")) {
            h.h2("Start a plan")
            h.errorSummary(errors)
            if graduatesWithout.isEmpty && rows.allSatisfy({ $0.state != .requested }) {
                h.p("Every graduate of yours has a plan.", .class("empty"))
            } else {
                h.postForm(Href(SiteURL.coaching(.plans)), .class("form"), .flag(.novalidate)) {
                    let asked = rows.filter { $0.state == .requested }
                    h.selectField("graduate_id", "Graduate", options: asked.map { row in
                        SelectOption(value: row.graduateID, label: "\(row.graduate) (asked for one)", selected: form.graduate_id == row.graduateID)
                    } + graduatesWithout.map { SelectOption(value: $0.id, label: $0.name, selected: form.graduate_id == $0.id) }, blank: "Choose…", errors: errors)
                    h.planFields(form, errors: errors)
                    h.button("Start the plan", .type("submit"), .class("button primary"))
                }
            }
        }
    }
}

// MARK: Builders: from the plan, the viewer and their day, with no request

extension LearningPlanPage {
    /// One plan as `detail.scope.viewer` sees it: its graduate moves recommendations while the
    /// plan runs; a coach of theirs records meetings on an active plan and finishes one not yet
    /// finished. `recorders` names who recorded each meeting.
    init(_ detail: LearningPlanUseCases.Detail, recorders: [UUID: String], meetingForm: MeetingForm? = nil, errors: FormErrors = .none) {
        let plan = detail.plan
        let id = plan.requireIDString
        let isSelf = detail.scope.isSelf
        let records = detail.scope.canCoachLearningPlan && plan.state == .active
        self.init(
            heading: isSelf ? "Your learning plan" : "\(detail.graduate.name)'s learning plan",
            graduateURL: isSelf ? nil : Href(SiteURL.programme(.graduate(id: detail.graduate.requireIDString))),
            state: plan.state, coach: detail.coach, cadence: plan.cadence.title, focusAreas: plan.focusAreas,
            asked: Formats.dayAndTime(plan.askedAt, zone: detail.scope.viewer.timeZone),
            nextMeeting: detail.nextMeeting.map { $0.display + (plan.meetingTime.map { " at " + $0 } ?? "") },
            recommendations: detail.recommendations.map { item in
                Recommendation(
                    kind: item.kind.title, description: item.description, link: item.link.isEmpty ? nil : item.link, due: item.due.map(Formats.day(iso:)),
                    state: item.state, isOverdue: item.isOverdue(today: detail.today), outcomeLink: item.outcomeLink.isEmpty ? nil : item.outcomeLink,
                    progressURL: isSelf && LearningPlanRules.recommendationsMove(inA: plan.state) ? Href(SiteURL.coaching(.recommendation(id: item.requireIDString))) : nil)
            },
            meetings: detail.meetings.map { Meeting(held: Formats.day(iso: $0.heldOn), notes: $0.notes, recorder: recorders[$0.$recordedBy.id] ?? "") },
            meetingURL: records ? Href(SiteURL.coaching(.meetings(planID: id))) : nil,
            meetingForm: meetingForm ?? MeetingForm(held_on: detail.today.iso),
            meetingDays: (plan.startedOn, detail.today.iso),
            finishURL: detail.scope.canCoachLearningPlan && plan.state != .finished ? Href(SiteURL.coaching(.finishPlan(id: id))) : nil,
            start: detail.scope.canCoachLearningPlan && plan.state == .requested
                ? (detail.graduate.requireIDString, LearningPlanForm(graduate_id: detail.graduate.requireIDString, focus_areas: plan.focusAreas,
                                                                     cadence: plan.cadence.rawValue)) : nil,
            errors: errors)
        // Where they meet is for the two who meet (and an admin, who runs the bootcamp).
        if isSelf || detail.scope.canCoachLearningPlan {
            meetingLink = plan.meetingLink
            meetingPlace = plan.meetingPlace
        }
        if detail.scope.canCoachLearningPlan && plan.state != .finished {
            placeURL = Href(SiteURL.coaching(.meetingPlace(planID: id)))
            placeForm = MeetingPlaceForm(meeting_time: plan.meetingTime, meeting_link: plan.meetingLink, meeting_place: plan.meetingPlace)
        }
    }
}

extension LearningPlansPage {
    /// A coach's plans, and the graduates they may start one for (those among `people` with none).
    init(rows: [LearningPlanUseCases.Row], people: [UserModel], form: LearningPlanForm = .init(), errors: FormErrors = .none) {
        let withPlans = Set(rows.map(\.graduate.id))
        self.init(
            rows: rows.map { row in
                Row(url: Href(SiteURL.coaching(.learningPlan(id: row.plan.requireIDString))), graduateID: row.graduate.requireIDString, graduate: row.graduate.name,
                    focusAreas: row.plan.focusAreas, state: row.plan.state, nextMeeting: row.nextMeeting?.display, overdue: row.overdue)
            },
            graduatesWithout: people.filter { $0.role == .graduate && !withPlans.contains($0.id) }.map { (id: $0.requireIDString, name: $0.name) },
            form: form, errors: errors)
    }
}

extension AskForPlanPage {
    /// Asking for a plan, with the graduate's finished plans to read again.
    init(finished: [LearningPlanModel], form: LearningPlanForm, errors: FormErrors) {
        self.init(finished: finished.map { plan in
            (title: "Finished on " + Formats.day(iso: plan.finishedOn ?? ""), url: Href(.coaching(.learningPlan(id: plan.requireIDString))))
        }, form: form, errors: errors)
    }
}

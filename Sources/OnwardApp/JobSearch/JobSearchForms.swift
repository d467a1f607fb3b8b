import OnwardCore
import Vapor

struct ApplicationForm: Content {
    var company: String?
    var role_title: String?
    var url: String?
    var location: String?
    var remote: String?
    var salary_min: String?
    var salary_max: String?
    /// An ISO 4217 code from Core's list; empty for the bootcamp's currency.
    var currency: String?
    var source: String?
    var next_action: String?
    var next_action_due: String?
    var notes: String?
    var excitement: String?
    /// For a new application only: where it starts, and since when.
    var stage: String?
    var on: String?

    init(_ application: ApplicationModel) {
        company = application.company
        role_title = application.roleTitle
        url = application.url
        location = application.location
        remote = application.remote ? "yes" : nil
        salary_min = application.salaryMin.map(String.init)
        salary_max = application.salaryMax.map(String.init)
        currency = application.currency
        source = application.source.rawValue
        next_action = application.nextAction
        next_action_due = application.nextActionDue
        notes = application.notes
        excitement = String(application.excitement)
    }

    init(stage: Stage, on day: LocalDate) {
        self.stage = stage.rawValue
        self.on = day.iso
        self.source = ApplicationSource.jobBoard.rawValue
        self.excitement = "3"
    }

    func validate() throws(ValidationErrors) -> ApplicationDraft {
        try ApplicationDraft.validate(
            company: company ?? "", roleTitle: role_title ?? "", url: url ?? "", location: location ?? "", remote: remote == "yes",
            salaryMinimum: salary_min ?? "", salaryMaximum: salary_max ?? "", source: source ?? "", nextAction: next_action ?? "",
            nextActionDue: next_action_due ?? "", notes: notes ?? "", excitement: excitement ?? "", currency: currency ?? "")
    }
}

extension SelectOption {
    /// The moves a form offers from `stage`, in a person's words; one that closes the application
    /// asks first. No choice is made for them: the form starts at "Move to…".
    static func moves(from stage: Stage) -> [SelectOption] {
        (StageMoves.formTargetsByStage[stage] ?? []).map { target in
            let said = StageMoves.say(target, from: stage)
            return SelectOption(value: target.rawValue, label: said,
                                confirm: StageMoves.closes(target) ? "“\(said)”: this closes the application. Go on?" : nil)
        }
    }

    /// The first choice of a move form, which moves nothing.
    static let moveTo = "Move to…"
}

struct MoveForm: Content {
    var stage: String?
    var on: String?
    /// "yes" once a move that closes the application is confirmed.
    var confirmed: String?
    /// "board" when sent from a card on the board: the graduate goes back there.
    var from: String?
}

struct PlacementForm: Content {
    var on: String?
    var start_date: String?
    var job_title: String?
    var employment_type: String?
    var in_field: String?
    var salary: String?

    func validate() throws(ValidationErrors) -> PlacementDraft {
        try PlacementDraft.validate(
            startDate: start_date ?? "", jobTitle: job_title ?? "", employmentType: employment_type ?? "", inField: in_field ?? "", salary: salary ?? "")
    }
}

struct InterviewForm: Content {
    var kind: String?
    var date: String?
    var time: String?
    var duration_minutes: String?
    var with_whom: String?
    var outcome: String?
    var feedback: String?
    var feedback_is_technical: String?
}

extension InterviewForm {
    /// The form filled with a recorded interview, its moment in `zone`.
    init(_ interview: InterviewModel, zone: String) {
        let tz = TimeZone(identifier: zone) ?? .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        let time = calendar.dateComponents([.hour, .minute], from: interview.scheduledAt)
        self.init(kind: interview.kind.rawValue, date: LocalDate(interview.scheduledAt, in: tz).iso,
                  time: String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0), duration_minutes: String(interview.durationMinutes),
                  with_whom: interview.withWhom, outcome: interview.outcome.rawValue, feedback: interview.feedback,
                  feedback_is_technical: interview.feedbackIsTechnical ? "yes" : nil)
    }

    /// The date and time are read in `zone`, the graduate's.
    func validate(zone: String) throws(ValidationErrors) -> InterviewDraft {
        try InterviewDraft.validate(
            kind: kind ?? "", date: date ?? "", time: time ?? "", timeZone: TimeZone(identifier: zone) ?? .gmt,
            durationMinutes: duration_minutes ?? "", withWhom: with_whom ?? "", outcome: outcome ?? "",
            feedback: feedback ?? "", feedbackIsTechnical: feedback_is_technical == "yes")
    }

    func validateResult() throws(ValidationErrors) -> InterviewResult {
        try InterviewResult.validate(outcome: outcome ?? "", feedback: feedback ?? "", feedbackIsTechnical: feedback_is_technical.map { $0 == "yes" })
    }
}

struct ContactForm: Content {
    var contact_name: String?
    var contact_role: String?
    var contact_email: String?
    var contact_profile_url: String?
}

extension ContactForm {
    init(_ contact: ContactModel) {
        self.init(contact_name: contact.name, contact_role: contact.role, contact_email: contact.email, contact_profile_url: contact.profileURL)
    }

    func validate() throws(ValidationErrors) -> ContactDraft {
        try ContactDraft.validate(name: contact_name ?? "", role: contact_role ?? "", email: contact_email ?? "", profileURL: contact_profile_url ?? "")
    }
}

struct ListQuery: Content {
    var stage: String?
    var source: String?
    var from: String?
    var to: String?
    var q: String?
    var sort: String?
    var page: String?
}

import OnwardCore
import Vapor

struct EventForm: Content {
    var title: String?
    var description: String?
    var day: String?
    var start: String?
    var end: String?
    var link: String?
    var place: String?
    var cohort_id: String?
}

struct EventAnswerForm: Content {
    var answer: String?
}

extension HTML {
    /// "Going" / "Not going" buttons, the current answer pressed.
    func eventAnswerButtons(_ url: Href, own: EventAnswer?, label: String) {
        postForm(url, .class("inline-form"), .ariaLabel(label)) {
            for answer in EventAnswer.allCases {
                button(own == answer ? "✓ " + answer.title : answer.title, .type("submit"), .name("answer"), .value(answer.rawValue),
                       .class(own == answer ? "button primary" : "button"), .attr(.ariaPressed, own == answer ? "true" : "false"))
            }
        }
    }
}

/// Coaching events: those coming up (each with how many are going, and a graduate's own answer),
/// those of the last 30 days, and for the careers team the form to hold one.
struct EventsPage: PageView {
    struct Entry {
        let url: Href
        let title: String
        let when: String
        let audience: String
        let online: Bool
        let place: String
        let going: Int
        let own: EventAnswer?

        var whereText: String {
            [online ? "Online" : nil, place.isEmpty ? nil : place].compactMap { $0 }.joined(separator: " and ")
        }
    }
    let upcoming: [Entry]
    let past: [Entry]
    let holdsEvents: Bool
    /// The cohorts an event may be for (the careers team's form).
    let cohorts: [(id: String, name: String)]
    /// The viewer's time zone, in which the form's times are read.
    let timeZone: String
    var form = EventForm()
    var errors: FormErrors = .none

    var title: String { "Events" }

    func content(_ h: HTML) {
        h.h1("Events")
        h.p(holdsEvents ? "Workshops, panels and clinics for your graduates: hold one for a cohort or for everyone, and see who comes."
                        : "Workshops, panels and clinics the careers team holds. Say whether you are going, so they can plan.", .class("lede"))
        h.section(.class("card"), .ariaLabel("Coming up")) {
            h.h2("Coming up (\(upcoming.count))")
            if upcoming.isEmpty { h.p("No event is planned yet.", .class("empty")) }
            list(upcoming, h)
        }
        if !past.isEmpty {
            h.section(.class("card"), .ariaLabel("Past")) {
                h.h2("In the last \(EventUseCases.pastDays) days")
                list(past, h)
            }
        }
        if holdsEvents {
            h.section(.class("card"), .ariaLabel("Hold an event")) {
                h.h2("Hold an event")
                h.errorSummary(errors)
                h.postForm(Href(SiteURL.coaching(.events)), .class("form"), .flag(.novalidate)) {
                    h.inputField("title", "Title", value: form.title, hint: "Such as \"CV clinic\" or \"Salary negotiation panel\".", errors: errors)
                    h.textAreaField("description", "What it is", value: form.description, rows: 4, errors: errors)
                    h.inputField("day", "Day", type: "date", value: form.day, hint: "Times are in your time zone (\(timeZone)).", errors: errors)
                    h.div(.class("field-row")) {
                        h.inputField("start", "Starts", type: "time", value: form.start, errors: errors)
                        h.inputField("end", "Ends", type: "time", value: form.end, errors: errors)
                    }
                    h.inputField("link", "Online link to join", type: "url", value: form.link, hint: "A link, a place, or both.", errors: errors)
                    h.inputField("place", "Place", value: form.place, errors: errors)
                    h.selectField("cohort_id", "For", options: cohorts.map { SelectOption(value: $0.id, label: $0.name, selected: form.cohort_id == $0.id) },
                                  blank: "Every graduate", errors: errors)
                    h.button("Hold the event", .type("submit"), .class("button primary"))
                }
            }
        }
    }

    private func list(_ entries: [Entry], _ h: HTML) {
        h.ul(.class("record-list")) {
            for entry in entries {
                h.li {
                    h.a(entry.title, .href(entry.url))
                    h.text(" · \(entry.when) · \(entry.whereText) · for \(entry.audience) · \(entry.going) going")
                    if let own = entry.own { h.text(" · "); h.span("You: " + own.title.lowercased(), .class("state-badge")) }
                }
            }
        }
    }
}

/// One event: what, when and where; a graduate's answer; for the careers team, who comes.
struct EventPage: PageView {
    struct WhoComes {
        /// Those the viewer reads by name, and how many answered in all.
        let going: [String]
        let notGoing: [String]
        let goingCount: Int
        let notGoingCount: Int
        /// Graduates it is for who have not answered.
        let unanswered: Int
    }
    let title: String
    let description: String
    let when: String
    let audience: String
    let heldBy: PersonName
    let link: String?
    let place: String
    let going: Int
    let own: EventAnswer?
    /// Where a graduate answers; nil when they may not (the team, or once it has started).
    let answerURL: Href?
    let hasStarted: Bool
    let whoComes: WhoComes?
    let cancelURL: Href?

    func content(_ h: HTML) {
        h.h1(title)
        h.p(.class("lede")) {
            h.text("\(when) · for \(audience) · held by ")
            h.person(heldBy)
        }
        h.section(.class("card"), .ariaLabel("The event")) {
            h.p(description, .class("prewrap"))
            if let link { h.p { h.strong("Join online: "); h.a(link, .href(web: link), .external) } }
            if !place.isEmpty { h.p { h.strong("Place: "); h.text(place) } }
            h.p("\(going) going")
        }
        if let answerURL {
            h.section(.class("card"), .ariaLabel("Your answer")) {
                h.h2("Are you going?")
                if let own { h.p("You said: \(own.title.lowercased()). You can change it until the event starts.", .class("hint")) }
                h.eventAnswerButtons(answerURL, own: own, label: "Your answer")
            }
        } else if hasStarted && whoComes == nil {
            h.p(own.map { "You said: \($0.title.lowercased())." } ?? "This event has started: answers are closed.", .class("hint"))
        }
        if let whoComes {
            h.section(.class("card"), .ariaLabel("Who comes")) {
                h.h2("Who comes")
                h.h3("Going (\(whoComes.goingCount))")
                h.answerNames(whoComes.going, count: whoComes.goingCount, none: "Nobody yet.")
                h.h3("Not going (\(whoComes.notGoingCount))")
                h.answerNames(whoComes.notGoing, count: whoComes.notGoingCount, none: "Nobody.")
                h.p(Wording.count(whoComes.unanswered, "graduate") + " it is for \(whoComes.unanswered == 1 ? "has" : "have") not answered.", .class("hint"))
            }
        }
        if let cancelURL {
            h.postForm(cancelURL, .class("inline-form")) {
                h.button("Cancel the event", .type("submit"), .class("button danger"), .data(.dataConfirm, "Cancel \(title)? The answers go with it."))
            }
        }
        h.p { h.a("All events", .href(Href(SiteURL.coaching(.events)))) }
    }
}

extension HTML {
    /// The names of those who answered that the viewer reads, and how many others did: a coach
    /// reads their own graduates' names only.
    fileprivate func answerNames(_ names: [String], count: Int, none: String) {
        if count == 0 { p(none, .class("empty")); return }
        if !names.isEmpty { ul { for name in names { li(name) } } }
        let others = count - names.count
        if others > 0 { p((names.isEmpty ? "" : "And ") + Wording.count(others, "graduate") + " you do not coach.", .class("hint")) }
    }
}

// MARK: Builders: from the events, the viewer and the time, with no request

extension EventsPage.Entry {
    init(_ item: EventUseCases.Listed, for viewer: UserModel) {
        self.init(url: Href(SiteURL.coaching(.event(id: item.event.requireIDString))), title: item.event.title,
                  when: Formats.span(item.event.startsAt, item.event.endsAt, zone: viewer.timeZone),
                  audience: item.cohortName ?? "everyone", online: !item.event.link.isEmpty, place: item.event.place, going: item.going, own: item.own)
    }
}

extension EventsPage {
    /// The list as `viewer` sees it: the form to hold one (with the cohorts to hold it for) only
    /// for those who may hold events.
    init(upcoming: [EventUseCases.Listed], past: [EventUseCases.Listed], cohorts: [CohortModel], viewer: UserModel,
         form: EventForm = .init(), errors: FormErrors = .none) {
        let holds = Access.holdsEvents(viewer.viewer)
        self.init(upcoming: upcoming.map { Entry($0, for: viewer) }, past: past.map { Entry($0, for: viewer) }, holdsEvents: holds,
                  cohorts: holds ? cohorts.map { (id: $0.requireIDString, name: $0.name) } : [], timeZone: viewer.timeZone, form: form, errors: errors)
    }
}

extension EventPage {
    /// One event as `viewer` sees it at `now`: the answer buttons, who comes and the cancel button
    /// each only as the use case's decisions allow.
    init(_ detail: EventUseCases.Detail, viewer: UserModel, now: Date) {
        let event = detail.event
        let id = event.requireIDString
        func names(_ answer: EventAnswer) -> [String] { detail.answers.filter { $0.answer.answer == answer }.map(\.graduate.name) }
        self.init(
            title: event.title, description: event.description, when: Formats.span(event.startsAt, event.endsAt, zone: viewer.timeZone),
            audience: detail.cohortName ?? "every graduate", heldBy: PersonName(detail.createdBy.name, role: detail.createdBy.role),
            link: event.link.isEmpty ? nil : event.link, place: event.place,
            going: detail.going, own: detail.own, answerURL: detail.canAnswer ? Href(SiteURL.coaching(.answerEvent(id: id))) : nil,
            hasStarted: !EventRules.takesAnswers(startsAt: event.startsAt, now: now),
            whoComes: detail.seesWhoComes ? .init(going: names(.going), notGoing: names(.notGoing), goingCount: detail.going, notGoingCount: detail.notGoing,
                                                  unanswered: detail.unanswered) : nil,
            cancelURL: detail.canCancel ? Href(SiteURL.coaching(.cancelEvent(id: id))) : nil)
    }
}

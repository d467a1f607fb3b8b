import OnwardCore
import Vapor

struct MockSlotForm: Content {
    var day: String?
    var time: String?
    var minutes: String?
    var theme_back_end: String?
    var theme_front_end: String?
    var theme_full_stack: String?
    var link: String?
    var place: String?

    /// The themes ticked, as raw values.
    var themes: [String] {
        [(MockTheme.backEnd, theme_back_end), (.frontEnd, theme_front_end), (.fullStack, theme_full_stack)]
            .compactMap { theme, ticked in (ticked ?? "").isEmpty ? nil : theme.rawValue }
    }
}

struct MockBookingForm: Content {
    var theme: String?
    var practise: String?
}

struct RubricForm: Content {
    var problem_solving: String?
    var code_comprehension: String?
    var communication: String?
    var technical_knowledge: String?
    var topic_area: String?
    var strengths: String?
    var improvements: String?
    var resources: String?

    /// The scores by criterion's raw value.
    var scores: [String: String] {
        var result: [String: String] = [:]
        for (criterion, value) in [(RubricCriterion.problemSolving, problem_solving), (.codeComprehension, code_comprehension), (.communication, communication),
                                   (.technicalKnowledge, technical_knowledge), (.topicArea, topic_area)] {
            result[criterion.rawValue] = value
        }
        return result
    }

    func value(_ criterion: RubricCriterion) -> String? { scores[criterion.rawValue] }
}

/// A graduate's scores over their mock interviews: a bar for each criterion, interview by interview.
enum ScoresChart {
    static func make(_ trend: RubricTrend) -> BarChart? {
        guard !trend.points.isEmpty else { return nil }
        return BarChart(title: "Mock interview scores, 1 to 4, interview by interview",
                        series: RubricCriterion.allCases.map { .init(name: $0.title, cssClass: "series-" + $0.rawValue) },
                        groups: trend.points.map { point in
                            ("\(point.day.display.replacingOccurrences(of: " \(point.day.year)", with: "")) · \(point.theme.title)",
                             RubricCriterion.allCases.map { point.scores[$0] ?? 0 })
                        }, scale: RubricCriterion.scale.keys.max() ?? 4, id: "scores-chart")
    }
}

/// A graduate's mock interviews: the recommendation when it applies, their bookings (to cancel
/// ahead, to read the feedback after), the coaches' open slots to book, and their scores over time.
struct MockInterviewsPage: PageView {
    struct Entry {
        let url: Href
        let when: String
        let coach: PersonName
        let theme: String
        let cancelled: Bool
        let late: Bool
        let isPast: Bool
        let scored: Bool
        let cancelURL: Href?
        /// Cancelling now would be late.
        let cancelIsLate: Bool
    }
    struct OpenSlot {
        let id: String
        let url: Href
        let when: String
        let coach: PersonName
        let themes: [MockTheme]
    }
    let recommended: Bool
    let bookings: [Entry]
    let open: [OpenSlot]
    let chart: BarChart?
    let change: Double?
    let movers: (up: [RubricCriterion], down: [RubricCriterion])
    /// The slot whose booking form was sent with errors.
    var bookingFor: String? = nil
    var form = MockBookingForm()
    var errors: FormErrors = .none

    var title: String { "Mock interviews" }

    func content(_ h: HTML) {
        h.h1("Mock interviews")
        h.p("45 to 60 minutes with a coach on a back-end, front-end or full-stack theme: your own code, someone else's, and the concepts behind them. Afterwards your coach scores it on a rubric and writes what went well and what to work on.",
            .class("lede"))
        h.practiceLinks(.mockInterviews)
        if recommended {
            h.p("You have been job hunting for more than a month without a mock interview: book one below.", .class("card warning-text"), .role("status"))
        }
        h.section(.class("card"), .ariaLabel("Your mock interviews")) {
            h.h2("Your mock interviews")
            if bookings.isEmpty { h.p("None yet.", .class("empty")) }
            h.ul(.class("record-list")) {
                for entry in bookings {
                    h.li {
                        h.a(entry.when, .href(entry.url))
                        h.text(" · \(entry.theme) with ")
                        h.person(entry.coach)
                        h.text(" · ")
                        h.span(entry.cancelled ? (entry.late ? "Cancelled late" : "Cancelled") : entry.scored ? "Feedback to read" : entry.isPast ? "Feedback to come" : "Booked",
                               .class("state-badge"))
                        if let cancelURL = entry.cancelURL {
                            h.postForm(cancelURL, .class("inline-form")) {
                                h.button("Cancel", .type("submit"), .class("button"),
                                         .data(.dataConfirm, entry.cancelIsLate ? "It starts within 24 hours: cancelling now is recorded as late. Cancel?" : "Cancel this booking?"))
                            }
                        }
                    }
                }
            }
        }
        if let chart {
            h.section(.class("card"), .ariaLabel("Scores over time")) {
                h.h2("Your scores over time")
                chart.render(h)
                if let change {
                    h.p(change > 0 ? "Your mean score rose by \(Self.format(change)) since your first mock interview." :
                            change < 0 ? "Your mean score fell by \(Self.format(-change)) since your first mock interview." : "Your mean score is where it started.")
                }
                if !movers.up.isEmpty { h.p("Up: " + movers.up.map(\.title).joined(separator: ", ") + ".") }
                if !movers.down.isEmpty { h.p("Down: " + movers.down.map(\.title).joined(separator: ", ") + ".", .class("warning-text")) }
            }
        }
        h.section(.class("card"), .ariaLabel("Open slots")) {
            h.h2("Open slots (\(open.count))")
            if open.isEmpty { h.p("No coach has an open slot just now. New ones appear here.", .class("empty")) }
            for slot in open {
                let errors = bookingFor == slot.id ? self.errors : .none
                h.div(.class("slot")) {
                    h.h3 { h.text("\(slot.when) · "); h.person(slot.coach) }
                    h.errorSummary(errors)
                    h.postForm(slot.url, .class("form"), .flag(.novalidate)) {
                        h.fieldset(.class(errors["theme"] == nil ? "field" : "field has-error")) {
                            h.legend("Theme")
                            if let error = errors["theme"] { h.p(error, .class("field-error")) }
                            h.div(.class("radio-row")) {
                                for theme in slot.themes {
                                    h.radio("theme", value: theme.rawValue, label: theme.title,
                                            checked: (bookingFor == slot.id ? form.theme : nil) == theme.rawValue || slot.themes.count == 1)
                                }
                            }
                        }
                        // One form per slot: its field's id names the slot, so every id on the page is unique.
                        let field = "practise-" + slot.id
                        h.div(.class(errors["practise"] == nil ? "field" : "field has-error")) {
                            h.label("What you want to practise", .for(field))
                            h.p("Such as \"explaining my design out loud\" or \"SQL joins\".", .class("hint"), .id(field + "-hint"))
                            if let error = errors["practise"] { h.p(error, .class("field-error"), .id(field + "-error")) }
                            h.input(.id(field), .name("practise"), .type("text"), .value(bookingFor == slot.id ? form.practise : nil),
                                    .attr(.ariaInvalid, errors["practise"] == nil ? nil : "true"),
                                    .ariaDescribedBy(errors["practise"] == nil ? field + "-hint" : field + "-hint " + field + "-error"))
                        }
                        h.button("Book this slot", .type("submit"), .class("button primary"))
                    }
                }
            }
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// A coach's mock interview slots: the form to open one, and each slot with who booked it, what
/// they want practised, and the rubric to fill once it has started.
struct MockSlotsPage: PageView {
    struct Row {
        let when: String
        let themes: String
        let graduate: String?
        let theme: String?
        let practise: String?
        let url: Href?
        let removeURL: Href?
        let toScore: Bool
        let scored: Bool
    }
    let rows: [Row]
    let timeZone: String
    var form = MockSlotForm()
    var errors: FormErrors = .none

    var title: String { "Mock interview slots" }

    func content(_ h: HTML) {
        h.h1("Mock interview slots")
        h.p("Open slots graduates book for a mock technical interview. After each, fill its rubric: the graduate reads it, with their scores over time.", .class("lede"))
        h.section(.class("card"), .ariaLabel("Your slots")) {
            h.h2("Your slots")
            if rows.isEmpty { h.p("No slot yet: open one below.", .class("empty")) }
            h.ul(.class("record-list")) {
                for row in rows {
                    h.li {
                        h.strong(row.when)
                        h.text(" · \(row.themes) · ")
                        if let graduate = row.graduate, let url = row.url {
                            h.a("\(graduate) (\(row.theme ?? ""))", .href(url))
                            if let practise = row.practise { h.text(": \"\(practise)\"") }
                            if row.toScore { h.text(" · "); h.a("Fill the rubric", .class("button primary"), .href(url)) }
                            if row.scored { h.text(" · "); h.span("Scored", .class("state-badge")) }
                        } else {
                            h.span("Open", .class("state-badge"))
                        }
                        if let removeURL = row.removeURL {
                            h.postForm(removeURL, .class("inline-form")) { h.button("Remove", .type("submit"), .class("button")) }
                        }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Open a slot")) {
            h.h2("Open a slot")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.practice(.mockSlots)), .class("form"), .flag(.novalidate)) {
                h.div(.class("field-row")) {
                    h.inputField("day", "Day", type: "date", value: form.day, hint: "In your time zone (\(timeZone)).", errors: errors)
                    h.inputField("time", "Starts", type: "time", value: form.time, errors: errors)
                }
                h.selectField("minutes", "Length", options: MockSlotDraft.lengths.map { SelectOption(value: String($0), label: "\($0) minutes", selected: form.minutes == String($0)) },
                              errors: errors)
                h.fieldset(.class(errors["themes"] == nil ? "field" : "field has-error")) {
                    h.legend("Themes you cover")
                    if let error = errors["themes"] { h.p(error, .class("field-error")) }
                    for (theme, ticked) in [(MockTheme.backEnd, form.theme_back_end), (.frontEnd, form.theme_front_end), (.fullStack, form.theme_full_stack)] {
                        h.label {
                            h.input(.type("checkbox"), .name("theme_" + theme.rawValue), .value("yes"), .flag(.checked, !(ticked ?? "").isEmpty))
                            h.text(" " + theme.title)
                        }
                    }
                }
                h.inputField("link", "Video call address", type: "url", value: form.link, hint: "Shown only to you and the graduate who books it.", errors: errors)
                h.inputField("place", "Or a place to meet", value: form.place, errors: errors)
                h.button("Open the slot", .type("submit"), .class("button primary"))
            }
        }
    }
}

/// One mock interview: when, who, the theme and what the graduate wants practised; the feedback
/// once filled; for its coach after the start, the rubric form.
struct MockInterviewPage: PageView {
    struct Feedback {
        let scores: [RubricCriterion: Int]
        let strengths: String
        let improvements: String
        let resources: String
    }
    let graduate: String
    let coach: PersonName
    let when: String
    let theme: MockTheme
    let practise: String
    /// Nil while booked; whether it was late, once cancelled.
    let cancelled: Bool?
    let rubric: Feedback?
    let rubricURL: Href?
    let waitsForStart: Bool
    let isGraduate: Bool
    /// The graduate's way out, until the interview starts.
    var cancelURL: Href? = nil
    /// Cancelling now would be late (under 24 hours before).
    var cancelIsLate = false
    var form = RubricForm()
    var errors: FormErrors = .none
    /// Where to meet: for the graduate and the coach in it only, while it is on.
    var link: String? = nil
    var place: String? = nil

    var title: String { "Mock interview" }

    func content(_ h: HTML) {
        h.h1("Mock interview · \(theme.title)")
        h.p(.class("lede")) { h.text("\(when) · \(graduate) with "); h.person(coach) }
        if let cancelled { h.p(cancelled ? "Cancelled less than 24 hours before." : "Cancelled.", .class("warning-text")) }
        if link != nil || place != nil {
            h.p {
                h.strong("Where: ")
                if let link { h.a(link, .href(web: link), .external) }
                if link != nil && place != nil { h.text(" · ") }
                if let place { h.text(place) }
            }
        }
        h.section(.class("card"), .ariaLabel("Asked for")) {
            h.h2(isGraduate ? "You asked to practise" : "\(graduate) asked to practise")
            h.p(practise, .class("prewrap"))
        }
        if let cancelURL {
            h.postForm(cancelURL, .class("inline-form")) {
                if cancelIsLate { h.p("It starts within 24 hours: cancelling now is recorded as a late cancellation.", .class("hint")) }
                h.button("Cancel this mock interview", .type("submit"), .class("button"),
                         .data(.dataConfirm, cancelIsLate ? "It starts within 24 hours: cancelling now is recorded as late. Cancel?" : "Cancel this mock interview?"))
            }
        }
        if let rubric {
            h.section(.class("card"), .ariaLabel("Feedback")) {
                h.h2("Feedback")
                h.div(.class("table-wrap")) {
                    h.table(.class("rubric")) {
                        h.thead { h.tr { h.th("Criterion"); h.th("Score") } }
                        h.tbody {
                            for criterion in RubricCriterion.allCases {
                                let score = rubric.scores[criterion] ?? 0
                                h.tr {
                                    h.td(criterion == .topicArea ? "\(criterion.title): \(theme.topicArea)" : criterion.title)
                                    h.td("\(score) of 4 · \(RubricCriterion.scale[score] ?? "")")
                                }
                            }
                        }
                    }
                }
                h.h3("Strengths")
                h.p(rubric.strengths, .class("prewrap"))
                h.h3("What to improve")
                h.p(rubric.improvements, .class("prewrap"))
                if !rubric.resources.isEmpty {
                    h.h3("Resources")
                    h.p(rubric.resources, .class("prewrap"))
                }
            }
        } else if waitsForStart {
            h.p(isGraduate ? "Your coach writes the feedback after the interview." : "The rubric opens when the interview starts.", .class("hint"))
        } else if cancelled == nil && rubricURL == nil {
            h.p("The feedback is still to come.", .class("hint"))
        }
        if let rubricURL {
            h.section(.class("card"), .ariaLabel("Rubric")) {
                h.h2("Fill the rubric")
                h.errorSummary(errors)
                h.postForm(rubricURL, .class("form"), .flag(.novalidate)) {
                    for criterion in RubricCriterion.allCases {
                        h.selectField(criterion.rawValue, criterion == .topicArea ? "\(criterion.title): \(theme.topicArea)" : criterion.title,
                                      options: RubricDraft.scores.map { SelectOption(value: String($0), label: "\($0) · \(RubricCriterion.scale[$0] ?? "")",
                                                                                     selected: form.value(criterion) == String($0)) },
                                      blank: "Choose a score", errors: errors)
                    }
                    h.textAreaField("strengths", "Strengths", value: form.strengths, rows: 4, errors: errors)
                    h.textAreaField("improvements", "What to improve", value: form.improvements, rows: 4, errors: errors)
                    h.textAreaField("resources", "Resources", value: form.resources, rows: 3, hint: "Books, katas, links: optional.", errors: errors)
                    h.button("Save the feedback", .type("submit"), .class("button primary"))
                }
            }
        }
    }
}

// MARK: Builders: from the bookings and slots, the viewer and the time, with no request

extension MockInterviewsPage {
    /// A graduate's page at `now`: a booking is cancelled while it has not started (late under
    /// 24 hours); the trend is worked out from the scored ones, in the graduate's zone.
    init(bookings: [MockInterviewUseCases.Booking], open: [MockInterviewUseCases.Slot], recommended: Bool, viewer: UserModel, now: Date,
         bookingFor: String? = nil, form: MockBookingForm = .init(), errors: FormErrors = .none) {
        let trend = MockInterviewUseCases.trend(of: bookings, in: TimeZone(identifier: viewer.timeZone) ?? .gmt)
        self.init(
            recommended: recommended,
            bookings: bookings.map { item in
                Entry(url: Href(SiteURL.practice(.mockInterview(id: item.booking.requireIDString))), when: MockSlotsPage.when(item.slot, for: viewer),
                      coach: PersonName(item.coach.name, role: item.coach.role), theme: item.booking.theme.title, cancelled: item.booking.cancelledAt != nil,
                      late: item.booking.lateCancellation, isPast: item.slot.startsAt <= now, scored: item.rubric != nil,
                      cancelURL: item.booking.cancelledAt == nil && item.slot.startsAt > now ? Href(SiteURL.practice(.cancelBooking(id: item.booking.requireIDString))) : nil,
                      cancelIsLate: MockInterviewRules.isLateCancellation(at: now, startsAt: item.slot.startsAt))
            },
            open: open.map { item in
                OpenSlot(id: item.slot.requireIDString, url: Href(SiteURL.practice(.book(slotID: item.slot.requireIDString))),
                         when: MockSlotsPage.when(item.slot, for: viewer), coach: PersonName(item.coach.name, role: item.coach.role),
                         themes: MockTheme.allCases.filter(item.slot.themes.contains))
            },
            chart: ScoresChart.make(trend), change: trend.change, movers: trend.movers,
            bookingFor: bookingFor, form: form, errors: errors)
    }
}

extension MockSlotsPage {
    /// A coach's slots at `now`: one never booked may be removed; a booked one that has started
    /// waits for its rubric.
    init(slots: [MockInterviewUseCases.Slot], viewer: UserModel, now: Date, form: MockSlotForm = .init(), errors: FormErrors = .none) {
        self.init(rows: slots.map { item in
            Row(when: Self.when(item.slot, for: viewer), themes: MockTheme.allCases.filter(item.slot.themes.contains).map(\.title).joined(separator: ", "),
                graduate: item.graduate?.name, theme: item.booking?.theme.title, practise: item.booking?.practise,
                url: item.booking.map { Href(SiteURL.practice(.mockInterview(id: $0.requireIDString))) },
                removeURL: item.everBooked ? nil : Href(SiteURL.practice(.removeSlot(id: item.slot.requireIDString))),
                toScore: item.booking != nil && !item.scored && item.slot.startsAt <= now, scored: item.scored)
        }, timeZone: viewer.timeZone, form: form, errors: errors)
    }

    static func when(_ slot: MockSlotModel, for viewer: UserModel) -> String {
        when(startsAt: slot.startsAt, minutes: slot.minutes, for: viewer)
    }

    /// "Tue 1 Dec 2026, 10:00–11:00 (60 minutes)" where `viewer` lives.
    static func when(startsAt: Date, minutes: Int, for viewer: UserModel) -> String {
        Formats.span(startsAt, startsAt.addingTimeInterval(Double(minutes) * 60), zone: viewer.timeZone) + " (\(minutes) minutes)"
    }
}

extension MockInterviewPage {
    /// One interview as `viewer` sees it at `now`: its coach scores it once it has started, once,
    /// unless it was cancelled.
    init(_ item: MockInterviewUseCases.Booking, viewer: UserModel, now: Date, form: RubricForm = .init(), errors: FormErrors = .none) {
        let open = item.rubric == nil && item.booking.cancelledAt == nil
        let mayScore = MockInterviewRules.mayScore(at: now, startsAt: item.slot.startsAt)
        let canScore = Access.canScoreMockInterview(viewer.viewer, coach: item.coach.requireIDString) && open && mayScore
        self.init(
            graduate: item.graduate.name, coach: PersonName(item.coach.name, role: item.coach.role), when: MockSlotsPage.when(item.slot, for: viewer),
            theme: item.booking.theme, practise: item.booking.practise, cancelled: item.booking.cancelledAt.map { _ in item.booking.lateCancellation },
            rubric: item.rubric.map { Feedback(scores: $0.scores, strengths: $0.strengths, improvements: $0.improvements, resources: $0.resources) },
            rubricURL: canScore ? Href(SiteURL.practice(.rubric(bookingID: item.booking.requireIDString))) : nil,
            waitsForStart: open && !mayScore, isGraduate: item.graduate.id == viewer.id,
            cancelURL: item.graduate.id == viewer.id && item.booking.cancelledAt == nil && item.slot.startsAt > now
                ? Href(.practice(.cancelBooking(id: item.booking.requireIDString))) : nil,
            cancelIsLate: MockInterviewRules.isLateCancellation(at: now, startsAt: item.slot.startsAt), form: form, errors: errors)
        (link, place) = item.meeting(for: viewer)
    }
}

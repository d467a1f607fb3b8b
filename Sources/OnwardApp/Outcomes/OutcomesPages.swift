import Foundation
import OnwardCore

/// The reports by half-year of graduation: each cohort's headline figures, and all cohorts'.
struct OutcomesPage: PageView {
    struct Row {
        let half: HalfYear
        let cohort: String
        /// The cohort's report; nil for the row of all cohorts.
        let url: SiteURL?
        let report: OutcomeReport
    }

    let rows: [Row]
    let cohortsRead: Int
    let seesNames: Bool
    let today: LocalDate

    var title: String { "Outcomes" }

    func content(_ h: HTML) {
        h.h1("Outcomes")
        h.p("What became of the graduates, counted as CIRR asks: every enrolled student, each cohort reported whole by the half-year its course was planned to end in, each graduate at 90 and 180 days after their own graduation. A job counts as placed only once a coach or an admin confirms it with its documentation; jobs graduates recorded that nobody has confirmed yet are counted apart.", .class("lead"))
        guard !rows.isEmpty else {
            h.p(cohortsRead == 0 ? "There are no cohorts to report on yet." : "These cohorts have no graduates yet.", .class("empty"))
            return
        }
        h.p(.class("actions no-print")) {
            h.a("Download as CSV", .href(Href(SiteURL.outcomes(.reportsCSV))), .class("button"))
            h.text(" ")
            h.a("The version for publishing", .href(Href(SiteURL.outcomes(.published))), .class("button"))
            h.span(" Every figure of every half-year, with counts under \(Outcomes.smallestPublished) shown as \u{201C}< \(Outcomes.smallestPublished)\u{201D} and no names.", .class("hint"))
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Course ended"); h.th("Cohort"); h.th("Graduates"); h.th("In field at 180 days"); h.th("Documented"); h.th("Not yet confirmed") } }
                h.tbody {
                    for row in rows {
                        h.tr(.attr(.`class`, row.url == nil ? "total-row" : nil)) {
                            h.td(row.half.title)
                            h.td {
                                if let url = row.url { h.a(row.cohort, .href(Href(url))) } else { h.strong(row.cohort) }
                            }
                            h.td(String(row.report.graduates.count))
                            h.td(OutcomeWords.rate(ShownReport(row.report, .exact)) + (row.report.isFinal(180, today: today) || row.report.graduates.count == 0 ? "" : " so far"))
                            h.td("\(row.report.documented.count) of \(row.report.graduates.count)")
                            h.td(String(row.report.unconfirmed.count))
                        }
                    }
                }
            }
        }
    }
}

/// One cohort's report (or all the cohorts one reads): for each half-year its graduates were
/// planned to graduate in, every CIRR figure with what it is taken from. For an admin, each
/// figure links to the graduates behind it; the version for publishing names nobody and shows a
/// count under 5 as "< 5".
struct CohortOutcomesPage: PageView {
    struct Report {
        let half: HalfYear
        let report: OutcomeReport
    }

    /// The graduates behind one figure, shown under the report.
    struct Behind {
        let figure: String
        let people: [(name: String, url: SiteURL)]
    }

    /// Nil: all the cohorts the viewer reads.
    let cohort: String?
    let cohortID: String?
    let courseEnd: String?
    let today: LocalDate
    let reports: [Report]
    let who: Behind?
    let seesNames: Bool
    var shown: OutcomesShown = .exact

    var name: String { cohort ?? "all cohorts" }
    var title: String { shown == .published ? "Graduate outcomes: \(name)" : "Outcomes: \(name)" }

    /// This report as CSV, and the other version of it.
    private var csv: SiteURL {
        switch (cohortID, shown) {
        case (let id?, .exact): .outcomes(.cohortCSV(id: id))
        case (let id?, .published): .outcomes(.publishedCohortCSV(id: id))
        case (nil, .exact): .outcomes(.reportsCSV)
        case (nil, .published): .outcomes(.publishedCSV)
        }
    }

    private var otherVersion: (label: String, url: SiteURL) {
        switch (cohortID, shown) {
        case (let id?, .exact): ("The version for publishing", .outcomes(.publishedCohort(id: id)))
        case (let id?, .published): ("The exact report", .outcomes(.cohort(id: id)))
        case (nil, .exact): ("The version for publishing", .outcomes(.published))
        case (nil, .published): ("The exact report", .outcomes(.reports))
        }
    }

    func content(_ h: HTML) {
        h.p(.class("no-print")) { h.a("All outcomes", .href(Href(SiteURL.outcomes(.reports)))) }
        h.h1(title)
        h.p(.class("lead")) {
            if let courseEnd { h.text("The course was planned to end on \(courseEnd). ") }
            h.text("Counted as CIRR asks: every enrolled student, by the half-year the course was planned to end in; each graduate at 90 and 180 days after graduating; a job counted only with its documentation. Percentages are of graduates less the excluded. Figures as of \(today.display).")
            if shown == .published {
                h.text(" So that no graduate can be picked out, a count under \(Outcomes.smallestPublished) is shown as \u{201C}< \(Outcomes.smallestPublished)\u{201D}, and one more figure of each total it is part of reads \u{201C}not published\u{201D} so that it cannot be worked out from the rest; so do a median of fewer than \(Outcomes.smallestPublished) figures and a rate taken from a hidden count.")
            } else if cohort != nil {
                h.text(" A graduate with no enrolment recorded is counted as graduating that day, seeking work.")
            }
        }
        h.p(.class("actions no-print")) {
            h.a("Download as CSV", .href(Href(csv)), .class("button"))
            h.text(" ")
            h.a(otherVersion.label, .href(Href(otherVersion.url)), .class("button"))
            h.span(" Your browser\u{2019}s print makes a clean page of it.", .class("hint"))
        }
        if shown == .published {
            h.p("Publish either each cohort\u{2019}s version or the version of all cohorts, not both: the one taken from the other could give a hidden count away.", .class("hint no-print"))
        }
        if reports.isEmpty { h.p(cohort == nil ? "There are no students to report on yet." : "This cohort has no students yet.", .class("empty")) }
        for entry in reports {
            let report = entry.report, key = entry.half.key, shown = ShownReport(entry.report, self.shown)
            h.section(.class("card outcome-report"), .ariaLabel(entry.half.title)) {
                h.h2("Course ended \(entry.half.title)")
                h.dl(.class("outcome-figures")) {
                    figure(h, "Enrolled", shown, .enrolled, report.enrolled, key: "\(key):enrolled")
                    figure(h, "Graduated", shown, .graduates, report.graduates, key: "\(key):graduates")
                    figure(h, "Graduated on time", shown, .graduatedOnTime, report.graduatedOnTime, key: "\(key):on-time")
                    figure(h, "Graduated within 150% of the course's length", shown, .graduatedWithinHalfAgain, report.graduatedWithinHalfAgain, key: "\(key):half-again")
                    figure(h, "Did not graduate", shown, .notGraduated, report.notGraduated, key: "\(key):not-graduated")
                }
                h.div(.class("table-wrap")) {
                    h.table {
                        h.element("caption", [], text: "Each graduate's outcome, 90 and 180 days after graduating")
                        h.thead {
                            h.tr {
                                h.th("Code"); h.th("Outcome")
                                for days in Outcomes.windows {
                                    h.th(OutcomeWords.window(days, shown, today: today))
                                }
                            }
                        }
                        h.tbody {
                            for code in OutcomeCode.allCases {
                                h.tr {
                                    h.td(code.rawValue)
                                    h.td(code.title)
                                    for days in Outcomes.windows {
                                        h.td { count(h, shown, .outcome(days: days, code), (days == 90 ? report.at90 : report.at180)[code] ?? Counted([]), key: "\(key):\(days):\(code.rawValue)") }
                                    }
                                }
                            }
                        }
                    }
                }
                h.dl(.class("outcome-figures")) {
                    h.dt(report.isFinal(180, today: today) ? "In field at 180 days" : "In field at 180 days, so far")
                    h.dd {
                        h.strong(OutcomeWords.rate(shown))
                        h.text(": ")
                        count(h, shown, .inField, report.inField, key: "\(key):in-field")
                        h.text(" of \(shown.count(.denominator)) (graduates less the excluded)")
                    }
                    h.dt("Median base salary, in field")
                    h.dd { median(h, shown, report.medianSalary, none: "No in-field hire gave a salary", say: { "\($0.formatted), of " }, taken: (.salaries, report.salaried, "\(key):salaries"), " who gave one") }
                    h.dt("Median days from graduating to an accepted offer")
                    h.dd { median(h, shown, report.medianDaysToOffer, none: "No confirmed offer yet", say: { "\($0) days, of " }, taken: (.offers, report.offered, "\(key):offers"), " hires") }
                    figure(h, "Outcomes at 180 days resting on documentation", shown, .documented, report.documented, key: "\(key):documented")
                    figure(h, "Jobs recorded by graduates, not yet confirmed (not counted as placed)", shown, .unconfirmed, report.unconfirmed, key: "\(key):unconfirmed")
                }
            }
        }
        if let who {
            h.section(.id("who"), .ariaLabel("Who")) {
                h.h2("Behind \(who.figure)")
                if who.people.isEmpty { h.p("Nobody.", .class("empty")) }
                h.ul {
                    for person in who.people { h.li { h.a(person.name, .href(Href(person.url))) } }
                }
            }
        }
    }

    /// A median as this version shows it.
    /// "32,000, of 4 who gave one": for an admin, the 4 a link to the graduates it is taken from.
    private func median(_ h: HTML, _ shown: ShownReport, _ median: Median, none: String, say: (Int) -> String,
                        taken: (cell: OutcomeCell, counted: Counted, key: String), _ what: String) {
        if let value = shown.median(median) {
            h.text(say(value))
            count(h, shown, taken.cell, taken.counted, key: taken.key)
            h.text(what)
        } else {
            h.text(shown.withholds(median) ? "Not published: fewer than \(Outcomes.smallestPublished) figures" : none)
        }
    }

    private func figure(_ h: HTML, _ label: String, _ shown: ShownReport, _ cell: OutcomeCell, _ counted: Counted, key: String) {
        h.dt(label)
        h.dd { count(h, shown, cell, counted, key: key) }
    }

    /// A count as this version shows it: for an admin, a link to the graduates behind it.
    private func count(_ h: HTML, _ shown: ShownReport, _ cell: OutcomeCell, _ counted: Counted, key: String) {
        if seesNames, counted.count > 0, let cohortID {
            h.a(String(counted.count), .href(Href(SiteURL.outcomes(.cohort(id: cohortID)), query: "who=" + (key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), fragment: "who")))
        } else {
            h.text(shown.count(cell))
        }
    }

    /// The graduates behind figure `key` ("2026-h2:180:1A"), by name.
    static func people(behind key: String, in reports: [Report], names: [String: String]) -> Behind? {
        let parts = key.split(separator: ":").map(String.init)
        guard parts.count >= 2, let entry = reports.first(where: { $0.half.key == parts[0] }) else { return nil }
        let report = entry.report
        let found: (String, Counted)?
        switch Array(parts.dropFirst()) {
        case ["enrolled"]: found = ("enrolled", report.enrolled)
        case ["graduates"]: found = ("graduated", report.graduates)
        case ["on-time"]: found = ("graduated on time", report.graduatedOnTime)
        case ["half-again"]: found = ("graduated within 150%", report.graduatedWithinHalfAgain)
        case ["not-graduated"]: found = ("did not graduate", report.notGraduated)
        case ["in-field"]: found = ("in field at 180 days", report.inField)
        case ["documented"]: found = ("documented outcomes", report.documented)
        case ["unconfirmed"]: found = ("jobs not yet confirmed", report.unconfirmed)
        case ["salaries"]: found = ("the median salary", report.salaried)
        case ["offers"]: found = ("the median days to an offer", report.offered)
        case let rest where rest.count == 2:
            guard let code = OutcomeCode(rawValue: rest[1]), let window = Int(rest[0]), Outcomes.windows.contains(window) else { return nil }
            found = ("\(code.rawValue) at \(window) days", (window == 90 ? report.at90 : report.at180)[code] ?? Counted([]))
        default: found = nil
        }
        guard let (label, counted) = found else { return nil }
        return Behind(figure: "\(label), \(entry.half.title)",
                      people: counted.ids.map { id in (names[id] ?? id, SiteURL.outcomes(.graduate(id: id))) }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
    }
}

/// A graduate's record: their enrolment and intent (with the form), the outcomes confirmed, the
/// jobs they recorded that await confirmation, and the form to record an outcome.
struct GraduateOutcomesPage: PageView {
    let student: OutcomesUseCases.Student
    let cohort: CohortModel
    let today: LocalDate
    let zone: String
    /// An admin records the enrolment; a coach reads it.
    let editsEnrolment: Bool
    let errors: FormErrors
    /// Which form the errors are about: "enrolment", a placement's id, or "" (a new outcome).
    let erred: String?
    /// What was typed into that form, shown again beside its errors.
    var typed: [String: String] = [:]

    var title: String { "Outcomes: \(student.person.name)" }

    func content(_ h: HTML) {
        let id = student.person.requireIDString
        h.p { h.a("Outcomes of \(cohort.name)", .href(Href(SiteURL.outcomes(.cohort(id: cohort.requireIDString))))) }
        h.h1(student.person.name)
        let counted90 = Outcomes.outcome(of: student.record, days: 90), counted180 = Outcomes.outcome(of: student.record, days: 180)
        h.p(.class("lead")) {
            switch student.record.enrolment {
            case .graduated(let day): h.text("Graduated \(day.display).")
            case .withdrew(let day): h.text("Withdrew \(day.display): counted as enrolled, not as a graduate.")
            case .studying: h.text("Still studying.")
            }
            if let counted90, let counted180 {
                h.text(" Counted at 90 days as \(counted90.code.rawValue) (\(counted90.code.title)), at 180 days as \(counted180.code.rawValue) (\(counted180.code.title)).")
            }
        }
        // The summary links to the fields of the form that erred: a job's own form has its id.
        h.errorSummary(errors, idSuffix: erred.flatMap(UUID.init(uuidString:)).map { "-" + $0.uuidString } ?? "")

        h.h2("Jobs they recorded, waiting for confirmation")
        if student.proposals.isEmpty {
            h.p("None: every job they recorded is confirmed, or they recorded none.", .class("empty"))
        }
        for placement in student.proposals {
            h.section(.class("card"), .ariaLabel("\(placement.jobTitle) at \(placement.company)")) {
                h.h3("\(placement.jobTitle) at \(placement.company)")
                h.p("\(placement.employmentType.title), \(placement.inField ? "in field" : "out of field"), \(placement.salary.formatted) a year; accepted \(placement.acceptedOn.display). Not counted until confirmed.", .class("hint"))
                outcomeForm(h, graduateID: id, placement: placement)
            }
        }

        h.h2("Outcomes confirmed")
        if student.outcomes.isEmpty { h.p("None yet.", .class("empty")) }
        else {
            h.div(.class("table-wrap")) {
                h.table {
                    h.thead { h.tr { h.th("Began"); h.th("Outcome"); h.th("Salary"); h.th("Documentation"); h.th("Confirmed") } }
                    h.tbody {
                        for outcome in student.outcomes {
                            h.tr {
                                h.td(LocalDate(iso: outcome.beganOn)?.display ?? outcome.beganOn)
                                h.td("\(outcome.code.rawValue) \(outcome.code.title)")
                                h.td(outcome.salary.map(OutcomeWords.salary) ?? "Not given")
                                h.td {
                                    h.text(outcome.source.title)
                                    if !outcome.note.isEmpty { h.p(outcome.note, .class("hint")) }
                                }
                                h.td("\(Formats.dayAndTime(outcome.documentedAt, zone: zone)) by \(outcome.documentedBy?.name ?? "someone who has left")")
                            }
                        }
                    }
                }
            }
        }
        h.h2("Record an outcome")
        h.p("A later outcome replaces an earlier one in the count from the day it began; both are kept.", .class("hint"))
        outcomeForm(h, graduateID: id, placement: nil)

        h.h2("Enrolment")
        enrolmentForm(h, graduateID: id)
    }

    private func outcomeForm(_ h: HTML, graduateID: String, placement: PlacementFact?) {
        let suffix = placement.map { "-" + $0.id.uuidString } ?? ""
        let mine = erred == (placement?.id.uuidString ?? "")
        let shown = mine ? errors : .none
        h.postForm(Href(SiteURL.outcomes(.recordOutcome(graduateID: graduateID))), .class("form")) {
            if let placement { h.open("input", [.type("hidden"), .name("placement_id"), .value(placement.id.uuidString)]) }
            let typed = mine ? self.typed : [:]
            let proposed = typed["code"] ?? placement.map { OutcomeCode.proposed(by: $0.employmentType, inField: $0.inField).rawValue }
            h.selectField("code", "Outcome", options: OutcomeDraft.recordable.map { SelectOption(value: $0.rawValue, label: "\($0.rawValue) \($0.title)", selected: $0.rawValue == proposed) },
                          blank: placement == nil ? "Choose" : nil, errors: shown, idSuffix: suffix)
            h.field("began_on", "Began on (the offer accepted)", errors: shown, idSuffix: suffix) { wiring in
                h.open("input", wiring + [.type("date"), .value(typed["began_on"] ?? placement?.acceptedOn.iso)])
            }
            h.field("salary_from", "Yearly base salary, or the bottom of its range", hint: "Leave empty if not known.", errors: shown, idSuffix: suffix) { wiring in
                h.open("input", wiring + [.type("number"), .attr(.min, "1"), .attr(.max, String(OutcomeDraft.salaryRange.upperBound)),
                                          .value(typed["salary_from"] ?? placement.map { String($0.salary) })])
            }
            h.field("salary_to", "Top of the range", errors: shown, idSuffix: suffix) { wiring in
                h.open("input", wiring + [.type("number"), .attr(.min, "1"), .attr(.max, String(OutcomeDraft.salaryRange.upperBound)), .value(typed["salary_to"])])
            }
            h.selectField("source", "Documented by", options: OutcomeSource.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == typed["source"]) },
                          blank: "Choose", errors: shown, idSuffix: suffix)
            h.textAreaField("note", "Note", value: typed["note"], rows: 2, hint: "What the documentation is (an offer letter, the employer's email).", errors: shown, idSuffix: suffix)
            h.button(placement == nil ? "Record the outcome" : "Confirm this job", .type("submit"), .class("button primary"))
        }
    }

    private func enrolmentForm(_ h: HTML, graduateID: String) {
        let enrolment = student.enrolment
        let shown = erred == "enrolment" ? errors : .none
        let typed = erred == "enrolment" ? self.typed : [:]
        if enrolment == nil {
            h.p("Nothing recorded: counted as enrolled \(student.record.enrolledOn.display) (a twelve-week course), graduating on the course's planned end, seeking work.", .class("hint"))
        } else if let enrolment {
            h.p("Enrolled \(LocalDate(iso: enrolment.enrolledOn)?.display ?? enrolment.enrolledOn); \(enrolment.state.title.lowercased())\(enrolment.stateOn.flatMap(LocalDate.init(iso:)).map { " " + $0.display } ?? ""). On their first day: \(enrolment.intent.title.lowercased())\(enrolment.intentNote.isEmpty ? "" : " (" + enrolment.intentNote + ")").")
        }
        guard editsEnrolment else {
            h.p("An admin records the enrolment and the first-day intent.", .class("hint"))
            return
        }
        h.postForm(Href(SiteURL.outcomes(.enrolment(graduateID: graduateID))), .class("form")) {
            h.field("enrolled_on", "Enrolled on", errors: shown) { wiring in
                h.open("input", wiring + [.type("date"), .value(typed["enrolled_on"] ?? enrolment?.enrolledOn ?? student.record.enrolledOn.iso)])
            }
            let state = typed["state"] ?? (enrolment?.state ?? (student.record.graduatedOn == nil ? .studying : .graduated)).rawValue
            h.selectField("state", "With the course", options: EnrolmentState.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == state) }, errors: shown)
            h.field("state_on", "The day they graduated or withdrew", errors: shown) { wiring in
                h.open("input", wiring + [.type("date"), .value(typed["state_on"] ?? enrolment?.stateOn ?? student.record.graduatedOn?.iso)])
            }
            let intent = typed["intent"] ?? (enrolment?.intent ?? .seeking).rawValue
            h.selectField("intent", "On their first day", options: Intent.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0.rawValue == intent) }, errors: shown)
            h.textAreaField("intent_note", "Why, when not seeking", value: typed["intent_note"] ?? enrolment?.intentNote, rows: 2, errors: shown)
            h.button("Save the enrolment", .type("submit"), .class("button"))
        }
    }
}

/// How the outcome pages say figures.
enum OutcomeWords {
    /// "67% (2 of 3)", or "No graduates" with no denominator.
    static func rate(_ report: ShownReport) -> String {
        if report.withholdsRate { return ShownReport.notPublished }
        guard let rate = report.rate else { return "No graduates to count" }
        return "\(rate)%"
    }

    /// A window's heading: "At 90 days", or so far, with the day it closes (left out of what is
    /// published: it is the last graduate's graduation day, 90 days on).
    static func window(_ days: Int, _ report: ShownReport, today: LocalDate) -> String {
        if report.report.graduates.count == 0 { return "At \(days) days (no graduates yet)" }
        if report.report.isFinal(days, today: today) { return "At \(days) days" }
        return "At \(days) days, so far" + (report.closes(days).map { " (closes \($0.display))" } ?? "")
    }

    static func salary(_ salary: Salary) -> String {
        switch salary {
        case .exact(let value): value.formatted
        case .range(let low, let high): "\(low.formatted) to \(high.formatted)"
        }
    }
}

import OnwardCore

/// What a programme's standing says, in words a graduate and a coach read the same way.
struct StatusView {
    let name: String
    let title: String
    /// For at risk: what is missing, with when it was due.
    let missing: [String]

    init(name: String, title: String, missing: [String]) {
        self.name = name
        self.title = title
        self.missing = missing
    }

    /// Why it is paused, when it is.
    var pauseReason: String? = nil

    init(_ status: ProgrammeStatus, pauseReason: String? = nil) {
        name = status.name
        title = status.title
        if case .atRisk(let occurrences) = status {
            missing = occurrences.map { "\($0.activity.title), due \($0.due.display)" }
        } else {
            missing = []
        }
        self.pauseReason = status == .paused ? pauseReason : nil
    }

    func content(_ h: HTML) {
        h.div(.class("programme-status status-" + name), .role("status")) {
            h.p { h.strong(title) }
            if name == "enrolled" {
                h.p("Every required activity of the weeks that have ended is done.")
            } else if name == "placed" {
                h.p("Accepted a job. Congratulations!")
            } else if name == "paused" {
                h.p("Paused by the careers team: nothing is counted as missing until it resumes.")
                if let pauseReason { h.p("Why: " + pauseReason) }
            } else if !missing.isEmpty {
                h.p("Missing from the weeks that have ended:")
                h.ul { for line in missing { h.li(line) } }
            }
        }
    }
}

/// A graduate's road map: their status, today's tasks, this week's, what is overdue and what is ahead.
struct RoadMapPage: PageView {
    struct Item {
        let key: String
        let title: String
        let description: String
        let state: String
        let stateLabel: String
        let isRequired: Bool
        let canSkip: Bool
        let canMarkDone: Bool
        /// "1 of 3" for an activity counted toward a number.
        let progress: String?
        let due: String
        /// The day a "done" mark is for: today, or the last day of an overdue week.
        let markDay: String
        /// Where it is recorded, for an activity that has a page of its own (the retrospective, a goal).
        var record: (url: Href, action: String)? = nil
    }
    struct Week {
        let number: Int
        let items: [Item]
    }
    let week: Int
    let today: String
    let status: StatusView
    let standupDue: String
    let standupPosted: Bool
    let standupLate: Bool
    let todays: [Item]
    let thisWeek: [Item]
    let overdue: [Item]
    let ahead: [Week]
    /// The cohort's standup board.
    var boardURL: Href? = nil
    /// The requests for help the graduate's standups of the last two weeks opened in Support.
    var help: [StandupHelp] = []

    var title: String { "Your programme" }

    func content(_ h: HTML) {
        h.h1("Your programme")
        h.p(week == 0 ? "Your programme starts on Monday. \(today)." : "Week \(week) · \(today)", .class("lede"))
        status.content(h)
        h.nav(.class("subnav"), .ariaLabel("Your records")) {
            h.ul {
                for (label, url) in [("SMART goals", SiteURL.programme(.goals)), ("Learning goals", .programme(.learningGoals)), ("Retrospectives", .programme(.retrospectives)),
                                     ("Informational interviews", .programme(.informationalInterviews)), ("Blog posts", .programme(.blogPosts)),
                                     ("Submissions", .coaching(.submissions))] {
                    h.li { h.a(label, .href(Href(url))) }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Today")) {
            h.h2("Today")
            h.p {
                if standupPosted {
                    h.text(standupLate ? "Standup posted (after \(standupDue)). " : "Standup posted. ")
                    h.a("Edit it", .href(Href(SiteURL.programme(.standup))))
                } else {
                    h.text("Standup due at \(standupDue). ")
                    h.a("Post your standup", .class("button primary"), .href(Href(SiteURL.programme(.standup))))
                }
            }
            list(todays.filter { $0.key != "standup" && !$0.title.isEmpty }, h, withActions: true)
            if let boardURL { h.p { h.a("Today's standups in your cohort", .href(boardURL)) } }
        }
        if !help.isEmpty {
            h.section(.class("card"), .ariaLabel("Your requests for help")) {
                h.h2("Your requests for help")
                h.ul(.class("record-list")) {
                    for request in help {
                        h.li {
                            h.p {
                                h.a("Standup of \(request.day.display)", .href(Href(request.url)))
                                h.text(" · ")
                                h.span(request.state, .class("state-badge"))
                            }
                            h.p(request.asked, .class("hint prewrap"))
                            if let reply = request.reply, let by = request.replier {
                                h.p { h.person(by, strong: true); h.text(": " + reply) }
                            } else {
                                h.p("The careers team has not replied yet.", .class("hint"))
                            }
                        }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("This week")) {
            h.h2(week == 0 ? "Before week 1" : "This week")
            h.p("Each activity opens where it is recorded; your coaches see what you record.", .class("hint"))
            if thisWeek.isEmpty { h.p("Nothing else is due this week.", .class("empty")) } else { list(thisWeek, h, withActions: false) }
        }
        if !overdue.isEmpty {
            h.section(.class("card"), .ariaLabel("Overdue")) {
                h.h2("Overdue")
                h.p("Required, from weeks that have ended. Doing them now puts your status right.")
                list(overdue, h, withActions: false)
            }
        }
        if !ahead.isEmpty {
            h.section(.class("card"), .ariaLabel("Weeks ahead")) {
                h.h2("Weeks ahead")
                for week in ahead {
                    h.h3("Week \(week.number)")
                    list(week.items, h, withActions: false)
                }
            }
        }
    }

    private func list(_ items: [Item], _ h: HTML, withActions: Bool) {
        h.ul(.class("road-map")) {
            for item in items {
                h.li(.class("road-item state-" + item.state)) {
                    h.div(.class("road-item-text")) {
                        h.strong(item.title)
                        h.text(" ")
                        h.span(item.stateLabel, .class("state-badge"))
                        if let progress = item.progress { h.text(" · " + progress) }
                        if !withActions { h.text(" · due " + item.due) }
                        if !item.description.isEmpty { h.p(item.description, .class("hint")) }
                    }
                    if let record = item.record {
                        h.div(.class("road-item-actions")) {
                            h.a(item.state == "done" || item.state == "done_late" ? "Open" : record.action, .class("button small"), .href(record.url),
                                .ariaLabel("\(item.title), due \(item.due)"))
                        }
                    } else if item.canMarkDone || (withActions && item.canSkip) {
                        h.div(.class("road-item-actions")) {
                            if item.canMarkDone {
                                h.postForm(Href(SiteURL.programme(.mark)), .class("inline-form")) {
                                    h.input(.type("hidden"), .name("activity"), .value(item.key))
                                    h.input(.type("hidden"), .name("day"), .value(item.markDay))
                                    h.input(.type("hidden"), .name("mark"), .value("done"))
                                    h.button("Done", .type("submit"), .class("button small"), .ariaLabel("Mark \(item.title) done"))
                                }
                            }
                            if withActions && item.canSkip {
                                h.postForm(Href(SiteURL.programme(.mark)), .class("inline-form")) {
                                    h.input(.type("hidden"), .name("activity"), .value(item.key))
                                    h.input(.type("hidden"), .name("mark"), .value("skipped"))
                                    h.button("Skip", .type("submit"), .class("button small"), .ariaLabel("Skip \(item.title) today"))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension RoadMapPage {
    /// The page of a graduate's standing today.
    init(_ standing: ProgrammeUseCases.Standing, standupPosted: Bool, standupLate: Bool) {
        func item(_ item: RoadMap.Item) -> Item {
            let activity = item.activity
            let label = Self.label(of: item)
            return Item(
                key: activity.id, title: activity.title, description: activity.description, state: item.state.rawValue, stateLabel: label,
                isRequired: activity.isRequired, canSkip: item.canSkip && activity.kind != .standup,
                canMarkDone: activity.kind == .custom && [.due, .late, .skipped].contains(item.state),
                progress: activity.count > 1 ? "\(min(item.doneSoFar, activity.count)) of \(activity.count)" : nil,
                due: item.occurrence.due.display,
                markDay: activity.schedule == .weekly ? min(item.occurrence.due, standing.today).iso : standing.today.iso,
                record: Self.record(of: activity, week: standing.calendar.week(of: item.occurrence.due)))
        }
        week = standing.roadMap.week
        today = standing.today.display
        status = StatusView(standing.status, pauseReason: standing.pauseReason)
        standupDue = standing.standupTime.description
        self.standupPosted = standupPosted
        self.standupLate = standupLate
        todays = standing.roadMap.today.map(item)
        thisWeek = standing.roadMap.thisWeek.map(item)
        overdue = standing.roadMap.overdue.map(item)
        ahead = standing.roadMap.ahead.map { Week(number: $0.number, items: $0.items.map(item)) }
    }
}

extension RoadMapPage {
    /// Where an item stands, in words.
    static func label(of item: RoadMap.Item) -> String {
        switch item.state {
        case .done: "Done"
        case .doneLate: "Done late"
        case .skipped: "Skipped"
        case .due: item.activity.isRequired ? "To do" : "To do (optional)"
        case .late: "Late"
        }
    }

    /// Where an activity with a record of its own is written, and what the link says; nil for
    /// one that is marked done.
    static func record(of activity: Activity, week: Int) -> (url: Href, action: String)? {
        switch activity.kind {
        case .standup: (Href(SiteURL.programme(.standup)), "Post it")
        case .retrospective: (Href(.programme(.retrospective), query: "week=\(week)"), "Write it")
        case .goalReassessment: (Href(.programme(.goals)), "Reassess")
        case .informationalInterview: (Href(.programme(.informationalInterviews)), "Record one")
        case .blogPost: (Href(.programme(.blogPosts)), "Record it")
        case .jobSearchAnalysis: (Href(.coaching(.submissions), query: "kind=" + SubmissionKind.jobSearchAnalysis.rawValue), "Submit it for review")
        case .applicationMaterial: (Href(.coaching(.submissions), query: "kind=" + SubmissionKind.applicationMaterial.rawValue), "Submit it for review")
        case .custom: nil
        }
    }
}

/// A cohort with no programme yet: what the graduate sees instead of a road map.
struct NoProgrammePage: PageView {
    var title: String { "Your programme" }

    func content(_ h: HTML) {
        h.h1("Your programme")
        h.p("Your cohort has no programme yet. Your bootcamp's admin sets it up; until then, keep going with your job search.", .class("empty"))
    }
}

/// Today's standup: what you did, what you'll do, what's in your way, how you feel.
struct StandupPage: PageView {
    let day: String
    let due: String
    let isEdit: Bool
    let form: StandupForm
    let errors: FormErrors

    var title: String { "Standup" }

    func content(_ h: HTML) {
        h.h1("Standup · \(day)")
        h.p(isEdit ? "You posted today's standup; change it here." : "Due at \(due). Your coaches read it; only they see your mood and concerns.", .class("lede"))
        h.errorSummary(errors)
        h.postForm(Href(SiteURL.programme(.standup)), .class("form"), .flag(.novalidate)) {
            h.standupFields(form, errors: errors)
            h.button(isEdit ? "Save standup" : "Post standup", .type("submit"), .class("button primary"))
        }
        if isEdit { h.p { h.a("Back to your road map", .href(Href(.programme(.roadMap)))) } }
    }
}

extension HTML {
    /// The standup's questions: on its own page, and on the graduate's home until it is posted.
    func standupFields(_ form: StandupForm, errors: FormErrors) {
        textAreaField("yesterday", "What I did yesterday", value: form.yesterday, rows: 3, errors: errors)
        textAreaField("today", "What I'll do today", value: form.today, rows: 3, errors: errors)
        textAreaField("blockers", "Concerns or blockers", value: form.blockers, rows: 3, hint: "Only you and your coaches see this.", errors: errors)
        field("wants_help", "", errors: errors) { _ in
            label {
                input(.type("checkbox"), .name("wants_help"), .value("yes"), .flag(.checked, form.wants_help == "yes"))
                text(" I'd like help with this from the careers team")
            }
        }
        fieldset(.class(errors["mood"] == nil ? "field" : "field has-error")) {
            legend("Mood")
            if let message = errors["mood"] { p(message, .class("field-error"), .id("mood-error")) }
            div(.class("radio-row")) {
                for (value, label) in StandupRules.moods.map({ (String($0), StandupRules.moodLabel($0)) }) {
                    radio("mood", value: value, label: label, checked: form.mood == value)
                }
            }
        }
    }
}

/// The admin's list of cohorts and the programme each follows.
struct ProgrammesPage: PageView {
    struct Row {
        let cohort: String
        let cohortID: String
        let programme: String?
        /// Where the programme is edited.
        var editURL: Href? = nil
    }
    let rows: [Row]

    var title: String { "Programmes" }

    func content(_ h: HTML) {
        h.h1("Programmes")
        h.p("Each cohort follows one programme: the activities its graduates do each day and week after the course, and which of them keep their status.", .class("lede"))
        if rows.isEmpty {
            h.p("No cohorts yet.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("Cohort"); h.th("Programme") } }
                h.tbody {
                    for row in rows {
                        h.tr {
                            h.td(row.cohort)
                            h.td {
                                if let programme = row.programme {
                                    h.text(programme + " ")
                                    if let editURL = row.editURL { h.a("Edit", .href(editURL), .ariaLabel("Edit the programme of \(row.cohort)")) }
                                } else {
                                    h.postForm(Href(SiteURL.programme(.giveDefault(cohortID: row.cohortID))), .class("inline-form")) {
                                        h.button("Give it the default programme", .type("submit"), .class("button small"), .ariaLabel("Give \(row.cohort) the default programme"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A cohort's standups of today: what each graduate did and will do, and who has not posted yet.
/// Mood and concerns show only to the graduate themselves, their coaches and an admin.
struct StandupBoardPage: PageView {
    struct Post {
        let name: String
        let isLate: Bool
        let yesterday: String
        let today: String
        /// Nil when the viewer may not see it.
        let mood: Int?
        let blockers: String?
        let wantsHelp: Bool
    }
    let cohort: String
    let day: String
    let standupTime: String
    let posted: [Post]
    let waiting: [String]

    var title: String { "Standups · \(cohort)" }

    func content(_ h: HTML) {
        h.h1("Standups · \(cohort)")
        h.p("\(day) · due at \(standupTime) · \(posted.count) posted, \(waiting.count) not yet", .class("lede"))
        if posted.isEmpty { h.p("Nobody has posted yet today.", .class("empty")) }
        for post in posted {
            h.section(.class("card"), .ariaLabel(post.name)) {
                h.h2 {
                    h.text(post.name)
                    if post.isLate { h.text(" "); h.span("late", .class("state-badge")) }
                }
                h.dl {
                    if !post.yesterday.isEmpty { h.dt("Yesterday"); h.dd(post.yesterday) }
                    h.dt("Today"); h.dd(post.today)
                    if let mood = post.mood { h.dt("Mood"); h.dd("\(mood) of 5") }
                    if let blockers = post.blockers, !blockers.isEmpty {
                        h.dt(post.wantsHelp ? "Concerns (asked for help)" : "Concerns")
                        h.dd(blockers)
                    }
                }
            }
        }
        if !waiting.isEmpty {
            h.h2("Not posted yet")
            h.ul { for name in waiting { h.li(name) } }
        }
    }
}

extension StandupBoardPage {
    /// The board as `viewer` reads it: every member's plans; mood, concerns and a wish for help
    /// only where `viewer` may read that graduate's programme.
    init(_ board: ProgrammeUseCases.StandupBoard, viewer: UserModel) {
        let who = viewer.viewer
        var posted: [Post] = []
        var waiting: [String] = []
        for member in board.members {
            guard let id = member.id, let standup = board.standups[id] else { waiting.append(member.name); continue }
            let seesPrivate = Access.canReadProgramme(who, of: Access.Owner(id: id.uuidString, role: .graduate, coachIDs: board.coachIDs[id] ?? []))
            posted.append(Post(name: member.name, isLate: standup.isLate, yesterday: standup.yesterday, today: standup.today,
                               mood: seesPrivate ? standup.mood : nil, blockers: seesPrivate ? standup.blockers : nil, wantsHelp: seesPrivate && standup.wantsHelp))
        }
        self.init(cohort: board.cohort.name, day: board.today.display, standupTime: board.cohort.standupTime, posted: posted, waiting: waiting)
    }
}

extension ProgrammesPage {
    /// Every cohort with the programme it follows (`links`), and a link to edit that programme.
    init(cohorts: [CohortModel], links: [CohortProgrammeModel]) {
        let byCohort = Dictionary(links.map { ($0.$cohort.id, $0.programme) }, uniquingKeysWith: { first, _ in first })
        self.init(rows: cohorts.map { cohort in
            let programme = byCohort[cohort.id!]
            return Row(cohort: cohort.name, cohortID: cohort.requireIDString, programme: programme?.name,
                       editURL: programme.map { Href(SiteURL.programme(.programme(id: $0.requireIDString))) })
        })
    }
}

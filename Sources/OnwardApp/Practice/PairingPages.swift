import OnwardCore
import Vapor

/// A request to pair, or a volunteer's availability, as the form sends it: what about, the kinds
/// of session ticked, the stacks (and, for a request, those to avoid), and up to three windows (a
/// day and two times each).
struct PairingForm: Content {
    var topic: String?
    var topics: String?
    var kind_kata: String?
    var kind_tech_test: String?
    var kind_project: String?
    var kind_interview_practice: String?
    var stacks: String?
    var avoid_stacks: String?
    var window1_day: String?
    var window1_start: String?
    var window1_end: String?
    var window2_day: String?
    var window2_start: String?
    var window2_end: String?
    var window3_day: String?
    var window3_start: String?
    var window3_end: String?

    static var rowCount: Int { rowKeys.count }

    /// Each kind's checkbox field.
    static let kindKeys: [(PairingKind, WritableKeyPath<PairingForm, String?>)] = [
        (.kata, \.kind_kata), (.techTest, \.kind_tech_test), (.project, \.kind_project), (.interviewPractice, \.kind_interview_practice),
    ]

    /// Each window row's day, start and end fields.
    static let rowKeys: [(day: WritableKeyPath<PairingForm, String?>, start: WritableKeyPath<PairingForm, String?>, end: WritableKeyPath<PairingForm, String?>)] = [
        (\.window1_day, \.window1_start, \.window1_end), (\.window2_day, \.window2_start, \.window2_end), (\.window3_day, \.window3_start, \.window3_end),
    ]

    /// The kinds ticked, as raw values.
    var kinds: [String] { Self.kindKeys.compactMap { kind, key in (self[keyPath: key] ?? "").isEmpty ? nil : kind.rawValue } }

    var rows: [WindowRow] {
        Self.rowKeys.map { WindowRow(day: self[keyPath: $0.day] ?? "", start: self[keyPath: $0.start] ?? "", end: self[keyPath: $0.end] ?? "") }
    }
}

extension PairingForm {
    /// The form filled with what is kept: the kinds ticked, the stacks, and up to three rows.
    init(topics: String, kinds: Set<PairingKind>, stacks: [String], rows: [WindowRow]) {
        self.init()
        self.topics = topics
        self.stacks = stacks.joined(separator: ", ")
        for (kind, key) in Self.kindKeys where kinds.contains(kind) { self[keyPath: key] = "yes" }
        for (keys, row) in zip(Self.rowKeys, rows) {
            (self[keyPath: keys.day], self[keyPath: keys.start], self[keyPath: keys.end]) = (row.day, row.start, row.end)
        }
    }

    /// An empty request, its stacks those of the asker's profile.
    init(stacksOf person: UserModel) {
        self.init()
        stacks = person.stacks.joined(separator: ", ")
    }
}

struct PairingAnswerForm: Content {
    var answer: String?
}

struct PairingLinkForm: Content {
    var link: String?
}

struct PairingNoteForm: Content {
    var note: String?
}

struct HandMatchForm: Content {
    var partner: String?
    var day: String?
    var time: String?
}

extension HTML {
    /// A graduate's ways to practise, the current one marked: on each of their pages.
    func practiceLinks(_ current: PracticeURL) {
        nav(.ariaLabel("Ways to practise"), .class("sub-nav")) {
            for (label, url) in [("Mock interviews with a coach", PracticeURL.mockInterviews), ("Peer practice sessions", .peerSessions), ("Pairing", .pairing)] {
                if url == current { span(label, .class("current"), .attr(.ariaCurrent, "page")) } else { a(label, .href(Href(SiteURL.practice(url)))) }
            }
        }
    }

    /// Accept and Decline for a proposed pairing, each its own small form.
    func answerButtons(_ url: Href) {
        div(.class("button-row")) {
            for (answer, label, style) in [("accept", "Accept", "button primary"), ("decline", "Decline", "button")] {
                postForm(url, .class("inline-form")) {
                    input(.type("hidden"), .name("answer"), .value(answer))
                    button(label, .type("submit"), .class(style))
                }
            }
        }
    }

    /// The kinds to tick, the stacks and the windows to fill, shared by a request and a
    /// volunteer's availability; only a request says which stacks to avoid.
    func pairingFields(_ form: PairingForm, timeZone: String, avoiding: Bool, errors: FormErrors) {
        fieldset(.class(errors["kinds"] == nil ? "field" : "field has-error"), .id("field-kinds")) {
            legend("Kind of session")
            if let error = errors["kinds"] { p(error, .class("field-error")) }
            p("A match shares one of these. Tick all you would do.", .class("hint"))
            div(.class("radio-row")) {
                for (kind, key) in PairingForm.kindKeys {
                    label {
                        input(.type("checkbox"), .name("kind_" + kind.rawValue), .value("yes"), .flag(.checked, !(form[keyPath: key] ?? "").isEmpty))
                        text(" " + kind.title)
                    }
                }
            }
        }
        inputField("stacks", "Stacks", value: form.stacks,
                   hint: "The languages and frameworks, separated by commas, such as \"Ruby, Rails\". Matching prefers someone who shares one.", errors: errors)
        if avoiding {
            inputField("avoid_stacks", "Stacks to avoid (optional)", value: form.avoid_stacks,
                       hint: "Such as \"PHP\": you are never matched to work in these.", errors: errors)
        }
        fieldset(.class("field")) {
            legend("Times that suit you")
            p("In the next \(PairingWindows.horizonDays) days, in your time zone (\(timeZone)); at least an hour each. Fill one row or more.", .class("hint"))
            let rows = form.rows
            for n in 1...PairingForm.rowCount {
                let row = rows[n - 1]
                div(.class("field-row")) {
                    inputField("window\(n)_day", "Day \(n)", type: "date", value: row.day, errors: errors)
                    inputField("window\(n)_start", "From", type: "time", value: row.start, errors: errors)
                    inputField("window\(n)_end", "To", type: "time", value: row.end, errors: errors)
                }
            }
        }
    }
}

/// A graduate's pairing: proposals to answer, their request (or the form to ask), their pairings
/// coming up and past, and the way to volunteer.
struct PairingPage: PageView {
    struct Proposal {
        let url: Href
        let partner: String
        let partnerAccepted: Bool
        let when: String
        let topic: String
        let answerURL: Href?
        let matchedByHand: Bool
    }
    struct Request {
        let topic: String
        /// The kinds, stacks and stacks avoided, in a line.
        let about: String
        let windows: [String]
        let asked: String
        let timesPassed: Bool
        let withdrawURL: Href
    }
    struct Entry {
        let url: Href
        let partner: String
        let when: String
        let state: String
    }
    let proposals: [Proposal]
    let request: Request?
    let upcoming: [Entry]
    let past: [Entry]
    let volunteering: Bool
    let timeZone: String
    var form = PairingForm()
    var errors: FormErrors = .none

    var title: String { "Pairing" }

    func content(_ h: HTML) {
        h.h1("Pairing")
        h.p("Ask to pair on a kata, a tech test, a project or interview practice: Onward matches you with another graduate, or a volunteer, at an hour that suits you both, in a stack you share where it can. Each of you accepts, then you meet for an hour.", .class("lede"))
        h.practiceLinks(.pairing)
        if !proposals.isEmpty {
            h.section(.class("card"), .ariaLabel("Proposed to you")) {
                h.h2("Proposed to you")
                for proposal in proposals {
                    h.div(.class("slot")) {
                        h.h3 { h.a("\(proposal.partner) · \(proposal.when)", .href(proposal.url)) }
                        h.p("\(proposal.partner): \(proposal.topic)" + (proposal.matchedByHand ? " · matched by a coach" : ""))
                        if let answerURL = proposal.answerURL {
                            if proposal.partnerAccepted { h.p("\(proposal.partner) accepted: yours is the last answer.", .class("hint")) }
                            h.answerButtons(answerURL)
                        } else {
                            h.p("You accepted. Waiting for \(proposal.partner).", .class("hint"))
                        }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Your request")) {
            if let request {
                h.h2("Your request")
                h.p { h.strong(request.topic); h.text(" · " + request.about) }
                h.ul { for window in request.windows { h.li(window) } }
                h.p(proposals.isEmpty ? "Asked \(request.asked); looking for a partner. You will see a proposal here as soon as someone's times and kind of session meet yours."
                                      : "Asked \(request.asked).", .class("hint"))
                if request.timesPassed { h.p("Its times have all passed: withdraw it and ask again with new ones.", .class("warning-text")) }
                h.postForm(request.withdrawURL, .class("inline-form")) { h.button("Withdraw the request", .type("submit"), .class("button")) }
            } else {
                h.h2("Ask to pair")
                h.errorSummary(errors)
                h.postForm(Href(SiteURL.practice(.pairing)), .class("form"), .flag(.novalidate)) {
                    h.inputField("topic", "What you want to work on", value: form.topic, hint: "Such as \"the bowling kata in Ruby\" or \"a take-home tech test in React\".", errors: errors)
                    h.pairingFields(form, timeZone: timeZone, avoiding: true, errors: errors)
                    h.button("Ask to pair", .type("submit"), .class("button primary"))
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Coming up")) {
            h.h2("Coming up (\(upcoming.count))")
            if upcoming.isEmpty { h.p("No pairing accepted yet.", .class("empty")) }
            entries(h, upcoming)
        }
        if !past.isEmpty {
            h.section(.class("card"), .ariaLabel("Earlier")) {
                h.h2("Earlier")
                entries(h, past)
            }
        }
        h.section(.class("card"), .ariaLabel("Volunteering")) {
            h.h2("Help others")
            h.p(volunteering ? "You volunteer to pair: graduates who ask are matched with you at the times you gave." :
                    "Found your feet? Volunteer to pair with graduates who ask for help on what you know.")
            h.p { h.a(volunteering ? "Your availability" : "Volunteer to pair", .href(Href(SiteURL.practice(.volunteer)))) }
        }
    }

    private func entries(_ h: HTML, _ list: [Entry]) {
        h.ul(.class("record-list")) {
            for entry in list {
                h.li {
                    h.a("\(entry.partner) · \(entry.when)", .href(entry.url))
                    h.text(" · ")
                    h.span(entry.state, .class("state-badge"))
                }
            }
        }
    }
}

/// A volunteer's availability: what they help with and when, to post or change; or to stop.
struct VolunteerPage: PageView {
    let volunteering: Bool
    let windows: [String]
    let timeZone: String
    var form = PairingForm()
    var errors: FormErrors = .none

    var title: String { "Volunteer to pair" }

    func content(_ h: HTML) {
        h.h1("Volunteer to pair")
        h.p("Graduates who ask to pair are matched with you when a tag and an hour meet, and you accept or decline each proposal. Onward spreads proposals across volunteers.", .class("lede"))
        if volunteering {
            h.section(.class("card"), .ariaLabel("Your availability")) {
                h.h2("You are volunteering")
                if windows.isEmpty { h.p("Your times have all passed: give new ones below.", .class("warning-text")) }
                h.ul { for window in windows { h.li(window) } }
                h.postForm(Href(SiteURL.practice(.stopVolunteering)), .class("inline-form")) { h.button("Stop volunteering", .type("submit"), .class("button")) }
            }
        }
        h.section(.class("card"), .ariaLabel("When you are free")) {
            h.h2(volunteering ? "Change your availability" : "When you are free")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.practice(.volunteer)), .class("form"), .flag(.novalidate)) {
                h.inputField("topics", "What you can help with", value: form.topics, hint: "Such as \"Ruby, Rails, tech tests\".", errors: errors)
                h.pairingFields(form, timeZone: timeZone, avoiding: false, errors: errors)
                h.button(volunteering ? "Save the availability" : "Volunteer", .type("submit"), .class("button primary"))
            }
        }
        h.p { h.a("Back to pairing", .href(Href(SiteURL.practice(.pairing)))) }
    }
}

/// One pairing: who, when, about what; answering, the link, and each side's note.
struct PairingSessionPage: PageView {
    struct Side {
        let name: String
        let topic: String
        let note: String
    }
    let heading: String
    let when: String
    let state: String
    let sides: [Side]
    let matchedBy: String?
    let link: String
    let answerURL: Href?
    let waiting: String?
    let linkURL: Href?
    let noteURL: Href?
    /// Where the viewer's list of pairings (or of requests) is.
    let back: (label: String, url: Href)
    var linkForm = PairingLinkForm()
    var noteForm = PairingNoteForm()
    var errors: FormErrors = .none

    var title: String { "Pairing" }

    func content(_ h: HTML) {
        h.h1(heading)
        h.p("\(when) · \(state)" + (matchedBy.map { " · matched by \($0)" } ?? ""), .class("lede"))
        if let answerURL { h.answerButtons(answerURL) }
        if let waiting { h.p(waiting, .class("hint")) }
        if !link.isEmpty { h.p { h.strong("Join: "); h.a(link, .href(web: link), .external) } }
        h.section(.class("card"), .ariaLabel("About")) {
            h.h2("What each brings")
            h.ul(.class("record-list")) {
                for side in sides {
                    h.li {
                        h.strong(side.name)
                        h.text(": " + side.topic)
                        if !side.note.isEmpty { h.p("Worked on: " + side.note, .class("prewrap")) }
                    }
                }
            }
        }
        h.errorSummary(errors)
        if let linkURL {
            h.section(.class("card"), .ariaLabel("Link to join")) {
                h.h2(link.isEmpty ? "Add the link to join" : "Change the link")
                h.postForm(linkURL, .class("form"), .flag(.novalidate)) {
                    h.inputField("link", "Link to join", type: "url", value: linkForm.link ?? link, hint: "A video call's link, for both of you.", errors: errors)
                    h.button("Save the link", .type("submit"), .class("button primary"))
                }
            }
        }
        if let noteURL {
            h.section(.class("card"), .ariaLabel("What you worked on")) {
                h.h2("What you worked on")
                h.postForm(noteURL, .class("form"), .flag(.novalidate)) {
                    h.textAreaField("note", "What you worked on", value: noteForm.note, rows: 3, errors: errors)
                    h.button("Save", .type("submit"), .class("button primary"))
                }
            }
        }
        h.p { h.a(back.label, .href(back.url)) }
    }
}

/// A coach's list of the requests that found nobody for over 48 hours.
struct UnmatchedRequestsPage: PageView {
    struct Row {
        let url: Href
        let person: String
        let topic: String
        let about: String
        let windows: [String]
        let asked: String
    }
    let rows: [Row]

    var title: String { "Unmatched requests to pair" }

    func content(_ h: HTML) {
        h.h1("Requests to pair that found nobody")
        h.p("Your graduates' requests that have waited more than \(PairingRules.unmatchedHours) hours without a match. Pair them by hand with someone who asked, or a volunteer, at an hour you choose; both then accept or decline.", .class("lede"))
        h.section(.class("card"), .ariaLabel("Waiting")) {
            h.h2("Waiting (\(rows.count))")
            if rows.isEmpty { h.p("Every request found someone within \(PairingRules.unmatchedHours) hours.", .class("empty")) }
            h.ul(.class("record-list")) {
                for row in rows {
                    h.li {
                        h.strong(row.person)
                        h.text(" · \(row.topic) · \(row.about) · asked \(row.asked) · ")
                        h.a("Match by hand", .href(row.url))
                        h.p("Times, in your time zone: " + (row.windows.isEmpty ? "all passed" : row.windows.joined(separator: "; ")), .class("hint"))
                    }
                }
            }
        }
    }
}

/// A coach pairs one request by hand: whom with (those who could, ranked by the hours and stacks
/// they share with it, each with their free hours), and when.
struct HandMatchPage: PageView {
    struct Candidate {
        /// The form's value for them ("request:<id>" or "volunteer:<user id>").
        let key: String
        let name: String
        /// "who asked about …" or "volunteer: …".
        let role: String
        let about: String
        /// What they share with the request: hours, stacks, a kind of session.
        let shares: String
        let firstHour: String?
        let freeHours: [String]
    }
    let action: Href
    let person: String
    let topic: String
    let about: String
    let windows: [String]
    let candidates: [Candidate]
    let timeZone: String
    var form = HandMatchForm()
    var errors: FormErrors = .none

    var title: String { "Match by hand" }

    func content(_ h: HTML) {
        h.h1("Pair \(person) by hand")
        h.p("\(topic) · \(about)", .class("lede"))
        h.p("Times that suit them, in your time zone: " + (windows.isEmpty ? "all passed" : windows.joined(separator: "; ")), .class("hint"))
        h.section(.class("card"), .ariaLabel("Propose a pairing")) {
            h.h2("Propose a pairing")
            h.errorSummary(errors)
            if candidates.isEmpty { h.p("Nobody else is asking or volunteering just now.", .class("empty")) }
            h.postForm(action, .class("form"), .flag(.novalidate)) {
                if !candidates.isEmpty {
                    h.fieldset(.class(errors["partner"] == nil ? "field" : "field has-error"), .id("field-partner")) {
                        h.legend("With")
                        if let error = errors["partner"] { h.p(error, .class("field-error")) }
                        h.p("Those who share the most hours with them first, then the most stacks. Times are in your time zone (\(timeZone)).", .class("hint"))
                        h.ul(.class("record-list candidate-list")) {
                            for candidate in candidates {
                                h.li(.class("candidate")) {
                                    h.radio("partner", value: candidate.key, label: "\(candidate.name), \(candidate.role)", checked: candidate.key == form.partner)
                                    h.p(candidate.about, .class("hint"))
                                    h.p(candidate.shares, .class("hint"))
                                    if let firstHour = candidate.firstHour { h.p("First hour both are free: \(firstHour).", .class("hint")) }
                                    h.p("Free: " + (candidate.freeHours.isEmpty ? "no times given ahead" : candidate.freeHours.joined(separator: "; ")), .class("hint"))
                                }
                            }
                        }
                    }
                }
                h.div(.class("field-row")) {
                    h.inputField("day", "Day", type: "date", value: form.day, hint: "Empty: the first hour both are free.", errors: errors)
                    h.inputField("time", "Starts", type: "time", value: form.time, hint: "For an hour, in \(timeZone).", errors: errors)
                }
                h.button("Propose", .type("submit"), .class("button primary"))
            }
        }
        h.p { h.a("All unmatched requests", .href(Href(SiteURL.practice(.unmatchedRequests)))) }
    }
}

// MARK: Builders: from the pairings and requests, the viewer and the time, with no request

extension PairingPage {
    /// A graduate's pairing at `now`: proposals still live (each answered until the viewer has
    /// accepted), accepted pairings to come, the last ten past; their open request with its times.
    init(_ overview: PairingUseCases.Overview, viewer: UserModel, now: Date, form: PairingForm = .init(), errors: FormErrors = .none) {
        var proposals: [Proposal] = [], upcoming: [Entry] = [], past: [Entry] = []
        for item in overview.pairings {
            let pairing = item.pairing, partner = item.partner(of: viewer), isFirst = pairing.isFirst(viewer.id)
            let url = Href(.practice(.pairingSession(id: pairing.requireIDString)))
            if pairing.isLive(at: now) {
                let accepted = isFirst ? pairing.firstAccepted : pairing.secondAccepted
                proposals.append(Proposal(url: url, partner: partner.name, partnerAccepted: isFirst ? pairing.secondAccepted : pairing.firstAccepted,
                                          when: Self.when(pairing, for: viewer), topic: isFirst ? pairing.secondTopic : pairing.firstTopic,
                                          answerURL: accepted ? nil : Href(SiteURL.practice(.answerPairing(id: pairing.requireIDString))),
                                          matchedByHand: pairing.$matchedBy.id != nil))
            } else {
                let entry = Entry(url: url, partner: partner.name, when: Self.when(pairing, for: viewer), state: pairing.title(at: now))
                if pairing.state == .accepted && pairing.endsAt > now { upcoming.append(entry) } else { past.append(entry) }
            }
        }
        let request = overview.request.map { request in
            Request(topic: request.topic, about: Self.about(request), windows: Self.windows(request.windows, for: viewer),
                    asked: Formats.waited(since: request.askedAt, now: now) + " ago", timesPassed: PairingMatcher.ahead(request.windows, of: now).isEmpty,
                    withdrawURL: Href(SiteURL.practice(.withdrawPairingRequest(id: request.requireIDString))))
        }
        self.init(proposals: proposals.reversed(), request: request, upcoming: upcoming.reversed(), past: Array(past.prefix(10)),
                  volunteering: overview.volunteer?.active == true, timeZone: viewer.timeZone, form: form, errors: errors)
    }

    static func when(_ pairing: PairingModel, for viewer: UserModel) -> String {
        Formats.span(pairing.startsAt, pairing.endsAt, zone: viewer.timeZone)
    }

    static func windows(_ windows: [TimeWindow], for viewer: UserModel) -> [String] {
        windows.map { Formats.span($0.start, $0.end, zone: viewer.timeZone) }
    }

    /// "A kata or a tech test · Ruby, Rails · not PHP".
    static func about(kinds: Set<PairingKind>, stacks: [String], avoided: [String] = []) -> String {
        let kinds = PairingKind.allCases.filter(kinds.contains).map(\.title)
        let said = kinds.enumerated().map { $0 == 0 ? $1 : $1.lowercased() }
        return ([Wording.list(said, joinedBy: "or")] + (stacks.isEmpty ? ["any stack"] : [stacks.joined(separator: ", ")])
                + (avoided.isEmpty ? [] : ["not " + avoided.joined(separator: ", ")])).joined(separator: " · ")
    }

    static func about(_ request: PairingRequestModel) -> String {
        about(kinds: request.kinds, stacks: request.stacks, avoided: request.avoidedStacks)
    }
}

extension PairingSessionPage {
    /// One pairing as `viewer` sees it at `now`, by the pairing's own scope: a side answers while
    /// it is live and they have not accepted; who sets the link, reads it and notes is the scope's.
    init(_ found: PairingUseCases.Pairing, viewer: UserModel, now: Date, linkForm: PairingLinkForm = .init(), noteForm: PairingNoteForm? = nil,
         errors: FormErrors = .none) {
        let pairing = found.pairing, id = pairing.requireIDString
        let isSide = Access.isSideOfPairing(viewer.viewer, sides: pairing.sides), isFirst = pairing.isFirst(viewer.id)
        let scope = pairing.scope(for: viewer.viewer, now: now)
        let open = pairing.isLive(at: now)
        let mineAccepted = isFirst ? pairing.firstAccepted : pairing.secondAccepted
        let waiting: String?
        if !open { waiting = nil }
        else if isSide { waiting = mineAccepted ? "You accepted. Waiting for \(found.partner(of: viewer).name)." : nil }
        else {
            let accepted = [(found.first, pairing.firstAccepted), (found.second, pairing.secondAccepted)].filter(\.1).map(\.0.name)
            waiting = accepted.isEmpty ? "Waiting for both to accept." : "\(accepted.joined(separator: " and ")) accepted. Waiting for the other."
        }
        self.init(
            heading: isSide ? "Pairing with \(found.partner(of: viewer).name)" : "Pairing: \(found.first.name) and \(found.second.name)",
            when: PairingPage.when(pairing, for: viewer), state: pairing.title(at: now),
            sides: [.init(name: found.first.name, topic: pairing.firstTopic, note: pairing.firstNote),
                    .init(name: found.second.name + (pairing.$partnerRequest.id == nil ? " (volunteer)" : ""), topic: pairing.secondTopic, note: pairing.secondNote)],
            matchedBy: pairing.matchedBy?.name, link: scope.readsLink ? pairing.link : "",
            answerURL: isSide && open && !mineAccepted ? Href(SiteURL.practice(.answerPairing(id: id))) : nil, waiting: waiting,
            linkURL: scope.setsLink ? Href(SiteURL.practice(.pairingLink(id: id))) : nil,
            noteURL: scope.notes ? Href(SiteURL.practice(.notePairing(id: id))) : nil,
            back: Access.pairs(viewer.viewer) ? ("All your pairing", Href(.practice(.pairing))) : ("Requests to pair that found nobody", Href(.practice(.unmatchedRequests))),
            linkForm: linkForm, noteForm: noteForm ?? PairingNoteForm(note: isFirst ? pairing.firstNote : pairing.secondNote), errors: errors)
    }
}

extension UnmatchedRequestsPage {
    /// Requests that found nobody, each with only its times still ahead of `now`.
    init(_ items: [PairingUseCases.Unmatched], viewer: UserModel, now: Date) {
        self.init(rows: items.map { item in
            Row(url: Href(SiteURL.practice(.matchByHand(requestID: item.request.requireIDString))), person: item.person.name,
                topic: item.request.topic, about: PairingPage.about(item.request),
                windows: PairingPage.windows(PairingMatcher.ahead(item.request.windows, of: now), for: viewer),
                asked: Formats.waited(since: item.request.askedAt, now: now) + " ago")
        })
    }
}

extension HandMatchPage {
    /// Matching `item` by hand with the candidates as ranked, times in the coach's zone.
    init(_ item: PairingUseCases.Unmatched, candidates: [PairingUseCases.RankedOption], viewer: UserModel, now: Date,
         form: HandMatchForm = .init(), errors: FormErrors = .none) {
        let zone = viewer.timeZone
        self.init(action: Href(SiteURL.practice(.matchByHand(requestID: item.request.requireIDString))), person: item.person.name, topic: item.request.topic,
                  about: PairingPage.about(item.request), windows: PairingPage.windows(PairingMatcher.ahead(item.request.windows, of: now), for: viewer),
                  candidates: candidates.map { Self.candidate($0, zone: zone, viewer: viewer) }, timeZone: zone, form: form, errors: errors)
    }

    static func candidate(_ item: PairingUseCases.RankedOption, zone: String, viewer: UserModel) -> Candidate {
        let option = item.option, ranked = item.ranked
        let hours = ranked.sharedSeconds / 3_600
        let stacks = option.stacks.filter { ranked.sharedStacks.contains(Stacks.key($0)) }
        let kinds = PairingKind.allCases.filter(ranked.sharedKinds.contains).map { $0.title.lowercased() }
        let shares = "In common: " + [hours == 0 ? "no hours" : hours == hours.rounded() ? Wording.count(Int(hours), "hour") : String(format: "%.1f hours", hours),
                                      stacks.isEmpty ? "no stack" : stacks.joined(separator: ", "),
                                      kinds.isEmpty ? "no kind of session" : Wording.list(kinds, joinedBy: "or")].joined(separator: " · ")
        return Candidate(key: option.key, name: option.person.name, role: option.isVolunteer ? "volunteer: \(option.topic)" : "who asked about \(option.topic)",
                         about: PairingPage.about(kinds: option.kinds, stacks: option.stacks, avoided: option.avoidedStacks), shares: shares,
                         firstHour: ranked.firstHour.map { Formats.span($0.start, $0.end, zone: zone) }, freeHours: PairingPage.windows(option.windows, for: viewer))
    }
}

extension VolunteerPage {
    /// A volunteer's page at `now`: while they volunteer, the form holds their times still ahead,
    /// as typed in their zone, so saving keeps them.
    init(_ row: PairingVolunteerModel?, viewer: UserModel, now: Date, form: PairingForm? = nil, errors: FormErrors = .none) {
        let ahead = row.map { PairingMatcher.ahead($0.windows, of: now) } ?? []
        let active = row?.active == true
        var shown = form ?? PairingForm(stacksOf: viewer)
        if form == nil, let row, active {
            let zone = TimeZone(identifier: viewer.timeZone) ?? .gmt
            let rows = ahead.map { WindowRow(day: LocalDate($0.start, in: zone).iso, start: Formats.clock($0.start, in: zone), end: Formats.clock($0.end, in: zone)) }
            shown = PairingForm(topics: row.topics, kinds: row.kinds, stacks: row.stacks, rows: rows)
        }
        self.init(volunteering: active, windows: active ? PairingPage.windows(ahead, for: viewer) : [], timeZone: viewer.timeZone, form: shown, errors: errors)
    }
}

import OnwardCore
import Vapor

struct PeerSessionForm: Content {
    var day: String?
    var time: String?
    var minutes: String?
    var kind: String?
    var places: String?
    var link: String?
}

struct PeerNoteForm: Content {
    var note: String?
}

/// The cohort's peer practice sessions coming up, and the form to host one.
struct PeerSessionsPage: PageView {
    struct Row {
        let url: Href
        let kind: String
        let when: String
        let host: String
        let taken: Int
        let places: Int
        let joined: Bool
    }
    let rows: [Row]
    let timeZone: String
    var form = PeerSessionForm()
    var errors: FormErrors = .none

    var title: String { "Peer practice" }

    func content(_ h: HTML) {
        h.h1("Peer practice")
        h.p("Morning sessions with others of your cohort to practise technical and behavioural interviews. Join one, or host your own.", .class("lede"))
        h.practiceLinks(.peerSessions)
        h.section(.class("card"), .ariaLabel("Coming up")) {
            h.h2("Coming up (\(rows.count))")
            if rows.isEmpty { h.p("No session is planned yet: host the first.", .class("empty")) }
            h.ul(.class("record-list")) {
                for row in rows {
                    h.li {
                        h.a("\(row.kind) · \(row.when)", .href(row.url))
                        h.text(" · hosted by \(row.host) · \(row.taken) of \(row.places) places taken")
                        if row.joined { h.text(" · "); h.span("You're in", .class("state-badge")) } else if row.taken >= row.places { h.text(" · "); h.span("Full", .class("state-badge")) }
                    }
                }
            }
        }
        h.section(.class("card"), .ariaLabel("Host a session")) {
            h.h2("Host a session")
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.practice(.peerSessions)), .class("form"), .flag(.novalidate)) {
                h.selectField("kind", "Kind", options: PeerSessionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: form.kind == $0.rawValue) },
                              blank: "Choose", errors: errors)
                h.div(.class("field-row")) {
                    h.inputField("day", "Day", type: "date", value: form.day, hint: "In your time zone (\(timeZone)).", errors: errors)
                    h.inputField("time", "Starts", type: "time", value: form.time, errors: errors)
                }
                h.div(.class("field-row")) {
                    h.inputField("minutes", "Minutes", type: "number", value: form.minutes ?? "45", errors: errors)
                    h.inputField("places", "Places, yours included", type: "number", value: form.places ?? "4", errors: errors)
                }
                h.inputField("link", "Link to join", type: "url", value: form.link, hint: "A video call's link.", errors: errors)
                h.button("Host the session", .type("submit"), .class("button primary"))
            }
        }
    }
}

/// One peer session: when, the link, who comes and what each practised; joining, noting.
struct PeerSessionPage: PageView {
    struct Person {
        let name: String
        let note: String
    }
    let kind: PeerSessionKind
    let when: String
    let host: String
    /// For one who took part; nil for anyone else.
    let link: String?
    let places: Int
    let people: [Person]
    /// A graduate, who may take a place; a coach reads what their graduates practised.
    let takesPart: Bool
    var joinURL: Href?
    let noteURL: Href?
    let joined: Bool
    let started: Bool
    var form = PeerNoteForm()
    var errors: FormErrors = .none
    /// "Cancelled by its host on Mon 7 Dec, 09:10 (late)", once it is.
    var cancelled: String? = nil
    /// Giving up one's place (a participant) or calling it off (its host), before it starts.
    var leaveURL: Href? = nil
    var cancelURL: Href? = nil
    /// Whether leaving or cancelling now would be recorded as late.
    var wouldBeLate = false
    /// Those who gave their place up: "Sam Lee, left Sun 6 Dec (late)".
    var left: [String] = []

    var title: String { "Peer practice" }

    func content(_ h: HTML) {
        h.h1("\(kind.title) practice")
        h.p("\(when) · hosted by \(host) · \(people.count) of \(places) places taken", .class("lede"))
        if let cancelled {
            h.div(.class("callout"), .role("status")) { h.p(cancelled) }
        }
        if let link, cancelled == nil { h.p { h.strong("Join: "); h.a(link, .href(web: link), .external) } }
        if let joinURL {
            h.postForm(joinURL, .class("inline-form")) { h.button("Take a place", .type("submit"), .class("button primary")) }
        } else if takesPart && !joined && cancelled == nil {
            h.p(started ? "This session has started." : "This session is full.", .class("hint"))
        }
        let late = wouldBeLate ? " It starts within a day: it is recorded as a late cancellation." : ""
        if let leaveURL {
            h.postForm(leaveURL, .class("inline-form"), .data(.dataConfirm, "Give up your place?" + late)) {
                h.button("Give up my place", .type("submit"), .class("button"))
            }
        }
        if let cancelURL {
            h.postForm(cancelURL, .class("inline-form"), .data(.dataConfirm, "Cancel this session for everyone who has a place?" + late)) {
                h.button("Cancel the session", .type("submit"), .class("button danger"))
            }
        }
        h.section(.class("card"), .ariaLabel("Who comes")) {
            h.h2("Who comes")
            h.ul(.class("record-list")) {
                for person in people {
                    h.li {
                        h.strong(person.name)
                        if !person.note.isEmpty { h.p("Practised: " + person.note, .class("prewrap")) }
                    }
                }
            }
            if !left.isEmpty { h.p("Gave their place up: " + left.joined(separator: "; ") + ".", .class("hint")) }
        }
        if let noteURL {
            h.section(.class("card"), .ariaLabel("What you practised")) {
                h.h2("What you practised")
                h.errorSummary(errors)
                h.postForm(noteURL, .class("form"), .flag(.novalidate)) {
                    h.textAreaField("note", "What you practised", value: form.note, rows: 3, errors: errors)
                    h.button("Save", .type("submit"), .class("button primary"))
                }
            }
        }
        if takesPart { h.p { h.a("All peer sessions", .href(Href(SiteURL.practice(.peerSessions)))) } }
    }
}

// MARK: Builders: from the sessions, the viewer and the time, with no request

extension PeerSessionsPage {
    init(sessions: [PeerSessionUseCases.Listed], viewer: UserModel, form: PeerSessionForm = .init(), errors: FormErrors = .none) {
        self.init(rows: sessions.map { item in
            Row(url: Href(SiteURL.practice(.peerSession(id: item.session.requireIDString))), kind: item.session.kind.title,
                when: Self.when(item.session, for: viewer), host: item.host.name, taken: item.taken, places: item.session.places, joined: item.joined)
        }, timeZone: viewer.timeZone, form: form, errors: errors)
    }

    /// "Mon 7 Dec 2026, 18:00–19:00" where `viewer` lives.
    static func when(_ session: PeerSessionModel, for viewer: UserModel) -> String {
        Formats.span(session.startsAt, session.startsAt.addingTimeInterval(Double(session.minutes) * 60), zone: viewer.timeZone)
    }
}

extension PeerSessionPage {
    /// One session as `viewer` sees it at `now`: one who practises with peers may join while there
    /// is a place and it has not started; one with a place notes what they practised once it has.
    init(_ detail: PeerSessionUseCases.Detail, viewer: UserModel, now: Date, form: PeerNoteForm = .init(), errors: FormErrors = .none) {
        let session = detail.session
        let id = session.requireIDString
        let started = !(now < session.startsAt)
        let practises = Access.practisesWithPeers(viewer.viewer)
        self.init(
            kind: session.kind, when: PeerSessionsPage.when(session, for: viewer), host: detail.host.name, link: detail.link, places: session.places,
            people: zip(detail.seats, detail.notes).map { Person(name: $0.person.name, note: $1) },
            takesPart: practises,
            joinURL: practises && detail.joined == nil && PeerSessionRules.mayJoin(taken: detail.seats.count, places: session.places, startsAt: session.startsAt, now: now)
                ? Href(SiteURL.practice(.joinPeerSession(id: id))) : nil,
            noteURL: detail.joined != nil && started ? Href(SiteURL.practice(.notePeerSession(id: id))) : nil,
            joined: detail.joined != nil, started: started, form: form.note == nil ? PeerNoteForm(note: detail.joined?.note) : form, errors: errors)
        let isHost = detail.host.id == viewer.id
        let open = session.cancelledAt == nil && PeerSessionRules.mayLeave(at: now, startsAt: session.startsAt)
        if let at = session.cancelledAt {
            cancelled = "Cancelled by its host on \(Formats.dayAndTime(at, zone: viewer.timeZone))" + (PeerSessionRules.isLate(at: at, startsAt: session.startsAt) ? " (late)." : ".")
            joinURL = nil
        }
        leaveURL = open && detail.joined != nil && !isHost ? Href(SiteURL.practice(.leavePeerSession(id: id))) : nil
        cancelURL = open && isHost ? Href(SiteURL.practice(.cancelPeerSession(id: id))) : nil
        wouldBeLate = PeerSessionRules.isLate(at: now, startsAt: session.startsAt)
        left = detail.left.compactMap { seat, person in
            seat.leftAt.map { "\(person.name), \(Formats.dayAndTime($0, zone: viewer.timeZone))" + (PeerSessionRules.isLate(at: $0, startsAt: session.startsAt) ? " (late)" : "") }
        }
    }
}

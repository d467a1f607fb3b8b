import Fluent
import Foundation
import SQLKit
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// A person's calendar feed, read as a calendar reads it: their week from every capability, with
/// UIDs that hold, SEQUENCE that rises on a change, a cancellation for what is gone, 304 for the
/// same feed, and an address that stops working when it is made anew or turned off.
extension AppTests {
    @Suite struct CalendarFeedWebTests {
        /// Grace's week: the cohort's programme; an application with a next action and an
        /// interview; a learning plan with a meeting time; an event she is going to; a mock
        /// interview she booked; a peer session she joined; a pairing both accepted.
        struct Week {
            let application: ApplicationModel
            let booking: MockBookingModel
            let slot: MockSlotModel
            let plan: LearningPlanModel
            let event: CoachingEventModel
            let peer: PeerSessionModel
            let pairing: PairingModel
        }

        static func week(_ app: Application, _ world: World) async throws -> Week {
            let db = app.db
            try await ProgrammeUseCases(db: db, now: testNow).giveDefault(to: world.cohort)
            let search = JobSearch(db: db, now: testNow)
            let today = search.today(for: world.graduate)
            let application = try await search.create(for: world.graduate, draft: ApplicationDraft(
                company: "Acme", roleTitle: "Junior Developer", nextAction: "Send the tech test", nextActionDue: today.adding(days: 2)), stage: .applied, on: today)
            _ = try await search.addInterview(to: application, InterviewDraft(
                kind: .technical, at: testNow.addingTimeInterval(86_400), durationMinutes: 60, withWhom: "Sam", outcome: .awaiting, feedback: "", feedbackIsTechnical: false))
            let plans = LearningPlanUseCases(db: db, now: testNow)
            let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Testing", cadence: .weekly), by: world.coach)
            plan.meetingTime = "14:00"
            try await plan.save(on: db)
            let event = try await EventUseCases(db: db, now: testNow).create(
                EventDraft(title: "CV clinic", description: "Bring your CV", startsAt: testNow.addingTimeInterval(3 * 86_400), endsAt: testNow.addingTimeInterval(3 * 86_400 + 3_600),
                           link: "https://meet.example/cv", place: "", cohortID: world.cohort.id!.uuidString), by: world.admin)
            _ = try await EventUseCases(db: db, now: testNow).answer(event.requireIDString, .going, by: world.graduate)
            let mock = MockInterviewUseCases(db: db, now: testNow)
            let slot = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(4 * 86_400), minutes: 45, themes: [.frontEnd]), by: world.coach)
            let booking = try await mock.book(slot.requireIDString, MockBookingDraft(theme: .frontEnd, practise: "State, with commas; and semicolons"), by: world.graduate)
            let peers = PeerSessionUseCases(db: db, now: testNow)
            let peer = try await peers.host(PeerSessionDraft(startsAt: testNow.addingTimeInterval(86_400), minutes: 45, kind: .behavioural, places: 4, link: "https://meet.example/p"), by: world.otherGraduate)
            _ = try await peers.join(peer.requireIDString, by: world.graduate)
            let pairings = PairingUseCases(db: db, now: testNow)
            let windows = WindowsInput.rows([WindowRow(day: "2026-11-25", start: "10:00", end: "12:00")], timeZone: .gmt)
            _ = try await pairings.ask(try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"], windows: windows, now: testNow), by: world.graduate)
            let pairing = try #require(try await pairings.ask(try PairingRequestDraft.validate(topic: "Katas too", kinds: ["kata"], windows: windows, now: testNow), by: world.otherGraduate).proposal)
            _ = try await pairings.answer(pairing.requireIDString, accept: true, by: world.graduate)
            _ = try await pairings.answer(pairing.requireIDString, accept: true, by: world.otherGraduate)
            return Week(application: application, booking: booking, slot: slot, plan: plan, event: event, peer: peer, pairing: pairing)
        }

        /// The feed's address (its path) as the page shows it once.
        static func start(_ browser: Browser) async throws -> String {
            let res = try await browser.post(SiteURL.integrations(.calendar).path)
            #expect(res.status == .created)
            let address = try #require(res.body.string.firstMatch(of: /value="(https?:\/\/[^"]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/)?.1)
            return String(try #require(URL(string: String(address))?.path))
        }

        static func read(_ app: Application, _ path: String, ifNoneMatch: String? = nil) async throws -> TestingHTTPResponse {
            var result: TestingHTTPResponse!
            try await app.testing().test(.GET, path, beforeRequest: { req in
                if let ifNoneMatch { req.headers.replaceOrAdd(name: .ifNoneMatch, value: ifNoneMatch) }
            }, afterResponse: { result = $0 })
            return result
        }

        /// The feed's events, each as its content lines, by UID.
        static func events(_ body: String) -> [String: [String]] {
            var events: [String: [String]] = [:], current: [String]? = nil
            for line in ICalendar.lines(of: body) {
                if line == "BEGIN:VEVENT" { current = [] } else if line == "END:VEVENT", let lines = current {
                    if let uid = lines.first(where: { $0.hasPrefix("UID:") }) { events[String(uid.dropFirst(4))] = lines }
                    current = nil
                } else { current?.append(line) }
            }
            return events
        }

        static func value(_ name: String, in lines: [String]?) -> String? {
            lines?.first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }.map { String($0.drop { $0 != ":" }.dropFirst()) }
        }

        static func uid(_ kind: String, _ id: UUID?) -> String { kind + "-" + id!.uuidString.lowercased() + "@onward" }

        @Test func a_graduates_feed_holds_their_week_from_every_capability() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let week = try await Self.week(app, world)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let path = try await Self.start(grace)
                let res = try await Self.read(app, path)
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("text/calendar") == true)
                let body = res.body.string
                #expect(body.hasPrefix("BEGIN:VCALENDAR\r\n") && body.hasSuffix("END:VCALENDAR\r\n"))
                #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "lines are folded at 75 octets")
                let events = Self.events(body)

                let standup = try #require(events[Self.uid("standup", world.cohort.id)])
                #expect(standup.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"))
                #expect(standup.contains("DTSTART;TZID=Europe/London:20261102T100000"), "from week 1, at the cohort's standup time in its zone")
                #expect(body.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London"))

                #expect(Self.value("SUMMARY", in: events[Self.uid("mock", week.booking.id)]) == "Mock interview (front-end) with Cora Coach")
                #expect(Self.value("DESCRIPTION", in: events[Self.uid("mock", week.booking.id)])?.contains(#"State\, with commas\; and semicolons"#) == true, "text escaped")
                #expect(Self.value("SUMMARY", in: events[Self.uid("pairing", week.pairing.id)]) == "Pairing with Otto Other")
                #expect(Self.value("SUMMARY", in: events[Self.uid("peer", week.peer.id)]) == "Peer practice: behavioural interview hosted by Otto Other")
                #expect(Self.value("SUMMARY", in: events[Self.uid("event", week.event.id)]) == "CV clinic")
                let meeting = try #require(events[Self.uid("ilp", week.plan.id)])
                #expect(Self.value("SUMMARY", in: meeting) == "Learning plan meeting with Cora Coach")
                // Started today (Monday 23 November), its first meeting is due today at 14:00 in Grace's zone.
                #expect(meeting.contains("DTSTART;TZID=Europe/London:20261123T140000"))
                let next = try #require(events[Self.uid("next-action", week.application.id)])
                #expect(next.contains("DTSTART;VALUE=DATE:20261125") && Self.value("SUMMARY", in: next) == "Send the tech test (Acme)")
                #expect(events.values.contains { Self.value("SUMMARY", in: $0) == "Technical interview at Acme" })
                // Week 4's retrospective and job search analysis fall due on Sunday 29 November.
                let due = events.values.filter { Self.value("SUMMARY", in: $0)?.hasPrefix("Due: ") == true }
                #expect(due.contains { Self.value("SUMMARY", in: $0) == "Due: Analyse your job search" && $0.contains("DTSTART;VALUE=DATE:20261129") })
                #expect(events.values.allSatisfy { $0.contains("SEQUENCE:0") && $0.contains("STATUS:CONFIRMED") })

                // Nobody else's: the other graduate's own applications are not in Grace's feed.
                let otto = try await JobSearch(db: app.db, now: testNow).create(for: world.otherGraduate, draft: ApplicationDraft(
                    company: "Initech", roleTitle: "Developer", nextAction: "Call back", nextActionDue: LocalDate(iso: "2026-11-24")), stage: .applied, on: LocalDate(iso: "2026-11-23")!)
                #expect(!(try await Self.read(app, path)).body.string.contains("Initech"))
                _ = otto

                // The page never shows the address again.
                let page = try await grace.get(SiteURL.integrations(.calendar).path)
                #expect(page.status == .ok && !page.body.string.contains(path))
            }
        }

        @Test func a_change_raises_the_sequence_a_removal_cancels_and_the_same_feed_is_304() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let week = try await Self.week(app, world)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let path = try await Self.start(grace)
                let first = try await Self.read(app, path)
                let tag = try #require(first.headers.first(name: .eTag))
                let again = try await Self.read(app, path, ifNoneMatch: tag)
                #expect(again.status == .notModified && again.body.readableBytes == 0)
                #expect(try await Self.read(app, path).body.string == first.body.string, "read again, the same bytes")

                // The next action moves a day: the same UID, the next SEQUENCE.
                week.application.nextActionDue = "2026-11-26"
                try await week.application.save(on: app.db)
                let moved = try await Self.read(app, path, ifNoneMatch: tag)
                #expect(moved.status == .ok && moved.headers.first(name: .eTag) != tag)
                let next = Self.events(moved.body.string)[Self.uid("next-action", week.application.id)]
                #expect(next?.contains("DTSTART;VALUE=DATE:20261126") == true && next?.contains("SEQUENCE:1") == true)

                // Grace cancels her mock interview: it stays in the feed, cancelled, so calendars drop it.
                _ = try await MockInterviewUseCases(db: app.db, now: testNow).cancel(week.booking.requireIDString, by: world.graduate)
                let after = Self.events(try await Self.read(app, path).body.string)
                let mock = try #require(after[Self.uid("mock", week.booking.id)])
                #expect(mock.contains("STATUS:CANCELLED") && mock.contains("SEQUENCE:1"))
                #expect(after[Self.uid("pairing", week.pairing.id)]?.contains("SEQUENCE:0") == true, "what did not change keeps its sequence")
            }
        }

        @Test func a_new_address_ends_the_old_one_and_turning_it_off_ends_both() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let old = try await Self.start(grace)
                #expect(try await Self.read(app, old).status == .ok)
                let renewed = try await Self.start(grace)
                #expect(renewed != old)
                #expect(try await Self.read(app, old).status == .notFound)
                #expect(try await Self.read(app, renewed).status == .ok)
                #expect(try await CalendarFeedModel.query(on: app.db).count() == 1)
                #expect(try await grace.post(SiteURL.integrations(.stopCalendar).path).status == .seeOther)
                #expect(try await Self.read(app, renewed).status == .notFound)
                #expect(try await CalendarFeedModel.query(on: app.db).count() == 0)
                // Not a feed's shape at all: not found either, without a query for it.
                #expect(try await Self.read(app, "/calendar/short.ics").status == .notFound)
            }
        }

        @Test func a_coachs_feed_has_the_sessions_they_run() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let week = try await Self.week(app, world)
                let open = try await MockInterviewUseCases(db: app.db, now: testNow).open(
                    MockSlotDraft(startsAt: testNow.addingTimeInterval(6 * 86_400), minutes: 60, themes: [.backEnd]), by: world.coach)
                let cora = Browser(app)
                try await cora.signIn(world.coach)
                let events = Self.events(try await Self.read(app, try await Self.start(cora)).body.string)
                #expect(Self.value("SUMMARY", in: events[Self.uid("mock-slot", week.slot.id)]) == "Mock interview (front-end) with Grace Graduate")
                #expect(Self.value("SUMMARY", in: events[Self.uid("mock-slot", open.id)]) == "Mock interview slot (not booked yet)")
                #expect(Self.value("SUMMARY", in: events[Self.uid("ilp", week.plan.id)]) == "Learning plan meeting with Grace Graduate")
                #expect(!events.keys.contains { $0.hasPrefix("standup-") || $0.hasPrefix("next-action-") }, "a coach has no standups or applications")
                // A partner has no feed to make.
                let pat = Browser(app)
                try await pat.signIn(world.partner)
                #expect(try await pat.post(SiteURL.integrations(.calendar).path).status == .notFound)
            }
        }

        @Test func the_api_makes_shows_and_ends_a_feed() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let made = try await APITests.send(app, .POST, "/api/v1/calendar-feed", token: token)
                #expect(made.status == .created)
                struct Made: Decodable { let url: String }
                struct Shown: Decodable { let active: Bool; let created_at: String? }
                let path = try #require(URL(string: try JSONDecoder().decode(Made.self, from: made.body).url)?.path)
                #expect(try await Self.read(app, path).status == .ok)
                let shown = try await APITests.send(app, .GET, "/api/v1/calendar-feed", token: token)
                let feed = try JSONDecoder().decode(Shown.self, from: shown.body)
                #expect(feed.active && feed.created_at != nil && !shown.body.string.contains(path), "the address is answered once")
                #expect(try await APITests.send(app, .DELETE, "/api/v1/calendar-feed", token: token).status == .noContent)
                #expect(try await Self.read(app, path).status == .notFound)
                #expect(try JSONDecoder().decode(Shown.self, from: try await APITests.send(app, .GET, "/api/v1/calendar-feed", token: token).body).active == false)
            }
        }

        @Test func two_reads_at_once_agree_on_one_revision() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let week = try await Self.week(app, world)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let path = try await Self.start(grace)
                _ = try await Self.read(app, path)
                // The next action moves; four calendars read at once: one revision, the same for all.
                week.application.nextActionDue = "2026-11-27"
                try await week.application.save(on: app.db)
                let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<4 { group.addTask { try await Self.read(app, path).body.string } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                let uid = Self.uid("next-action", week.application.id)
                #expect(bodies.map { Self.value("SEQUENCE", in: Self.events($0)[uid]) } == Array(repeating: "1", count: 4))
                #expect(Set(bodies.map { Self.value("DTSTAMP", in: Self.events($0)[uid]) }).count == 1, "one revision, one stamp")
                let kept = try await (app.db as! any SQLDatabase).raw("SELECT sequence FROM calendar_entries WHERE uid = \(bind: uid)").all()
                #expect(try kept.map { try $0.decode(column: "sequence", as: Int.self) } == [1])
            }
        }
    }
}

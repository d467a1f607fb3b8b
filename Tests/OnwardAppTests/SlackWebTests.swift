import Fluent
import Foundation
import NIOConcurrencyHelpers
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// A cohort's channel hears of pairing and standups: the admin saves its webhook (shown only
/// masked), posts wait in a queue Slack failing cannot break, and the scheduled posts and
/// reminders go once however many schedulers tick.
extension AppTests {
    @Suite struct SlackWebTests {
        static let address = "https://hooks.slack.com/services/T0AUTUMN/B0PAIR/verysecretpart1234"

        /// A Slack that records what it takes, failing first with `failures`, in order.
        final class Hook: SlackSender, @unchecked Sendable {
            let taken = NIOLockedValueBox<[(json: String, url: String)]>([])
            let failures: NIOLockedValueBox<[SlackFailure]>

            init(failing failures: [SlackFailure] = []) {
                self.failures = .init(failures)
            }

            func post(_ json: String, to url: String) async throws {
                try await Task.sleep(for: .milliseconds(10))
                if let failure = failures.withLockedValue({ $0.isEmpty ? nil : $0.removeFirst() }) { throw failure }
                taken.withLockedValue { $0.append((json, url)) }
            }
        }

        static func deliver(_ app: Application, _ hook: Hook, at now: Date = testNow) async throws -> SlackDelivery.Report {
            try await SlackDelivery(db: app.db, sender: hook, site: "https://onward.example", clock: .fixed(now), logger: app.logger).deliverDue()
        }

        static func posts(_ app: Application) async throws -> [SlackDeliveryModel] {
            try await SlackDeliveryModel.query(on: app.db).sort(\.$createdAt).all()
        }

        static func connect(_ world: World, on app: Application) async throws {
            try await SlackUseCases(db: app.db, now: testNow).save(address, forCohort: world.cohort.requireIDString, by: world.admin)
        }

        @Test func the_admin_saves_an_address_sees_it_only_masked_and_a_bad_one_changes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let ada = Browser(app)
                try await ada.signIn(world.admin)
                let save = SiteURL.integrations(.saveSlack(cohortID: world.cohort.requireIDString)).path
                let bad = try await ada.post(save, ["url": "http://hooks.slack.com/services/T0/B0/x"])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("A webhook address must start with https://"))
                #expect(try await SlackWebhookModel.query(on: app.db).count() == 0)

                #expect(try await ada.post(save, ["url": Self.address]).status == .seeOther)
                let page = try await ada.get(SiteURL.integrations(.slack).path).body.string
                #expect(page.contains("https://hooks.slack.com/…1234") && !page.contains("verysecretpart"), "the secret is never on a page after saving")
                #expect(page.contains("Autumn 2026") && page.contains("Send a test post"))

                #expect(try await ada.post(SiteURL.integrations(.testSlack(cohortID: world.cohort.requireIDString)).path).status == .seeOther)
                let hook = Hook()
                #expect(try await Self.deliver(app, hook) == .init(sent: 1, failed: 0))
                #expect(hook.taken.withLockedValue { $0 }.map(\.url) == [Self.address])
                #expect(try await ada.get(SiteURL.integrations(.slack).path).body.string.contains("Test post"))

                // A graduate or coach finds no such page.
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.get(SiteURL.integrations(.slack).path).status == .notFound)
                #expect(try await grace.post(save, ["url": "https://evil.example/hook"]).status == .notFound)
                #expect(try await SlackWebhookModel.query(on: app.db).first()?.url == Self.address)
            }
        }

        @Test func posting_availability_queues_a_post_for_the_cohort_with_a_channel_only() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let windows = WindowsInput.rows([WindowRow(day: "2026-11-25", start: "14:00", end: "16:00")], timeZone: TimeZone(identifier: "Europe/London")!)
                let pairing = PairingUseCases(db: app.db, now: testNow)
                try await pairing.volunteer(try AvailabilityDraft.validate(topics: "React", kinds: ["kata"], windows: windows, now: testNow), by: world.otherGraduate)
                #expect(try await Self.posts(app).isEmpty, "no channel, nothing queued")

                try await Self.connect(world, on: app)
                try await pairing.volunteer(try AvailabilityDraft.validate(topics: "React", kinds: ["kata"], windows: windows, now: testNow), by: world.graduate)
                let queued = try await Self.posts(app)
                #expect(queued.count == 1 && queued[0].kind == "pairing")
                #expect(queued[0].summary == "Grace Graduate is free to pair on React at Wed 25 Nov 2026, 14:00–16:00")
                #expect(queued[0].payload.contains("{{site}}" + SiteURL.practice(.pairing).path))

                // Saved again with the same times (the topics edited): the channel has heard them.
                try await pairing.volunteer(try AvailabilityDraft.validate(topics: "React, Vue", kinds: ["kata"], windows: windows, now: testNow), by: world.graduate)
                #expect(try await Self.posts(app).count == 1)
                let hook = Hook()
                _ = try await Self.deliver(app, hook)
                let sent = try #require(hook.taken.withLockedValue { $0 }.first)
                #expect(sent.json.contains("<https://onward.example" + SiteURL.practice(.pairing).path + "|Pairing>") && !sent.json.contains("{{site}}"), "links on Onward's address when sent")
            }
        }

        @Test func a_failed_post_waits_and_is_tried_again_a_refused_one_is_given_up() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await Self.connect(world, on: app)
                let slack = SlackUseCases(db: app.db, now: testNow)
                try await slack.test(forCohort: world.cohort.requireIDString)
                let hook = Hook(failing: [SlackFailure(description: "Slack answered 500 oops.", permanent: false)])
                #expect(try await Self.deliver(app, hook) == .init(sent: 0, failed: 1))
                var post = try #require(try await Self.posts(app).first)
                #expect(post.sentAt == nil && post.failedAt == nil && post.attempts == 1 && post.lastError == "Slack answered 500 oops.")
                #expect(post.nextAttemptAt == testNow.addingTimeInterval(60))
                #expect(try await Self.deliver(app, hook, at: testNow.addingTimeInterval(30)) == .init(sent: 0, failed: 0), "not before its time")
                #expect(try await Self.deliver(app, hook, at: testNow.addingTimeInterval(61)) == .init(sent: 1, failed: 0))
                post = try #require(try await Self.posts(app).first)
                #expect(post.sentAt != nil && post.lastError == nil && post.attempts == 2)

                // Slack says it waits longer than the backoff: it is heeded.
                try await slack.test(forCohort: world.cohort.requireIDString)
                _ = try await Self.deliver(app, Hook(failing: [SlackFailure(description: "Slack asked to wait (429).", permanent: false, retryAfter: 600)]))
                #expect(try await Self.posts(app).last?.nextAttemptAt == testNow.addingTimeInterval(600))

                try await slack.test(forCohort: world.cohort.requireIDString)
                let refused = Hook(failing: [SlackFailure(description: "Slack refused it (404 no_service).", permanent: true)])
                _ = try await Self.deliver(app, refused, at: testNow.addingTimeInterval(1))
                let given = try #require(try await Self.posts(app).last)
                #expect(given.failedAt != nil && given.lastError == "Slack refused it (404 no_service).")

                // Removing the address sets aside what waited for it.
                try await slack.remove(forCohort: world.cohort.requireIDString)
                let waiting = try await Self.posts(app).filter { $0.sentAt == nil && $0.failedAt == nil }
                #expect(waiting.isEmpty)
                let page = SlackPage(channels: try await slack.channels(), log: try await slack.log(), zone: "Europe/London")
                #expect(page.posts.map(\.state.state).contains("Given up") && page.channels.first?.address == nil)
            }
        }

        @Test func each_post_goes_once_with_two_senders_at_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await Self.connect(world, on: app)
                for _ in 0..<6 { try await SlackUseCases(db: app.db, now: testNow).test(forCohort: world.cohort.requireIDString) }
                let hook = Hook()
                let reports = try await withThrowingTaskGroup(of: SlackDelivery.Report.self) { group in
                    for _ in 0..<2 { group.addTask { try await Self.deliver(app, hook) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(reports.map(\.sent).reduce(0, +) == 6 && hook.taken.withLockedValue { $0 }.count == 6)
            }
        }

        @Test func two_schedulers_at_once_post_one_digest_naming_who_posted_never_how_they_felt() async throws {
            // Mon 23 Nov 2026 12:00 UTC: two hours after the cohort's 10:00 standup in London.
            try await withApp { app in
                let world = try await World.make(on: app)
                try await Self.connect(world, on: app)
                let placed = try await world.graduate("Pia Placed", on: app)
                try await PlacementModel(userID: placed.requireID(), applicationID: nil, company: "Acme",
                                         draft: PlacementDraft(startDate: LocalDate(iso: "2026-12-01")!, jobTitle: "Developer", employmentType: .fullTime, inField: true, salary: 40_000)).create(on: app.db)
                try await StandupModel(userID: world.graduate.requireID(), day: LocalDate(iso: "2026-11-23")!,
                                       draft: StandupDraft(yesterday: "", today: "Apply", blockers: "Feeling low about rejections", mood: 1, wantsHelp: false), late: false).create(on: app.db)
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<2 { group.addTask { await Scheduler.tick(app, jobs: [SlackJobs.digest, SlackJobs.tomorrow]) } }
                }
                await Scheduler.tick(app, jobs: [SlackJobs.digest])
                let posts = try await Self.posts(app)
                #expect(posts.map(\.kind) == ["standup"], "one digest, however many ticks")
                let payload = try #require(posts.first?.payload)
                #expect(payload.contains("*Posted (1):* Grace Graduate") && payload.contains("*Not yet (1):* Otto Other"))
                #expect(!payload.contains("Pia Placed"), "a placed graduate is not asked to stand up")
                #expect(!payload.contains("rejections") && !payload.contains("mood"), "never what anyone wrote or felt")
                #expect(try await ScheduledRuns.claimed(SlackJobs.digest.name, among: ["\(world.cohort.requireIDString)/2026-11-23"], on: app.db).count == 1)

                // A cohort still on its course is asked for no standup: no digest.
                let spring = CohortModel(draft: try CohortDraft.validate(name: "Spring 2027", courseEndDate: "2027-03-19", timeZone: "Europe/London", standupTime: nil))
                try await spring.create(on: app.db)
                _ = try await world.graduate("Sol Spring", cohort: spring, canSignIn: false, on: app)
                try await SlackUseCases(db: app.db, now: testNow).save(Self.address, forCohort: spring.requireIDString, by: world.admin)
                await Scheduler.tick(app, jobs: [SlackJobs.digest])
                #expect(try await Self.posts(app).count == 1)
            }
        }

        @Test func tomorrows_events_are_posted_at_five_and_their_goers_reminded_once() async throws {
            try await withApp(clock: .fixed(testNow.addingTimeInterval(5 * 3_600))) { app in
                // 17:00 in London: tomorrow's events go out.
                let world = try await World.make(on: app)
                try await Self.connect(world, on: app)
                let events = EventUseCases(db: app.db, now: testNow)
                let clinic = try await events.create(EventDraft(title: "CV clinic", description: "Bring your CV", startsAt: testNow.addingTimeInterval(26 * 3_600),
                                                                endsAt: testNow.addingTimeInterval(27 * 3_600), link: "https://meet.example/cv", place: "", cohortID: world.cohort.id!.uuidString), by: world.admin)
                _ = try await events.create(EventDraft(title: "Next week's panel", description: "", startsAt: testNow.addingTimeInterval(7 * 86_400),
                                                       endsAt: testNow.addingTimeInterval(7 * 86_400 + 3_600), link: "https://meet.example/p", place: "", cohortID: nil), by: world.admin)
                _ = try await events.answer(clinic.requireIDString, .going, by: world.graduate)
                _ = try await events.answer(clinic.requireIDString, .notGoing, by: world.otherGraduate)
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<2 { group.addTask { await Scheduler.tick(app, jobs: [SlackJobs.tomorrow, EventReminders.job]) } }
                }
                let posts = try await Self.posts(app)
                #expect(posts.map(\.kind) == ["events"] && posts[0].payload.contains("CV clinic") && !posts[0].payload.contains("panel"))
                #expect(posts[0].payload.contains("Tue 24 Nov 2026, 14:00–15:00 (online)"))
                let told = try await NotificationsWebTests.notices(of: world.graduate, on: app)
                #expect(told.map(\.kind) == [.eventTomorrow] && told[0].text == "Coming up: CV clinic, Tue 24 Nov 2026, 14:00–15:00.")
                #expect(try await NotificationsWebTests.notices(of: world.otherGraduate, on: app).isEmpty, "not going, not told")
                // Otto changes his mind after the first reminders went: he is told at the next tick, once.
                _ = try await events.answer(clinic.requireIDString, .going, by: world.otherGraduate)
                await Scheduler.tick(app, jobs: [EventReminders.job])
                await Scheduler.tick(app, jobs: [EventReminders.job])
                #expect(try await NotificationsWebTests.notices(of: world.otherGraduate, on: app).map(\.kind) == [.eventTomorrow])
                #expect(try await NotificationsWebTests.notices(of: world.graduate, on: app).count == 1)
            }
        }

        @Test func a_signal_raised_tells_the_graduates_coach_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let signals = SignalUseCases(db: app.db, now: testNow)
                let raised = [try world.graduate.requireID(): [RaisedSignal(.motivation, "No standup in 5 days.")]]
                _ = try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<2 { group.addTask { _ = try await signals.keep(raised, of: Array(raised.keys)) } }
                    try await group.waitForAll()
                }
                _ = try await signals.keep(raised, of: Array(raised.keys))
                let told = try await NotificationsWebTests.notices(of: world.coach, on: app)
                #expect(told.map(\.kind) == [.signalRaised])
                #expect(told.first?.text == "Grace Graduate: Motivation flagging. No standup in 5 days.")
                #expect(try await NotificationsWebTests.notices(of: world.unassignedCoach, on: app).isEmpty)
            }
        }

        @Test func the_api_keeps_channels_for_admins_and_never_answers_an_address_whole() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.admin, app: app)
                let path = "/api/v1/cohorts/\(world.cohort.requireIDString)/slack-webhook"
                let bad = try await APITests.send(app, .PUT, path, token: token, json: #"{"url": "ftp://x"}"#)
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#""field":"url""#))
                let saved = try await APITests.send(app, .PUT, path, token: token, json: "{\"url\": \"\(Self.address)\"}")
                #expect(saved.status == .ok && saved.body.string.contains("…1234") && !saved.body.string.contains("verysecretpart"))
                let shown = try await APITests.send(app, .GET, "/api/v1/slack", token: token)
                struct Overview: Decodable { struct Channel: Decodable { let active: Bool; let address: String? }; let channels: [Channel] }
                #expect(shown.status == .ok && !shown.body.string.contains("verysecretpart"))
                let overview = try JSONDecoder().decode(Overview.self, from: shown.body)
                #expect(overview.channels.map(\.active) == [true] && overview.channels[0].address == "https://hooks.slack.com/…1234")
                let graduate = try await APITests.token(for: world.graduate, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/slack", token: graduate).status == .forbidden)
                #expect(try await APITests.send(app, .DELETE, path, token: graduate).status == .forbidden)
                #expect(try await APITests.send(app, .DELETE, path, token: token).status == .noContent)
                #expect(try await SlackWebhookModel.query(on: app.db).count() == 0)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/cohorts/\(UUID())/slack-webhook", token: token).status == .notFound)
            }
        }
    }
}

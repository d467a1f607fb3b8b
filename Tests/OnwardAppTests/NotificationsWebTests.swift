import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// People hear of what concerns them: a booking tells the coach, a review or a reply the
/// graduate, a proposal both sides, an accepted invitation the admin who sent it. Each shows in
/// the header's count and on the notifications page, and comes by email when chosen.
extension AppTests {
    @Suite struct NotificationsWebTests {
        static func notices(of user: UserModel, on app: Application) async throws -> [NotificationModel] {
            try await NotificationModel.query(on: app.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).all()
        }

        static func mail(to user: UserModel, on app: Application) async throws -> [OutboxMessageModel] {
            try await OutboxMessageModel.query(on: app.db).filter(\.$toEmail == user.email).filter(\.$topic == "notification").all()
        }

        @Test func a_booking_tells_the_coach_in_the_header_on_the_page_and_by_email() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let mock = MockInterviewUseCases(db: app.db, now: testNow)
                let slot = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(2 * 86_400), minutes: 45, themes: [.frontEnd]), by: world.coach)
                let booking = try await mock.book(slot.requireIDString, MockBookingDraft(theme: .frontEnd, practise: "State"), by: world.graduate)
                let told = try await Self.notices(of: world.coach, on: app)
                #expect(told.map(\.kind) == [.slotBooked] && told[0].text.hasPrefix("Grace Graduate booked your mock interview of "))
                #expect(told[0].path == SiteURL.practice(.mockInterview(id: booking.requireIDString)).path)
                #expect(try await Self.notices(of: world.graduate, on: app).isEmpty, "the one who booked is not told")

                let cora = Browser(app)
                try await cora.signIn(world.coach)
                let home = try await cora.get(SiteURL.homes(.coach).path)
                #expect(home.body.string.contains(#"aria-label="Notifications, 1 unread""#) && home.body.string.contains(#"<span class="notices-count">1</span>"#))
                let page = try await cora.get(SiteURL.integrations(.notifications).path)
                // Her home read Grace's signals for the first time, and told Cora of those raised.
                let unread = try await Self.notices(of: world.coach, on: app)
                #expect(unread.first?.kind == .slotBooked && unread.dropFirst().allSatisfy { $0.kind == .signalRaised })
                #expect(page.body.string.contains("Grace Graduate booked your mock interview") && page.body.string.contains(Wording.count(unread.count, "unread notification") + "."))
                #expect(try await cora.post(SiteURL.integrations(.readNotifications).path).status == .seeOther)
                #expect(try await cora.get(SiteURL.homes(.coach).path).body.string.contains(#"aria-label="Notifications, none unread""#))

                // By email too (a booking is emailed unless the coach says otherwise), with the
                // link written on Onward's own address when sent.
                let queued = try await Self.mail(to: world.coach, on: app)
                #expect(queued.count == 1 && queued[0].body.contains("{{site}}" + told[0].path))
                let server = OutboxDeliveryTests.Server()
                _ = try await OutboxDelivery(db: app.db, sender: server, smtp: SMTPSettings(host: "127.0.0.1"), site: "https://onward.example", clock: .fixed(testNow), logger: app.logger).deliverDue()
                let sent = server.taken.withLockedValue { $0 }.first { $0.to == world.coach.email }
                #expect(sent?.body.contains("https://onward.example" + told[0].path) == true && sent?.body.contains("{{site}}") == false)
            }
        }

        @Test func a_review_and_a_reply_tell_the_graduate_who_chooses_what_comes_by_email() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let settings = try await grace.get(SiteURL.integrations(.notificationSettings).path).body.string
                #expect(settings.contains("Your work is reviewed") && !settings.contains("books one of your mock interview slots"), "only a graduate's kinds")
                // Reviews stay in the app only; replies keep coming by email.
                #expect(try await grace.post(SiteURL.integrations(.notificationSettings).path, ["email_request_replied": "yes", "email_pairing_proposed": "yes"]).status == .seeOther)

                let reviews = ReviewUseCases(db: app.db, now: testNow)
                let submission = try await reviews.submit(SubmissionDraft(kind: .applicationMaterial, title: "My CV", body: "Two pages", link: nil), for: world.graduate)
                _ = try await reviews.review(submission.requireIDString, ReviewDraft(verdict: .changesRequested, comment: "One page"), by: world.coach)
                let support = SupportUseCases(db: app.db, now: testNow)
                let request = try await support.open(SupportRequestDraft(kind: .question, subject: "Cover letters", message: "How long?", preferredTimes: ""), for: world.graduate)
                _ = try await support.reply(to: request.requireIDString, SupportReplyDraft(body: "Half a page."), by: world.coach)
                _ = try await support.reply(to: request.requireIDString, SupportReplyDraft(body: "Thanks!"), by: world.graduate)

                let told = try await Self.notices(of: world.graduate, on: app)
                #expect(told.map(\.kind) == [.reviewDone, .requestReplied], "her own reply tells nobody")
                #expect(told[0].text == "Cora Coach reviewed “My CV”: changes asked." && told[1].text == "Cora Coach replied to “Cover letters”.")
                let mailed = try await Self.mail(to: world.graduate, on: app)
                #expect(mailed.count == 1 && mailed[0].subject == "Onward: Cora Coach replied to “Cover letters”.")
            }
        }

        @Test func a_proposal_tells_both_and_an_accepted_invitation_tells_the_admin() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let pairings = PairingUseCases(db: app.db, now: testNow)
                let windows = WindowsInput.rows([WindowRow(day: "2026-11-25", start: "10:00", end: "12:00")], timeZone: .gmt)
                _ = try await pairings.ask(try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"], windows: windows, now: testNow), by: world.graduate)
                let proposal = try #require(try await pairings.ask(try PairingRequestDraft.validate(topic: "Katas too", kinds: ["kata"], windows: windows, now: testNow), by: world.otherGraduate).proposal)
                for person in [world.graduate, world.otherGraduate] {
                    let told = try await Self.notices(of: person, on: app)
                    #expect(told.map(\.kind) == [.pairingProposed] && told[0].path == SiteURL.practice(.pairingSession(id: proposal.requireIDString)).path)
                }

                let accounts = Accounts(db: app.db, now: testNow, hashing: app.passwordHashing)
                let sent = try await accounts.invite(email: "newcomer@example.org", role: .graduate, cohortID: world.cohort.id!.uuidString, by: world.admin, link: { $0 })
                let joined = try await accounts.accept(token: sent.link, name: "Nia Newcomer", password: "a long enough password", confirmation: "a long enough password")
                let told = try await Self.notices(of: world.admin, on: app)
                #expect(told.map(\.text) == ["Nia Newcomer accepted your invitation and joined Onward as a graduate."])
                #expect(told[0].path == SiteURL.homes(.person(id: joined.requireIDString)).path)
                #expect(try await Self.mail(to: world.admin, on: app).isEmpty, "not by email unless the admin chooses it")
            }
        }

        @Test func the_weekly_digest_goes_on_monday_morning_once_to_who_chose_it() async throws {
            // Monday 23 November, 12:00 in London: the digest of the week of 16 November is due.
            try await withApp { app in
                let world = try await World.make(on: app)
                for day in ["2026-11-17", "2026-11-18", "2026-11-23"] {
                    try await StandupModel(userID: world.graduate.requireID(), day: LocalDate(iso: day)!,
                                           draft: StandupDraft(yesterday: "", today: "Apply", blockers: "", mood: 4, wantsHelp: false), late: false).create(on: app.db)
                }
                try await NotificationSettings.save([.reviewDone], for: world.otherGraduate.requireID(), on: app.db)
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<2 { group.addTask { await Scheduler.tick(app, jobs: [WeeklyDigestJob.job]) } }
                }
                await Scheduler.tick(app, jobs: [WeeklyDigestJob.job])
                let digests = try await OutboxMessageModel.query(on: app.db).filter(\.$topic == "weekly_digest").all()
                #expect(Set(digests.map(\.toEmail)) == [world.graduate.email, world.coach.email] && digests.count == 2,
                        "once each; Otto chose not to, Uma coaches nobody, admins and partners get none")
                let grace = try #require(digests.first { $0.toEmail == world.graduate.email })
                #expect(grace.subject == "Onward: your week of 16 Nov 2026")
                #expect(grace.body.contains("2 standups, 0 applications sent, 0 interviews, 0 mock interviews") && grace.body.contains("{{site}}/graduate"))
                let cora = try #require(digests.first { $0.toEmail == world.coach.email })
                #expect(cora.body.contains("- Grace Graduate: 2 standups, 0 applications sent, 0 interviews, 0 mock interviews"))
                #expect(try await ScheduledRuns.claimed(WeeklyDigestJob.job.name, among: [world.otherGraduate.requireIDString + "/2026-11-16"], on: app.db).count == 1,
                        "one who turned it off is claimed too, so later ticks skip them")
                #expect(try await NotificationModel.query(on: app.db).filter(\.$kind == .weeklyDigest).count() == 0, "email only")
            }
        }

        @Test func those_who_chose_before_the_digest_existed_get_it_turned_on() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await NotificationSettings.save([.reviewDone], for: world.graduate.requireID(), on: app.db)
                try await NotificationSettings.save([], for: world.coach.requireID(), on: app.db)
                try await NotificationSettings.save([], for: world.partner.requireID(), on: app.db)
                try await IntegrationsMigrations.TurnOnWeeklyDigest().prepare(on: app.db)
                let chosen = try await NotificationSettings.emailed(of: [world.graduate.requireID(), world.coach.requireID(), world.partner.requireID()], on: app.db)
                #expect(chosen[try world.graduate.requireID()] == [.reviewDone, .weeklyDigest])
                #expect(chosen[try world.coach.requireID()] == [.weeklyDigest])
                #expect(chosen[try world.partner.requireID()] == [], "a partner gets no digest")
            }
        }
    }
}

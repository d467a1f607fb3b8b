import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    @Suite struct AccountsFlowTests {
        @Test func an_invitation_expires_after_seven_days() async throws {
            let clock = MutableClock(testNow)
            try await withApp(clock: clock.clock) { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let res = try await admin.post(SiteURL.accounts(.invitations).path, ["email": "late@example.org", "role": "coach", "cohort_id": ""])
                #expect(res.status == .created)
                let outbox = try await OutboxMessageModel.query(on: app.db).first()
                let link = try #require(outbox.flatMap { InvitationsPage.link(in: $0.body) })
                #expect(res.text.contains(link), "the admin is shown the link to copy")
                let path = try #require(URL(string: link)?.path)

                clock.advance(by: 7 * 86_400 - 60)
                #expect(try await Browser(app).get(path).status == .ok)
                clock.advance(by: 120)
                let expired = try await Browser(app).get(path)
                #expect(expired.status == .gone)
                #expect(expired.text.contains("expired"))
                let tooLate = try await Browser(app).post(path, ["name": "Late", "password": "a long password", "password_confirmation": "a long password"])
                #expect(tooLate.status == .gone)
                #expect(try await UserModel.query(on: app.db).filter(\.$email == "late@example.org").count() == 0)
            }
        }

        @Test func a_graduate_invitation_needs_a_cohort_and_a_new_email() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let noCohort = try await admin.post(SiteURL.accounts(.invitations).path, ["email": "someone@example.org", "role": "graduate", "cohort_id": ""])
                #expect(noCohort.status == .unprocessableEntity)
                #expect(noCohort.text.contains("A graduate belongs to a cohort"))
                #expect(noCohort.text.contains("value=\"someone@example.org\""), "what was typed is kept")
                let taken = try await admin.post(SiteURL.accounts(.invitations).path, ["email": world.graduate.email.uppercased(), "role": "coach"])
                #expect(taken.status == .unprocessableEntity)
                #expect(taken.text.contains("already has an account"))
                #expect(try await InvitationModel.query(on: app.db).count() == 0)
                #expect(try await OutboxMessageModel.query(on: app.db).count() == 0)
            }
        }

        @Test func an_admin_creates_a_cohort_with_errors_shown_next_to_fields() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let bad = try await admin.post(SiteURL.accounts(.cohorts).path, ["name": "Winter 2027", "course_end_date": "2027-02-31", "time_zone": "Europe/London", "standup_time": "09:30"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains(#"id="course_end_date-error""#))
                #expect(bad.text.contains(#"aria-describedby="course_end_date-error""#))
                #expect(bad.text.contains(#"value="Winter 2027""#))
                #expect(try await CohortModel.query(on: app.db).count() == 1)

                let good = try await admin.post(SiteURL.accounts(.cohorts).path, ["name": "Winter 2027", "course_end_date": "2027-02-26", "time_zone": "Europe/Berlin", "standup_time": "09:30"])
                #expect(good.status == .seeOther)
                let cohort = try await CohortModel.query(on: app.db).filter(\.$name == "Winter 2027").first()
                #expect(cohort?.standupTime == "09:30")
                #expect(cohort?.timeZone == "Europe/Berlin")
                let page = try await admin.get(try #require(good.location))
                #expect(page.text.contains("Cohort Winter 2027 is created"))
            }
        }

        @Test func an_admin_assigns_and_removes_a_coach() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let res = try await admin.post(SiteURL.accounts(.assignments).path, ["coach_id": world.unassignedCoach.requireIDString, "graduate_id": world.otherGraduate.requireIDString])
                #expect(res.location == SiteURL.accounts(.cohort(id: world.cohort.id!.uuidString)).path)
                let coach = Browser(app)
                try await coach.signIn(world.unassignedCoach)
                #expect(try await coach.get(SiteURL.homes(.person(id: world.otherGraduate.requireIDString)).path).status == .ok)
                let graduate = Browser(app)
                try await graduate.signIn(world.otherGraduate)
                let home = try await graduate.get(SiteURL.homes(.graduate).path).text
                let coachesCard = try #require(home.range(of: "Your coaches")).upperBound
                #expect(home[coachesCard...].prefix(400).contains(world.unassignedCoach.name), "the graduate's home names their new coach")

                let assignment = try await CoachAssignmentModel.query(on: app.db).filter(\.$coach.$id == world.unassignedCoach.requireID()).first()
                _ = try await admin.post(SiteURL.accounts(.removeAssignment(id: try #require(assignment?.id?.uuidString))).path)
                #expect(try await coach.get(SiteURL.homes(.person(id: world.otherGraduate.requireIDString)).path).status == .notFound)

                let wrong = try await admin.post(SiteURL.accounts(.assignments).path, ["coach_id": world.graduate.requireIDString, "graduate_id": world.otherGraduate.requireIDString])
                #expect(wrong.status == .seeOther)
                let shown = try await admin.get(try #require(wrong.location))
                #expect(shown.text.contains("Choose a coach from the list."))
            }
        }

        @Test func changing_the_password_needs_the_current_one() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let wrong = try await browser.post(SiteURL.accounts(.password).path, ["current_password": "not it", "password": "a brand new password", "password_confirmation": "a brand new password"])
                #expect(wrong.status == .unprocessableEntity)
                #expect(wrong.text.contains("That is not your current password."))
                let ok = try await browser.post(SiteURL.accounts(.password).path, ["current_password": World.password, "password": "a brand new password", "password_confirmation": "a brand new password"])
                #expect(ok.status == .seeOther)
                #expect(try await Browser(app).signIn(world.graduate).status == .unauthorized)
                #expect(try await Browser(app).signIn(world.graduate, password: "a brand new password").status == .seeOther)
            }
        }

        @Test func profile_is_saved_and_bad_input_is_shown_and_kept() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let bad = try await browser.post(SiteURL.accounts(.profile).path, ["name": "Grace G", "time_zone": "Europe/London", "github_login": "grace--g", "stacks": "Swift", "bio": "Hi"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains(#"value="grace--g""#))
                #expect(try await UserModel.find(world.graduate.id, on: app.db)?.name == "Grace Graduate")
                let good = try await browser.post(SiteURL.accounts(.profile).path, ["name": "Grace G", "time_zone": "America/Chicago", "github_login": "@grace-g", "stacks": "Swift, Vapor", "bio": "Hi"])
                #expect(good.status == .seeOther)
                let stored = try await UserModel.find(world.graduate.id, on: app.db)
                #expect(stored?.githubLogin == "grace-g")
                #expect(stored?.stacks == ["Swift", "Vapor"])
                #expect(stored?.timeZone == "America/Chicago")
            }
        }

        @Test func sign_in_returns_to_the_page_asked_for_but_never_to_another_site() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let asked = try await Browser(app).get(SiteURL.accounts(.profile).path)
                #expect(asked.location == SiteURL.accounts(.signIn).path + "?next=%2Faccount%2Fprofile")
                let back = try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": World.password, "next": "/account/profile"])
                #expect(back.location == "/account/profile")
                let away = try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": World.password, "next": "//evil.example/"])
                #expect(away.location == SiteURL.home.path)
                for hostile in ["/\t/evil.example/phish", "/\\evil.example", "https://evil.example/", "/%2F/evil.example"] {
                    let res = try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": world.graduate.email, "password": World.password, "next": hostile])
                    #expect(res.location == SiteURL.home.path, "next \(hostile.debugDescription) is refused")
                }
            }
        }

        @Test func session_cookie_is_httponly_lax_and_secure_behind_https() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let res = try await Browser(app).signIn(world.graduate)
                let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("onward_session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(!cookie.contains("Secure"))
                #expect(try await SessionRecord.query(on: app.db).count() == 1, "sessions live in the database")
            }
            try await withApp(settings: { $0.publicURL = "https://onward.example.edu" }) { app in
                let world = try await World.make(on: app)
                let res = try await Browser(app).signIn(world.graduate)
                let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("onward_session=") })
                #expect(cookie.contains("Secure"))
            }
        }

        @Test func an_oversized_form_answers_413_and_changes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let res = try await browser.post(SiteURL.accounts(.profile).path, ["name": "Big", "time_zone": "UTC", "bio": String(repeating: "b", count: 2 << 20)])
                #expect(res.status == .payloadTooLarge)
                #expect(try await UserModel.find(world.graduate.id, on: app.db)?.name == "Grace Graduate")
            }
        }

        @Test func the_demo_bootcamp_is_seeded_once() async throws {
            try await withApp { app in
                let console = Terminal()
                try await DemoBootcamp.seedIfEmpty(app, console: console)
                try await DemoBootcamp.seedIfEmpty(app, console: console)
                let roles = try await UserModel.query(on: app.db).all(\.$role)
                #expect(roles.filter { $0 == .graduate }.count == 22)
                #expect(roles.filter { $0 == .coach }.count == 2)
                #expect(roles.filter { $0 == .partner }.count == 1)
                #expect(roles.filter { $0 == .admin }.count == 1)
                #expect(try await CohortModel.query(on: app.db).count() == 3)
                let unassigned = try await UserModel.query(on: app.db).filter(\.$role == .graduate).all().asyncFilter { graduate in
                    try await CoachAssignmentModel.query(on: app.db).filter(\.$graduate.$id == graduate.requireID()).count() == 0
                }
                #expect(unassigned.isEmpty, "every demo graduate has a coach")
                // The programme: weeks of standups; one graduate at risk, with why.
                #expect(try await StandupModel.query(on: app.db).count() > 100)
                var atRisk: [String] = []
                let spring = try #require(try await CohortModel.query(on: app.db).filter(\.$name == "Spring 2026").first())
                for graduate in try await UserModel.query(on: app.db).filter(\.$role == .graduate).filter(\.$cohort.$id != spring.requireID()).all() {
                    let standing = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: graduate))
                    if case .atRisk(let missing) = standing.status { atRisk.append("\(graduate.name): \(missing.map(\.activity.title))") }
                }
                #expect(atRisk == ["Dev Patel: [\"Weekly retrospective\"]"], "and the cohort in week 1 is enrolled")
                let goals = try await SmartGoalVersionModel.query(on: app.db).all()
                #expect(goals.filter { $0.version == 2 }.count == 12, "the first cohort reassessed its goals in week 1")
                #expect(try await PeerSessionModel.query(on: app.db).count() == 4, "last week's, two coming up, and Amara's own")
                // A year of commits: Amara past this week's target, Dev's last three weeks nearly empty.
                let graduatesByEmail = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: app.db).filter(\.$role == .graduate).all().map { ($0.email, $0) })
                let amara = try #require(graduatesByEmail["amara.okafor@demo.onward.example"]), dev = try #require(graduatesByEmail["dev.patel@demo.onward.example"])
                let evidence = EvidenceUseCases(db: app.db, now: testNow)
                #expect(try await evidence.calendar(of: amara, target: 3).meetsTarget)
                let devs = try await evidence.calendar(of: dev, target: 3)
                #expect(devs.total > 100 && devs.weeks.suffix(3).joined().reduce(0) { $0 + $1.count } < 10)
                let plans = try await LearningPlanModel.query(on: app.db).filter(\.$state == .active).all()
                #expect(!plans.isEmpty && plans.allSatisfy { $0.meetingPlace == "Onward, 5 Commercial Street, London" }, "each says where the two meet")
                let pairings = try await PairingModel.query(on: app.db).all()
                #expect(pairings.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.accepted, .proposed, .proposed], "last week's kata; Ben's and Amara's proposals")
                #expect(pairings.filter { $0.state == .accepted }.allSatisfy { !$0.firstNote.isEmpty && !$0.secondNote.isEmpty })
                let priya = try #require(try await UserModel.query(on: app.db).filter(\.$email == "coach.priya@demo.onward.example").first())
                #expect(try await PairingUseCases(db: app.db, now: testNow).unmatched(for: priya).map(\.person.name) == ["Hamza Ali"])
                #expect(try await PeerSeatModel.query(on: app.db).filter(\.$note != "").count() == 3, "last week's peer session has what each practised")
                for (_, email) in DemoBootcamp.signIns {
                    #expect(try await Browser(app).post(SiteURL.accounts(.signIn).path, ["email": email, "password": DemoBootcamp.password]).status == .seeOther)
                }
            }
        }
    }
}

extension Array {
    func asyncFilter(_ keep: (Element) async throws -> Bool) async rethrows -> [Element] {
        var result: [Element] = []
        for element in self where try await keep(element) { result.append(element) }
        return result
    }
}

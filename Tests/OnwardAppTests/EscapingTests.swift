import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Every page, rendered with hostile text in every field a person can type, must show that text
/// as text: escaped in element content and in attribute values alike.
extension AppTests {
    @Suite struct EscapingTests {
        static let hostile = EscapingCheck.hostile

        /// The page shows the hostile text, and only escaped.
        static func check(_ res: TestingHTTPResponse, _ page: String, mustShow: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
            EscapingCheck.check(res.text, "\(page) (status \(res.status.code))", mustShow: mustShow, sourceLocation: sourceLocation)
        }

        /// Puts hostile text in every stored field a person can type.
        static func poison(_ world: World, app: Application) async throws -> (tokenName: String, invitation: InvitationModel) {
            let db = app.db
            world.cohort.name = hostile
            try await world.cohort.save(on: db)
            for user in [world.admin, world.graduate, world.otherGraduate, world.coach, world.unassignedCoach, world.partner] {
                user.name = hostile
                user.bio = hostile
                user.githubLogin = hostile
                user.stacks = [hostile, "Swift"]
                try await user.save(on: db)
            }
            let accounts = Accounts(db: db, now: testNow, hashing: app.passwordHashing)
            _ = try await accounts.createToken(for: world.graduate, name: hostile)
            let sent = try await accounts.invite(email: "hostile@example.org", role: .graduate, cohortID: world.cohort.id!.uuidString, by: world.admin, link: { $0 })
            // Stored as if an older version had let it through, to test the rendering alone.
            sent.invitation.email = hostile
            try await sent.invitation.save(on: db)
            return (hostile, sent.invitation)
        }

        @Test func signed_in_pages_escape_everything_people_typed() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                _ = try await Self.poison(world, app: app)
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                Self.check(try await graduate.get(SiteURL.homes(.graduate).path), "graduate home")
                Self.check(try await graduate.get(SiteURL.accounts(.profile).path), "profile")
                Self.check(try await graduate.get(SiteURL.accounts(.tokens).path), "tokens")
                Self.check(try await graduate.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path), "person")
                Self.check(try await graduate.get(SiteURL.accounts(.password).path), "password", mustShow: false)
                // A form sent back with errors keeps what was typed, escaped.
                Self.check(try await graduate.post(SiteURL.accounts(.profile).path, ["name": Self.hostile, "time_zone": "Nowhere", "github_login": Self.hostile, "stacks": Self.hostile, "bio": Self.hostile]), "profile with errors")
                Self.check(try await graduate.post(SiteURL.accounts(.tokens).path, ["name": Self.hostile + String(repeating: "y", count: 80)]), "token form with errors", mustShow: true)
                Self.check(try await graduate.post(SiteURL.accounts(.password).path, ["current_password": Self.hostile]), "password with errors", mustShow: false)

                // Job search pages.
                let search = JobSearch(db: app.db, now: testNow)
                let hostileDraft = ApplicationDraft(company: Self.hostile, roleTitle: Self.hostile, url: "https://example.org/?q=" + Self.hostile, location: Self.hostile,
                                                    nextAction: Self.hostile, notes: Self.hostile)
                let application = try await search.create(for: world.graduate, draft: hostileDraft, stage: .offer, on: search.today(for: world.graduate))
                let appID = application.id!.uuidString
                _ = try await search.addInterview(to: application, InterviewDraft(kind: .technical, at: testNow, durationMinutes: 60, withWhom: Self.hostile, outcome: .awaiting, feedback: Self.hostile, feedbackIsTechnical: true))
                try await search.addContact(to: application, ContactDraft(name: Self.hostile, role: Self.hostile, email: "a@example.org", profileURL: "https://example.org/" + Self.hostile))
                Self.check(try await graduate.get(SiteURL.jobSearch(.list).path), "applications list")
                Self.check(try await graduate.get(SiteURL.jobSearch(.list).path + "?q=" + Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!), "applications list searched")
                Self.check(try await graduate.get(SiteURL.jobSearch(.board).path), "board")
                Self.check(try await graduate.get(SiteURL.jobSearch(.application(id: appID)).path), "application")
                Self.check(try await graduate.get(SiteURL.jobSearch(.edit(id: appID)).path), "edit application")
                Self.check(try await graduate.get(SiteURL.jobSearch(.accept(id: appID)).path), "accept offer")
                Self.check(try await graduate.post(SiteURL.jobSearch(.accept(id: appID)).path, ["job_title": Self.hostile, "salary": Self.hostile]), "accept offer with errors")
                Self.check(try await graduate.post(SiteURL.jobSearch(.list).path, ["company": Self.hostile, "role_title": Self.hostile, "url": Self.hostile, "notes": Self.hostile]), "new application with errors")
                Self.check(try await graduate.post(SiteURL.jobSearch(.addInterview(id: appID)).path, ["with_whom": Self.hostile, "feedback": Self.hostile]), "interview with errors")
                Self.check(try await graduate.post(SiteURL.jobSearch(.addContact(id: appID)).path, ["contact_role": Self.hostile, "contact_email": Self.hostile]), "contact with errors")

                let coach = Browser(app)
                try await coach.signIn(world.coach)
                Self.check(try await coach.get(SiteURL.homes(.coach).path), "coach home")
                Self.check(try await coach.get(SiteURL.jobSearch(.personBoard(id: world.graduate.requireIDString)).path), "coach's view of the board")
                Self.check(try await coach.get(SiteURL.jobSearch(.personList(id: world.graduate.requireIDString)).path), "coach's view of the list")
                // A placement, corrected by a coach whose name is hostile too.
                try await search.move(application, to: .accepted, on: search.today(for: world.graduate),
                                      placement: PlacementDraft(startDate: search.today(for: world.graduate), jobTitle: Self.hostile, employmentType: .contract, inField: false, salary: 1))
                Self.check(try await coach.post(SiteURL.jobSearch(.correctPlacement(id: appID)).path, ["job_title": Self.hostile, "salary": Self.hostile]), "placement correction with errors")
                let corrected = try await coach.post(SiteURL.jobSearch(.correctPlacement(id: appID)).path, ["start_date": "2027-01-04", "job_title": Self.hostile, "employment_type": "contract", "in_field": "no", "salary": "1"])
                #expect(corrected.status == .seeOther)
                Self.check(try await coach.get(SiteURL.jobSearch(.application(id: appID)).path), "corrected placement")

                let partner = Browser(app)
                try await partner.signIn(world.partner)
                Self.check(try await partner.get(SiteURL.homes(.partner).path), "partner home")

                let admin = Browser(app)
                try await admin.signIn(world.admin)
                Self.check(try await admin.get(SiteURL.accounts(.overview).path), "admin overview")
                Self.check(try await admin.get(SiteURL.accounts(.cohorts).path), "cohorts")
                Self.check(try await admin.get(SiteURL.accounts(.cohort(id: world.cohort.id!.uuidString)).path), "cohort")
                Self.check(try await admin.get(SiteURL.accounts(.invitations).path), "invitations")
                Self.check(try await admin.get(SiteURL.accounts(.people).path), "people")
                Self.check(try await admin.post(SiteURL.accounts(.cohorts).path, ["name": Self.hostile, "course_end_date": Self.hostile, "time_zone": Self.hostile, "standup_time": Self.hostile]), "cohort form with errors")
                Self.check(try await admin.post(SiteURL.accounts(.invitations).path, ["email": Self.hostile, "role": Self.hostile, "cohort_id": Self.hostile]), "invitation form with errors")
                // The flash after assigning names the hostile people.
                let assigned = try await admin.post(SiteURL.accounts(.assignments).path, ["coach_id": world.unassignedCoach.requireIDString, "graduate_id": world.otherGraduate.requireIDString])
                #expect(assigned.status == .seeOther)
                Self.check(try await admin.get(try #require(assigned.location)), "flash after assigning")
            }
        }

        @Test func public_pages_escape_what_was_typed() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let accounts = Accounts(db: app.db, now: testNow, hashing: app.passwordHashing)
                let sent = try await accounts.invite(email: "newcomer@example.org", role: .graduate, cohortID: world.cohort.id!.uuidString, by: world.admin, link: { $0 })
                world.cohort.name = Self.hostile
                try await world.cohort.save(on: app.db)

                let browser = Browser(app)
                Self.check(try await browser.post(SiteURL.accounts(.signIn).path, ["email": Self.hostile, "password": "x", "next": Self.hostile]), "sign-in with errors")
                let path = SiteURL.accounts(.invitation(token: sent.link)).path
                Self.check(try await browser.get(path), "accept invitation")
                Self.check(try await browser.post(path, ["name": Self.hostile, "password": "short", "password_confirmation": "other"]), "accept invitation with errors")
                Self.check(try await browser.get("/no-such-page?q=" + Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!), "not found", mustShow: false)
            }
        }
    }
}

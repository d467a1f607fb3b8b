import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    /// What an admin does for a whole cohort at once: a pasted list of invitations, one coach for
    /// many graduates; and what they run the bootcamp by: each person's standing, each cohort's.
    @Suite struct AdminWebTests {
        @Test func a_pasted_list_invites_every_good_line_and_names_the_others() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let before = try await InvitationModel.query(on: app.db).count()
                let list = "ana@example.org\r\nBen Smith <ben@example.org>,\r\n\r\nnot-an-address\r\nana@example.org\r\n\(world.otherGraduate.email)\r\n"
                let res = try await admin.post(SiteURL.accounts(.inviteList).path, ["emails": list, "role": "graduate", "cohort_id": world.cohort.requireIDString])
                #expect(res.status == .created)
                #expect(res.text.contains("2 invitations created"))
                #expect(res.text.contains("Line 4: not-an-address — Enter an email address like name@example.org."))
                #expect(res.text.contains("Line 5: ana@example.org — Already in the list above."))
                #expect(res.text.contains("\(world.otherGraduate.email) — Someone already has an account with this email address."))
                let made = try await InvitationModel.query(on: app.db).all()
                #expect(made.count == before + 2)
                #expect(Set(made.map(\.email)).isSuperset(of: ["ana@example.org", "ben@example.org"]))
                #expect(made.filter { ["ana@example.org", "ben@example.org"].contains($0.email) }.allSatisfy { $0.$cohort.id == world.cohort.id && $0.role == .graduate })
                #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$topic == "invitation").count() == before + 2, "each one's message")
                // What was not invited stays in the box to correct.
                #expect(res.text.contains("not-an-address\nana@example.org"))
            }
        }

        @Test func a_list_that_cannot_be_read_or_a_wrong_cohort_sends_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let before = try await InvitationModel.query(on: app.db).count()
                for (fields, message) in [
                    (["emails": "a@example.org\u{7}", "role": "coach"], "control characters"),
                    (["emails": "nobody here\nnor here", "role": "coach"], "No line of the list is an email address"),
                    (["emails": String(repeating: "x@example.org\n", count: InvitationList.maximumLines + 1), "role": "coach"], "at most 300"),
                    (["emails": "a@example.org", "role": "graduate"], "A graduate belongs to a cohort"),
                    (["emails": "a@example.org", "role": "graduate", "cohort_id": UUID().uuidString], "Choose a cohort from the list."),
                ] {
                    let res = try await admin.post(SiteURL.accounts(.inviteList).path, fields)
                    #expect(res.status == .unprocessableEntity, "\(message)")
                    #expect(res.text.contains(message), "\(message)")
                }
                #expect(try await InvitationModel.query(on: app.db).count() == before)
            }
        }

        @Test func one_coach_is_assigned_to_the_ticked_graduates_once_even_twice_at_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let third = try await world.graduate("Tess Third", email: "tess@example.org", on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let path = SiteURL.accounts(.cohortAssignments(id: world.cohort.requireIDString)).path
                let page = try await admin.get(SiteURL.accounts(.cohort(id: world.cohort.requireIDString)).path).text
                #expect(page.contains("Assign a coach to several graduates"))
                #expect(page.contains(#"<input type="radio" name="whom" value="all" checked>"#), "the whole cohort at first")
                #expect(page.contains(#"name="graduate_ids" value="\#(third.requireIDString)">"#), "none ticked")

                let coach = world.unassignedCoach.requireIDString
                let ids = [world.graduate, world.otherGraduate, third].map(\.requireIDString)
                // None ticked, or someone of another cohort: refused, nothing written.
                let none = try await admin.post(path, pairs: [("coach_id", coach), ("whom", "ticked")])
                #expect(none.status == .unprocessableEntity && none.text.contains("Tick at least one graduate."))
                let stranger = try await admin.post(path, pairs: [("coach_id", coach), ("whom", "ticked"), ("graduate_ids", world.coach.requireIDString)])
                #expect(stranger.status == .unprocessableEntity && stranger.text.contains("Tick graduates of this cohort only."))
                #expect(try await CoachAssignmentModel.query(on: app.db).filter(\.$coach.$id == world.unassignedCoach.requireID()).count() == 0)

                // Two admins assign the same coach to the same three at once: each pair once.
                let other = Browser(app)
                try await other.signIn(world.admin)
                let pairs = [("coach_id", coach), ("whom", "ticked")] + ids.map { ("graduate_ids", $0) }
                async let first = admin.post(path, pairs: pairs)
                async let second = other.post(path, pairs: pairs)
                let answers = try await [first, second]
                #expect(answers.allSatisfy { $0.status == .seeOther })
                let assigned = try await CoachAssignmentModel.query(on: app.db).filter(\.$coach.$id == world.unassignedCoach.requireID()).all()
                #expect(assigned.count == 3)
                #expect(Set(assigned.map(\.$graduate.id.uuidString)) == Set(ids))
                // The whole cohort, whose three already have the coach: nothing new, and said so.
                let again = try await admin.post(path, pairs: [("coach_id", coach), ("whom", "all")])
                #expect(again.status == .seeOther)
                #expect(try await admin.get(SiteURL.accounts(.cohort(id: world.cohort.requireIDString)).path).text.contains("now coaches 0 more graduates of \(world.cohort.name) (3 already were theirs)."))
            }
        }

        @Test func the_people_list_and_the_overview_show_how_graduates_stand() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let search = JobSearch(db: app.db, now: testNow)
                let today = search.today(for: world.graduate)
                let offer = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .offer, on: today)
                try await search.move(offer, to: .accepted, on: today,
                                      placement: PlacementDraft(startDate: today.adding(days: 14), jobTitle: "Developer", employmentType: .fullTime, inField: true, salary: 30_000))
                try await SupportUseCases(db: app.db, now: testNow).open(SupportRequestDraft(kind: .question, subject: "CV", message: "Too long?"), for: world.otherGraduate)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let people = try await admin.get(SiteURL.accounts(.people).path).text
                #expect(people.contains(#"<td class="status-placed"><span class="state-badge">Placed</span></td>"#))
                #expect(people.contains(#"href="/people/\#(world.otherGraduate.requireIDString)""#))

                let overview = try await admin.get(SiteURL.accounts(.overview).path).text
                #expect(overview.contains("Placed in " + Formats.month(year: today.year, month: today.month)))
                let line = try #require(overview.range(of: ">\(world.cohort.name)</a></th>"))
                let cells = overview[line.upperBound...].prefix { $0 != "/" || true }.components(separatedBy: "</tr>")[0]
                    .components(separatedBy: "<td").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
                let headings = overview.components(separatedBy: "<thead>")[1].components(separatedBy: "</thead>")[0]
                    .components(separatedBy: "<th").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
                let byHeading = Dictionary(zip(headings.dropFirst(), cells).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
                #expect(byHeading["Graduates"] == "2")
                #expect(byHeading["Placed"] == "1")
                #expect(byHeading["Placed in " + Formats.month(year: today.year, month: today.month)] == "1")
                #expect(byHeading["Open requests"] == "1")
            }
        }
    }
}

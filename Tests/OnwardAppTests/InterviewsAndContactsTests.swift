import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    /// An interview or contact recorded under an application can be changed and deleted by its
    /// graduate, on the pages and through the API; an interview that is over asks, on the home,
    /// how it went.
    @Suite struct InterviewsAndContactsTests {
        static func application(of world: World, app: Application) async throws -> (ApplicationModel, InterviewModel, ContactModel) {
            let search = JobSearch(db: app.db, now: testNow)
            let application = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Junior Developer"), stage: .interview,
                                                      on: search.today(for: world.graduate).adding(days: -5))
            let interview = try await search.addInterview(to: application, InterviewDraft(
                kind: .technical, at: testNow.addingTimeInterval(-2 * 86_400), durationMinutes: 60, withWhom: "Sam", outcome: .awaiting, feedback: "", feedbackIsTechnical: false))
            let contact = try await search.addContact(to: application, ContactDraft(name: "Sam Recruiter", role: "Recruiter", email: "sam@acme.example", profileURL: ""))
            return (application, interview, contact)
        }

        @Test func a_graduate_edits_and_deletes_an_interview_on_its_page() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (application, interview, _) = try await Self.application(of: world, app: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let detail = try await browser.get(SiteURL.jobSearch(.application(id: application.requireIDString)).path).text
                #expect(detail.contains(SiteURL.jobSearch(.editInterview(id: interview.requireIDString)).path))
                let editPath = SiteURL.jobSearch(.editInterview(id: interview.requireIDString)).path
                let page = try await browser.get(editPath).text
                #expect(page.contains(#"value="Sam""#), "the form holds what was recorded")
                #expect(page.contains(#"<option value="technical" selected>"#))

                // A mistake is shown and nothing changes.
                let bad = try await browser.post(editPath, ["kind": "technical", "date": "2026-13-01", "time": "10:00", "duration_minutes": "60",
                                                            "with_whom": "Sam\u{7}", "outcome": "passed"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains("Enter the date as YYYY-MM-DD."))
                #expect(try await InterviewModel.find(interview.id, on: app.db)?.outcome == .awaiting)

                let saved = try await browser.post(editPath, ["kind": "final", "date": "2026-11-22", "time": "14:30", "duration_minutes": "90",
                                                              "with_whom": "Sam and Lee", "outcome": "passed", "feedback": "Strong on SQL",
                                                              "feedback_is_technical": "yes"])
                #expect(saved.status == .seeOther)
                #expect(saved.location == SiteURL.jobSearch(.application(id: application.requireIDString)).path)
                let stored = try #require(try await InterviewModel.find(interview.id, on: app.db))
                #expect(stored.kind == .final)
                #expect(stored.outcome == .passed)
                #expect(stored.durationMinutes == 90)
                #expect(stored.withWhom == "Sam and Lee")
                #expect(stored.feedbackIsTechnical)
                // 14:30 in London on 22 November is 14:30 GMT.
                #expect(stored.scheduledAt == ISO8601DateFormatter().date(from: "2026-11-22T14:30:00Z"))

                let deleted = try await browser.post(SiteURL.jobSearch(.deleteInterview(id: interview.requireIDString)).path)
                #expect(deleted.status == .seeOther)
                #expect(try await InterviewModel.query(on: app.db).count() == 0)
                #expect(try await ApplicationModel.query(on: app.db).count() == 1, "the application stays")
            }
        }

        @Test func a_graduate_edits_and_deletes_a_contact() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (_, _, contact) = try await Self.application(of: world, app: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let editPath = SiteURL.jobSearch(.editContact(id: contact.requireIDString)).path
                #expect(try await browser.get(editPath).text.contains(#"value="sam@acme.example""#))
                let bad = try await browser.post(editPath, ["contact_name": " ", "contact_email": "not an address"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains("Enter the contact&#39;s name.") || bad.text.contains("Enter the contact's name."))
                #expect(try await ContactModel.find(contact.id, on: app.db)?.name == "Sam Recruiter")
                let saved = try await browser.post(editPath, ["contact_name": "Sam Reed", "contact_role": "Talent partner", "contact_email": "",
                                                              "contact_profile_url": "https://www.linkedin.com/in/samreed"])
                #expect(saved.status == .seeOther)
                let stored = try #require(try await ContactModel.find(contact.id, on: app.db))
                #expect(stored.name == "Sam Reed")
                #expect(stored.email == "")
                #expect(stored.profileURL == "https://www.linkedin.com/in/samreed")
                #expect(try await browser.post(SiteURL.jobSearch(.deleteContact(id: contact.requireIDString)).path).status == .seeOther)
                #expect(try await ContactModel.query(on: app.db).count() == 0)
            }
        }

        /// Only the graduate who owns the application changes its interviews and contacts: another
        /// graduate is told there is no such thing, and nothing changes.
        @Test func nobody_else_changes_them() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (_, interview, contact) = try await Self.application(of: world, app: app)
                let other = Browser(app)
                try await other.signIn(world.otherGraduate)
                #expect(try await other.post(SiteURL.jobSearch(.deleteInterview(id: interview.requireIDString)).path).status == .notFound)
                #expect(try await other.post(SiteURL.jobSearch(.interviewResult(id: interview.requireIDString)).path, ["outcome": "passed"]).status == .notFound)
                #expect(try await other.post(SiteURL.jobSearch(.deleteContact(id: contact.requireIDString)).path).status == .notFound)
                let token = try await APITests.token(for: world.otherGraduate, app: app)
                #expect(try await APITests.send(app, .PATCH, "/api/v1/interviews/\(interview.requireIDString)", token: token, json: #"{"outcome":"passed"}"#).status == .notFound)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/contacts/\(contact.requireIDString)", token: token).status == .notFound)
                #expect(try await InterviewModel.find(interview.id, on: app.db)?.outcome == .awaiting)
                #expect(try await ContactModel.query(on: app.db).count() == 1)
            }
        }

        /// Once an interview is over with no result, the home asks how it went; the answer is kept
        /// and the question goes. One still to come is not asked about.
        @Test func the_home_asks_how_an_interview_went() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (application, interview, _) = try await Self.application(of: world, app: app)
                let ahead = try await JobSearch(db: app.db, now: testNow).addInterview(to: application, InterviewDraft(
                    kind: .final, at: testNow.addingTimeInterval(3_600), durationMinutes: 60, withWhom: "", outcome: .awaiting, feedback: "", feedbackIsTechnical: false))
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let home = try await browser.get(SiteURL.homes(.graduate).path).text
                #expect(home.contains("How did it go?"))
                #expect(home.contains("Technical interview at Acme"))
                #expect(home.contains(SiteURL.jobSearch(.interviewResult(id: interview.requireIDString)).path))
                #expect(!home.contains(SiteURL.jobSearch(.interviewResult(id: ahead.requireIDString)).path), "not before it has happened")

                // "Awaiting" is not an answer: the interview's page says so, keeping what was typed.
                let bad = try await browser.post(SiteURL.jobSearch(.interviewResult(id: interview.requireIDString)).path, ["outcome": "awaiting", "feedback": "Kind people"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.text.contains("Choose how it went"))
                #expect(bad.text.contains("Kind people"))
                #expect(try await InterviewModel.find(interview.id, on: app.db)?.outcome == .awaiting)

                let answered = try await browser.post(SiteURL.jobSearch(.interviewResult(id: interview.requireIDString)).path,
                                                      ["outcome": "not_passed", "feedback": "More practice on recursion", "feedback_is_technical": "yes"])
                #expect(answered.status == .seeOther)
                #expect(answered.location == SiteURL.homes(.graduate).path)
                let stored = try #require(try await InterviewModel.find(interview.id, on: app.db))
                #expect(stored.outcome == .notPassed)
                #expect(stored.feedback == "More practice on recursion")
                #expect(stored.feedbackIsTechnical)
                #expect(stored.withWhom == "Sam", "the rest is kept")
                #expect(!(try await browser.get(SiteURL.homes(.graduate).path).text.contains("How did it go?")))
            }
        }

        @Test func the_api_changes_and_deletes_interviews_and_contacts() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (application, interview, _) = try await Self.application(of: world, app: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let path = "/api/v1/interviews/\(interview.requireIDString)"
                let patched = try await APITests.send(app, .PATCH, path, token: token, json: #"{"outcome": "passed", "feedback": "Good tests"}"#)
                #expect(patched.status == .ok)
                #expect(try patched.content.decode([String: AnyDecodable].self)["outcome"]?.string == "passed")
                let stored = try #require(try await InterviewModel.find(interview.id, on: app.db))
                #expect(stored.feedback == "Good tests")
                #expect(stored.withWhom == "Sam", "fields left out keep their value")
                let bad = try await APITests.send(app, .PATCH, path, token: token, json: #"{"duration_minutes": 2}"#)
                #expect(bad.status == .unprocessableEntity)
                #expect(try bad.content.decode(APITests.ErrorBody.self).error.field == "duration_minutes")
                #expect(try await InterviewModel.find(interview.id, on: app.db)?.durationMinutes == 60)
                #expect(try await APITests.send(app, .DELETE, path, token: token).status == .noContent)
                #expect(try await APITests.send(app, .DELETE, path, token: token).status == .notFound)

                let created = try await APITests.send(app, .POST, "/api/v1/applications/\(application.requireIDString)/contacts", token: token,
                                                      json: #"{"name": "Ada Lovelace", "role": "Interviewer"}"#)
                #expect(created.status == .created)
                let id = try #require(try created.content.decode([String: AnyDecodable].self)["id"]?.string)
                let renamed = try await APITests.send(app, .PATCH, "/api/v1/contacts/\(id)", token: token, json: #"{"email": "ada@acme.example"}"#)
                #expect(renamed.status == .ok)
                #expect(try await ContactModel.find(UUID(uuidString: id), on: app.db)?.email == "ada@acme.example")
                let badEmail = try await APITests.send(app, .PATCH, "/api/v1/contacts/\(id)", token: token, json: #"{"email": "nope"}"#)
                #expect(badEmail.status == .unprocessableEntity)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/contacts/\(id)", token: token).status == .noContent)
                let detail = try await APITests.send(app, .GET, "/api/v1/applications/\(application.requireIDString)", token: token).text
                #expect(!detail.contains("Ada Lovelace"))
                #expect(detail.contains("Sam Recruiter"))
            }
        }
    }
}

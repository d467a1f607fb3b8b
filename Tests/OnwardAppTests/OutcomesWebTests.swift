import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The outcomes report as an admin and a coach read it: a job a graduate recorded is proposed,
/// counted apart until a coach confirms it with its documentation, and then counted in field; an
/// enrolment recorded as withdrawn leaves the graduates; every figure leads an admin to the
/// graduates behind it, never a coach. The clock is Monday 23 November 2026; the cohort's course
/// ended on 30 October 2026.
extension AppTests {
    @Suite struct OutcomesWebTests {
        static func placed(_ app: Application, _ world: World) async throws {
            let search = JobSearch(db: app.db, now: testNow)
            let today = search.today(for: world.graduate)
            let offer = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .offer, on: LocalDate(iso: "2026-11-16")!)
            try await search.move(offer, to: .accepted, on: LocalDate(iso: "2026-11-20")!,
                                  placement: PlacementDraft(startDate: today.adding(days: 14), jobTitle: "Developer", employmentType: .fullTime, inField: true, salary: 32_000))
        }

        @Test func a_recorded_job_counts_as_placed_only_once_confirmed_with_its_documentation() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await Self.placed(app, world)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let cohort = SiteURL.outcomes(.cohort(id: world.cohort.requireIDString)).path
                var report = try await coach.get(cohort).text
                #expect(report.contains("Course ended July–December 2026"))
                #expect(report.contains("Jobs recorded by graduates, not yet confirmed (not counted as placed)</dt><dd>1</dd>"), "the job waits, counted apart")
                #expect(!report.contains("who="), "a coach reads the counts, never who is behind them")

                let record = SiteURL.outcomes(.graduate(id: world.graduate.requireIDString)).path
                // The coach meets the job on their home and on the page about her, each leading to her record.
                let home = try await coach.get(SiteURL.homes(.coach).path).text
                #expect(home.contains("Jobs to confirm") && home.contains("Developer at Acme, accepted 20 Nov 2026") && home.contains(record))
                let about = try await coach.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path).text
                #expect(about.contains("1 job they recorded waits for confirmation") && about.contains(record))
                let page = try await coach.get(record).text
                #expect(page.contains("Developer at Acme") && page.contains("Confirm this job"))
                let placement = try #require(try await Capabilities.reads.jobSearch.placements(of: [world.graduate.requireID()], on: app.db)[world.graduate.requireID()]?.first)
                #expect(placement.acceptedOn == LocalDate(iso: "2026-11-20"), "the day the application moved to accepted")
                let confirm = SiteURL.outcomes(.recordOutcome(graduateID: world.graduate.requireIDString)).path
                // A range upside down, no source: refused beside each field, nothing recorded.
                let wrong = try await coach.post(confirm, ["placement_id": placement.id.uuidString, "code": "1A", "began_on": "2026-11-20", "salary_from": "40000",
                                                           "salary_to": "30000", "source": "", "note": ""])
                #expect(wrong.status == .unprocessableEntity && wrong.text.contains("The top of the range is below its bottom.") && wrong.text.contains("Say where its documentation came from."))
                #expect(wrong.text.contains(#"value="30000""#) && wrong.text.contains(#"value="40000""#), "what was typed is shown again")
                #expect(wrong.text.contains("href=\"#field-salary_to-\(placement.id.uuidString)\""), "the summary leads to the job's own form")
                #expect(try await OutcomeRecordModel.query(on: app.db).count() == 0)
                let done = try await coach.post(confirm, ["placement_id": placement.id.uuidString, "code": "1A", "began_on": "2026-11-20", "salary_from": "30000",
                                                          "salary_to": "34000", "source": "employer", "note": "Offer letter seen"])
                #expect(done.status == .seeOther)
                let again = try await coach.post(confirm, ["placement_id": placement.id.uuidString, "code": "1A", "began_on": "2026-11-20", "source": "employer", "note": ""])
                #expect(again.status == .conflict, "one job is confirmed once")

                #expect(!(try await coach.get(SiteURL.homes(.coach).path).text.contains("Jobs to confirm")), "nothing left to confirm")
                report = try await coach.get(cohort).text
                #expect(report.contains("Jobs recorded by graduates, not yet confirmed (not counted as placed)</dt><dd>0</dd>"))
                #expect(report.contains("32,000, of 1 who gave one"), "a range counts at its middle")
                #expect(report.contains("<strong>50%</strong>: 1 of 2"), "one of the cohort's two graduates is in field")
                // The admin follows the in-field figure to the graduate and on to her record.
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let who = try await admin.get(cohort + "?who=2026-h2%3Ain-field").text
                #expect(who.contains("Behind in field at 180 days, July–December 2026") && who.contains(record) && who.contains(world.graduate.name))
                #expect(who.contains("?who=2026%2Dh2%3Asalaries#who"), "the median's count leads to whom it is taken from")
                let salaried = try await admin.get(cohort + "?who=2026-h2%3Asalaries").text
                #expect(salaried.contains("Behind the median salary, July–December 2026") && salaried.contains(world.graduate.name))
                let index = try await admin.get(SiteURL.outcomes(.reports).path).text
                #expect(index.contains("All cohorts") && index.contains("1 of 2"))
            }
        }

        @Test func the_demo_shows_a_cohort_graduated_over_180_days_ago_with_real_figures() async throws {
            try await withApp { app in
                try await DemoBootcamp.seedIfEmpty(app, console: Terminal())
                let spring = try #require(try await CohortModel.query(on: app.db).filter(\.$name == "Spring 2026").first())
                let students = try await OutcomesUseCases(db: app.db, now: testNow).students(of: [spring])
                let name = Dictionary(uniqueKeysWithValues: students.map { ($0.record.id, $0.name.split(separator: " ")[0]) })
                let report = Outcomes.report(of: students.map(\.record))
                func who(_ counted: Counted?) -> [Substring] { (counted?.ids ?? []).compactMap { name[$0] }.sorted() }
                #expect(report.enrolled.count == 8 && report.graduates.count == 7 && who(report.notGraduated) == ["Priti"])
                #expect(who(report.at180[.fullTimeEmployee]) == ["Ines", "Kwame", "Marco"] && who(report.at180[.fullTimeContract]) == ["Lena"])
                #expect(who(report.at180[.notSeeking]) == ["Owen"] && who(report.at180[.nonReporting]) == ["Nadia", "Quinn"])
                #expect(who(report.at90[.outOfField]) == ["Marco"] && who(report.at90[.nonReporting]) == ["Lena", "Nadia", "Quinn"])
                #expect(who(report.unconfirmed) == ["Nadia"] && report.documented.count == 4)
                #expect(report.inFieldRate == 57 && report.inFieldDenominator == 7)
                #expect(report.medianSalary == Median(value: 32_500, from: 4) && report.medianDaysToOffer == Median(value: 37, from: 4))
                #expect(report.isFinal(180, today: LocalDate(testNow, in: .gmt)))
                // Tom coached them: he reads their report; Priya does not.
                let tom = try #require(try await UserModel.query(on: app.db).filter(\.$email == "coach.tom@demo.onward.example").first())
                let priya = try #require(try await UserModel.query(on: app.db).filter(\.$email == "coach.priya@demo.onward.example").first())
                #expect(try await OutcomesUseCases(db: app.db, now: testNow).cohorts(for: tom).contains { $0.id == spring.id })
                #expect(!(try await OutcomesUseCases(db: app.db, now: testNow).cohorts(for: priya).contains { $0.id == spring.id }))
            }
        }

        /// The report as CSV and in the version for publishing: exact counts for the bootcamp; for
        /// anyone, a count under 5 as "< 5", no median of fewer than 5, and no name or link to a
        /// graduate.
        @Test func the_report_downloads_as_csv_and_publishes_without_names_or_small_counts() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                try await Self.placed(app, world)
                let uses = OutcomesUseCases(db: app.db, now: testNow)
                let (student, _) = try await uses.student(world.graduate.requireIDString, for: world.coach)
                let draft = try OutcomeDraft.validate(code: "1A", beganOn: "2026-11-20", salaryFrom: "32000", salaryTo: "", source: "employer", note: "Offer letter",
                                                      today: LocalDate(testNow, in: .gmt))
                try await uses.recordOutcome(of: student.person, draft, confirming: student.proposals.first?.id.uuidString, by: world.coach)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let cohortID = world.cohort.requireIDString
                let csv = try await admin.get(SiteURL.outcomes(.cohortCSV(id: cohortID)).path)
                #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
                #expect(csv.headers.first(name: .contentDisposition)?.contains("onward-outcomes-\(world.cohort.name.lowercased().replacingOccurrences(of: " ", with: "-"))-2026-11-23.csv") == true)
                let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                // No cell of the row holds a comma; some of the header's do, quoted.
                let row = Dictionary(uniqueKeysWithValues: zip(OutcomesCSV.header(), lines[1].components(separatedBy: ",")))
                #expect(lines[0].hasPrefix("Course ended,Cohort,Enrolled,") && lines[0].contains(#""1B Full-time apprenticeship, internship or contract at 90 days""#))
                #expect(lines.count == 2 && row["Cohort"] == world.cohort.name && row["Enrolled"] == "2" && row["1A Full-time employee at 180 days"] == "1")
                #expect(row["Median base salary, in field"] == "32000" && row["Figures at 180 days"]?.hasPrefix("So far") == true)

                let published = try await admin.get(SiteURL.outcomes(.publishedCohort(id: cohortID)).path).text
                #expect(published.contains("Graduate outcomes: \(world.cohort.name)") && published.contains("&lt; 5"))
                #expect(published.contains("Not published: fewer than 5 figures"), "one hire's median is their salary")
                #expect(published.contains("<strong>Not published</strong>"), "50% of 2 would give away the one in field")
                #expect(!published.contains(world.graduate.name) && !published.contains("who=") && !published.contains("/outcomes/graduates/"), "nobody is named or linked")
                let publishedCSV = try await admin.get(SiteURL.outcomes(.publishedCohortCSV(id: cohortID)).path).text
                #expect(publishedCSV.contains(",< 5,") && !publishedCSV.contains("32000") && !publishedCSV.contains(world.graduate.name))
                // The exact page offers both; the whole report's CSV carries the all-cohorts row.
                let exact = try await admin.get(SiteURL.outcomes(.cohort(id: cohortID)).path).text
                #expect(exact.contains(SiteURL.outcomes(.cohortCSV(id: cohortID)).path) && exact.contains(SiteURL.outcomes(.publishedCohort(id: cohortID)).path))
                let all = try await admin.get(SiteURL.outcomes(.reportsCSV).path).text
                #expect(all.contains("July–December 2026,All cohorts,2,") && all.contains("July–December 2026,\(world.cohort.name),2,"))
                let everyone = try await admin.get(SiteURL.outcomes(.published).path).text
                #expect(everyone.contains("Graduate outcomes: all cohorts") && !everyone.contains(world.graduate.name))
                // The API answers the same figures; only an admin's name the graduates behind them.
                let adminToken = try await APITests.token(for: world.admin, app: app)
                let coachToken = try await APITests.token(for: world.coach, app: app)
                let path = "/api/v1/outcomes/cohorts/\(cohortID)"
                let json = try await APITests.send(app, .GET, path, token: adminToken)
                #expect(json.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [String: Any]
                let first = try #require((body?["reports"] as? [[String: Any]])?.first)
                #expect(first["half_year"] as? String == "2026-h2" && first["in_field_rate"] as? Int == 50)
                #expect((first["in_field"] as? [String: Any])?["graduate_ids"] as? [String] == [world.graduate.requireIDString])
                let window = try #require((first["windows"] as? [[String: Any]])?.last)
                #expect(window["days"] as? Int == 180 && window["final"] as? Bool == false)
                #expect((window["outcomes"] as? [[String: Any]])?.first { $0["code"] as? String == "1A" }?["count"] as? Int == 1)
                let coachJSON = try await APITests.send(app, .GET, path, token: coachToken)
                let coachBody = try JSONSerialization.jsonObject(with: Data(coachJSON.body.readableBytesView)) as? [String: Any]
                #expect(coachJSON.status == .ok && (coachBody?["reports"] as? [[String: Any]])?.first?["in_field_rate"] as? Int == 50)
                #expect(!coachJSON.body.string.contains("graduate_ids"))
                let list = try JSONSerialization.jsonObject(with: Data(try await APITests.send(app, .GET, "/api/v1/outcomes", token: coachToken).body.readableBytesView)) as? [String: Any]
                #expect((list?["reports"] as? [[String: Any]])?.map { $0["cohort_name"] as? String } == [world.cohort.name, "All cohorts"])
                // A coach of neither graduate downloads nothing of their cohort.
                let stranger = Browser(app)
                try await stranger.signIn(world.unassignedCoach)
                #expect(try await stranger.get(SiteURL.outcomes(.cohortCSV(id: cohortID)).path).status == .notFound)
                #expect(!(try await stranger.get(SiteURL.outcomes(.reportsCSV).path).text.contains(world.cohort.name)))
            }
        }

        @Test func an_enrolment_recorded_as_withdrawn_leaves_the_graduates() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                let path = SiteURL.outcomes(.enrolment(graduateID: world.otherGraduate.requireIDString)).path
                let wrong = try await admin.post(path, ["enrolled_on": "2026-08-03", "state": "withdrew", "state_on": "", "intent": "seeking", "intent_note": ""])
                #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Give the day they withdrew."))
                let notSeeking = try await admin.post(path, ["enrolled_on": "2026-08-03", "state": "graduated", "state_on": "2026-10-30", "intent": "not_seeking", "intent_note": ""])
                #expect(notSeeking.status == .unprocessableEntity && notSeeking.text.contains("CIRR asks for the reason"))
                #expect(try await admin.post(path, ["enrolled_on": "2026-08-03", "state": "withdrew", "state_on": "2026-09-01", "intent": "seeking", "intent_note": ""]).status == .seeOther)
                let students = try await OutcomesUseCases(db: app.db, now: testNow).students(of: [world.cohort])
                let report = Outcomes.report(of: students.map(\.record))
                #expect(report.enrolled.count == 2 && report.graduates.ids == [world.graduate.requireIDString] && report.notGraduated.ids == [world.otherGraduate.requireIDString])
                // A coach of neither graduate reads no cohort.
                let stranger = Browser(app)
                try await stranger.signIn(world.unassignedCoach)
                #expect(try await stranger.get(SiteURL.outcomes(.reports).path).text.contains("There are no cohorts to report on yet."))
                #expect(try await stranger.get(SiteURL.outcomes(.graduate(id: world.graduate.requireIDString)).path).status == .notFound)
            }
        }
    }
}

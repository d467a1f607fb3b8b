import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

extension AppTests {
    @Suite struct JobSearchWebTests {
        static let today = LocalDate(testNow, in: TimeZone(identifier: "Europe/London")!)

        @discardableResult
        static func newApplication(_ browser: Browser, company: String = "Acme", extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
            var fields = ["company": company, "role_title": "Junior Developer", "url": "https://acme.example/jobs/1", "source": "job_board",
                          "excitement": "4", "stage": "applied", "on": today.iso]
            fields.merge(extra) { $1 }
            return try await browser.post(SiteURL.jobSearch(.list).path, fields)
        }

        static func only(_ app: Application) async throws -> ApplicationModel {
            let all = try await ApplicationModel.query(on: app.db).all()
            #expect(all.count == 1)
            return try #require(all.first)
        }

        @Test func a_salary_is_in_the_bootcamps_currency_unless_the_application_says_another() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let form = try await browser.get(SiteURL.jobSearch(.new).path).text
                #expect(form.contains(#"<option value="" selected>GBP (£), the bootcamp&#39;s</option>"#) && form.contains(#"<option value="EUR">EUR (€)</option>"#))
                let bad = try await Self.newApplication(browser, extra: ["salary_min": "40000", "salary_max": "45000", "currency": "XYZ"])
                #expect(bad.status == .unprocessableEntity && bad.text.contains("Choose the salary&#39;s currency from the list."))
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                let made = try await Self.newApplication(browser, extra: ["salary_min": "40000", "salary_max": "45000", "currency": "EUR"])
                let page = try await browser.get(try #require(made.location)).text
                #expect(page.contains("€40,000–€45,000 a year"))
                let application = try await Self.only(app)
                let edit = try await browser.get(SiteURL.jobSearch(.edit(id: application.requireIDString)).path).text
                #expect(edit.contains(#"<option value="EUR" selected>EUR (€)</option>"#), "kept on the edit form")
                // Through the API: said, and set back to the bootcamp's with an empty string.
                let token = try await APITests.token(for: world.graduate, app: app)
                let got = try await APITests.send(app, .GET, "/api/v1/applications/\(application.requireIDString)", token: token)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(got.body.string.utf8)) as? [String: Any])
                #expect((json["application"] as? [String: Any])?["currency"] as? String == "EUR")
                let reset = try await APITests.send(app, .PATCH, "/api/v1/applications/\(application.requireIDString)", token: token, json: #"{"currency":""}"#)
                #expect(reset.status == .ok && !reset.body.string.contains(#""currency""#))
                #expect(try await browser.get(try #require(made.location)).text.contains("£40,000–£45,000 a year"))
            }
        }

        @Test func a_graduate_adds_an_application_and_sees_it_on_board_and_list() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let res = try await Self.newApplication(browser)
                #expect(res.status == .seeOther)
                let application = try await Self.only(app)
                #expect(res.location == SiteURL.jobSearch(.application(id: application.id!.uuidString)).path)
                let moves = try await StageMoveModel.query(on: app.db).all()
                #expect(moves.map(\.stage) == [.applied])
                #expect(moves.map(\.onDate) == [Self.today.iso])
                let board = try await browser.get(SiteURL.jobSearch(.board).path).text
                #expect(board.contains("Acme"))
                #expect(!board.contains("Next:"), "no next action, no empty 'Next:' line")
                #expect(try await browser.get(res.location!).text.contains("<dt>Next action</dt><dd>—</dd>"))
                #expect(try await browser.get(SiteURL.jobSearch(.list).path).text.contains("Acme"))
                #expect(try await browser.get(SiteURL.jobSearch(.list).path + "?stage=offer").text.contains("No application matches"))
                #expect(try await browser.get(SiteURL.jobSearch(.list).path + "?q=acme").text.contains("Junior Developer"))
            }
        }

        /// A card shows its next action with its due day, and a move form offering exactly the
        /// stages the table allows from its own (accepting asks for the placement, on its page).
        @Test func a_board_card_shows_its_next_action_and_only_the_moves_its_stage_allows() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                try await Self.newApplication(browser, extra: ["next_action": "Email Sam", "next_action_due": Self.today.adding(days: 3).iso])
                let board = try await browser.get(SiteURL.jobSearch(.board).path).text
                #expect(board.contains("Next: Email Sam by \(Formats.day(iso: Self.today.adding(days: 3).iso))"))
                let form = try #require(board.range(of: #"<select name="stage" aria-label="Move Acme to">"#))
                let select = String(board[form.upperBound...]).components(separatedBy: "</select>")[0]
                let offered = select.components(separatedBy: #"<option value=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(offered == [""] + StageMoves.targets(from: .applied).filter { $0 != .accepted }.map(\.rawValue), "nothing chosen for the graduate")
                #expect(!offered.isEmpty)

                // In the list, an application not sent yet shows a dash where the day it was sent goes.
                try await Self.newApplication(browser, company: "Zeta", extra: ["stage": "wishlist", "url": "https://zeta.example/jobs/1"])
                let list = try await browser.get(SiteURL.jobSearch(.list).path + "?q=zeta").text
                #expect(list.contains("<td>—</td>"))
                #expect(!(try await browser.get(SiteURL.jobSearch(.list).path + "?q=acme").text.contains("<td>—</td>")))
            }
        }

        /// Next actions due today or before are marked on their cards; a closed stage is folded to
        /// its count; a move from a card comes back to the board, at the card, its column open.
        @Test func the_board_marks_what_is_due_folds_what_is_closed_and_keeps_its_place() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let today = search.today(for: world.graduate)
                let dueToday = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer", nextAction: "Call Sam", nextActionDue: today),
                                                       stage: .applied, on: today)
                _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Globex", roleTitle: "Developer", nextAction: "Send the test", nextActionDue: today.adding(days: -2)),
                                            stage: .techTest, on: today.adding(days: -5))
                _ = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Initech", roleTitle: "Developer", nextAction: "Thank them", nextActionDue: today.adding(days: 2)),
                                            stage: .interview, on: today)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let board = try await browser.get(SiteURL.jobSearch(.board).path).text
                #expect(board.contains(#"<li class="board-card due-today" id="card-\#(dueToday.requireIDString)">"#))
                #expect(board.contains("Next: Call Sam — due today"))
                #expect(board.contains("Next: Send the test — overdue, due \(Formats.day(iso: today.adding(days: -2).iso))"))
                #expect(board.contains("Next: Thank them by \(Formats.day(iso: today.adding(days: 2).iso))"))
                #expect(board.components(separatedBy: "board-card overdue").count == 2, "only the overdue card")
                for closed in [Stage.accepted, .rejected, .withdrawn] {
                    #expect(board.contains(#"column-\#(closed.rawValue) column-closed""#))
                }
                #expect(!board.contains("<details open>"), "folded")

                // From the board's card: back to the board at the card.
                let moved = try await browser.post(SiteURL.jobSearch(.move(id: dueToday.requireIDString)).path, ["stage": "screening", "from": "board"])
                #expect(moved.status == .seeOther)
                #expect(moved.location == SiteURL.jobSearch(.board).path + "#card-" + dueToday.requireIDString)
                // A closing move is asked once more, then lands in its folded column, opened.
                let asked = try await browser.post(SiteURL.jobSearch(.move(id: dueToday.requireIDString)).path, ["stage": "withdrawn", "from": "board"])
                #expect(asked.text.contains(#"<input type="hidden" name="from" value="board">"#))
                let closed = try await browser.post(SiteURL.jobSearch(.move(id: dueToday.requireIDString)).path, ["stage": "withdrawn", "from": "board", "confirmed": "yes"])
                #expect(closed.location == SiteURL.jobSearch(.board).path + "?open=withdrawn#card-" + dueToday.requireIDString)
                let after = try await browser.get(try #require(closed.location)).text
                let withdrawn = try #require(after.range(of: "column-withdrawn column-closed"))
                #expect(after[withdrawn.upperBound...].prefix(200).contains("<details open>"))
                #expect(!after.contains("Next: Call Sam — due today"), "a closed application has nothing due")
                // From the application's page, the page stays.
                let fromPage = try await browser.post(SiteURL.jobSearch(.move(id: try #require(try await ApplicationModel.query(on: app.db).filter(\.$company == "Initech").first()).requireIDString)).path,
                                                      ["stage": "offer"])
                #expect(fromPage.location?.hasPrefix("/applications/") == true)
                #expect(fromPage.location?.contains("board") == false)
            }
        }

        @Test func bad_input_is_shown_and_nothing_is_written() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let res = try await Self.newApplication(browser, extra: ["url": "javascript:alert(1)", "excitement": "9", "on": Self.today.adding(days: 1).iso])
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Enter a web address starting with http:// or https://."))
                #expect(res.text.contains("from 1 to 5"))
                #expect(res.text.contains(#"value="Acme""#))
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                #expect(try await StageMoveModel.query(on: app.db).count() == 0)
            }
        }

        @Test func moves_follow_the_table_and_are_dated() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                try await Self.newApplication(browser, extra: ["on": Self.today.adding(days: -10).iso])
                let application = try await Self.only(app)
                let move = SiteURL.jobSearch(.move(id: application.id!.uuidString)).path

                let back = try await browser.post(move, ["stage": "wishlist"])
                #expect(back.status == .conflict, "refused by where the application stands")
                #expect(back.text.contains("cannot move from applied to wishlist"))
                let future = try await browser.post(move, ["stage": "interview", "on": Self.today.adding(days: 2).iso])
                #expect(future.status == .unprocessableEntity)
                #expect(future.text.contains("cannot be in the future"))
                let past = try await browser.post(move, ["stage": "interview", "on": Self.today.adding(days: -3).iso])
                #expect(past.status == .seeOther)
                let stored = try await ApplicationModel.find(application.id, on: app.db)
                #expect(stored?.stage == .interview)
                let moves = try await StageMoveModel.query(on: app.db).sort(\.$onDate).all()
                #expect(moves.map(\.stage) == [.applied, .interview])
                #expect(moves.last?.onDate == Self.today.adding(days: -3).iso)
                let detail = try await browser.get(SiteURL.jobSearch(.application(id: application.id!.uuidString)).path)
                #expect(detail.text.contains("Moved to interview"))

                // The board's form sends no date: the move is dated today.
                let board = try await browser.get(SiteURL.jobSearch(.board).path)
                #expect(board.text.contains(#"action="\#(move)""#))
                #expect(try await browser.post(move, ["stage": "offer"]).status == .seeOther)
                let last = try await StageMoveModel.query(on: app.db).sort(\.$position, .descending).first()
                #expect(last?.stage == .offer && last?.onDate == Self.today.iso)
            }
        }

        /// At an offer nothing is chosen for the graduate: the form starts at "Move to…", the
        /// closing moves are said as a person says them, accepting is the main action, and a move
        /// that closes the application is asked once more before it is made.
        @Test func an_offer_is_closed_only_on_purpose() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                try await Self.newApplication(browser, extra: ["stage": "offer"])
                let application = try await Self.only(app)
                let id = application.requireIDString
                let page = try await browser.get(SiteURL.jobSearch(.application(id: id)).path).text
                let select = try #require(page.components(separatedBy: #"name="stage""#).dropFirst().first?.components(separatedBy: "</select>").first)
                #expect(select.contains(#"<option value="">Move to…</option>"#))
                #expect(!select.contains("selected"), "no move is chosen for them")
                #expect(select.contains(#"<option value="rejected" data-confirm="“They withdrew the offer”: this closes the application. Go on?">They withdrew the offer</option>"#))
                #expect(select.contains(">I declined the offer</option>"))
                let accept = try #require(page.range(of: "Accept this offer")), move = try #require(page.range(of: #"name="stage""#))
                #expect(accept.lowerBound < move.lowerBound, "accepting comes first")
                #expect(page.contains(#"class="button primary" href="\#(SiteURL.jobSearch(.accept(id: id)).path)""#))

                let path = SiteURL.jobSearch(.move(id: id)).path
                let asked = try await browser.post(path, ["stage": "withdrawn"])
                #expect(asked.status == .ok)
                #expect(asked.text.contains("Close this application?") && asked.text.contains("“I declined the offer”"))
                #expect(asked.text.contains(#"<input type="hidden" name="confirmed" value="yes">"#))
                #expect(try await ApplicationModel.find(application.id, on: app.db)?.stage == .offer, "asking changes nothing")

                let closed = try await browser.post(path, ["stage": "withdrawn", "confirmed": "yes"])
                #expect(closed.status == .seeOther)
                #expect(try await ApplicationModel.find(application.id, on: app.db)?.stage == .withdrawn)
                let after = try await browser.get(SiteURL.jobSearch(.application(id: id)).path).text
                #expect(after.contains("Acme: I declined the offer. The application is closed."))

                // A closed application is not asked about again: the move is refused as before.
                let again = try await browser.post(path, ["stage": "rejected"])
                #expect(again.status == .conflict)
            }
        }

        @Test func accepting_an_offer_records_the_placement_which_outlives_the_application() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                try await Self.newApplication(browser, extra: ["stage": "offer"])
                let application = try await Self.only(app)
                let id = application.id!.uuidString
                let plain = try await browser.post(SiteURL.jobSearch(.move(id: id)).path, ["stage": "accepted"])
                #expect(plain.status == .unprocessableEntity, "accepting needs the placement form")
                let incomplete = try await browser.post(SiteURL.jobSearch(.accept(id: id)).path, ["start_date": "2027-01-04", "job_title": "Junior Developer", "employment_type": "full_time", "salary": "30000"])
                #expect(incomplete.status == .unprocessableEntity)
                #expect(try await PlacementModel.query(on: app.db).count() == 0)
                let accepted = try await browser.post(SiteURL.jobSearch(.accept(id: id)).path, ["start_date": "2027-01-04", "job_title": "Junior Developer", "employment_type": "full_time", "in_field": "yes", "salary": "30,000"])
                #expect(accepted.status == .seeOther)
                let placement = try #require(try await PlacementModel.query(on: app.db).first())
                #expect(placement.salary == 30000)
                #expect(placement.inField)
                #expect(placement.company == "Acme")
                #expect(try await ApplicationModel.find(application.id, on: app.db)?.stage == .accepted)

                // Their coach corrects the salary before the application goes.
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let badCorrection = try await coach.post(SiteURL.jobSearch(.correctPlacement(id: id)).path, ["start_date": "2027-01-04", "job_title": "Junior Developer", "employment_type": "full_time", "in_field": "yes", "salary": "lots"])
                #expect(badCorrection.status == .unprocessableEntity)
                let corrected = try await coach.post(SiteURL.jobSearch(.correctPlacement(id: id)).path, ["start_date": "2027-01-11", "job_title": "Junior Developer", "employment_type": "full_time", "in_field": "yes", "salary": "31500"])
                #expect(corrected.status == .seeOther)
                let fixed = try #require(try await PlacementModel.query(on: app.db).first())
                #expect(fixed.salary == 31500)
                #expect(fixed.startDate == "2027-01-11")
                #expect(fixed.$correctedBy.id == world.coach.id)

                let deleted = try await browser.post(SiteURL.jobSearch(.delete(id: id)).path)
                #expect(deleted.status == .seeOther)
                #expect(try await ApplicationModel.query(on: app.db).count() == 0)
                #expect(try await StageMoveModel.query(on: app.db).count() == 0)
                let kept = try await PlacementModel.query(on: app.db).all()
                #expect(kept.count == 1)
                #expect(kept.first?.$application.id == nil)
            }
        }

        @Test func editing_keeps_the_history() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                try await Self.newApplication(browser)
                let application = try await Self.only(app)
                let res = try await browser.post(SiteURL.jobSearch(.edit(id: application.id!.uuidString)).path, [
                    "company": "Acme Ltd", "role_title": "Graduate Developer", "url": "", "source": "referral", "excitement": "5",
                    "salary_min": "28,000", "salary_max": "32000", "next_action": "Chase the recruiter", "next_action_due": Self.today.adding(days: 2).iso,
                ])
                #expect(res.status == .seeOther)
                let stored = try #require(try await ApplicationModel.find(application.id, on: app.db))
                #expect(stored.company == "Acme Ltd")
                #expect(stored.url == nil)
                #expect(stored.source == .referral)
                #expect(stored.salaryMin == 28000)
                #expect(stored.stage == .applied)
                #expect(try await StageMoveModel.query(on: app.db).count() == 1)
            }
        }

        @Test func the_two_seven_day_figures_change_on_the_home_page() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                func figures() async throws -> (Int, Int) {
                    let page = try await browser.get(SiteURL.homes(.graduate).path).text
                    func value(before label: String) -> Int {
                        guard let range = page.range(of: "</span> <span class=\"figure-label\">\(label)</span>") else { return -1 }
                        let prefix = page[..<range.lowerBound]
                        return Int(prefix.split(separator: ">").last ?? "") ?? -1
                    }
                    return (value(before: "applications submitted"), value(before: "interviews"))
                }
                #expect(try await figures() == (0, 0))
                try await Self.newApplication(browser)
                try await Self.newApplication(browser, company: "Old News", extra: ["on": Self.today.adding(days: -7).iso])
                #expect(try await figures() == (1, 0), "the application sent exactly 7 days ago is outside the window")
                let application = try #require(try await ApplicationModel.query(on: app.db).filter(\.$company == "Acme").first())
                let id = application.id!.uuidString
                #expect(try await browser.post(SiteURL.jobSearch(.move(id: id)).path, ["stage": "interview"]).status == .seeOther)
                let added = try await browser.post(SiteURL.jobSearch(.addInterview(id: id)).path, [
                    "kind": "technical", "date": Self.today.iso, "time": "09:00", "duration_minutes": "60", "outcome": "awaiting",
                    "with_whom": "Two engineers", "feedback": "Practise SQL joins", "feedback_is_technical": "yes",
                ])
                #expect(added.status == .seeOther)
                #expect(try await figures() == (1, 1))
                let interview = try #require(try await InterviewModel.query(on: app.db).first())
                #expect(interview.feedbackIsTechnical)
            }
        }

        @Test func a_coach_sees_an_assigned_graduates_search_read_only() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                try await Self.newApplication(graduate)
                let application = try await Self.only(app)
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let board = try await coach.get(SiteURL.jobSearch(.personBoard(id: world.graduate.requireIDString)).path)
                #expect(board.status == .ok)
                #expect(board.text.contains("Acme"))
                #expect(!board.text.contains("move-form"))
                let detail = try await coach.get(SiteURL.jobSearch(.application(id: application.id!.uuidString)).path)
                #expect(detail.status == .ok)
                #expect(!detail.text.contains(SiteURL.jobSearch(.move(id: application.id!.uuidString)).path))
                let person = try await coach.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path)
                #expect(person.text.contains("applications submitted"))
                let move = try await coach.post(SiteURL.jobSearch(.move(id: application.id!.uuidString)).path, ["stage": "screening"])
                #expect(move.status == .notFound)
                #expect(try await ApplicationModel.find(application.id, on: app.db)?.stage == .applied)
            }
        }
    }
}

import Fluent
import Foundation
import NIOCore
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// GitHub's webhook: only a delivery signed with the secret is read; a push counts each new
/// commit of the graduate who linked the pushing login once, whatever is delivered again; the
/// graduate's home shows the week's count against the target. The clock is Monday 23 November
/// 2026, 12:00 UTC.
extension AppTests {
    @Suite struct EvidenceWebTests {
        static let secret = "a webhook secret of some length"
        static func sha(_ n: Int) -> String { String(format: "%040x", n) }

        static func push(_ shas: [String], login: String = "grace-codes", at: String = "2026-11-23T09:30:00Z") -> [UInt8] {
            let commits = shas.map { #"{"id":"\#($0)","distinct":true,"timestamp":"\#(at)"}"# }.joined(separator: ",")
            return Array(#"{"ref":"refs/heads/main","sender":{"login":"\#(login)"},"commits":[\#(commits)]}"#.utf8)
        }

        static func deliver(_ app: Application, _ body: [UInt8], event: String = "push", delivery: String = UUID().uuidString,
                            signature: String?? = nil) async throws -> TestingHTTPResponse {
            try await app.testing().sendRequest(.POST, SiteURL.evidence(.githubWebhook).path, headers: {
                var headers = HTTPHeaders([("X-GitHub-Event", event), ("X-GitHub-Delivery", delivery), ("Content-Type", "application/json")])
                if let signed = signature ?? GitHubWebhook.signature(of: body, secret: secret) { headers.add(name: "X-Hub-Signature-256", value: signed) }
                return headers
            }(), body: ByteBuffer(bytes: body))
        }

        @Test func only_a_signed_push_counts_and_each_commit_counts_once() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "Grace-Codes"
                try await world.graduate.save(on: app.db)
                let body = Self.push([Self.sha(1), Self.sha(2)])
                #expect(try await Self.deliver(app, body, signature: .some(nil)).status == .unauthorized, "unsigned")
                #expect(try await Self.deliver(app, body, signature: GitHubWebhook.signature(of: body, secret: "another secret of some length")).status == .unauthorized)
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 0, "nothing written")
                #expect(try await GitHubDeliveryModel.query(on: app.db).count() == 0)
                #expect(try await Self.deliver(app, Array("{}".utf8), event: "ping").status == .ok)

                let delivery = UUID().uuidString
                let first = try await Self.deliver(app, body, delivery: delivery)
                #expect(first.status == .ok && first.body.string.contains(#""commits":2"#))
                // GitHub delivers the same again, and the same commit comes in another push.
                let again = try await Self.deliver(app, body, delivery: delivery)
                #expect(again.status == .ok && again.body.string.contains(#""redelivered":true"#))
                #expect(try await Self.deliver(app, Self.push([Self.sha(2), Self.sha(3)])).body.string.contains(#""commits":1"#))
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 3)
                // A login nobody linked is left; an unreadable push is refused.
                #expect(try await Self.deliver(app, Self.push([Self.sha(4)], login: "someone-else")).body.string.contains(#""commits":0"#))
                #expect(try await Self.deliver(app, Array(#"{"sender":{"login":"grace-codes"},"commits":[{"id":"nope","timestamp":"x"}]}"#.utf8)).status == .badRequest)
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 3)

                // Grace's home: three this week, the target met; her day is her zone's.
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let home = try await grace.get(SiteURL.homes(.graduate).path).text
                #expect(home.contains("3 commits this week: the 3 a week you aim at.") && home.contains("Mon 23 Nov 2026: 3 commits") == false)
                #expect(home.contains("23 Nov 2026: 3 commits"))
                // Her coach reads the same on the page about her; a coach who is not hers does not.
                let cora = Browser(app), uma = Browser(app)
                try await cora.signIn(world.coach)
                try await uma.signIn(world.unassignedCoach)
                let about = SiteURL.homes(.person(id: world.graduate.requireIDString)).path
                let coachSees = try await cora.get(about).text
                #expect(coachSees.contains("Commits of Grace Graduate") && coachSees.contains("the 3 a week they aim at"))
                #expect(!(try await uma.get(about).text.contains("Commits of")))
                // The API says the same; a coach names her; a coach naming nobody is told to.
                let token = try await APITests.token(for: world.graduate, app: app)
                let mine = try await APITests.send(app, .GET, "/api/v1/contributions", token: token)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(mine.body.string.utf8)) as? [String: Any])
                #expect(json["this_week"] as? Int == 3 && json["total"] as? Int == 3 && json["github_login"] as? String == "Grace-Codes")
                #expect((json["days"] as? [[String: Any]])?.map { $0["count"] as? Int } == [3])
                let coachToken = try await APITests.token(for: world.coach, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/contributions?graduate_id=\(world.graduate.requireIDString)", token: coachToken).status == .ok)
                #expect(try await APITests.send(app, .GET, "/api/v1/contributions", token: coachToken).status == .forbidden)
                // Otto, with no login linked, is told where to link one.
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.get(SiteURL.homes(.graduate).path).text.contains("Link your GitHub login on"))
            }
        }

        @Test func many_deliveries_at_once_count_each_commit_once() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                let body = Self.push((1...5).map(Self.sha))
                let delivery = UUID().uuidString
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for n in 0..<8 { group.addTask { try await Self.deliver(app, body, delivery: n < 4 ? delivery : UUID().uuidString).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 5)
                #expect(try await GitHubDeliveryModel.query(on: app.db).count() == 5, "one delivery sent four times, four others")
            }
        }

        @Test func a_body_over_the_limit_is_refused_unread() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let body = [UInt8](repeating: 0x20, count: GitHubWebhook.maxBodyBytes + 1)
                let status = try await Self.deliver(app, body).status
                #expect(status == .payloadTooLarge)
            }
        }

        static func push(_ shas: [String], to repository: String, login: String = "grace-codes", at: String = "2026-11-23T09:30:00Z") -> [UInt8] {
            let commits = shas.map { #"{"id":"\#($0)","distinct":true,"timestamp":"\#(at)"}"# }.joined(separator: ",")
            return Array(#"{"ref":"refs/heads/main","repository":{"full_name":"\#(repository)"},"sender":{"login":"\#(login)"},"commits":[\#(commits)]}"#.utf8)
        }

        /// Grace, 24 days into her search with a login linked and no commit, no project and no
        /// standup: three signs stand, on her home, her coach's home, the dashboard and the page
        /// about her. A signed push clears "not writing much code", a side project "tutorials
        /// only"; each keeps when it was raised and cleared.
        @Test func signals_stand_on_the_evidence_and_clear_when_it_changes() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                let grace = Browser(app), cora = Browser(app)
                try await grace.signIn(world.graduate)
                try await cora.signIn(world.coach)
                let home = SiteURL.homes(.graduate).path
                var page = try await grace.get(home).text
                #expect(page.contains("Signs to act on") && page.contains("Not writing much code") && page.contains("0 commits in the last 7 days, fewer than the 3 a week to aim at."))
                #expect(page.contains("Tutorials only") && page.contains("No side project recorded, 3 weeks into the job search."))
                #expect(page.contains("Motivation flagging") && page.contains("No standup on the last 3 working days (since 18 Nov 2026)."))
                #expect(!page.contains("No mock interview in a month"), "a month has not passed")
                #expect(try await SignalRecordModel.query(on: app.db).filter(\.$clearedAt == nil).count() == 3)
                let coachHome = try await cora.get(SiteURL.homes(.coach).path).text
                #expect(coachHome.contains("Who needs you") && coachHome.contains("Grace Graduate") && coachHome.contains("0 commits in the last 7 days"))
                let dashboard = try await cora.get(SiteURL.coaching(.dashboard).path + "?show=signals").text
                #expect(dashboard.contains("Grace Graduate") && dashboard.contains("Not writing much code; Tutorials only; Motivation flagging"))

                // Three commits to her side project's repository, then the project itself.
                #expect(try await Self.deliver(app, Self.push((11...13).map(Self.sha), to: "Grace-Codes/Shelf")).status == .ok)
                page = try await grace.get(home).text
                #expect(!page.contains("Not writing much code") && page.contains("Tutorials only"))
                let refused = try await grace.post(SiteURL.evidence(.projects).path, ["name": " ", "repository": "ftp://shelf", "started_on": "2026-11-01"])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Give the project&#39;s name.") && refused.body.string.contains("starting with http://"))
                #expect(try await ProjectModel.query(on: app.db).count() == 0, "nothing saved")
                let added = try await grace.post(SiteURL.evidence(.projects).path, ["name": "Shelf", "repository": "https://github.com/grace-codes/shelf",
                                                                                  "stacks": "Ruby, Rails", "is_side": "yes", "started_on": "2026-11-01"])
                #expect(added.status == .seeOther)
                #expect(try await grace.get(SiteURL.evidence(.projects).path).text.contains("last worked on 23 Nov 2026 (its last commit)"))
                page = try await grace.get(home).text
                #expect(!page.contains("Tutorials only") && page.contains("Motivation flagging"))

                let records = try await SignalRecordModel.query(on: app.db).sort(\.$signal).all()
                #expect(records.map(\.signal) == ["little_code", "motivation", "tutorials_only"])
                #expect(records.map { $0.clearedAt != nil } == [true, false, true])
                let about = try await cora.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path).text
                #expect(about.contains("Raised and cleared before") && about.contains("Not writing much code: raised 23 Nov 2026, cleared 23 Nov 2026"))
                #expect(about.contains("Motivation flagging: raised 23 Nov 2026, standing"))
                let after = try await cora.get(SiteURL.coaching(.dashboard).path + "?show=signals").text
                #expect(after.contains("Grace Graduate") && after.contains("Motivation flagging") && !after.contains("Tutorials only"), "the kept line was marked stale")

                // Paused, nothing is asked of her, and what stood is cleared.
                try await ProgrammePauseModel(userID: world.graduate.requireID(), pausedByID: world.admin.requireID(), reason: "Unwell", since: LocalDate(iso: "2026-11-23")!).create(on: app.db)
                #expect(!(try await grace.get(home).text.contains("Signs to act on")))
                #expect(try await SignalRecordModel.query(on: app.db).filter(\.$clearedAt == nil).count() == 0)
            }
        }

        /// Eight pages working Grace's signals out at once raise each one once.
        @Test func signals_worked_out_at_once_are_raised_once() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let graduate = world.graduate
                let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<8 {
                        group.addTask { try await SignalUseCases(db: app.db, now: testNow).standing(of: [graduate], thresholds: SignalThresholds())[graduate.requireID()]?.count ?? 0 }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(counts == Array(repeating: 2, count: 8), "tutorials only and motivation, for every page")
                #expect(try await SignalRecordModel.query(on: app.db).count() == 2)
            }
        }

        /// A project is its graduate's: another graduate cannot open or change it, and the API says
        /// the same as the page.
        @Test func a_project_is_kept_by_its_graduate_on_the_page_and_the_api() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let created = try await APITests.send(app, .POST, "/api/v1/projects", token: token,
                                                      json: #"{"name":"Shelf","repository_url":"https://github.com/grace/shelf","stacks":["Ruby","ruby"],"is_side":true,"started_on":"2026-10-01"}"#)
                #expect(created.status == .created)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(created.body.string.utf8)) as? [String: Any])
                #expect(json["stacks"] as? [String] == ["Ruby"] && json["last_worked_on"] as? String == "2026-10-01")
                let id = try #require(json["id"] as? String)
                let bad = try await APITests.send(app, .PATCH, "/api/v1/projects/\(id)", token: token, json: #"{"last_worked_on":"2026-09-01"}"#)
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("last_worked_on"))
                let otto = try await APITests.token(for: world.otherGraduate, app: app)
                #expect(try await APITests.send(app, .PATCH, "/api/v1/projects/\(id)", token: otto, json: #"{"name":"Mine"}"#).status == .notFound)
                let ottoPage = Browser(app)
                try await ottoPage.signIn(world.otherGraduate)
                #expect(try await ottoPage.get(SiteURL.evidence(.project(id: id)).path).status == .notFound)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let edit = try await grace.post(SiteURL.evidence(.project(id: id)).path, ["name": "Shelf 2", "started_on": "2026-10-01", "last_worked_on": "2026-11-20"])
                #expect(edit.status == .seeOther)
                let listed = try #require(try JSONSerialization.jsonObject(with: Data(try await APITests.send(app, .GET, "/api/v1/projects", token: token).body.string.utf8)) as? [[String: Any]])
                #expect(listed.count == 1 && listed[0]["name"] as? String == "Shelf 2" && listed[0]["last_worked_on"] as? String == "2026-11-20")
                #expect(listed[0]["is_side"] as? Bool == false, "the box left unticked")
                #expect(try await grace.post(SiteURL.evidence(.deleteProject(id: id)).path).status == .seeOther)
                #expect(try await ProjectModel.query(on: app.db).count() == 0)
            }
        }

        /// Technical feedback from an interview 22 days ago with nothing done is open: the sign
        /// stands until Grace records what she did; her coach reads both on the page about her.
        @Test func feedback_not_acted_on_for_three_weeks_stands_until_something_is_recorded() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let today = LocalDate(testNow, in: .gmt)
                let application = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Junior Developer"), stage: .applied,
                                                           on: today.adding(days: -30))
                let interview = try await search.addInterview(to: application, InterviewDraft(
                    kind: .technical, at: testNow.addingTimeInterval(-22 * 86_400), durationMinutes: 60, withWhom: "Kim", outcome: .notPassed,
                    feedback: "Write the tests before the code", feedbackIsTechnical: true))
                let grace = Browser(app), cora = Browser(app)
                try await grace.signIn(world.graduate)
                try await cora.signIn(world.coach)
                var home = try await grace.get(SiteURL.homes(.graduate).path).text
                #expect(home.contains("Feedback not acted on") && home.contains("&quot;Write the tests before the code&quot;, given on 1 Nov 2026, has had nothing done about it for 3 weeks."))
                var page = try await grace.get(SiteURL.evidence(.feedback).path).text
                #expect(page.contains("Interview at Acme") && page.contains("Open for 3 weeks"))

                let key = "interview:" + interview.requireIDString
                let refused = try await grace.post(SiteURL.evidence(.feedback).path, ["feedback_key": key, "kind": "commit", "link": "javascript:alert(1)", "note": "", "day": "2026-11-20"])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Enter a web address starting with http") && refused.body.string.contains("Say in a line what you did"))
                let early = try await grace.post(SiteURL.evidence(.feedback).path, ["feedback_key": key, "kind": "kata", "note": "Katas", "day": "2026-10-31"])
                #expect(early.status == .unprocessableEntity && early.body.string.contains("Choose a day from 1 Nov 2026 on."), "nothing is done about feedback before it is given")
                let notHers = try await grace.post(SiteURL.evidence(.feedback).path, ["feedback_key": "interview:" + UUID().uuidString, "kind": "kata", "note": "Katas", "day": "2026-11-20"])
                #expect(notHers.status == .unprocessableEntity && notHers.body.string.contains("Choose a piece of feedback you were given."))
                #expect(try await FeedbackActionModel.query(on: app.db).count() == 0, "nothing saved")

                let recorded = try await grace.post(SiteURL.evidence(.feedback).path, ["feedback_key": key, "kind": "commit", "link": "https://github.com/grace/shelf/commit/abc1234",
                                                                                       "note": "Shelf's loans now test first", "day": "2026-11-20"])
                #expect(recorded.status == .seeOther)
                home = try await grace.get(SiteURL.homes(.graduate).path).text
                #expect(!home.contains("Feedback not acted on"))
                page = try await grace.get(SiteURL.evidence(.feedback).path).text
                #expect(page.contains("Acted on") && page.contains("20 Nov 2026 · A commit or a repository: Shelf&#39;s loans now test first"))
                let about = try await cora.get(SiteURL.homes(.person(id: world.graduate.requireIDString)).path).text
                #expect(about.contains("Feedback acted on") && about.contains("1 piece of technical feedback; 1 acted on.") && about.contains("Shelf&#39;s loans now test first"))
                #expect(!about.contains(">Remove<"), "only Grace removes what she recorded")
                // Otto cannot remove Grace's.
                let action = try #require(try await FeedbackActionModel.query(on: app.db).first())
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.post(SiteURL.evidence(.deleteFeedbackAction(id: action.requireIDString)).path).status == .notFound)
                #expect(try await FeedbackActionModel.query(on: app.db).count() == 1)
            }
        }
    }
}

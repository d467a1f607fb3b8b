import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Submissions and their reviews: a round of review from submitting to approval, what each
/// person may do, bad input, and two reviews at once. The clock is Monday 23 November 2026 in
/// London, week 4 of a course that ended on Friday 30 October.
extension AppTests {
    @Suite struct ReviewWebTests {
        static let analysis = ["kind": "job_search_analysis", "title": "Week 4", "body": "Most replies come from referrals."]

        /// The state of the week-4 analysis on the graduate's road map.
        static func analysisState(_ app: Application, _ world: World) async throws -> OccurrenceState? {
            let standing = try #require(try await ProgrammeUseCases(db: app.db, now: testNow).standing(of: world.graduate))
            return standing.roadMap.thisWeek.first { $0.activity.id == "analyse-job-search" }?.state
        }

        @Test func a_round_of_review_sends_it_back_and_the_approved_resubmission_completes_the_activity() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let form = try await graduate.get(SiteURL.coaching(.submissions).path + "?kind=job_search_analysis")
                #expect(form.text.contains("Your job search analysis") && form.text.contains(#"<input type="hidden" name="kind" value="job_search_analysis">"#))
                #expect(try await graduate.post(SiteURL.coaching(.submissions).path, Self.analysis).status == .seeOther)
                let submission = try #require(try await SubmissionModel.query(on: app.db).first())
                let id = submission.requireIDString
                #expect(submission.state == .waiting && submission.round == 1)
                #expect(try await Self.analysisState(app, world) != .done, "submitting is not enough: a coach approves it")
                #expect(try await graduate.get(SiteURL.coaching(.submissions).path).text.contains("Waiting for review"))

                // The coach finds it in the queue and asks for changes.
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let queue = try await coach.get(SiteURL.coaching(.reviews).path).text
                #expect(queue.contains("Waiting for review (1)") && queue.contains("Grace Graduate"))
                #expect(try await coach.get(SiteURL.coaching(.submission(id: id)).path).text.contains("Send the review"))
                let asked = try await coach.post(SiteURL.coaching(.review(id: id)).path, ["verdict": "changes_requested", "comment": "Add the numbers behind it."])
                #expect(asked.status == .seeOther)
                #expect(try await SubmissionModel.find(submission.id, on: app.db)?.state == .changesRequested)

                // The graduate reads the comment and resubmits; round 1 stays as it was.
                let page = try await graduate.get(SiteURL.coaching(.submission(id: id)).path).text
                #expect(page.contains("Add the numbers behind it.") && page.contains("Resubmit for review"))
                let resent = try await graduate.post(SiteURL.coaching(.resubmit(id: id)).path,
                                                     ["title": "Week 4", "body": "Referrals: 4 replies of 9. Job boards: 1 of 23."])
                #expect(resent.status == .seeOther)
                let rounds = try await SubmissionRoundModel.query(on: app.db).sort(\.$round).all()
                #expect(rounds.map(\.body) == ["Most replies come from referrals.", "Referrals: 4 replies of 9. Job boards: 1 of 23."])
                #expect(try await SubmissionModel.find(submission.id, on: app.db)?.round == 2)
                #expect(try await Self.analysisState(app, world) != .done)

                // Approved: the activity is done, and every round and verdict stays readable.
                #expect(try await coach.post(SiteURL.coaching(.review(id: id)).path, ["verdict": "approved"]).status == .seeOther)
                #expect(try await Self.analysisState(app, world) == .done)
                let history = try await graduate.get(SiteURL.coaching(.submission(id: id)).path).text
                #expect(history.contains("Round 2") && history.contains("Round 1") && history.contains("Approved") && history.contains("Changes asked"))
                #expect(!history.contains("Resubmit for review"), "nothing to resubmit once approved")
                #expect(try await SubmissionReviewModel.query(on: app.db).count() == 2)
                #expect(try await coach.get(SiteURL.coaching(.reviews).path).text.contains("Nothing is waiting for review."))
            }
        }

        @Test func bad_input_and_out_of_turn_steps_are_refused_and_change_nothing() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = Browser(app)
                try await graduate.signIn(world.graduate)
                let empty = try await graduate.post(SiteURL.coaching(.submissions).path, ["kind": "job_search_analysis", "title": "Week 4"])
                #expect(empty.status == .unprocessableEntity)
                #expect(empty.text.contains("Write your reading of the figures here, or give a link to it.") && empty.text.contains("Your job search analysis"),
                        "the analysis comes back on its own page, figures and all")
                let stray = try await graduate.post(SiteURL.coaching(.submissions).path, ["kind": "smart_goals", "title": "Goals", "body": "x", "changes": "More"])
                #expect(stray.status == .unprocessableEntity && stray.text.contains("Only a job search analysis says what will change"))
                let nul = try await graduate.post(SiteURL.coaching(.submissions).path, ["kind": "smart_goals", "title": "Goals\u{0}", "body": "x"])
                #expect(nul.status == .unprocessableEntity)
                #expect(try await SubmissionModel.query(on: app.db).count() == 0)

                #expect(try await graduate.post(SiteURL.coaching(.submissions).path, Self.analysis).status == .seeOther)
                let id = try #require(try await SubmissionModel.query(on: app.db).first()).requireIDString
                // Resubmitting what waits for review is refused, with the reason.
                let early = try await graduate.post(SiteURL.coaching(.resubmit(id: id)).path, ["title": "Week 4", "body": "Another"])
                #expect(early.status == .seeOther)
                #expect(try await graduate.get(SiteURL.coaching(.submission(id: id)).path).text.contains("It is waiting for review already"))

                let coach = Browser(app)
                try await coach.signIn(world.coach)
                let noVerdict = try await coach.post(SiteURL.coaching(.review(id: id)).path, ["comment": "Fine"])
                #expect(noVerdict.status == .unprocessableEntity)
                #expect(noVerdict.text.contains("Choose whether to approve it or ask for changes."))
                let silent = try await coach.post(SiteURL.coaching(.review(id: id)).path, ["verdict": "changes_requested", "comment": "  "])
                #expect(silent.status == .unprocessableEntity)
                #expect(silent.text.contains("Say what to change"))
                let long = try await coach.post(SiteURL.coaching(.review(id: id)).path,
                                                ["verdict": "approved", "comment": String(repeating: "a", count: TextRules.Limit.long + 1)])
                #expect(long.status == .unprocessableEntity)
                #expect(try await SubmissionReviewModel.query(on: app.db).count() == 0)
                #expect(try await SubmissionModel.query(on: app.db).first()?.state == .waiting)
                #expect(try await SubmissionRoundModel.query(on: app.db).count() == 1)
            }
        }

        @Test func a_coach_who_does_not_coach_the_graduate_and_another_graduate_cannot_see_or_review_it() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let submission = try await ReviewUseCases(db: app.db, now: testNow).submit(
                    SubmissionDraft(kind: .applicationMaterial, title: "My CV", body: "", link: "https://cv.example/me.pdf"), for: world.graduate)
                let id = submission.requireIDString
                let other = Browser(app)
                try await other.signIn(world.unassignedCoach)
                #expect(!(try await other.get(SiteURL.coaching(.reviews).path).text.contains("My CV")))
                #expect(try await other.get(SiteURL.coaching(.submission(id: id)).path).status == .notFound)
                #expect(try await other.post(SiteURL.coaching(.review(id: id)).path, ["verdict": "approved"]).status == .notFound)
                let peer = Browser(app)
                try await peer.signIn(world.otherGraduate)
                #expect(try await peer.get(SiteURL.coaching(.submission(id: id)).path).status == .notFound)
                #expect(try await peer.post(SiteURL.coaching(.review(id: id)).path, ["verdict": "approved"]).status == .notFound)
                #expect(try await SubmissionReviewModel.query(on: app.db).count() == 0)
                // The admin's queue holds everyone's.
                let admin = Browser(app)
                try await admin.signIn(world.admin)
                #expect(try await admin.get(SiteURL.coaching(.reviews).path).text.contains("My CV"))
            }
        }

        @Test func two_reviews_at_once_give_one_review_and_refusals_that_name_the_reviewer() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let submission = try await ReviewUseCases(db: app.db, now: testNow).submit(
                    SubmissionDraft(kind: .jobSearchAnalysis, title: "Week 4", body: "Referrals", link: nil), for: world.graduate)
                let id = submission.requireIDString
                let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                    for (n, person) in [world.coach, world.admin, world.coach, world.admin].enumerated() {
                        group.addTask {
                            do {
                                let verdict: ReviewVerdict = n % 2 == 0 ? .approved : .changesRequested
                                try await ReviewUseCases(db: app.db, now: testNow).review(id, ReviewDraft(verdict: verdict, comment: "Round \(n)"), by: person)
                                return "reviewed"
                            } catch let error as Refusal where error.kind == .conflict {
                                return error.message.contains(world.coach.name) || error.message.contains(world.admin.name) ? "refused" : error.message
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.sorted() == ["refused", "refused", "refused", "reviewed"])
                #expect(try await SubmissionReviewModel.query(on: app.db).count() == 1)
                let review = try #require(try await SubmissionReviewModel.query(on: app.db).first())
                #expect(try await SubmissionModel.find(submission.id, on: app.db)?.state == (review.verdict == .approved ? .approved : .changesRequested))
            }
        }

        @Test func two_resubmissions_at_once_give_one_round() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let reviews = ReviewUseCases(db: app.db, now: testNow)
                let submission = try await reviews.submit(SubmissionDraft(kind: .smartGoals, title: "Goals", body: "Three", link: nil), for: world.graduate)
                let id = submission.requireIDString
                try await reviews.review(id, ReviewDraft(verdict: .changesRequested, comment: "Make them measurable"), by: world.coach)
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for n in 0..<4 {
                        group.addTask {
                            do {
                                try await ReviewUseCases(db: app.db, now: testNow).resubmit(id, title: "Goals", body: "Version \(n)", link: "", by: world.graduate)
                                return true
                            } catch let error as Refusal where error.kind == .conflict {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 1)
                #expect(try await SubmissionRoundModel.query(on: app.db).count() == 2)
                #expect(try await SubmissionModel.find(submission.id, on: app.db)?.round == 2)
            }
        }

        /// The week-4 analysis opens with Grace's figures (by source, by stage, her funnel beside
        /// the cohort's median, her signals and feedback); she writes her reading and her changes;
        /// the round keeps the figures as they were, and her coach reads all of it together, on
        /// the web and through the API. A later application changes the form's figures, not the
        /// round's.
        @Test func the_analysis_opens_with_the_figures_and_the_coach_reviews_them_with_the_writing() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let search = JobSearch(db: app.db, now: testNow)
                let today = LocalDate(testNow, in: .gmt)
                func sent(_ who: UserModel, _ company: String, _ source: ApplicationSource, daysAgo: Int, then moves: [(Stage, Int)] = []) async throws {
                    let application = try await search.create(for: who, draft: ApplicationDraft(company: company, roleTitle: "Junior Developer", source: source),
                                                              stage: .applied, on: today.adding(days: -daysAgo))
                    for (stage, ago) in moves { try await search.move(application, to: stage, on: today.adding(days: -ago)) }
                }
                try await sent(world.graduate, "Acme", .jobBoard, daysAgo: 20, then: [(.rejected, 10)])
                try await sent(world.graduate, "Brightly", .jobBoard, daysAgo: 18)
                try await sent(world.graduate, "Cogs", .referral, daysAgo: 15, then: [(.screening, 12), (.interview, 8)])
                try await sent(world.otherGraduate, "Dune", .referral, daysAgo: 9, then: [(.screening, 7)])
                let grace = Browser(app), cora = Browser(app)
                try await grace.signIn(world.graduate)
                try await cora.signIn(world.coach)

                let form = try await grace.get(SiteURL.coaching(.submissions).path + "?kind=job_search_analysis").text
                #expect(form.contains(#"<th scope="row">Job board</th><td class="num">2</td><td class="num">1</td><td class="num">50%</td><td class="num">10</td><td class="num">0</td>"#))
                #expect(form.contains(#"<th scope="row">Referral</th><td class="num">1</td><td class="num">1</td><td class="num">100%</td><td class="num">3</td><td class="num">1</td>"#))
                #expect(form.contains(#"<th scope="row">Interview</th><td class="num">1</td>"#), "Cogs got to an interview")
                #expect(form.contains("Now: 2 still open, 0 accepted, 1 rejected, 0 withdrawn."))
                // Otto alone has sent one: a median would be his own figures, so none is shown.
                #expect(form.contains(#"<th scope="row">Sent</th><td class="num">3</td><td class="num"></td><td class="num">–</td>"#))
                #expect(form.contains(#"<th scope="row">First answer</th><td class="num">2</td><td class="num">67%</td><td class="num">–</td><td class="num">–</td>"#))
                #expect(form.contains("Fewer than 5 others in the cohort have sent an application: no median is shown"))
                #expect(form.contains("Interview at Acme") == false, "no employer gave technical feedback")

                let refused = try await grace.post(SiteURL.coaching(.submissions).path, ["kind": "job_search_analysis", "title": "Week 4", "changes": String(repeating: "x", count: TextRules.Limit.long + 1)])
                #expect(refused.status == .unprocessableEntity && refused.text.contains("Write your reading of the figures here") && refused.text.contains("Job board"))
                #expect(try await SubmissionModel.query(on: app.db).count() == 0)
                // Written beside figures that have changed since (a version no longer theirs): read again first.
                let stale = try await grace.post(SiteURL.coaching(.submissions).path, ["kind": "job_search_analysis", "title": "Week 4", "body": "Referrals answer.",
                                                                                       "figures_version": String(repeating: "0", count: 64)])
                #expect(stale.status == .conflict && stale.text.contains("Your figures changed since the page was opened") && stale.text.contains("Referrals answer."))
                #expect(try await SubmissionModel.query(on: app.db).count() == 0)
                let version = try #require(form.firstMatch(of: /name="figures_version" value="([0-9a-f]{64})"/)?.1)
                let posted = try await grace.post(SiteURL.coaching(.submissions).path, ["kind": "job_search_analysis", "title": "Week 4", "figures_version": String(version),
                                                                                        "body": "Referrals answer; job boards do not.", "changes": "Ask for two referrals a week."])
                #expect(posted.status == .seeOther)
                let submission = try #require(try await SubmissionModel.query(on: app.db).first())
                #expect(submission.changes == "Ask for two referrals a week.")
                let kept = try #require(SubmissionModel.analysis(submission.figures))
                #expect(kept.funnel.first?.count == 3 && kept.sources.map(\.source) == ["Job board", "Referral"])

                // A fourth application later: the form counts it, the round sent does not.
                try await sent(world.graduate, "Ember", .recruiter, daysAgo: 1)
                #expect(try await grace.get(SiteURL.coaching(.submissions).path + "?kind=job_search_analysis").text.contains(#"<th scope="row">Recruiter</th>"#))
                let page = try await cora.get(SiteURL.coaching(.submission(id: submission.requireIDString)).path).text
                #expect(page.contains("What the figures tell them") && page.contains("Referrals answer; job boards do not.")
                        && page.contains("What they will change") && page.contains("Ask for two referrals a week."))
                #expect(page.contains("Figures of round 1") && page.contains(#"<th scope="row">Sent</th><td class="num">3</td>"#) && !page.contains(#"<th scope="row">Recruiter</th>"#))
                #expect(page.contains("Review round 1"), "the coach reviews it there")
                // Sent back: Grace sees her figures as they are now above the form, and the next round goes with them.
                _ = try await ReviewUseCases(db: app.db, now: testNow).review(submission.requireIDString, ReviewDraft(verdict: .changesRequested, comment: "Say what you will stop."), by: world.coach)
                let again = try await grace.get(SiteURL.coaching(.submission(id: submission.requireIDString)).path).text
                #expect(again.contains("Your figures now") && again.contains(#"<th scope="row">Recruiter</th>"#) && again.contains(#"name="figures_version""#))
                let nextVersion = try #require(again.firstMatch(of: /name="figures_version" value="([0-9a-f]{64})"/)?.1)
                let resent = try await grace.post(SiteURL.coaching(.resubmit(id: submission.requireIDString)).path,
                                                  ["title": "Week 4", "body": "Referrals answer; job boards do not.", "figures_version": String(nextVersion),
                                                   "changes": "Ask for two referrals a week.\nStop applying to old listings."])
                #expect(resent.status == .seeOther)
                let round2 = try await cora.get(SiteURL.coaching(.submission(id: submission.requireIDString)).path).text
                #expect(round2.contains("Figures of round 2") && round2.contains("Added: Stop applying to old listings."), "the changes are compared too")

                let token = try await APITests.token(for: world.coach, app: app)
                let detail = try await APITests.send(app, .GET, "/api/v1/submissions/\(submission.requireIDString)", token: token)
                let fields = detail.text.replacingOccurrences(of: "\" : ", with: "\":")
                #expect(detail.status == .ok && fields.contains(#""changes":"Ask for two referrals a week.""#) && fields.contains(#""cohort_searching":1"#))
                #expect(fields.contains(#""source":"Referral""#) && fields.contains(#""median_days_to_first_answer":3"#))
                // Only an analysis says what will change: a new one of another kind is refused naming
                // the field; a round of another kind, for what it resubmits (409).
                let mine = try await APITests.token(for: world.graduate, app: app)
                let goals = try await APITests.send(app, .POST, "/api/v1/submissions", token: mine, json: #"{"kind":"smart_goals","title":"Goals","body":"x","changes":"More"}"#)
                #expect(goals.status == .unprocessableEntity && goals.text.contains(#""field""#) && goals.text.contains("changes"))
                let cv = try await ReviewUseCases(db: app.db, now: testNow).submit(SubmissionDraft(kind: .applicationMaterial, title: "CV", body: "", link: "https://cv.example/a.pdf"), for: world.graduate)
                _ = try await ReviewUseCases(db: app.db, now: testNow).review(cv.requireIDString, ReviewDraft(verdict: .changesRequested, comment: "Shorter"), by: world.coach)
                let round = try await APITests.send(app, .POST, "/api/v1/submissions/\(cv.requireIDString)/rounds", token: mine,
                                                    json: #"{"title":"CV","link":"https://cv.example/b.pdf","changes":"Shorter"}"#)
                #expect(round.status == .conflict && round.text.contains("Only a job search analysis says what will change"))
                #expect(try await SubmissionModel.find(cv.id, on: app.db)?.round == 1, "nothing resubmitted")
            }
        }

        @Test func the_api_runs_a_review_round_and_tells_apart_its_refusals() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let graduate = try await APITests.token(for: world.graduate, app: app)
                let coach = try await APITests.token(for: world.coach, app: app)
                let created = try await APITests.send(app, .POST, "/api/v1/submissions", token: graduate,
                                                      json: #"{"kind":"job_search_analysis","title":"Week 4","body":"Referrals work"}"#)
                #expect(created.status == .created)
                let fields = created.text.replacingOccurrences(of: "\" : ", with: "\":")
                #expect(fields.contains(#""state":"waiting""#) && fields.contains(#""round":1"#))
                let id = try #require(try await SubmissionModel.query(on: app.db).first()).requireIDString
                let queue = try await APITests.send(app, .GET, "/api/v1/reviews", token: coach)
                #expect(queue.status == .ok && queue.text.contains(id))
                #expect(try await APITests.send(app, .GET, "/api/v1/reviews", token: graduate).status == .forbidden)
                let silent = try await APITests.send(app, .POST, "/api/v1/submissions/\(id)/reviews", token: coach, json: #"{"verdict":"changes_requested"}"#)
                #expect(silent.status == .unprocessableEntity && silent.text.contains("comment"))
                let early = try await APITests.send(app, .POST, "/api/v1/submissions/\(id)/rounds", token: graduate, json: #"{"title":"Week 4","body":"Again"}"#)
                #expect(early.status == .conflict)
                let asked = try await APITests.send(app, .POST, "/api/v1/submissions/\(id)/reviews", token: coach,
                                                    json: #"{"verdict":"changes_requested","comment":"Numbers, please"}"#)
                #expect(asked.status == .created && asked.text.contains("Cora Coach"))
                let again = try await APITests.send(app, .POST, "/api/v1/submissions/\(id)/reviews", token: coach, json: #"{"verdict":"approved"}"#)
                #expect(again.status == .conflict && again.text.contains("Cora Coach has asked for changes already"))
                #expect(try await APITests.send(app, .POST, "/api/v1/submissions/\(id)/rounds", token: graduate,
                                                json: #"{"title":"Week 4","body":"4 of 9 from referrals"}"#).status == .created)
                #expect(try await APITests.send(app, .POST, "/api/v1/submissions/\(id)/reviews", token: coach, json: #"{"verdict":"approved"}"#).status == .created)
                let detail = try await APITests.send(app, .GET, "/api/v1/submissions/\(id)", token: graduate)
                #expect(detail.status == .ok)
                #expect(detail.text.replacingOccurrences(of: "\" : ", with: "\":").contains(#""state":"approved""#) && detail.text.contains("Numbers, please") && detail.text.contains("4 of 9 from referrals"))
                #expect(try await Self.analysisState(app, world) == .done)
            }
        }
    }
}

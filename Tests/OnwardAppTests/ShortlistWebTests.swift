import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// The partnerships team's shortlist: a graduate shares a candidate profile (off until they do,
/// gone at once when they stop), their coach's recommendation is shared once they read it, a
/// partner reads candidates ranked with the evidence behind each figure, makes shortlists and
/// exports them; nothing a graduate wrote for themselves or their coach ever reaches a partner.
/// The clock is Monday 23 November 2026, 12:00 UTC.
extension AppTests {
    @Suite struct ShortlistWebTests {
        static let today = LocalDate(iso: "2026-11-23")!

        /// `count` commits of `user`'s on each of `days`, on a repository of theirs.
        static func commits(_ user: UserModel, days: [LocalDate], count: Int = 1, on app: Application) async throws {
            for (n, day) in days.enumerated() {
                for k in 0..<count {
                    let commit = GitHubCommitModel(userID: try user.requireID(), sha: String(format: "%040x", n * 100 + k), at: testNow, day: day)
                    commit.repository = "grace-codes/shelf"
                    try await commit.create(on: app.db)
                }
            }
        }

        @Test func a_profile_is_shared_only_when_the_graduate_says_and_is_gone_at_once_when_they_stop() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                let partner = Browser(app), grace = Browser(app)
                try await partner.signIn(world.partner)
                try await grace.signIn(world.graduate)
                let candidate = SiteURL.evidence(.candidate(id: world.graduate.requireIDString)).path
                // Off by default: partners see nobody, not even by address.
                #expect(try await partner.get(SiteURL.evidence(.candidates).path).text.contains("No graduate has shared a candidate profile yet"))
                #expect(try await partner.get(candidate).status == .notFound)
                let own = try await grace.get(SiteURL.evidence(.candidateProfile).path).text
                #expect(own.contains("Not shared") && own.contains("What partners see"))

                // She says who she is, shares, and a partner finds her and puts her on a shortlist.
                #expect(try await grace.post(SiteURL.evidence(.candidateProfile).path, ["headline": "Back-end developer: Ruby, PostgreSQL", "available_from": ""]).status == .seeOther)
                #expect(try await grace.post(SiteURL.evidence(.candidateProfile).path, ["headline": String(repeating: "x", count: 121)]).status == .unprocessableEntity)
                #expect(try await grace.post(SiteURL.evidence(.shareProfile).path, ["share": "yes"]).status == .seeOther)
                let listed = try await partner.get(SiteURL.evidence(.candidates).path).text
                #expect(listed.contains("Grace Graduate") && listed.contains("Back-end developer: Ruby, PostgreSQL") && listed.contains("Available now"))
                #expect(try await partner.get(candidate).status == .ok)
                #expect(try await partner.post(SiteURL.evidence(.shortlists).path, ["name": "Junior back-end", "hiring_partner": "Acme"]).status == .seeOther)
                let list = try #require(try await ShortlistModel.query(on: app.db).first())
                #expect(try await partner.post(SiteURL.evidence(.shortlistCandidates(id: list.requireIDString)).path, ["graduate_id": world.graduate.requireIDString]).status == .seeOther)
                #expect(try await grace.get(SiteURL.evidence(.candidateProfile).path).text.contains("Junior back-end, for Acme"))
                let token = try await APITests.token(for: world.partner, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/candidates/\(world.graduate.requireIDString)", token: token).status == .ok)

                // She stops: gone from the list, the page, the API and the shortlist, at once.
                let stopped = try await grace.post(SiteURL.evidence(.shareProfile).path, ["share": "no"])
                #expect(stopped.status == .seeOther)
                #expect(try await grace.get(SiteURL.evidence(.candidateProfile).path).text.contains("you left 1 shortlist"))
                #expect(!(try await partner.get(SiteURL.evidence(.candidates).path).text.contains("Grace Graduate")))
                #expect(try await partner.get(candidate).status == .notFound)
                #expect(try await APITests.send(app, .GET, "/api/v1/candidates/\(world.graduate.requireIDString)", token: token).status == .notFound)
                #expect(!(try await partner.get(SiteURL.evidence(.shortlist(id: list.requireIDString)).path).text.contains("Grace Graduate")))
                #expect(try await ShortlistEntryModel.query(on: app.db).count() == 0)
                // And she cannot be put back on it while she does not share: the partner is told why.
                let refused = try await partner.post(SiteURL.evidence(.shortlistCandidates(id: list.requireIDString)).path, ["graduate_id": world.graduate.requireIDString])
                #expect(refused.status == .seeOther && refused.headers.first(name: .location) == SiteURL.evidence(.candidates).path)
                #expect(try await partner.get(SiteURL.evidence(.candidates).path).text.contains("That candidate no longer shares their profile."))
                #expect(try await APITests.send(app, .POST, "/api/v1/shortlists/\(list.requireIDString)/candidates", token: token,
                                                json: #"{"graduate_id":"\#(world.graduate.requireIDString)"}"#).status == .notFound)
            }
        }

        @Test func the_coachs_recommendation_is_shared_once_the_graduate_has_read_it() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let cases = ShortlistUseCases(db: app.db, now: testNow)
                try await cases.share(true, for: world.graduate.requireID())
                let cora = Browser(app), partner = Browser(app), grace = Browser(app)
                try await cora.signIn(world.coach)
                try await partner.signIn(world.partner)
                try await grace.signIn(world.graduate)
                let about = SiteURL.homes(.person(id: world.graduate.requireIDString)).path
                #expect(try await cora.get(about).text.contains("Technical recommendation"))
                let recommend = SiteURL.evidence(.recommend(id: world.graduate.requireIDString)).path
                #expect(try await cora.post(recommend, ["text": " "]).text.contains("Write the recommendation"))
                #expect(try await cora.post(recommend, ["text": "Grace writes clear, tested Ruby: her shelf app has 90% coverage."]).status == .seeOther)
                // Another coach, a partner, the graduate: none may write it.
                let uma = Browser(app)
                try await uma.signIn(world.unassignedCoach)
                #expect(try await uma.post(recommend, ["text": "Hmm"]).status == .notFound)
                #expect(try await grace.post(recommend, ["text": "Great"]).status == .notFound)

                let candidate = SiteURL.evidence(.candidate(id: world.graduate.requireIDString)).path
                #expect(!(try await partner.get(candidate).text.contains("90% coverage")), "not read yet")
                let own = try await grace.get(SiteURL.evidence(.candidateProfile).path).text
                #expect(own.contains("90% coverage") && own.contains("Read it first"))
                // Read as it was shown: a version the coach has since changed is not marked.
                let shown = TechnicalRecommendation.version(of: "Grace writes clear, tested Ruby: her shelf app has 90% coverage.")
                #expect(try await grace.post(SiteURL.evidence(.readRecommendation).path, ["version": TechnicalRecommendation.version(of: "older words")]).status == .seeOther)
                #expect(try await grace.get(SiteURL.evidence(.candidateProfile).path).text.contains("changed the recommendation since you opened it"))
                #expect(!(try await partner.get(candidate).text.contains("90% coverage")), "not marked read")
                #expect(try await grace.post(SiteURL.evidence(.readRecommendation).path, ["version": shown]).status == .seeOther)
                let read = try await partner.get(candidate).text
                #expect(read.contains("90% coverage") && read.contains("Cora Coach, their coach"))
                // Changed words wait for her to read them again.
                #expect(try await cora.post(recommend, ["text": "Grace writes clear Ruby."]).status == .seeOther)
                #expect(!(try await partner.get(candidate).text.contains("Grace writes clear Ruby.")))
                #expect(try await cora.get(about).text.contains("Grace Graduate has not read it yet."))
            }
        }

        @Test func candidates_rank_on_their_evidence_filter_by_stack_and_start_and_export_without_formulas() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let cases = ShortlistUseCases(db: app.db, now: testNow)
                // Grace commits 3 a week for twelve weeks and works on a side project; Otto has
                // neither and can start only in January; "=HYPERLINK" types their name into a spreadsheet.
                world.graduate.githubLogin = "grace-codes"
                world.graduate.stacks = ["Ruby", "PostgreSQL"]
                try await world.graduate.save(on: app.db)
                try await Self.commits(world.graduate, days: ShortlistUseCases.mondays(today: Self.today), count: 3, on: app)
                _ = try await ProjectUseCases(db: app.db, now: testNow).add(try ProjectDraft.validate(
                    name: "Shelf", repository: "https://github.com/grace-codes/shelf", live: "", description: "Books I lend", stacks: "Ruby", isSide: true,
                    startedOn: "2026-09-01", lastWorkedOn: "", today: Self.today), for: world.graduate.requireID())
                world.otherGraduate.stacks = ["JavaScript"]
                world.otherGraduate.name = "=HYPERLINK(\"http://evil.example\")"
                try await world.otherGraduate.save(on: app.db)
                try await cases.save(CandidateProfileDraft(headline: "Front-end", availableFrom: LocalDate(iso: "2027-01-11")), for: world.otherGraduate.requireID())
                for graduate in [world.graduate, world.otherGraduate] { try await cases.share(true, for: graduate.requireID()) }

                let ranked = try await cases.candidates(today: Self.today, target: 3)
                #expect(ranked.map(\.name) == ["Grace Graduate", world.otherGraduate.name])
                #expect(ranked.map(\.ranked.rank) == [1, 2])
                #expect(ranked[0].ranked.weeksOnTarget == 12 && ranked[0].ranked.commits == 36 && ranked[0].ranked.activeSideProject)

                let partner = Browser(app)
                try await partner.signIn(world.partner)
                let page = try await partner.get(SiteURL.evidence(.candidates).path).text
                #expect(page.contains("12 of 12 weeks with 3+ commits") && page.contains("Shelf, "))
                let ruby = try await partner.get(SiteURL.evidence(.candidates).path + "?stack=ruby").text
                #expect(ruby.contains("Grace Graduate") && !ruby.contains("HYPERLINK"))
                let now = try await partner.get(SiteURL.evidence(.candidates).path + "?starts=30").text
                #expect(now.contains("Grace Graduate") && !now.contains("HYPERLINK"))
                #expect(try await partner.get(SiteURL.evidence(.candidates).path + "?starts=90").text.contains("HYPERLINK"))
                // The evidence behind the figure: which weeks, which commits.
                let evidence = try await partner.get(SiteURL.evidence(.candidate(id: world.graduate.requireIDString)).path).text
                #expect(evidence.contains("Ranked 1 of 2 shared candidates") && evidence.contains("Week of") && evidence.contains("grace-codes/shelf 0000000"))

                let list = try await cases.makeShortlist(ShortlistDraft(name: "Juniors", hiringPartner: "Acme"), by: world.partner.requireID())
                for graduate in [world.otherGraduate, world.graduate] { try await cases.add(graduate.requireID(), to: list) }
                let csv = try await partner.get(SiteURL.evidence(.shortlistCSV(id: list.requireIDString)).path)
                #expect(csv.headers.contentType?.subType == "csv")
                let lines = csv.body.string.split(separator: "\r\n").map(String.init)
                #expect(lines.count == 3)
                #expect(lines[0].hasPrefix("Rank,Name,Headline,Stacks,Availability"))
                #expect(lines[1].hasPrefix("1,Grace Graduate,,\"Ruby, PostgreSQL\",Available now,12,36,"))
                #expect(lines[2].hasPrefix("2,\"'=HYPERLINK(\"\"http://evil.example\"\")\",Front-end,JavaScript,Available from 11 Jan 2027,"), "no live formula")
            }
        }

        /// Two coaches writing a graduate's first recommendation at once: one recommendation, in
        /// the words of whichever wrote last, and no error for either.
        @Test func two_first_recommendations_at_once_make_one() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let other = world.unassignedCoach
                try await CoachAssignmentModel(coachID: other.requireID(), graduateID: world.graduate.requireID()).create(on: app.db)
                let texts = try await withThrowingTaskGroup(of: String.self) { group in
                    for (coach, text) in [(world.coach, "Writes clear, tested Ruby."), (other, "Pairs well and asks good questions.")] {
                        group.addTask { try await ShortlistUseCases(db: app.db, now: testNow).recommend(text, of: world.graduate.requireID(), by: coach.requireID()).text }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let kept = try await TechnicalRecommendationModel.query(on: app.db).all()
                #expect(texts.count == 2 && kept.count == 1)
                #expect(kept.first.map { texts.contains($0.text) } == true)
            }
        }

        /// The ranked list is kept between a partner's views, and every change to what it shows
        /// is on the next view: a commit, a project, feedback acted on, a new name, a headline, a
        /// recommendation read, a profile that stops being shared.
        @Test func the_kept_list_shows_every_change_on_the_next_view() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let cases = ShortlistUseCases(db: app.db, now: testNow)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                for graduate in [world.graduate, world.otherGraduate] { try await cases.share(true, for: graduate.requireID()) }
                let partner = Browser(app)
                try await partner.signIn(world.partner)
                func page() async throws -> String { try await partner.get(SiteURL.evidence(.candidates).path).text }
                func grace() async throws -> String { try await partner.get(SiteURL.evidence(.candidate(id: world.graduate.requireIDString)).path).text }
                #expect(try await page().contains("0 of 12 weeks with 3+ commits"))

                try await Self.commits(world.graduate, days: [Self.today.adding(days: -7)], count: 3, on: app)
                #expect(try await page().contains("1 of 12 weeks with 3+ commits"), "a commit")
                _ = try await ProjectUseCases(db: app.db, now: testNow).add(try ProjectDraft.validate(
                    name: "Shelf", repository: "", live: "", description: "", stacks: "Ruby", isSide: true, startedOn: "2026-10-01", lastWorkedOn: "2026-11-20",
                    today: Self.today), for: world.graduate.requireID())
                #expect(try await page().contains("Shelf, "), "a project")
                world.graduate.name = "Grace Hopper"
                try await world.graduate.save(on: app.db)
                #expect(try await page().contains("Grace Hopper"), "a new name")
                try await cases.save(CandidateProfileDraft(headline: "Back-end, tests first", availableFrom: nil), for: world.graduate.requireID())
                #expect(try await page().contains("Back-end, tests first"), "a headline")
                _ = try await cases.recommend("Writes clear, tested Ruby.", of: world.graduate.requireID(), by: world.coach.requireID())
                #expect(try await !grace().contains("Writes clear, tested Ruby."), "not read yet")
                try await cases.markRead(by: world.graduate.requireID(), version: TechnicalRecommendation.version(of: "Writes clear, tested Ruby."))
                #expect(try await grace().contains("Writes clear, tested Ruby."), "read")
                try await cases.share(false, for: world.otherGraduate.requireID())
                let after = try await page()
                #expect(!after.contains("Otto Other") && after.contains("Grace Hopper"), "stopped sharing: gone at once")
            }
        }

        /// Every page and answer a partner can reach, with private writing filled in everywhere
        /// a graduate keeps some: none of it appears.
        @Test func nothing_private_reaches_a_partner() async throws {
            try await ProgrammeWebTests.withProgramme { app, world in
                let secret = "PRIVATE-WRITING"
                let graduate = try #require(try await UserModel.find(world.graduate.id, on: app.db))
                let programme = ProgrammeUseCases(db: app.db, now: testNow)
                try await programme.writeRetrospective(try RetrospectiveDraft.validate(wentWell: secret, didNotGoWell: secret, learned: secret, focus: secret, better: "no"),
                                                       week: 3, for: graduate)
                _ = try await programme.postStandup(try StandupDraft.validate(yesterday: secret, today: secret, blockers: secret, mood: "2", wantsHelp: false), for: graduate)
                try await SupportUseCases(db: app.db, now: testNow).askFromStandup(graduate.requireID(), of: Self.today, concerns: secret)
                _ = try await SupportUseCases(db: app.db, now: testNow).open(SupportRequestDraft(kind: .question, subject: secret, message: secret), for: graduate)
                let plans = LearningPlanUseCases(db: app.db, now: testNow)
                let plan = try await plans.start(for: graduate.requireIDString, LearningPlanDraft(focusAreas: secret, cadence: .weekly), by: world.coach)
                try await plans.recordMeeting(on: plan.requireIDString, by: world.coach) { today in
                    MeetingDraft(heldOn: today, notes: secret, recommendations: [RecommendationDraft(kind: .reading, description: secret, due: today.adding(days: 7))])
                }
                // An employer's technical feedback after an interview at a company only the graduate and their coaches know of.
                let search = JobSearch(db: app.db, now: testNow)
                let application = try await search.create(for: graduate, draft: ApplicationDraft(company: "SECRET-EMPLOYER", roleTitle: "Developer"), stage: .applied,
                                                          on: Self.today.adding(days: -3))
                _ = try await search.addInterview(to: application, InterviewDraft(kind: .technical, at: testNow.addingTimeInterval(-86_400), durationMinutes: 60,
                                                                                  withWhom: "Sam", outcome: .notPassed, feedback: secret, feedbackIsTechnical: true))
                graduate.bio = secret
                graduate.githubLogin = "grace-codes"
                try await graduate.save(on: app.db)
                let cases = ShortlistUseCases(db: app.db, now: testNow)
                try await cases.share(true, for: graduate.requireID())
                let list = try await cases.makeShortlist(ShortlistDraft(name: "Juniors", hiringPartner: "Acme"), by: world.partner.requireID())
                try await cases.add(graduate.requireID(), to: list)

                let partner = Browser(app)
                try await partner.signIn(world.partner)
                let id = graduate.requireIDString, listID = list.requireIDString
                for path in [SiteURL.homes(.partner), .evidence(.candidates), .evidence(.candidate(id: id)), .evidence(.shortlists), .evidence(.shortlist(id: listID)),
                             .evidence(.shortlistCSV(id: listID))].map(\.path) {
                    let response = try await partner.get(path)
                    #expect(response.status == .ok, "\(path)")
                    #expect(path == SiteURL.evidence(.shortlists).path || response.body.string.contains("Grace Graduate"), "\(path) shows the candidate")
                    #expect(!response.body.string.contains(secret) && !response.body.string.contains("SECRET-EMPLOYER"), "\(path) shows private writing")
                }
                // The feedback is there, in general words, with nothing of what it said.
                #expect(try await partner.get(SiteURL.evidence(.candidate(id: id)).path).text.contains("Feedback from a job interview"))
                let token = try await APITests.token(for: world.partner, app: app)
                for path in ["/api/v1/candidates", "/api/v1/candidates/\(id)", "/api/v1/shortlists", "/api/v1/shortlists/\(listID)"] {
                    let response = try await APITests.send(app, .GET, path, token: token)
                    #expect(response.status == .ok, "\(path)")
                    #expect(!response.body.string.contains(secret) && !response.body.string.contains("SECRET-EMPLOYER"), "\(path) shows private writing")
                }
                // The person page and the graduate's records stay closed to a partner.
                #expect(try await partner.get(SiteURL.homes(.person(id: id)).path).status == .notFound)
            }
        }

        @Test func a_partner_adding_while_the_graduate_stops_leaves_no_one_on_a_shortlist_unshared() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let cases = ShortlistUseCases(db: app.db, now: testNow)
                let graduateID = try world.graduate.requireID()
                for round in 0..<4 {
                    try await cases.share(true, for: graduateID)
                    let list = try await cases.makeShortlist(ShortlistDraft(name: "Round \(round)", hiringPartner: "Acme"), by: world.partner.requireID())
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<6 {
                            group.addTask { _ = try? await ShortlistUseCases(db: app.db, now: testNow).add(graduateID, to: list) }
                        }
                        group.addTask { try await ShortlistUseCases(db: app.db, now: testNow).share(false, for: graduateID) }
                        try await group.waitForAll()
                    }
                    // Stopped last of all: whoever added before it was taken off; nobody after it got on.
                    #expect(try await ShortlistEntryModel.query(on: app.db).filter(\.$graduate.$id == graduateID).count() == 0, "round \(round)")
                }
                // Eight adds at once of a sharing graduate: on it once.
                try await cases.share(true, for: graduateID)
                let list = try await cases.makeShortlist(ShortlistDraft(name: "Once", hiringPartner: "Acme"), by: world.partner.requireID())
                let added = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<8 { group.addTask { try await ShortlistUseCases(db: app.db, now: testNow).add(graduateID, to: list) } }
                    return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
                }
                #expect(added == 1)
                #expect(try await ShortlistEntryModel.query(on: app.db).filter(\.$shortlist.$id == list.requireID()).count() == 1)
            }
        }
    }
}

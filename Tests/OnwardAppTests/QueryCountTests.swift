import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import OnwardCore
import Testing
import Vapor
@testable import OnwardApp

/// Counts the SQL statements a database runs (they are logged at debug level).
final class QueryCounter: LogHandler, @unchecked Sendable {
    private let statements = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // SQLite says "Executing query" with the SQL in metadata; PostgreSQL prints the SQL.
        let message = event.message
        let text = message.description.uppercased()
        if event.level == .debug, text == "EXECUTING QUERY" || event.metadata?["sql"] != nil || ["SELECT ", "INSERT ", "UPDATE ", "DELETE "].contains(where: { text.hasPrefix($0) || text.contains(" \($0)") }) {
            statements.withLockedValue { $0.append(message.description) }
        }
    }

    var count: Int { statements.withLockedValue { $0.count } }
    func reset() { statements.withLockedValue { $0 = [] } }
}

extension AppTests {
    @Suite struct QueryCountTests {
        /// The board, the list and the figures run the same number of queries for 5 applications
        /// as for 300: nothing is queried per application.
        @Test func board_list_and_figures_use_a_fixed_number_of_queries() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let search = JobSearch(db: db, now: testNow)
                let today = search.today(for: world.graduate)

                func counts() async throws -> [String: Int] {
                    var result: [String: Int] = [:]
                    counter.reset(); _ = try await search.board(of: world.graduate, perStage: 25); result["board"] = counter.count
                    counter.reset(); _ = try await search.applications(of: world.graduate); result["list"] = counter.count
                    counter.reset(); _ = try await search.figures(of: world.graduate); result["figures"] = counter.count
                    return result
                }
                func add(_ n: Int, from start: Int) async throws {
                    let csv = "company,role,status,date applied\n" + (start..<(start + n)).map { "Company \($0),Developer,\($0 % 3 == 0 ? "Interviewing" : "Applied"),\(today.adding(days: -($0 % 30)).iso)" }.joined(separator: "\n")
                    let preview = try await search.preview(csv: csv, for: world.graduate)
                    try await search.importRows(preview, for: world.graduate)
                }
                try await add(5, from: 0)
                let few = try await counts()
                try await add(295, from: 5)
                let many = try await counts()
                #expect(few == many, "queries with 5 applications: \(few), with 300: \(many)")
                #expect(few.values.allSatisfy { $0 > 0 }, "the counter sees the queries: \(few)")
                #expect(few["board"] == 1, "the counts ride with the cards")
            }
        }

        /// The ranked candidates, a shortlist and its export read 5 shared profiles in as many
        /// statements as 40, each with a login, commits, a side project and a recommendation read.
        @Test func the_shortlist_of_many_candidates_takes_a_fixed_number_of_statements() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let setup = ShortlistUseCases(db: app.db, now: testNow)
                let list = try await setup.makeShortlist(ShortlistDraft(name: "Juniors", hiringPartner: "Acme"), by: world.partner.requireID())
                let today = LocalDate(testNow, in: .gmt)
                var made = 0
                func add(_ n: Int) async throws {
                    for _ in 0..<n {
                        let graduate = try await world.graduate("Candidate \(made)", coachedBy: world.coach, canSignIn: false, on: app)
                        graduate.githubLogin = "candidate-\(made)"
                        graduate.stacks = ["Ruby"]
                        try await graduate.save(on: app.db)
                        let id = try graduate.requireID()
                        _ = try await ProjectUseCases(db: app.db, now: testNow).add(ProjectDraft(name: "Side", repository: nil, live: nil, description: "", stacks: [],
                                                                                                    isSide: true, startedOn: today.adding(days: -40), lastWorkedOn: nil), for: id)
                        for day in 0..<3 { try await GitHubCommitModel(userID: id, sha: String(format: "%032x%08x", made, day), at: testNow, day: today.adding(days: -day * 8)).create(on: app.db) }
                        _ = try await setup.recommend("Solid", of: id, by: world.coach.requireID())
                        try await setup.markRead(by: id, version: TechnicalRecommendation.version(of: "Solid"))
                        try await setup.share(true, for: id)
                        try await setup.add(id, to: list)
                        made += 1
                    }
                }
                func count() async throws -> [String: Int] {
                    let cases = ShortlistUseCases(db: db, now: testNow)
                    var result: [String: Int] = [:]
                    counter.reset(); _ = try await cases.candidates(CandidateFilter(stack: "ruby"), today: today, target: 3); result["candidates"] = counter.count
                    counter.reset(); _ = try await cases.candidates(on: list, today: today, target: 3); result["shortlist"] = counter.count
                    return result
                }
                try await add(5)
                let few = try await count()
                try await add(35)
                let many = try await count()
                #expect(few == many, "5: \(few), 40: \(many)")
                #expect((many["candidates"] ?? 99) <= 12, "\(many)")
                #expect(try await ShortlistUseCases(db: app.db, now: testNow).candidates(today: today, target: 3).count == 40)
                // Kept between views: while nothing changes, a view reads one statement (the fingerprint).
                let memo = CandidateMemo()
                let kept = ShortlistUseCases(db: db, now: testNow, memo: memo)
                counter.reset(); let first = try await kept.candidates(today: today, target: 3)
                #expect(counter.count == (many["candidates"] ?? 0) + 1, "worked out once: \(counter.count)")
                counter.reset(); let again = try await kept.candidates(CandidateFilter(stack: "ruby"), today: today, target: 3)
                #expect(counter.count == 1 && again.map(\.id) == first.map(\.id))
            }
        }

        /// The outcome reports read 3 graduates in as many statements as 33 across three cohorts,
        /// each with an enrolment, a confirmed outcome and a job waiting for confirmation: the
        /// count works on what five statements bring, nothing per graduate or cohort.
        @Test func the_outcome_reports_take_a_fixed_number_of_statements() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let setup = OutcomesUseCases(db: app.db, now: testNow)
                let today = LocalDate(testNow, in: .gmt)
                var cohorts = [world.cohort]
                for (name, end) in [("Spring 2026", "2026-05-08"), ("Summer 2026", "2026-08-14")] {
                    let cohort = CohortModel(draft: try CohortDraft.validate(name: name, courseEndDate: end, timeZone: "Europe/London", standupTime: nil))
                    try await cohort.create(on: app.db)
                    cohorts.append(cohort)
                }
                var made = 0
                func add(_ n: Int) async throws {
                    for _ in 0..<n {
                        let cohort = cohorts[made % cohorts.count]
                        let graduate = try await world.graduate("Grad \(made)", cohort: cohort, coachedBy: world.coach, canSignIn: false, on: app)
                        let end = LocalDate(iso: cohort.courseEndDate)!
                        try await setup.recordEnrolment(of: graduate, try EnrolmentDraft.validate(enrolledOn: end.adding(days: -83).iso, state: "graduated", stateOn: end.iso,
                                                                                                  intent: "seeking", intentNote: "", today: today), by: world.admin)
                        try await setup.recordOutcome(of: graduate, try OutcomeDraft.validate(code: "1A", beganOn: end.adding(days: 20).iso, salaryFrom: "30000", salaryTo: "",
                                                                                               source: "employer", note: "", today: today), confirming: nil, by: world.admin)
                        let search = JobSearch(db: app.db, now: testNow)
                        let offer = try await search.create(for: graduate, draft: ApplicationDraft(company: "Acme \(made)", roleTitle: "Developer"), stage: .offer, on: today.adding(days: -3))
                        try await search.move(offer, to: .accepted, on: today.adding(days: -2),
                                              placement: PlacementDraft(startDate: today.adding(days: 14), jobTitle: "Developer", employmentType: .fullTime, inField: true, salary: 32_000))
                        made += 1
                    }
                }
                func count() async throws -> [String: Int] {
                    let uses = OutcomesUseCases(db: db, now: testNow)
                    var result: [String: Int] = [:]
                    counter.reset(); _ = try await uses.reports(for: world.admin); result["all"] = counter.count
                    counter.reset(); _ = OutcomesUseCases.reports(of: try await uses.students(of: [world.cohort])); result["cohort"] = counter.count
                    counter.reset(); _ = try await uses.reports(for: world.coach); result["coach"] = counter.count
                    return result
                }
                try await add(3)
                let few = try await count()
                try await add(30)
                let many = try await count()
                #expect(few == many, "3: \(few), 33: \(many)")
                #expect((many["all"] ?? 99) <= 6 && (many["cohort"] ?? 99) <= 5, "\(many)")
                let (_, rows) = try await OutcomesUseCases(db: app.db, now: testNow).reports(for: world.admin)
                #expect(rows.filter { $0.cohort == nil }.map(\.report.enrolled.count).reduce(0, +) == 35, "the world's two graduates and the 33 added, each counted once")

                // Kept between views: while nothing counted changes, a view reads the cohorts and the fingerprint.
                let kept = OutcomesUseCases(db: db, now: testNow, memo: OutcomesMemo())
                counter.reset(); let first = try await kept.reports(for: world.admin)
                #expect(counter.count == (many["all"] ?? 0) + 1, "counted once: \(counter.count)")
                counter.reset(); _ = try await kept.reports(for: world.admin)
                #expect(counter.count == 2, "the cohorts and the fingerprint: \(counter.count)")
                func inField(_ rows: [OutcomesUseCases.Row]) -> Int { rows.filter { $0.cohort == nil }.map(\.report.inField.count).reduce(0, +) }
                // Each kind of write the count reads is seen at once: an outcome confirmed, an enrolment changed.
                let (student, _) = try await setup.student(world.graduate.requireIDString, for: world.admin)
                try await setup.recordOutcome(of: student.person, try OutcomeDraft.validate(code: "1A", beganOn: "2026-11-20", salaryFrom: "", salaryTo: "", source: "graduate",
                                                                                             note: "", today: today), confirming: nil, by: world.admin)
                let confirmed = try await kept.reports(for: world.admin).rows
                #expect(inField(confirmed) == inField(first.rows) + 1)
                try await setup.recordEnrolment(of: student.person, try EnrolmentDraft.validate(enrolledOn: "2026-08-03", state: "withdrew", stateOn: "2026-09-01",
                                                                                                intent: "seeking", intentNote: "", today: today), by: world.admin)
                #expect(inField(try await kept.reports(for: world.admin).rows) == inField(first.rows), "she withdrew: no longer a graduate")

                // One graduate leaving as another arrives moves neither the count nor the sum of generations (neither did anything).
                let leaving = try await world.graduate("Leaving Soon", cohort: cohorts[1], canSignIn: false, on: app)
                func enrolled(_ rows: [OutcomesUseCases.Row]) -> Set<String> { Set(rows.filter { $0.cohort == nil }.flatMap(\.report.enrolled.ids)) }
                #expect(enrolled(try await kept.reports(for: world.admin).rows).contains(leaving.requireIDString))
                try await leaving.delete(on: app.db)
                let arriving = try await world.graduate("Just Arrived", cohort: cohorts[1], canSignIn: false, on: app)
                let after = enrolled(try await kept.reports(for: world.admin).rows)
                #expect(after.contains(arriving.requireIDString) && !after.contains(leaving.requireIDString))
            }
        }

        /// Each column counts all of its stage's applications and shows the first few, most
        /// exciting first (then by company); a stage with none has no column count and no cards.
        /// The signals of 5 graduates take as many statements as those of 40, each with a login,
        /// a project, commits and standups: the coach's home and dashboard read them for all at once.
        @Test func the_signals_of_many_graduates_take_a_fixed_number_of_statements() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                var graduates: [UserModel] = []
                func add(_ n: Int) async throws {
                    for _ in 0..<n {
                        let graduate = try await world.graduate("Grad \(graduates.count)", coachedBy: world.coach, canSignIn: false, on: app)
                        graduate.githubLogin = "grad-\(graduates.count)"
                        try await graduate.save(on: app.db)
                        let today = LocalDate(testNow, in: .gmt)
                        _ = try await ProjectUseCases(db: app.db, now: testNow).add(ProjectDraft(name: "Side", repository: nil, live: nil, description: "", stacks: [],
                                                                                                    isSide: true, startedOn: today.adding(days: -40), lastWorkedOn: nil), for: graduate.requireID())
                        try await GitHubCommitModel(userID: graduate.requireID(), sha: String(format: "%040x", graduates.count), at: testNow, day: today).create(on: app.db)
                        graduates.append(graduate)
                    }
                }
                func count() async throws -> (first: Int, again: Int) {
                    counter.reset()
                    _ = try await SignalUseCases(db: db, now: testNow).standing(of: graduates, thresholds: SignalThresholds())
                    let first = counter.count
                    counter.reset()
                    _ = try await SignalUseCases(db: db, now: testNow).standing(of: graduates, thresholds: SignalThresholds())
                    return (first, counter.count)
                }
                try await add(5)
                let few = try await count()
                try await add(35)
                let many = try await count()
                #expect(few.first == many.first && few.again == many.again, "5: \(few), 40: \(many)")
                #expect(many.again <= 16, "\(many)")
            }
        }

        /// The figures of a week-4 analysis read the whole cohort's applications for its medians:
        /// the same statements for a cohort of 6 as for one of 41.
        @Test func the_analysis_of_a_large_cohort_takes_a_fixed_number_of_statements() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let search = JobSearch(db: app.db, now: testNow)
                let today = LocalDate(testNow, in: .gmt)
                var added = 0
                func add(_ n: Int) async throws {
                    for _ in 0..<n {
                        let graduate = try await world.graduate("Grad \(added)", coachedBy: world.coach, canSignIn: false, on: app)
                        let sent = try await search.create(for: graduate, draft: ApplicationDraft(company: "Acme \(added)", roleTitle: "Developer", source: .referral),
                                                           stage: .applied, on: today.adding(days: -9))
                        try await search.move(sent, to: .screening, on: today.adding(days: -4))
                        added += 1
                    }
                }
                func count() async throws -> (Int, JobSearchAnalysis) {
                    counter.reset()
                    let figures = try await PublishedEvidence().jobSearchAnalysis(of: world.graduate, on: db, now: testNow)
                    return (counter.count, figures)
                }
                try await add(5)
                let (few, small) = try await count()
                try await add(35)
                let (many, large) = try await count()
                #expect(small.cohortSearching == 5 && large.cohortSearching == 40, "every graduate of the cohort who sent one")
                #expect(few == many, "6: \(few), 41: \(many)")
            }
        }

        @Test func the_board_counts_every_stage_and_shows_each_ones_most_exciting_first() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = JobSearch(db: app.db, now: testNow)
                let today = search.today(for: world.graduate)
                let csv = "company,role,status,date applied\n" + (0..<33).map { "Company \($0),Developer,\($0 < 30 ? "Applied" : "Interviewing"),\(today.iso)" }.joined(separator: "\n")
                try await search.importRows(try await search.preview(csv: csv, for: world.graduate), for: world.graduate)
                for application in try await ApplicationModel.query(on: app.db).all() {
                    application.excitement = Int(application.company.split(separator: " ")[1])! % 5 + 1
                    try await application.save(on: app.db)
                }
                let board = try await search.board(of: world.graduate, perStage: 10)
                #expect(board.counts == [.applied: 30, .interview: 3])
                #expect(board.cards[.applied]?.count == 10)
                #expect(board.cards[.interview]?.map(\.company) == ["Company 32", "Company 31", "Company 30"])
                let applied = try #require(board.cards[.applied])
                #expect(applied.map(\.excitement) == Array(repeating: 5, count: 6) + Array(repeating: 4, count: 4))
                #expect(applied.prefix(6).map(\.company) == ["Company 14", "Company 19", "Company 24", "Company 29", "Company 4", "Company 9"])
                #expect(board.cards[.offer] == nil && board.counts[.offer] == nil)
            }
        }
    }
}

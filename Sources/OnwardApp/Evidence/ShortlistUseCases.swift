import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The partnerships team's side of the evidence: the candidate profiles graduates share, their
/// coaches' technical recommendations, the shared candidates ranked on the three questions hiring
/// partners ask, and the named shortlists made of them. Only what a graduate shares is read here:
/// their name, headline, stacks, GitHub login, projects, commits, feedback with what they did
/// about it, mock interview scores and a recommendation they have read. Nothing they wrote for
/// themselves or their coach (retrospectives, standups, plans' notes, requests for help).
struct ShortlistUseCases: UseCases {
    let db: any Database
    let now: Date
    /// Where the ranked list is kept between views; nil reads it afresh every time.
    let memo: CandidateMemo?

    init(db: any Database, now: Date) {
        self.init(db: db, now: now, memo: nil)
    }

    init(db: any Database, now: Date, memo: CandidateMemo?) {
        self.db = db
        self.now = now
        self.memo = memo
    }

    /// For a partner's view: the list kept by this instance while nothing it shows has changed.
    static func forPartner(_ req: Request) -> ShortlistUseCases {
        ShortlistUseCases(db: req.db, now: req.now, memo: req.application.candidateMemo)
    }

    /// A shared candidate as a partner reads them: who, and their answers to the three questions.
    struct Candidate: Sendable {
        let id: UUID
        let name: String
        let headline: String
        let stacks: [String]
        let githubLogin: String?
        let availableFrom: LocalDate?
        /// The weeks read (Mondays, oldest first) with each one's commits; nil without a GitHub login.
        let weeks: [(monday: LocalDate, commits: Int)]?
        /// Side projects' names with the day each was last worked on, the latest first.
        let sideProjects: [(name: String, lastWorked: LocalDate)]
        let mockScores: [MockScore]
        /// Their coach's recommendation, once they read it; nil before.
        let recommendation: String?
        let ranked: Shortlist.Ranked

        /// The same candidate, ranked among others.
        func ranked(_ ranked: Shortlist.Ranked) -> Candidate {
            Candidate(id: id, name: name, headline: headline, stacks: stacks, githubLogin: githubLogin, availableFrom: availableFrom, weeks: weeks,
                      sideProjects: sideProjects, mockScores: mockScores, recommendation: recommendation, ranked: ranked)
        }
    }

    // MARK: The graduate's side

    /// `userID`'s profile, if they ever opened it.
    func profile(of userID: UUID) async throws -> CandidateProfileModel? {
        try await CandidateProfileModel.query(on: db).filter(\.$user.$id == userID).first()
    }

    /// Saves what `userID` says on their profile, sharing or not.
    func save(_ draft: CandidateProfileDraft, for userID: UUID) async throws {
        try await upsert(userID, set: ["headline": SQLBind(draft.headline), "available_from": SQLBind(draft.availableFrom?.iso)])
    }

    /// Turns sharing on or off for `userID`, at once. Off also takes them off every shortlist,
    /// in the same transaction: the number of shortlists they left.
    @discardableResult
    func share(_ on: Bool, for userID: UUID) async throws -> Int {
        let now = self.now
        return try await db.writeTransaction { db in
            let cases = ShortlistUseCases(db: db, now: now)
            try await cases.upsert(userID, set: ["shared_at": on ? SQLBind(now) : SQLBind(Date?.none)])
            guard !on else { return 0 }
            let left = try await ShortlistEntryModel.query(on: db).filter(\.$graduate.$id == userID).count()
            try await ShortlistEntryModel.query(on: db).filter(\.$graduate.$id == userID).delete()
            return left
        }
    }

    /// One statement, so two saves at once cannot both create the row.
    private func upsert(_ userID: UUID, set columns: [String: SQLBind]) async throws {
        var inserted = columns
        if inserted["headline"] == nil { inserted["headline"] = SQLBind("") }
        let names = inserted.keys.sorted()
        let assignments = SQLList(columns.keys.sorted().map { SQLBinaryExpression(SQLIdentifier($0), .equal, columns[$0]!) })
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO \(ident: CandidateProfileModel.schema) (id, user_id, \(SQLList(names.map { SQLIdentifier($0) })), updated_at)
            VALUES (\(bind: UUID()), \(bind: userID), \(SQLList(names.map { inserted[$0]! })), \(bind: now))
            ON CONFLICT (user_id) DO UPDATE SET \(assignments), updated_at = \(bind: now)
            """).run()
    }

    /// The shortlists `userID` is on, by name, with the hiring partner each is for.
    func shortlists(with userID: UUID) async throws -> [ShortlistModel] {
        let ids = try await ShortlistEntryModel.query(on: db).filter(\.$graduate.$id == userID).all(\.$shortlist.$id)
        guard !ids.isEmpty else { return [] }
        return try await ShortlistModel.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    // MARK: The coach's recommendation

    func recommendation(of graduateID: UUID) async throws -> TechnicalRecommendationModel? {
        try await TechnicalRecommendationModel.query(on: db).filter(\.$graduate.$id == graduateID).first()
    }

    /// Writes `coach`'s recommendation of `graduateID`: changed words wait for the graduate to read
    /// them again. Two coaches writing at once write one after the other (the graduate's row is
    /// held), so the first recommendation is made once and the later words stand.
    func recommend(_ text: String, of graduateID: UUID, by coachID: UUID) async throws -> TechnicalRecommendationModel {
        let now = self.now
        return try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: graduateID)
            let kept = try await TechnicalRecommendationModel.query(on: db).filter(\.$graduate.$id == graduateID).first()
            let recommendation = kept ?? TechnicalRecommendationModel()
            if recommendation.id == nil || recommendation.text != text {
                recommendation.$graduate.id = graduateID
                recommendation.$coach.id = coachID
                recommendation.text = text
                recommendation.writtenAt = now
                recommendation.readAt = nil
                try await recommendation.save(on: db)
            }
            return recommendation
        }
    }

    /// `graduateID` read their recommendation in the words of `version`: from now on it is shared
    /// with their profile. Not found when there is none; a conflict (on `recommendation_version`)
    /// when the coach changed the words since, so that only words the graduate saw are marked.
    func markRead(by graduateID: UUID, version: String) async throws {
        guard let recommendation = try await recommendation(of: graduateID) else { throw Refusal.notFound("Your coach has not written a recommendation yet.") }
        let changed = Refusal.conflict("Your coach changed the recommendation since you opened it: read it again.", field: "recommendation_version")
        guard TechnicalRecommendation.version(of: recommendation.text) == version else { throw changed }
        guard recommendation.readAt == nil else { return }
        // The words compared again as the row is written: a change saved meanwhile is not marked read.
        let marked = try await (db as! any SQLDatabase).raw("""
            UPDATE \(ident: TechnicalRecommendationModel.schema) SET read_at = \(bind: now)
            WHERE graduate_id = \(bind: graduateID) AND text = \(bind: recommendation.text) RETURNING id
            """).all()
        guard !marked.isEmpty else { throw changed }
    }

    // MARK: The partners' side

    /// What a candidate's row of shared facts holds: who they are and what they said.
    struct Shared {
        let id: UUID
        let name: String
        let stacks: [String]
        let login: String?
        let headline: String
        let from: LocalDate?
    }

    /// Every shared candidate admitted by `filter`, ranked among themselves on `today` against
    /// `target` commits a week: eleven queries however many there are, or one while the list
    /// kept in `memo` still stands.
    func candidates(_ filter: CandidateFilter = .init(), today: LocalDate, target: Int) async throws -> [Candidate] {
        let all: [Candidate]
        if let memo {
            all = try await memo.candidates(today: today, target: target, on: db) { try await ranked(try await shared(), today: today, target: target) }
        } else {
            all = try await ranked(try await shared(), today: today, target: target)
        }
        let admitted = all.filter { filter.admits(stacks: $0.stacks, availableFrom: $0.availableFrom, today: today) }
        guard admitted.count < all.count else { return all }
        // Ranked again among those admitted: equal evidence keeps sharing a rank.
        let byID = Dictionary(uniqueKeysWithValues: admitted.map { ($0.id.uuidString, $0) })
        return Shortlist.rank(admitted.map(\.ranked.evidence), today: today, weeklyTarget: target).map { byID[$0.evidence.id]!.ranked($0) }
    }

    /// Every graduate who shares a profile, as it says them: one query.
    private func shared() async throws -> [Shared] {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT u.id, u.name, u.stacks, u.github_login, p.headline, p.available_from
            FROM \(ident: CandidateProfileModel.schema) p JOIN \(ident: UserModel.schema) u ON u.id = p.user_id
            WHERE p.shared_at IS NOT NULL AND u.role = \(bind: Role.graduate.rawValue)
            """).all()
        return try rows.map { row in
            Shared(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                   stacks: try row.decode(column: "stacks", as: String.self).split(separator: "\n").map(String.init),
                   login: try row.decode(column: "github_login", as: String?.self), headline: try row.decode(column: "headline", as: String.self),
                   from: try row.decode(column: "available_from", as: String?.self).flatMap(LocalDate.init(iso:)))
        }
    }

    /// `user` as partners would read them if they shared, sharing or not: the graduate's preview.
    func preview(of user: UserModel, profile: CandidateProfileModel?, today: LocalDate, target: Int) async throws -> Candidate {
        let one = Shared(id: try user.requireID(), name: user.name, stacks: user.stacks, login: user.githubLogin, headline: profile?.headline ?? "",
                         from: profile?.availableFrom.flatMap(LocalDate.init(iso:)))
        return try await ranked([one], today: today, target: target)[0]
    }

    /// `shared` with their evidence, ranked among themselves: ten queries however many.
    private func ranked(_ shared: [Shared], today: LocalDate, target: Int) async throws -> [Candidate] {
        guard !shared.isEmpty else { return [] }
        let ids = shared.map(\.id)
        let weeks = try await weeklyCommits(of: ids, today: today)
        let projects = try await ProjectUseCases(db: db, now: now).sideProjects(of: ids)
        let feedback = try await FeedbackUseCases(db: db, now: now).items(of: ids)
        let scores = try await Capabilities.reads.practice.mockScores(of: ids, on: db)
        let read = try await readRecommendations(of: ids)
        let mondays = Self.mondays(today: today)
        let evidence = shared.map { one in
            let items = feedback[one.id] ?? []
            return Shortlist.Evidence(id: one.id.uuidString, name: one.name, weeklyCommits: one.login == nil ? nil : mondays.map { weeks[one.id]?[$0] ?? 0 },
                                      sideProjects: (projects[one.id] ?? []).map(\.lastWorked), feedbackGiven: items.count,
                                      feedbackActedOn: items.filter { !$0.isOpen }.count)
        }
        let byID = Dictionary(uniqueKeysWithValues: shared.map { ($0.id.uuidString, $0) })
        return Shortlist.rank(evidence, today: today, weeklyTarget: target).map { ranked in
            let one = byID[ranked.evidence.id]!
            return Candidate(id: one.id, name: one.name, headline: one.headline, stacks: one.stacks, githubLogin: one.login, availableFrom: one.from,
                             weeks: ranked.evidence.weeklyCommits.map { counts in Array(zip(mondays, counts)).map { (monday: $0.0, commits: $0.1) } },
                             sideProjects: (projects[one.id] ?? []).sorted { $0.lastWorked > $1.lastWorked }, mockScores: scores[one.id] ?? [],
                             recommendation: read[one.id], ranked: ranked)
        }
    }

    /// The recommendations each of `ids` has read, in one query (read by SQL: a thousand Fluent
    /// models cost more than the query).
    private func readRecommendations(of ids: [UUID]) async throws -> [UUID: String] {
        let byText = UUID.byText(ids)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT graduate_id AS who, text FROM \(ident: TechnicalRecommendationModel.schema) WHERE graduate_id IN \(SQLBind.group(ids)) AND read_at IS NOT NULL
            """).all()
        var result: [UUID: String] = [:]
        for row in rows { result[try row.id("who", among: byText)] = try row.decode(column: "text", as: String.self) }
        return result
    }

    /// The Mondays of the weeks the ranking reads, oldest first: the twelve complete weeks before
    /// this one, so that a candidate's figures do not drop each Monday morning.
    static func mondays(today: LocalDate) -> [LocalDate] {
        (1...Shortlist.weeksRead).reversed().map { today.startOfWeek.adding(days: -7 * $0) }
    }

    /// Each of `userIDs`' commits in each week the ranking reads, by Monday, in one query: the
    /// week is worked out by the database (days are ISO text, so they compare as days do), so a
    /// thousand candidates' twelve weeks come back as at most twelve thousand rows, not a row a day.
    private func weeklyCommits(of userIDs: [UUID], today: LocalDate) async throws -> [UUID: [LocalDate: Int]] {
        let mondays = Self.mondays(today: today)
        var week: SQLQueryString = "CASE"
        for monday in mondays.reversed() { week = week + " WHEN day >= \(bind: monday.iso) THEN \(bind: monday.iso)" }
        week = week + " END"
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT who, week, COUNT(*) AS n FROM (
                SELECT user_id AS who, \(week) AS week FROM \(ident: GitHubCommitModel.schema)
                WHERE user_id IN \(SQLBind.group(userIDs)) AND day >= \(bind: mondays[0].iso) AND day < \(bind: today.startOfWeek.iso)
            ) weeks GROUP BY who, week
            """).all()
        var result: [UUID: [LocalDate: Int]] = [:]
        for row in rows {
            guard let monday = LocalDate(iso: try row.decode(column: "week", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: [:]][monday] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// The shared candidate `rawID` with the rank among every shared candidate; not found when
    /// they do not share (or never did, or are no graduate), which says nothing of who they are.
    func candidate(_ rawID: String?, today: LocalDate, target: Int) async throws -> (Candidate, of: Int) {
        let all = try await candidates(today: today, target: target)
        guard let id = rawID.flatMap(UUID.init(uuidString:)), let one = all.first(where: { $0.id == id }) else { throw Refusal.notFound() }
        return (one, all.count)
    }

    /// A shared candidate's latest commits, for the evidence behind their weeks.
    func latestCommits(of userID: UUID, limit: Int = 20) async throws -> [GitHubCommitModel] {
        // The calendar's stand-ins are counted, not listed: they name no commit.
        try await GitHubCommitModel.query(on: db).filter(\.$user.$id == userID).filter(\.$sha !=~ GitHubSync.calendarPrefix)
            .sort(\.$committedAt, .descending).limit(limit).all()
    }

    // MARK: Shortlists

    /// Every shortlist, the latest made first, with how many shared candidates each holds: two queries.
    func shortlists() async throws -> [(ShortlistModel, Int)] {
        let lists = try await ShortlistModel.query(on: db).sort(\.$createdAt, .descending).all()
        guard !lists.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT e.shortlist_id AS list, COUNT(*) AS n FROM \(ident: ShortlistEntryModel.schema) e
            JOIN \(ident: CandidateProfileModel.schema) p ON p.user_id = e.graduate_id AND p.shared_at IS NOT NULL GROUP BY e.shortlist_id
            """).all()
        var counts: [UUID: Int] = [:]
        for row in rows { counts[try row.decode(column: "list", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return lists.map { ($0, counts[$0.id!] ?? 0) }
    }

    func makeShortlist(_ draft: ShortlistDraft, by partnerID: UUID) async throws -> ShortlistModel {
        let list = ShortlistModel(draft: draft, by: partnerID, at: now)
        try await list.create(on: db)
        return list
    }

    /// `rawID` as a shortlist; not found otherwise.
    func shortlist(_ rawID: String?) async throws -> ShortlistModel {
        guard let id = rawID.flatMap(UUID.init(uuidString:)), let list = try await ShortlistModel.find(id, on: db) else { throw Refusal.notFound() }
        return list
    }

    /// The shared candidates on `list`, ranked among themselves.
    func candidates(on list: ShortlistModel, today: LocalDate, target: Int) async throws -> [Candidate] {
        let members = Set(try await ShortlistEntryModel.query(on: db).filter(\.$shortlist.$id == list.requireID()).all(\.$graduate.$id))
        guard !members.isEmpty else { return [] }
        // Only the members' evidence is read, once: not every shared candidate's, then the members' again.
        return try await ranked(try await shared().filter { members.contains($0.id) }, today: today, target: target)
    }

    /// The evidence behind a candidate's figures: every project, every piece of feedback with what
    /// was done, their latest commits, and who wrote their recommendation.
    struct Behind {
        let projects: [ProjectUseCases.Project]
        let feedback: [FeedbackUseCases.Item]
        let commits: [GitHubCommitModel]
        let recommendedBy: String?
    }

    func behind(_ candidate: Candidate) async throws -> Behind {
        let recommender: String?
        if candidate.recommendation != nil, let kept = try await recommendation(of: candidate.id) {
            recommender = try await UserModel.find(kept.$coach.id, on: db)?.name
        } else {
            recommender = nil
        }
        return Behind(projects: try await ProjectUseCases(db: db, now: now).projects(of: candidate.id),
                      feedback: try await FeedbackUseCases(db: db, now: now).feedback(of: candidate.id),
                      commits: candidate.githubLogin == nil ? [] : try await latestCommits(of: candidate.id), recommendedBy: recommender)
    }

    /// Puts the shared candidate `graduateID` on `list`: false when they are on it already. The
    /// candidate's profile row is held meanwhile, so a graduate who stops sharing at that moment
    /// leaves the shortlist either way; refused on the field when they do not share.
    @discardableResult
    func add(_ graduateID: UUID, to list: ShortlistModel) async throws -> Bool {
        let now = self.now
        let listID = try list.requireID()
        return try await db.writeTransaction { db in
            guard let profile = try await CandidateProfileModel.query(on: db).filter(\.$user.$id == graduateID).first(), profile.sharedAt != nil else {
                throw Refusal.notFound("Choose a candidate who shares their profile.", field: "graduate_id")
            }
            try await db.lockRow(of: CandidateProfileModel.schema, id: profile.requireID())
            guard try await CandidateProfileModel.find(profile.requireID(), on: db)?.sharedAt != nil else {
                throw Refusal.notFound("Choose a candidate who shares their profile.", field: "graduate_id")
            }
            let added = try await (db as! any SQLDatabase).raw("""
                INSERT INTO \(ident: ShortlistEntryModel.schema) (id, shortlist_id, graduate_id, added_at) VALUES (\(bind: UUID()), \(bind: listID), \(bind: graduateID), \(bind: now))
                ON CONFLICT (shortlist_id, graduate_id) DO NOTHING RETURNING id
                """).all()
            return !added.isEmpty
        }
    }

    /// Takes `graduateID` off `list`: false when they were not on it.
    func remove(_ graduateID: UUID, from list: ShortlistModel) async throws -> Bool {
        let entries = ShortlistEntryModel.query(on: db).filter(\.$shortlist.$id == (try list.requireID())).filter(\.$graduate.$id == graduateID)
        guard try await entries.count() > 0 else { return false }
        try await ShortlistEntryModel.query(on: db).filter(\.$shortlist.$id == list.requireID()).filter(\.$graduate.$id == graduateID).delete()
        return true
    }

    /// Deletes `list` and its entries (which cascade).
    func delete(_ list: ShortlistModel) async throws {
        try await db.writeTransaction { db in
            try await ShortlistEntryModel.query(on: db).filter(\.$shortlist.$id == list.requireID()).delete()
            try await list.delete(on: db)
        }
    }
}

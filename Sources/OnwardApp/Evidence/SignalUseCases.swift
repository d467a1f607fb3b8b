import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The signals of graduates: their evidence gathered from every capability's published reads in
/// a fixed number of queries however many graduates, read by Core's rules, and their history kept
/// (raised, cleared) as the evidence changes.
struct SignalUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A signal standing, and since when.
    struct Standing: Equatable {
        let signal: RaisedSignal
        let since: Date
    }

    /// How far back the evidence is read: the longest window any rule looks at, with room.
    static let daysRead = 45

    /// The evidence of each of `graduates` on their programme's day. Placed graduates, and those
    /// whose programme is paused, have none: nothing is asked of them.
    func evidence(of graduates: [UserModel]) async throws -> [UUID: SignalEvidence] {
        let ids = graduates.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let reads = Capabilities.reads
        let resting = try await reads.jobSearch.whoAcceptedAJob(among: ids, on: db).union(reads.programme.paused(among: ids, on: db))
        let active = graduates.filter { $0.role == .graduate && $0.id.map { !resting.contains($0) } ?? false }
        let activeIDs = active.compactMap(\.id)
        guard !activeIDs.isEmpty else { return [:] }
        let cohorts = try await self.cohorts(of: active)
        let first = LocalDate(now, in: .gmt).adding(days: -Self.daysRead)
        let standups = try await reads.programme.standupMoods(of: activeIDs, from: first, on: db)
        let retrospectives = try await reads.programme.retrospectiveAnswers(of: activeIDs, from: first, on: db)
        let applications = try await reads.jobSearch.applicationsSent(by: activeIDs, from: first, on: db)
        let mocks = try await reads.practice.mockInterviews(of: activeIDs, from: now.addingTimeInterval(-Double(Self.daysRead) * 86_400), on: db)
        let projects = try await ProjectUseCases(db: db, now: now).sideProjectDays(of: activeIDs)
        let commits = try await commitDays(of: active.filter { $0.githubLogin != nil }.compactMap(\.id), from: first)
        let feedback = try await FeedbackUseCases(db: db, now: now).items(of: activeIDs)

        var result: [UUID: SignalEvidence] = [:]
        for graduate in active {
            guard let id = graduate.id else { continue }
            let cohort = graduate.$cohort.id.flatMap { cohorts[$0] }
            let zone = TimeZone(identifier: cohort?.timeZone ?? graduate.timeZone) ?? .gmt
            let today = LocalDate(now, in: zone)
            let since = cohort.flatMap { LocalDate(iso: $0.courseEndDate)?.adding(days: 1) } ?? LocalDate(graduate.createdAt ?? now, in: zone)
            var evidence = SignalEvidence(today: today, huntingSince: since, commits: graduate.githubLogin == nil ? nil : commits[id] ?? [:])
            evidence.sideProjects = projects[id] ?? []
            evidence.standups = (standups[id] ?? []).map { .init(day: $0.day, mood: $0.mood) }
            evidence.applications = (applications[id] ?? []).map { .init(sent: $0.sent, pastFirstStep: $0.pastFirstStep) }
            evidence.mockInterviews = (mocks[id] ?? []).map { LocalDate($0, in: zone) }
            evidence.retrospectives = (retrospectives[id] ?? []).map { .init(week: $0.week, writtenOn: $0.writtenOn, answer: $0.answer, feltBetter: $0.feltBetter) }
            evidence.openFeedback = (feedback[id] ?? []).filter(\.isOpen).map { .init(what: FeedbackItemText.excerpt($0.given.text), given: $0.given.given) }
            result[id] = evidence
        }
        return result
    }

    /// The signals standing for each of `graduates` under `thresholds`, with when each was
    /// raised; their history is brought up to date on the way (one transaction).
    func standing(of graduates: [UserModel], thresholds: SignalThresholds) async throws -> [UUID: [Standing]] {
        let evidence = try await evidence(of: graduates)
        let raised = evidence.mapValues { Signals.raised(by: $0, thresholds: thresholds) }
        return try await keep(raised, of: graduates.compactMap(\.id))
    }

    /// Brings the history of `ids` in line with `raised`: a signal no longer raised is cleared
    /// now, a new one raised now; one still standing keeps the moment it was raised. Most views
    /// change nothing, and read the history without taking the write lock; a change is written
    /// in one transaction, read again inside it. Two pages working the same graduate out at once
    /// raise a signal once (the database's unique index).
    func keep(_ raised: [UUID: [RaisedSignal]], of ids: [UUID]) async throws -> [UUID: [Standing]] {
        guard !ids.isEmpty else { return [:] }
        let now = self.now
        let read = try await Self.compare(raised, of: ids, on: db)
        if read.cleared.isEmpty && read.fresh.isEmpty && read.reworded.isEmpty { return Self.standing(raised, since: read.since, now: now) }
        return try await db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let current = try await Self.compare(raised, of: ids, on: db)
            if !current.cleared.isEmpty {
                try await sql.raw("UPDATE \(ident: SignalRecordModel.schema) SET cleared_at = \(bind: now) WHERE id IN \(SQLBind.group(current.cleared)) AND cleared_at IS NULL").run()
            }
            // A signal still standing keeps its sentence in the graduate's latest figures.
            for (id, reason) in current.reworded {
                try await sql.raw("UPDATE \(ident: SignalRecordModel.schema) SET reason = \(bind: reason) WHERE id = \(bind: id)").run()
            }
            if !current.fresh.isEmpty {
                let rows = current.fresh.map { who, signal in
                    SQLGroupExpression([SQLBind(UUID()), SQLBind(who), SQLBind(signal.kind.rawValue), SQLBind(signal.reason), SQLBind(now)])
                }
                // What this transaction raised (not what another raised a moment before) is told.
                let inserted = try await sql.raw("""
                    INSERT INTO \(ident: SignalRecordModel.schema) (id, user_id, signal, reason, raised_at) VALUES \(SQLList(rows))
                    ON CONFLICT (user_id, signal) WHERE cleared_at IS NULL DO NOTHING RETURNING user_id, signal
                    """).all()
                try await Self.tellCoaches(of: inserted.map { (try $0.decode(column: "user_id", as: UUID.self), try $0.decode(column: "signal", as: String.self)) },
                                           fresh: current.fresh, at: now, on: db)
            }
            return Self.standing(raised, since: current.since, now: now)
        }
    }

    /// Tells each graduate's coaches of the signals just raised for them (`raised`: graduate and
    /// signal key, as inserted), in the words of `fresh`.
    private static func tellCoaches(of raised: [(UUID, String)], fresh: [(UUID, RaisedSignal)], at now: Date, on db: any Database) async throws {
        guard !raised.isEmpty else { return }
        let graduates = Set(raised.map(\.0))
        let names = Dictionary(try await UserModel.query(on: db).filter(\.$id ~~ graduates).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var coaches: [UUID: [UUID]] = [:]
        for assignment in try await CoachAssignmentModel.query(on: db).filter(\.$graduate.$id ~~ graduates).all() {
            coaches[assignment.$graduate.id, default: []].append(assignment.$coach.id)
        }
        var told: [(userID: UUID, notice: Notice)] = []
        for (graduate, key) in raised {
            guard let signal = fresh.first(where: { $0.0 == graduate && $0.1.kind.rawValue == key })?.1 else { continue }
            let notice = Notice(kind: .signalRaised, text: "\(names[graduate] ?? "A graduate"): \(signal.kind.title). \(signal.reason)",
                                url: .homes(.person(id: graduate.uuidString)))
            told += (coaches[graduate] ?? []).map { ($0, notice) }
        }
        // In a fixed number of statements: a dashboard's first read can raise many at once.
        try await Capabilities.reads.notifications.notify(each: told, at: now, on: db)
    }

    /// The history's standing records of `ids` against `raised`: since when each still raised has
    /// stood, which records to clear, which signals are new. One query.
    private static func compare(_ raised: [UUID: [RaisedSignal]], of ids: [UUID], on db: any Database) async throws
        -> (since: [UUID: [String: Date]], cleared: [UUID], fresh: [(UUID, RaisedSignal)], reworded: [(UUID, String)]) {
        let byText = UUID.byText(ids)
        let open = try await (db as! any SQLDatabase).raw("""
            SELECT id, user_id AS who, signal, reason, raised_at FROM \(ident: SignalRecordModel.schema)
            WHERE user_id IN \(SQLBind.group(ids)) AND cleared_at IS NULL
            """).all()
        var since: [UUID: [String: Date]] = [:]
        var cleared: [UUID] = []
        var reworded: [(UUID, String)] = []
        for row in open {
            let who = try row.id("who", among: byText)
            let signal = try row.decode(column: "signal", as: String.self)
            if let standing = raised[who]?.first(where: { $0.kind.rawValue == signal }) {
                since[who, default: [:]][signal] = try row.decode(column: "raised_at", as: Date.self)
                if try row.decode(column: "reason", as: String.self) != standing.reason { reworded.append((try row.decode(column: "id", as: UUID.self), standing.reason)) }
            } else {
                cleared.append(try row.decode(column: "id", as: UUID.self))
            }
        }
        let fresh = raised.flatMap { who, signals in signals.filter { since[who]?[$0.kind.rawValue] == nil }.map { (who, $0) } }
        return (since, cleared, fresh, reworded)
    }

    private static func standing(_ raised: [UUID: [RaisedSignal]], since: [UUID: [String: Date]], now: Date) -> [UUID: [Standing]] {
        var standing: [UUID: [Standing]] = [:]
        for (who, signals) in raised {
            standing[who] = signals.map { Standing(signal: $0, since: since[who]?[$0.kind.rawValue] ?? now) }
        }
        return standing
    }

    /// The signals standing for `person` now, read as their dashboard line keeps them: the line
    /// is worked out again (with the signals, their history brought up to date) only when one of
    /// the records it reads changed or a new day began, so most views take two queries.
    func current(of person: UserModel, on app: Application) async throws -> [Standing] {
        _ = try await CoachDashboard(app: app, db: db, now: now).rows(for: person)
        return try await kept(of: [person.requireID()])[person.requireID()] ?? []
    }

    /// The signals standing for each of `ids` as the history keeps them (with their reasons and
    /// since when), in one query: what the last look at their evidence found.
    func kept(of ids: [UUID]) async throws -> [UUID: [Standing]] {
        guard !ids.isEmpty else { return [:] }
        // Read as rows: a coach's home reads those of 200 graduates, and Fluent's models cost more than the query.
        let byText = UUID.byText(ids)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id AS who, signal, reason, raised_at FROM \(ident: SignalRecordModel.schema)
            WHERE user_id IN \(SQLBind.group(ids)) AND cleared_at IS NULL
            """).all()
        var result: [UUID: [Standing]] = [:]
        for row in rows {
            guard let kind = SignalKind(rawValue: try row.decode(column: "signal", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: []].append(Standing(signal: RaisedSignal(kind, try row.decode(column: "reason", as: String.self)),
                                                                                 since: try row.decode(column: "raised_at", as: Date.self)))
        }
        return result.mapValues { $0.sorted { $0.signal.kind < $1.signal.kind } }
    }

    /// `graduateID`'s signals raised and cleared, the latest first.
    func history(of graduateID: UUID, limit: Int = 20) async throws -> [SignalRecordModel] {
        try await SignalRecordModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$raisedAt, .descending).limit(limit).all()
    }

    /// The cohorts of `graduates`: those loaded with them, the others in one query.
    private func cohorts(of graduates: [UserModel]) async throws -> [UUID: CohortModel] {
        var cohorts: [UUID: CohortModel] = [:]
        var missing: Set<UUID> = []
        for graduate in graduates {
            guard let id = graduate.$cohort.id else { continue }
            if case .some(.some(let cohort)) = graduate.$cohort.value { cohorts[id] = cohort } else { missing.insert(id) }
        }
        missing.subtract(cohorts.keys)
        if !missing.isEmpty {
            for cohort in try await CohortModel.query(on: db).filter(\.$id ~~ Array(missing)).all() { cohorts[cohort.id!] = cohort }
        }
        return cohorts
    }

    /// Commits by day of each of `ids` from `first` on, in one query.
    private func commitDays(of ids: [UUID], from first: LocalDate) async throws -> [UUID: [LocalDate: Int]] {
        guard !ids.isEmpty else { return [:] }
        let byText = UUID.byText(ids)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id AS who, day, COUNT(*) AS n FROM \(ident: GitHubCommitModel.schema)
            WHERE user_id IN \(SQLBind.group(ids)) AND day >= \(bind: first.iso) GROUP BY user_id, day
            """).all()
        var result: [UUID: [LocalDate: Int]] = [:]
        for row in rows {
            guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: [:]][day] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }
}

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
    /// now, a new one raised now; one still standing keeps the moment it was raised. Two pages
    /// working the same graduate out at once raise a signal once (the database's unique index).
    func keep(_ raised: [UUID: [RaisedSignal]], of ids: [UUID]) async throws -> [UUID: [Standing]] {
        guard !ids.isEmpty else { return [:] }
        let now = self.now
        return try await db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let byText = UUID.byText(ids)
            let open = try await sql.raw("""
                SELECT id, user_id AS who, signal, raised_at FROM \(ident: SignalRecordModel.schema)
                WHERE user_id IN \(SQLBind.group(ids)) AND cleared_at IS NULL
                """).all()
            var since: [UUID: [String: Date]] = [:]
            var cleared: [UUID] = []
            for row in open {
                let who = try row.id("who", among: byText)
                let signal = try row.decode(column: "signal", as: String.self)
                if raised[who]?.contains(where: { $0.kind.rawValue == signal }) ?? false {
                    since[who, default: [:]][signal] = try row.decode(column: "raised_at", as: Date.self)
                } else {
                    cleared.append(try row.decode(column: "id", as: UUID.self))
                }
            }
            if !cleared.isEmpty {
                try await sql.raw("UPDATE \(ident: SignalRecordModel.schema) SET cleared_at = \(bind: now) WHERE id IN \(SQLBind.group(cleared)) AND cleared_at IS NULL").run()
            }
            var fresh: [SQLGroupExpression] = []
            for (who, signals) in raised {
                for signal in signals where since[who]?[signal.kind.rawValue] == nil {
                    fresh.append(SQLGroupExpression([SQLBind(UUID()), SQLBind(who), SQLBind(signal.kind.rawValue), SQLBind(signal.reason), SQLBind(now)]))
                    since[who, default: [:]][signal.kind.rawValue] = now
                }
            }
            if !fresh.isEmpty {
                try await sql.raw("""
                    INSERT INTO \(ident: SignalRecordModel.schema) (id, user_id, signal, reason, raised_at) VALUES \(SQLList(fresh))
                    ON CONFLICT (user_id, signal) WHERE cleared_at IS NULL DO NOTHING
                    """).run()
            }
            var standing: [UUID: [Standing]] = [:]
            for (who, signals) in raised {
                standing[who] = signals.map { Standing(signal: $0, since: since[who]?[$0.kind.rawValue] ?? now) }
            }
            return standing
        }
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

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Synchronization

/// The figures at the top of a graduate's home page, kept in `job_search_figures` once worked out:
/// reading every move of a long search on each visit cost more than the rest of the page.
///
/// Every write to a graduate's applications, moves or interviews marks the figures stale in its own
/// transaction, in the database (`StaleMarks`; the step `MarkFiguresStaleAsTheDashboardDoes`),
/// which also moves the row's generation on. A reader stores what it worked out only if the
/// generation it started from is still there, so a write that lands while it works never leaves
/// stale figures behind. A new day or time zone works them out again.
extension JobSearch {
    struct Figures: Codable, Equatable, Sendable {
        let sevenDays: JobSearchFigures
        let weeks: [WeekFigures]
        let funnel: Funnel
    }

    static let figuresTable = "job_search_figures"

    /// The figures as of today in the graduate's time zone. One query when they are kept; three
    /// and a write when they must be worked out.
    func figures(of user: UserModel) async throws -> Figures {
        let sql = db as! any SQLDatabase
        let userID = try user.requireID()
        let today = self.today(for: user)
        let kept = try await sql.raw("""
            SELECT generation, day, time_zone, figures FROM \(ident: Self.figuresTable) WHERE user_id = \(bind: userID)
            """).first()
        let generation = try kept?.decode(column: "generation", as: Int.self)
        if let kept, try kept.decode(column: "day", as: String?.self) == today.iso, try kept.decode(column: "time_zone", as: String?.self) == user.timeZone,
           let json = try kept.decode(column: "figures", as: String?.self), let figures = Self.decoded(json, of: userID) {
            return figures
        }
        let figures = try await workOutFigures(of: user, today: today)
        do {
            try await keep(figures, of: user, today: today, workedOutAt: generation)
        } catch {
            // Keeping them is a saving, not the answer: a busy database (a long import in another
            // process, say) must not cost the graduate their home page.
            db.logger.warning("The job search figures were not kept: \(String(reflecting: error))")
        }
        return figures
    }

    /// The last figures each graduate's page decoded, with the text they were decoded from: a page
    /// whose kept text is the same reuses them. Decoding the JSON was a twentieth of the home's
    /// CPU; comparing the text costs next to nothing. Capped, so it cannot grow without bound.
    private static let lastDecoded = Mutex<[UUID: (json: String, figures: Figures)]>([:])
    private static let lastDecodedCap = 10_000

    /// `json` decoded, or nil when it does not decode (then the figures are worked out again).
    static func decoded(_ json: String, of userID: UUID) -> Figures? {
        if let last = lastDecoded.withLock({ $0[userID] }), last.json == json { return last.figures }
        guard let figures = try? JSONDecoder().decode(Figures.self, from: Data(json.utf8)) else { return nil }
        lastDecoded.withLock { cache in
            if cache.count >= lastDecodedCap { cache.removeAll(keepingCapacity: true) }
            cache[userID] = (json, figures)
        }
        return figures
    }

    /// Stores figures worked out from the data as it was at `generation` (nil: no row yet), unless
    /// a write has moved the generation on since: then they may be stale, and the next read works
    /// them out again.
    func keep(_ figures: Figures, of user: UserModel, today: LocalDate, workedOutAt generation: Int?) async throws {
        let sql = db as! any SQLDatabase
        let userID = try user.requireID()
        let json = String(decoding: try JSONEncoder().encode(figures), as: UTF8.self)
        if let generation {
            try await sql.update(Self.figuresTable)
                .set("day", to: today.iso).set("time_zone", to: user.timeZone).set("figures", to: json)
                .where("user_id", .equal, userID).where("generation", .equal, generation)
                .run()
        } else {
            try await sql.insert(into: Self.figuresTable).columns("user_id", "generation", "day", "time_zone", "figures")
                .values(SQLBind(userID), SQLBind(0), SQLBind(today.iso), SQLBind(user.timeZone), SQLBind(json))
                .ignoringConflicts(with: ["user_id"])
                .run()
        }
    }

    /// The figures worked out from every history, as `figures(of:)` keeps them.
    func workOutFigures(of user: UserModel, today: LocalDate) async throws -> Figures {
        let histories = Array(try await histories(of: user).values)
        return Figures(
            sevenDays: JobSearchFigures(histories: histories, window: SevenDayWindow(endingOn: today)),
            weeks: WeekFigures.series(histories: histories, today: today),
            funnel: Funnel(histories: histories))
    }
}

extension JobSearch {
    /// The two 7-day figures of each of `graduates` (applications sent, interviews), as their
    /// home counts them, for the coach's dashboard: two queries however many graduates there are,
    /// each reading only the days around the window.
    func sevenDayFigures(of graduates: [UserModel]) async throws -> [UUID: (applications: Int, interviews: Int, offers: Int)] {
        let ids = graduates.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let stages = ApplicationHistory.submittedStages.map(\.rawValue).sorted()
        // A day's margin each side: every time zone's window lies within.
        let since = LocalDate(now, in: .gmt).adding(days: -8).iso
        let sent = try await sql.raw("""
            SELECT a.user_id AS who, MIN(m.on_date) AS day FROM \(ident: StageMoveModel.schema) m JOIN \(ident: ApplicationModel.schema) a ON a.id = m.application_id
            WHERE a.user_id IN \(SQLBind.group(ids)) AND m.stage IN (\(binds: stages)) GROUP BY a.user_id, m.application_id HAVING MIN(m.on_date) >= \(bind: since)
            """).all()
        let interviews = try await sql.raw("""
            SELECT a.user_id AS who, i.scheduled_at AS at FROM \(ident: InterviewModel.schema) i JOIN \(ident: ApplicationModel.schema) a ON a.id = i.application_id
            WHERE a.user_id IN \(SQLBind.group(ids)) AND i.scheduled_at >= \(bind: now.addingTimeInterval(-9 * 86_400)) AND i.scheduled_at < \(bind: now.addingTimeInterval(2 * 86_400))
            """).all()
        let offers = try await sql.raw("""
            SELECT user_id AS who, COUNT(*) AS n FROM \(ident: ApplicationModel.schema) WHERE user_id IN \(SQLBind.group(ids)) AND stage = \(bind: Stage.offer.rawValue) GROUP BY user_id
            """).all()
        let windows = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, (SevenDayWindow(endingOn: graduate.today(at: now)), TimeZone(identifier: graduate.timeZone) ?? .gmt)) } },
                                 uniquingKeysWith: { first, _ in first })
        var result = Dictionary(uniqueKeysWithValues: ids.map { ($0, (applications: 0, interviews: 0, offers: 0)) })
        let byText = UUID.byText(ids)
        for row in sent {
            let who = try row.id("who", among: byText)
            if let (window, _) = windows[who], let day = LocalDate(iso: try row.decode(column: "day", as: String.self)), window.contains(day) { result[who]?.applications += 1 }
        }
        for row in interviews {
            let who = try row.id("who", among: byText)
            if let (window, zone) = windows[who], window.contains(LocalDate(try row.decode(column: "at", as: Date.self), in: zone)) { result[who]?.interviews += 1 }
        }
        for row in offers {
            result[try row.id("who", among: byText)]?.offers = try row.decode(column: "n", as: Int.self)
        }
        return result
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit

/// Coaching's figures for each of a coach's graduates, read in a fixed number of queries however
/// many there are: open support requests, submissions waiting for review, overdue
/// recommendations, the next ILP meeting. The coach's home and dashboard are built from them.
struct CoachingFigures {
    struct Figures: Equatable {
        var openRequests = 0
        var waitingSubmissions = 0
        var overdueRecommendations = 0
        var nextMeeting: LocalDate?
        /// Whether they asked for a plan nobody has started yet.
        var askedForPlan = false
    }

    let db: any Database
    let now: Date

    func figures(of graduates: [UserModel]) async throws -> [UUID: Figures] {
        let ids = graduates.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var result = Dictionary(uniqueKeysWithValues: ids.map { ($0, Figures()) })
        let sql = db as! any SQLDatabase
        let group = SQLBind.group(ids)
        let counts = try await sql.raw("""
            SELECT user_id AS who, 'request' AS what, COUNT(*) AS n FROM support_requests WHERE user_id IN \(group) AND state = 'open' GROUP BY user_id
            UNION ALL SELECT user_id, 'submission', COUNT(*) FROM submissions WHERE user_id IN \(group) AND state = 'waiting' GROUP BY user_id
            """).all()
        let byText = UUID.byText(ids)
        for row in counts {
            let who = try row.id("who", among: byText)
            let n = try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "what", as: String.self) == "request" { result[who]?.openRequests = n } else { result[who]?.waitingSubmissions = n }
        }
        let plans = try await LearningPlanModel.query(on: db).filter(\.$user.$id ~~ ids).filter(\.$state != .finished).all()
        let facts = try await LearningPlanUseCases(db: db, now: now).planFacts(of: plans.compactMap(\.id))
        let byID = Dictionary(graduates.compactMap { graduate in graduate.id.map { ($0, graduate) } }, uniquingKeysWith: { first, _ in first })
        for plan in plans {
            guard let id = plan.id, let graduate = byID[plan.$user.id] else { continue }
            let today = graduate.today(at: now)
            result[plan.$user.id]?.askedForPlan = plan.state == .requested
            result[plan.$user.id]?.nextMeeting = LearningPlanUseCases.nextMeeting(of: plan, lastHeld: facts[id]?.lastHeld, today: today)
            result[plan.$user.id]?.overdueRecommendations = facts[id]?.dues.filter { $0 < today }.count ?? 0
        }
        return result
    }
}

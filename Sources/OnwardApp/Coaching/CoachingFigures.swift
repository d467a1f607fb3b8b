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
        /// Of the open requests, those asked at a standup.
        var standupAsks = 0
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
            UNION ALL SELECT user_id, 'standup', COUNT(*) FROM support_requests WHERE user_id IN \(group) AND state = 'open' AND origin = 'standup' GROUP BY user_id
            UNION ALL SELECT user_id, 'submission', COUNT(*) FROM submissions WHERE user_id IN \(group) AND state = 'waiting' GROUP BY user_id
            """).all()
        let byText = UUID.byText(ids)
        for row in counts {
            let who = try row.id("who", among: byText)
            let n = try row.decode(column: "n", as: Int.self)
            switch try row.decode(column: "what", as: String.self) {
            case "request": result[who]?.openRequests = n
            case "standup": result[who]?.standupAsks = n
            default: result[who]?.waitingSubmissions = n
            }
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

extension CoachingFigures {
    /// What waits for one graduate, for their home: their plan (its state, coach, next meeting,
    /// overdue recommendations), replies waiting for them, submissions sent back, and the events
    /// of the next `eventDays` days with their answer. Two queries, where reading each through its
    /// use cases took eleven and was most of the home page's cost.
    struct Summary {
        var plan: LearningPlanState?
        var coachName: String?
        var nextMeeting: LocalDate?
        var overdue: [String] = []
        /// Requests the careers team answered and that wait for the graduate: the request, its
        /// subject and the team's last reply.
        var repliesWaiting: [(requestID: String, subject: String, reply: String)] = []
        var sentBack: [String] = []
        var events: [(id: UUID, title: String, startsAt: Date, endsAt: Date, own: EventAnswer?)] = []
    }

    func summary(of graduate: UserModel, eventDays: Int) async throws -> Summary {
        let id = try graduate.requireID()
        let today = graduate.today(at: now)
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT 'plan' AS what, p.state || '|' || p.cadence || '|' || COALESCE(p.started_on, '') || '|' || COALESCE(u.name, '') AS text
              FROM learning_plans p LEFT JOIN users u ON u.id = p.coach_id WHERE p.user_id = \(bind: id) AND p.state <> 'finished'
            UNION ALL SELECT 'meeting', m.held_on FROM plan_meetings m JOIN learning_plans p ON p.id = m.plan_id
              WHERE p.user_id = \(bind: id) AND p.state = 'active'
            UNION ALL SELECT 'overdue', r.description FROM recommendations r JOIN learning_plans p ON p.id = r.plan_id
              WHERE p.user_id = \(bind: id) AND p.state = 'active' AND r.state <> 'done' AND r.due IS NOT NULL AND r.due < \(bind: today.iso)
            UNION ALL SELECT 'pending', s.id || '|' || s.subject FROM support_requests s WHERE s.user_id = \(bind: id) AND s.state = 'pending'
            UNION ALL SELECT 'reply', s.id || '|' || COALESCE((SELECT r.body FROM support_replies r WHERE r.request_id = s.id ORDER BY r.written_at DESC LIMIT 1), '')
              FROM support_requests s WHERE s.user_id = \(bind: id) AND s.state = 'pending'
            UNION ALL SELECT 'sent_back', title FROM submissions WHERE user_id = \(bind: id) AND state = 'changes_requested'
            """).all()
        var summary = Summary()
        var plan: (state: LearningPlanState, cadence: MeetingCadence, started: LocalDate?)?
        var lastHeld: LocalDate?
        var pending: [(id: String, subject: String)] = [], replies: [String: String] = [:]
        for row in rows {
            let text = try row.decode(column: "text", as: String.self)
            switch try row.decode(column: "what", as: String.self) {
            case "plan":
                let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 4, let state = LearningPlanState(rawValue: parts[0]), let cadence = MeetingCadence(rawValue: parts[1]) else { continue }
                plan = (state, cadence, LocalDate(iso: parts[2]))
                summary.coachName = parts[3].isEmpty ? nil : parts[3]
            case "meeting": if let day = LocalDate(iso: text), lastHeld.map({ day > $0 }) ?? true { lastHeld = day }
            case "overdue": summary.overdue.append(text)
            // "id|text": an id holds no bar, whatever the text after it holds.
            case "pending": pending.append((String(text.prefix { $0 != "|" }), String(text.drop { $0 != "|" }.dropFirst())))
            case "reply": replies[String(text.prefix { $0 != "|" })] = String(text.drop { $0 != "|" }.dropFirst())
            case "sent_back": summary.sentBack.append(text)
            default: continue
            }
        }
        // PostgreSQL writes an id as lower-case text: links say it as the rest of the site does.
        summary.repliesWaiting = pending.map { (UUID(uuidString: $0.id)?.uuidString ?? $0.id, $0.subject, replies[$0.id] ?? "") }
        if let plan {
            summary.plan = plan.state
            if plan.state == .active, let started = plan.started {
                summary.nextMeeting = LearningPlanRules.nextMeeting(cadence: plan.cadence, started: started, lastMeeting: lastHeld, today: today)
            }
        }
        let cohort: SQLQueryString = graduate.$cohort.id.map { "(e.cohort_id IS NULL OR e.cohort_id = \(bind: $0))" } ?? "e.cohort_id IS NULL"
        let events = try await sql.raw("""
            SELECT e.id, e.title, e.starts_at, e.ends_at, a.answer FROM coaching_events e
            LEFT JOIN event_answers a ON a.event_id = e.id AND a.user_id = \(bind: id)
            WHERE e.ends_at > \(bind: now) AND e.starts_at <= \(bind: now.addingTimeInterval(Double(eventDays) * 86_400)) AND \(cohort)
            ORDER BY e.starts_at
            """).all()
        summary.events = try events.map { row in
            (try row.decode(column: "id", as: UUID.self), try row.decode(column: "title", as: String.self), try row.decode(column: "starts_at", as: Date.self),
             try row.decode(column: "ends_at", as: Date.self), try row.decode(column: "answer", as: String?.self).flatMap(EventAnswer.init(rawValue:)))
        }
        return summary
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// What a graduate records toward their programme: SMART goals and their reassessments,
/// informational interviews and blog posts. Each owns its transaction. (Submissions for review
/// are coaching's; an approved one counts here, read from its table.)
struct RecordsUseCases: UseCases {
    let db: any Database
    let now: Date

    /// The day it is for `graduate`: in their cohort's time zone, as the programme counts days.
    func today(of graduate: UserModel) async throws -> LocalDate {
        try await graduate.programmeDay(at: now, on: db)
    }

    /// A goal with its versions, the latest first.
    struct Goal {
        let id: UUID
        let versions: [SmartGoalVersionModel]
        var current: SmartGoalVersionModel { versions[0] }
    }

    /// `graduateID`'s SMART goals, the latest set first, in two queries.
    func goals(of graduateID: UUID) async throws -> [Goal] {
        let goals = try await SmartGoalModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$createdAt, .descending).all()
        let ids = goals.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let versions = Dictionary(grouping: try await SmartGoalVersionModel.query(on: db).filter(\.$goal.$id ~~ ids).sort(\.$version, .descending).all(),
                                  by: { $0.$goal.id })
        return ids.compactMap { id in versions[id].flatMap { $0.isEmpty ? nil : Goal(id: id, versions: $0) } }
    }

    /// Sets a new goal: the goal and its first version, in one transaction.
    @discardableResult
    func setGoal(_ draft: SmartGoalDraft, for graduate: UserModel, today: LocalDate) async throws -> Goal {
        let graduateID = try graduate.requireID()
        return try await db.transaction { db in
            let goal = SmartGoalModel(userID: graduateID)
            try await goal.create(on: db)
            let version = SmartGoalVersionModel(goalID: try goal.requireID(), version: 1, draft: draft, writtenOn: today)
            try await version.create(on: db)
            return Goal(id: try goal.requireID(), versions: [version])
        }
    }

    /// The goal `id` if it is `graduateID`'s.
    func goal(_ id: UUID, of graduateID: UUID) async throws -> Goal? {
        try await goals(of: graduateID).first { $0.id == id }
    }

    /// Reassesses a goal: writes its next version and keeps the earlier ones. Two reassessments at
    /// once both stand, one after the other (the version is unique per goal; the later one takes
    /// the next number).
    @discardableResult
    func reassess(_ goalID: UUID, with draft: SmartGoalDraft, today: LocalDate) async throws -> SmartGoalVersionModel {
        var attempts = 0
        while true {
            do {
                return try await db.writeTransaction { db in
                    let last = try await SmartGoalVersionModel.query(on: db).filter(\.$goal.$id == goalID).sort(\.$version, .descending).first()
                    let version = SmartGoalVersionModel(goalID: goalID, version: (last?.version ?? 0) + 1, draft: draft, writtenOn: today)
                    try await version.create(on: db)
                    return version
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempts < 3 {
                attempts += 1
            }
        }
    }

    func informationalInterviews(of graduateID: UUID) async throws -> [InformationalInterviewModel] {
        try await InformationalInterviewModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$day, .descending).sort(\.$createdAt, .descending).all()
    }

    @discardableResult
    func record(_ draft: InformationalInterviewDraft, for graduateID: UUID) async throws -> InformationalInterviewModel {
        let interview = InformationalInterviewModel(userID: graduateID, draft: draft)
        try await interview.create(on: db)
        return interview
    }

    func blogPosts(of graduateID: UUID) async throws -> [BlogPostModel] {
        try await BlogPostModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$published, .descending).sort(\.$createdAt, .descending).all()
    }

    @discardableResult
    func record(_ draft: BlogPostDraft, for graduateID: UUID) async throws -> BlogPostModel {
        let post = BlogPostModel(userID: graduateID, draft: draft)
        try await post.create(on: db)
        return post
    }

    /// The evidence of each of `graduateIDs`, in two queries however many they are: every kind of
    /// the programme's records, and a pause, as (whose, what, which day, and a detail) rows of one
    /// `UNION ALL`, and the approved submissions coaching publishes.
    /// With `requiredOf` (the activities a status is decided on), only what the required ones
    /// can use: standups only when a standup is required, marks only of required activities.
    /// A status for 200 graduates then reads their few records, not every day's standup and task.
    func evidence(of graduateIDs: [UUID], requiredOf activities: [Activity]? = nil) async throws -> [UUID: ProgrammeRecords] {
        guard !graduateIDs.isEmpty else { return [:] }
        var result = Dictionary(uniqueKeysWithValues: graduateIDs.map { ($0, ProgrammeRecords()) })
        let sql = db as! any SQLDatabase
        let ids = SQLBind.group(graduateIDs)
        let required = activities?.filter(\.isRequired)
        let readsStandups = required.map { $0.contains { $0.kind == .standup } } ?? true
        let standups: SQLQueryString = readsStandups
            ? "SELECT user_id AS who, 'standup' AS what, day AS day, 0 AS week, '' AS detail FROM standups WHERE user_id IN \(ids) UNION ALL "
            : ""
        let markKeys = required.map { Array(Set($0.map(\.id))).sorted() }
        let marks: SQLQueryString = markKeys.map { keys in
            keys.isEmpty ? "" : " UNION ALL SELECT user_id, 'mark', day, 0, activity_key || ' ' || mark || ' ' || written_on FROM activity_marks WHERE user_id IN \(ids) AND activity_key IN (\(binds: keys))"
        } ?? " UNION ALL SELECT user_id, 'mark', day, 0, activity_key || ' ' || mark || ' ' || written_on FROM activity_marks WHERE user_id IN \(ids)"
        let rows = try await sql.raw("""
            \(standups)SELECT user_id AS who, 'retrospective' AS what, written_on AS day, week AS week, '' AS detail FROM retrospectives WHERE user_id IN \(ids)
            UNION ALL SELECT g.user_id, 'goal', v.written_on, 0, '' FROM smart_goal_versions v JOIN smart_goals g ON g.id = v.goal_id WHERE g.user_id IN \(ids)
            UNION ALL SELECT user_id, 'interview', day, 0, '' FROM informational_interviews WHERE user_id IN \(ids)
            UNION ALL SELECT user_id, 'post', published, 0, '' FROM blog_posts WHERE user_id IN \(ids)\(marks)
            UNION ALL SELECT user_id, 'pause', since, 0, reason FROM programme_pauses WHERE user_id IN \(ids)
            """).all()
        let byText = UUID.byText(graduateIDs)
        for row in rows {
            let who = try row.id("who", among: byText)
            guard result[who] != nil, let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            let detail = try row.decode(column: "detail", as: String.self)
            switch try row.decode(column: "what", as: String.self) {
            case "standup": result[who]?.standups.append(day)
            case "retrospective": result[who]?.retrospectives.append((try row.decode(column: "week", as: Int.self), day))
            case "goal": result[who]?.goalsWritten.append(day)
            case "interview": result[who]?.informationalInterviews.append(day)
            case "post": result[who]?.blogPosts.append(day)
            case "pause": result[who]?.pauseReason = detail
            case "mark":
                // "key mark written_on": keys are made of letters, digits and dashes.
                let parts = detail.split(separator: " ").map(String.init)
                guard parts.count == 3, let mark = ActivityRecord.Mark(rawValue: parts[1]) else { continue }
                result[who]?.marks.append(ActivityRecord(activityID: parts[0], day: day, writtenOn: LocalDate(iso: parts[2]), mark: mark))
            default: continue
            }
        }
        // Approved submissions are coaching's records, read through what it publishes.
        for (who, approved) in try await Capabilities.reads.coaching.approvedSubmissions(of: graduateIDs, on: db) where result[who] != nil {
            result[who]?.submissions += approved.compactMap { submission in SubmissionKind(rawValue: submission.kind).map { ($0, submission.day) } }
        }
        return result
    }
}

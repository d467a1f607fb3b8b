import Fluent
import Foundation
import OnwardCore
import Vapor

/// What a graduate records toward their programme: SMART goals and their reassessments,
/// informational interviews, blog posts and submissions for review. Each owns its transaction.
struct EvidenceUseCases: UseCases {
    let db: any Database
    let now: Date

    /// The day it is for `graduate`: in their cohort's time zone, as the programme counts days.
    func today(of graduate: UserModel) async throws -> LocalDate {
        if let cohortID = graduate.$cohort.id, let cohort = try await CohortModel.find(cohortID, on: db), let zone = TimeZone(identifier: cohort.timeZone) {
            return LocalDate(now, in: zone)
        }
        return graduate.today(at: now)
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

    func submissions(of graduateID: UUID) async throws -> [SubmissionModel] {
        try await SubmissionModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$createdAt, .descending).all()
    }

    @discardableResult
    func submit(_ draft: SubmissionDraft, for graduateID: UUID, today: LocalDate) async throws -> SubmissionModel {
        let submission = SubmissionModel(userID: graduateID, draft: draft, on: today)
        try await submission.create(on: db)
        return submission
    }

    /// The evidence of each of `graduateIDs`, in a fixed number of queries however many they are.
    func evidence(of graduateIDs: [UUID]) async throws -> [UUID: ProgrammeEvidence] {
        guard !graduateIDs.isEmpty else { return [:] }
        var result = Dictionary(uniqueKeysWithValues: graduateIDs.map { ($0, ProgrammeEvidence()) })
        for standup in try await StandupModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all() {
            if let day = LocalDate(iso: standup.day) { result[standup.$user.id]?.standups.append(day) }
        }
        for retrospective in try await RetrospectiveModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all() {
            if let day = LocalDate(iso: retrospective.writtenOn) { result[retrospective.$user.id]?.retrospectives.append((retrospective.week, day)) }
        }
        let goals = try await SmartGoalModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all()
        let ownerOfGoal = Dictionary(goals.compactMap { goal in goal.id.map { ($0, goal.$user.id) } }, uniquingKeysWith: { first, _ in first })
        if !goals.isEmpty {
            for version in try await SmartGoalVersionModel.query(on: db).filter(\.$goal.$id ~~ Array(ownerOfGoal.keys)).all() {
                if let owner = ownerOfGoal[version.$goal.id], let day = LocalDate(iso: version.writtenOn) { result[owner]?.goalsWritten.append(day) }
            }
        }
        for interview in try await InformationalInterviewModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all() {
            if let day = LocalDate(iso: interview.day) { result[interview.$user.id]?.informationalInterviews.append(day) }
        }
        for post in try await BlogPostModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all() {
            if let day = LocalDate(iso: post.published) { result[post.$user.id]?.blogPosts.append(day) }
        }
        for submission in try await SubmissionModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all() {
            if let day = LocalDate(iso: submission.submittedOn) { result[submission.$user.id]?.submissions.append((submission.kind, day)) }
        }
        for mark in try await ActivityMarkModel.query(on: db).filter(\.$user.$id ~~ graduateIDs).all() {
            if let record = mark.record { result[mark.$user.id]?.marks.append(record) }
        }
        return result
    }
}

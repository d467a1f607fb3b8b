import Fluent
import Foundation
import OnwardCore
import Vapor

/// A graduate's yearly learning goals: at most three active, each with resources and milestones.
struct LearningGoalUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A goal with what hangs off it.
    struct Goal {
        let goal: LearningGoalModel
        let resources: [LearningResourceModel]
        let milestones: [LearningMilestoneModel]
    }

    /// `graduateID`'s goals, the active first, in three queries.
    func goals(of graduateID: UUID) async throws -> [Goal] {
        let goals = try await LearningGoalModel.query(on: db).filter(\.$user.$id == graduateID).sort(\.$isActive, .descending).sort(\.$createdAt).all()
        let ids = goals.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let resources = Dictionary(grouping: try await LearningResourceModel.query(on: db).filter(\.$goal.$id ~~ ids).sort(\.$createdAt).all(), by: { $0.$goal.id })
        let milestones = Dictionary(grouping: try await LearningMilestoneModel.query(on: db).filter(\.$goal.$id ~~ ids).sort(\.$due).sort(\.$createdAt).all(),
                                    by: { $0.$goal.id })
        return goals.map { Goal(goal: $0, resources: resources[$0.id!] ?? [], milestones: milestones[$0.id!] ?? []) }
    }

    /// The goal `rawID` if it is `graduateID`'s; else not found.
    func goal(_ rawID: String, of graduateID: UUID) async throws -> Goal {
        guard let id = UUID(uuidString: rawID), let goal = try await goals(of: graduateID).first(where: { $0.goal.id == id }) else {
            throw Refusal.notFound("There is no such learning goal.")
        }
        return goal
    }

    /// Adds a goal, with its first resources and milestones, in one transaction; refused (409)
    /// when three are active already. Concurrent adds take turns on the graduate's row, so a
    /// fourth never slips in beside the third.
    @discardableResult
    func add(_ draft: LearningGoalDraft, resources: [LearningResourceDraft] = [], milestones: [MilestoneDraft] = [], for graduateID: UUID) async throws -> LearningGoalModel {
        try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: graduateID)
            let active = try await LearningGoalModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$isActive == true).count()
            guard active < LearningGoalDraft.maximumActive else { throw Self.tooMany }
            let goal = LearningGoalModel(userID: graduateID, draft: draft)
            try await goal.create(on: db)
            let id = try goal.requireID()
            for resource in resources { try await LearningResourceModel(goalID: id, draft: resource).create(on: db) }
            for milestone in milestones { try await LearningMilestoneModel(goalID: id, draft: milestone).create(on: db) }
            return goal
        }
    }

    static let tooMany = Refusal.conflict(
        "You have \(LearningGoalDraft.maximumActive) active learning goals: set one aside before adding another.", field: "title")

    /// Sets a goal aside (reached or dropped), or takes it up again when fewer than three are active.
    func setActive(_ goal: LearningGoalModel, _ active: Bool) async throws {
        let graduateID = goal.$user.id
        let goalID = try goal.requireID()
        try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: graduateID)
            if active {
                let others = try await LearningGoalModel.query(on: db).filter(\.$user.$id == graduateID).filter(\.$isActive == true).filter(\.$id != goalID).count()
                guard others < LearningGoalDraft.maximumActive else { throw Self.tooMany }
            }
            try await LearningGoalModel.query(on: db).filter(\.$id == goalID).set(\.$isActive, to: active).update()
        }
    }

    /// Adds a resource, unless the goal holds as many as it may: the goal's row is locked, so two
    /// added at once are counted one after the other.
    func add(_ draft: LearningResourceDraft, to goal: LearningGoalModel) async throws {
        let id = try goal.requireID()
        try await db.writeTransaction { db in
            try await db.lockRow(of: LearningGoalModel.schema, id: id)
            let held = try await LearningResourceModel.query(on: db).filter(\.$goal.$id == id).count()
            try LearningGoalDraft.checkCounts(resources: held + 1, milestones: 0, fields: ("name", "title"))
            try await LearningResourceModel(goalID: id, draft: draft).create(on: db)
        }
    }

    /// Adds a milestone, unless the goal holds as many as it may (counted as resources are).
    @discardableResult
    func add(_ draft: MilestoneDraft, to goal: LearningGoalModel) async throws -> LearningMilestoneModel {
        let id = try goal.requireID()
        return try await db.writeTransaction { db in
            try await db.lockRow(of: LearningGoalModel.schema, id: id)
            let held = try await LearningMilestoneModel.query(on: db).filter(\.$goal.$id == id).count()
            try LearningGoalDraft.checkCounts(resources: 0, milestones: held + 1, fields: ("name", "title"))
            let milestone = LearningMilestoneModel(goalID: id, draft: draft)
            try await milestone.create(on: db)
            return milestone
        }
    }

    /// Marks milestone `rawID` of `graduateID`'s done on `today`, or not done; not found for anyone else's.
    @discardableResult
    func mark(milestone rawID: String, done: Bool, today: LocalDate, of graduateID: UUID) async throws -> LearningMilestoneModel {
        guard let id = UUID(uuidString: rawID), let milestone = try await LearningMilestoneModel.query(on: db).filter(\.$id == id).with(\.$goal).first(),
              milestone.goal.$user.id == graduateID
        else { throw Refusal.notFound("There is no such milestone.") }
        milestone.doneOn = done ? today.iso : nil
        try await milestone.save(on: db)
        return milestone
    }
}

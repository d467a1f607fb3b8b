import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// A graduate's projects, each dated by the later of what they said and the last commit GitHub
/// delivered for its repository.
struct ProjectUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A project as pages and the API show it.
    struct Project {
        let model: ProjectModel
        /// The last commit Onward saw to its GitHub repository, if any.
        let lastCommit: LocalDate?
        let lastWorked: LocalDate
    }

    /// `userID`'s projects, side projects first, then the most recently worked on: two queries.
    func projects(of userID: UUID) async throws -> [Project] {
        try await dated(ProjectModel.query(on: db).filter(\.$user.$id == userID).all(), of: userID)
    }

    /// One project, dated.
    func project(_ model: ProjectModel) async throws -> Project {
        try await dated([model], of: model.$user.id)[0]
    }

    private func dated(_ models: [ProjectModel], of userID: UUID) async throws -> [Project] {
        let commits = try await lastCommits(of: [userID])[userID] ?? [:]
        return models.map { model in
            let lastCommit = model.gitHubRepository.flatMap { commits[$0] }
            let started = LocalDate(iso: model.startedOn) ?? LocalDate(now, in: .gmt)
            return Project(model: model, lastCommit: lastCommit,
                           lastWorked: ProjectDraft.lastWorked(said: model.lastWorkedOn.flatMap(LocalDate.init(iso:)), lastCommit: lastCommit, started: started))
        }.sorted { ($0.model.isSide ? 0 : 1, $1.lastWorked, $0.model.name) < ($1.model.isSide ? 0 : 1, $0.lastWorked, $1.model.name) }
    }

    /// The day each side project of each of `userIDs` was last worked on, in two queries.
    func sideProjectDays(of userIDs: [UUID]) async throws -> [UUID: [LocalDate]] {
        try await sideProjects(of: userIDs).mapValues { $0.map(\.lastWorked) }
    }

    /// Each side project of each of `userIDs`, named, with the day it was last worked on, in two
    /// queries: rows read by SQL, not Fluent, which for a thousand candidates cost more than the query.
    func sideProjects(of userIDs: [UUID]) async throws -> [UUID: [(name: String, lastWorked: LocalDate)]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id AS who, name, github_repository, started_on, last_worked_on FROM \(ident: ProjectModel.schema)
            WHERE user_id IN \(SQLBind.group(userIDs)) AND is_side = \(bind: true)
            """).all()
        let projects = try rows.map { row in
            (who: try row.id("who", among: byText), name: try row.decode(column: "name", as: String.self),
             repository: try row.decode(column: "github_repository", as: String?.self), started: LocalDate(iso: try row.decode(column: "started_on", as: String.self)),
             said: try row.decode(column: "last_worked_on", as: String?.self).flatMap(LocalDate.init(iso:)))
        }
        let commits = try await lastCommits(of: Array(Set(projects.map(\.who))))
        var result: [UUID: [(name: String, lastWorked: LocalDate)]] = [:]
        for project in projects {
            guard let started = project.started else { continue }
            let lastCommit = project.repository.flatMap { commits[project.who]?[$0] }
            result[project.who, default: []].append((name: project.name, lastWorked: ProjectDraft.lastWorked(said: project.said, lastCommit: lastCommit, started: started)))
        }
        return result
    }

    /// The day of the last commit to each repository of each of `userIDs`, in one query.
    private func lastCommits(of userIDs: [UUID]) async throws -> [UUID: [String: LocalDate]] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id, repository, MAX(day) AS day FROM \(ident: GitHubCommitModel.schema)
            WHERE user_id IN (\(binds: userIDs)) AND repository IS NOT NULL GROUP BY user_id, repository
            """).all()
        var result: [UUID: [String: LocalDate]] = [:]
        for row in rows {
            guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            result[try row.decode(column: "user_id", as: UUID.self), default: [:]][try row.decode(column: "repository", as: String.self)] = day
        }
        return result
    }

    func add(_ draft: ProjectDraft, for userID: UUID) async throws -> ProjectModel {
        let project = ProjectModel(userID: userID, draft: draft)
        try await project.create(on: db)
        return project
    }

    func update(_ project: ProjectModel, with draft: ProjectDraft) async throws {
        project.apply(draft)
        try await project.update(on: db)
    }

    func delete(_ project: ProjectModel) async throws {
        try await project.delete(on: db)
    }

    /// `rawID` as a project of `user`'s, which only they change: not found for anyone else's
    /// (which says nothing of whether it exists).
    func writable(_ rawID: String?, for user: UserModel) async throws -> ProjectModel {
        guard let id = rawID.flatMap(UUID.init(uuidString:)), let project = try await ProjectModel.find(id, on: db),
              project.$user.id == user.id else { throw Refusal.notFound() }
        return project
    }
}

import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Moves of one application sent at the same moment (runs on SQLite, and on PostgreSQL when
/// DATABASE_URL is set).
extension AppTests {
    @Suite struct MoveRaceTests {
        /// A graduate's new application at "applied", made today.
        static func applied(_ world: World, _ app: Application) async throws -> (JobSearch, LocalDate, ApplicationModel) {
            let search = JobSearch(db: app.db, now: testNow)
            let today = search.today(for: world.graduate)
            let application = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Developer"), stage: .applied, on: today)
            return (search, today, application)
        }

        static func positions(of application: ApplicationModel, on db: any Database) async throws -> [StageMoveModel] {
            try await StageMoveModel.query(on: db).filter(\.$application.$id == application.requireID()).sort(\.$position).all()
        }

        @Test func ten_concurrent_moves_of_one_application_make_one_history_without_a_repeated_position() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                let (_, _, application) = try await Self.applied(world, app)
                let path = "/api/v1/applications/\(application.id!.uuidString)/moves"
                let targets = ["screening", "tech_test", "interview", "screening", "offer", "tech_test", "interview", "screening", "withdrawn", "rejected"]
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for target in targets {
                        group.addTask { try await APITests.send(app, .POST, path, token: token, json: #"{"stage":"\#(target)"}"#).status.code }
                    }
                    return try await group.reduce(into: [UInt]()) { $0.append($1) }
                }
                #expect(statuses.count == 10)
                #expect(statuses.allSatisfy { [201, 409, 422].contains($0) }, "every answer is a move or a clear refusal: \(statuses)")
                #expect(statuses.contains(201))
                let moves = try await Self.positions(of: application, on: app.db)
                #expect(moves.map(\.position) == Array(0..<moves.count), "positions \(moves.map(\.position))")
                #expect(moves.count - 1 == statuses.filter { $0 == 201 }.count, "one move in the history per 201")
                // The history is a chain the table allows, ending where the application is.
                for (before, after) in zip(moves, moves.dropFirst()) {
                    #expect(StageMoves.canMove(from: before.stage, to: after.stage), "\(before.stage) → \(after.stage)")
                }
                let stored = try #require(try await ApplicationModel.find(application.requireID(), on: app.db))
                #expect(stored.stage == moves.last?.stage)
            }
        }

        @Test func a_second_move_from_a_stage_that_is_gone_is_refused_and_changes_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (search, today, application) = try await Self.applied(world, app)
                // Another request read the application at "applied" before this move landed.
                let stale = try #require(try await ApplicationModel.find(application.requireID(), on: app.db))
                try await search.move(application, to: .interview, on: today)
                await #expect(throws: Refusal.movedMeanwhile) { try await search.move(stale, to: .screening, on: today) }
                #expect(stale.stage == .applied)
                let moves = try await Self.positions(of: application, on: app.db)
                #expect(moves.map(\.stage) == [.applied, .interview])
            }
        }

        @Test func the_database_refuses_a_repeated_position() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (_, today, application) = try await Self.applied(world, app)
                await #expect(throws: (any Error).self) {
                    try await StageMoveModel(applicationID: application.requireID(), stage: .screening, on: today, position: 0).create(on: app.db)
                }
            }
        }

        @Test func a_refused_move_on_the_web_answers_409_with_the_reason() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let (_, _, application) = try await Self.applied(world, app)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let path = SiteURL.jobSearch(.move(id: application.id!.uuidString)).path
                async let first = browser.post(path, ["stage": "screening"])
                async let second = browser.post(path, ["stage": "screening"])
                let codes = try await [first.status.code, second.status.code].sorted()
                #expect(codes == [303, 409] || codes == [303, 422], "\(codes)")
                #expect(try await Self.positions(of: application, on: app.db).count == 2)
            }
        }

        /// A delete and moves of one application at once take its row in the same order: no
        /// deadlock, no 5xx; the application ends deleted with nothing left of it.
        @Test func deleting_an_application_while_it_is_moved_gives_no_error_and_leaves_nothing() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let token = try await APITests.token(for: world.graduate, app: app)
                for _ in 0..<5 {
                    let (_, _, application) = try await Self.applied(world, app)
                    let id = application.id!.uuidString
                    let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                        group.addTask { try await APITests.send(app, .DELETE, "/api/v1/applications/\(id)", token: token).status.code }
                        for target in ["screening", "interview", "offer"] {
                            group.addTask { try await APITests.send(app, .POST, "/api/v1/applications/\(id)/moves", token: token, json: #"{"stage":"\#(target)"}"#).status.code }
                        }
                        return try await group.reduce(into: [UInt]()) { $0.append($1) }
                    }
                    #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses)")
                    #expect(statuses.contains(204))
                    #expect(try await ApplicationModel.find(application.requireID(), on: app.db) == nil)
                    #expect(try await StageMoveModel.query(on: app.db).filter(\.$application.$id == application.requireID()).count() == 0)
                }
            }
        }
    }
}

import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import OnwardCore
import Testing
import Vapor
@testable import OnwardApp

/// Counts the SQL statements a database runs (they are logged at debug level).
final class QueryCounter: LogHandler, @unchecked Sendable {
    private let statements = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // SQLite says "Executing query" with the SQL in metadata; PostgreSQL prints the SQL.
        let message = event.message
        let text = message.description.uppercased()
        if event.level == .debug, text == "EXECUTING QUERY" || event.metadata?["sql"] != nil || ["SELECT ", "INSERT ", "UPDATE ", "DELETE "].contains(where: { text.hasPrefix($0) || text.contains(" \($0)") }) {
            statements.withLockedValue { $0.append(message.description) }
        }
    }

    var count: Int { statements.withLockedValue { $0.count } }
    func reset() { statements.withLockedValue { $0 = [] } }
}

extension AppTests {
    @Suite struct QueryCountTests {
        /// The board, the list and the figures run the same number of queries for 5 applications
        /// as for 300: nothing is queried per application.
        @Test func board_list_and_figures_use_a_fixed_number_of_queries() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let counter = QueryCounter()
                let db = app.databases.database(logger: Logger(label: "count", factory: { _ in counter }), on: app.eventLoopGroup.any())!
                let search = JobSearch(db: db, now: testNow)
                let today = search.today(for: world.graduate)

                func counts() async throws -> [String: Int] {
                    var result: [String: Int] = [:]
                    counter.reset(); _ = try await search.board(of: world.graduate, perStage: 25); result["board"] = counter.count
                    counter.reset(); _ = try await search.applications(of: world.graduate); result["list"] = counter.count
                    counter.reset(); _ = try await search.figures(of: world.graduate); result["figures"] = counter.count
                    return result
                }
                func add(_ n: Int, from start: Int) async throws {
                    let csv = "company,role,status,date applied\n" + (start..<(start + n)).map { "Company \($0),Developer,\($0 % 3 == 0 ? "Interviewing" : "Applied"),\(today.adding(days: -($0 % 30)).iso)" }.joined(separator: "\n")
                    let preview = try await search.preview(csv: csv, for: world.graduate)
                    try await search.importRows(preview, for: world.graduate)
                }
                try await add(5, from: 0)
                let few = try await counts()
                try await add(295, from: 5)
                let many = try await counts()
                #expect(few == many, "queries with 5 applications: \(few), with 300: \(many)")
                #expect(few.values.allSatisfy { $0 > 0 }, "the counter sees the queries: \(few)")
                #expect(few["board"] == 2)
            }
        }
    }
}

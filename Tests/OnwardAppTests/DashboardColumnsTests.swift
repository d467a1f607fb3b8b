import Foundation
import OnwardCore
import Testing
@testable import OnwardApp

/// The dashboard's columns are assembled from the modules: in their places, each id its own, and
/// the API's document names exactly them.
@Suite struct DashboardColumnsTests {
    let columns = Capabilities.dashboardColumns.map(\.column)

    @Test func the_modules_columns_stand_in_their_places() {
        #expect(columns.map(\.id) == ["status", "streak", "mood", "signals", "applications", "interviews", "offers", "requests", "submissions", "overdue", "meeting"])
        let places = Capabilities.dashboardColumns.map(\.place)
        #expect(Set(places).count == places.count, "no two columns share a place: \(places)")
        let filters = columns.flatMap(\.filters).map(\.id)
        #expect(Set(filters).count == filters.count && !filters.contains(DashboardQuery.everyone))
    }

    /// The API's `sort` and `show` are the columns' and filters' ids, so a column added to a
    /// module without its place in the document fails here.
    @Test func the_api_document_names_every_column_and_filter() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/OnwardApp/openapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        let paths = document["paths"] as! [String: [String: Any]]
        let operation = try #require(paths.values.compactMap { $0["get"] as? [String: Any] }.first { $0["operationId"] as? String == "getDashboard" })
        func values(_ name: String) throws -> [String] {
            let parameter = try #require((operation["parameters"] as! [[String: Any]]).first { $0["name"] as? String == name })
            return try #require((parameter["schema"] as? [String: Any])?["enum"] as? [String])
        }
        #expect(try values("sort") == [DashboardColumn.name.id] + columns.map(\.id))
        #expect(try values("show") == [DashboardQuery.everyone] + columns.flatMap(\.filters).map(\.id))
    }

    /// Every column prints something for a row with no figures at all (a graduate nobody has
    /// written anything about yet).
    @Test func each_column_prints_a_row_without_figures() {
        for shown in Capabilities.dashboardColumns {
            let cell = shown.cell(DashboardRow(id: "x", name: "X").figure(shown.column))
            #expect(!cell.text.isEmpty, "\(shown.column.id)")
        }
    }
}

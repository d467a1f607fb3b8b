import OnwardCore
import Vapor

/// A column of the coach's dashboard as its capability offers it: the rules (`DashboardColumn`,
/// in Core), where it stands, and how a figure prints. The dashboard page names none of them.
struct ShownDashboardColumn: Sendable {
    let column: DashboardColumn
    /// Where it stands among every capability's columns: lower first.
    let place: Int
    /// How a row's figure prints (nil when the row has none).
    let cell: @Sendable (DashboardFigure?) -> DashboardCell
    /// What its figures count that waits on the coach ("offer to decide", "offers to decide"):
    /// summed over every graduate above the table. Nil for a column that is no queue.
    let waiting: (singular: String, plural: String)?
    /// The column that says how a graduate stands (a state's badge): shown beside each graduate
    /// on the admin's lists, and counted per cohort on the overview.
    let isStanding: Bool

    init(column: DashboardColumn, place: Int, waiting: (singular: String, plural: String)? = nil, isStanding: Bool = false,
         cell: @escaping @Sendable (DashboardFigure?) -> DashboardCell) {
        self.column = column
        self.place = place
        self.waiting = waiting
        self.isStanding = isStanding
        self.cell = cell
    }
}

/// One cell of the dashboard, as it prints.
struct DashboardCell: Sendable {
    enum Look: Sendable {
        case text
        /// A figure, set right.
        case number
        /// A state's badge; the cell is classed `status-<tone>`.
        case badge(tone: String)
    }

    var text: String
    var look: Look = .text
    /// Shown as needing the coach.
    var warning = false
    /// Where the figure leads (the queue it counts).
    var link: SiteURL?
    /// A line under the figure.
    var note: String?

    /// A count that leads to its queue when there is something in it, and warns when `warns` says so.
    static func count(_ figure: DashboardFigure?, link: SiteURL? = nil, warns: (Int) -> Bool = { _ in false }) -> DashboardCell {
        let n = figure?.value ?? 0
        return DashboardCell(text: String(n), look: .number, warning: warns(n), link: n > 0 ? link : nil)
    }
}

extension Application {
    private struct DashboardColumnsKey: StorageKey {
        typealias Value = [ShownDashboardColumn]
    }

    /// Every module's dashboard columns, in their places: set once where the routes are registered.
    var dashboardColumns: [ShownDashboardColumn] {
        get { storage[DashboardColumnsKey.self] ?? [] }
        set { storage[DashboardColumnsKey.self] = newValue }
    }
}

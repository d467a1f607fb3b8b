import Foundation

/// The programme's columns of the coach's dashboard: the status (with what is missing), the
/// standup streak and today's mood.
public enum ProgrammeColumns {
    /// The lowest mood that is not low.
    public static let lowMoodBelow = 3

    public static let status = DashboardColumn(
        id: "status", title: "Status", heading: "Status",
        filters: [
            statusFilter(.atRisk), statusFilter(.enrolled), statusFilter(.placed), statusFilter(.paused),
            DashboardFilter("no_programme", "Not on a programme") { figure, _ in figure == nil },
        ])

    public static let streak = DashboardColumn(
        id: "streak", title: "Standup streak", heading: "Standups in a row", absent: DashboardFigure(0),
        filters: [DashboardFilter("no_streak", "No standup streak") { figure, _ in figure?.value == 0 }])

    public static let mood = DashboardColumn(
        id: "mood", title: "Mood today", heading: "Mood today",
        filters: [
            DashboardFilter("no_standup_today", "No standup today") { figure, _ in figure == nil },
            DashboardFilter("low_mood", "Low mood today (1 or 2)") { figure, _ in figure.map { $0.value < lowMoodBelow } ?? false },
        ])

    /// A status as its column keeps it: sorted most in need first (at risk, enrolled, paused,
    /// placed), named by its tag, with what is missing.
    public static func figure(_ status: ProgrammeStatus.Kind, missing: [String]) -> DashboardFigure {
        DashboardFigure(rank(status), tag: status.rawValue, notes: missing)
    }

    /// The status a figure of `status` names.
    public static func status(of figure: DashboardFigure?) -> ProgrammeStatus.Kind? {
        figure?.tag.flatMap(ProgrammeStatus.Kind.init(rawValue:))
    }

    private static func rank(_ status: ProgrammeStatus.Kind) -> Int {
        switch status {
        case .atRisk: 0
        case .enrolled: 1
        case .paused: 2
        case .placed: 3
        }
    }

    private static func statusFilter(_ kind: ProgrammeStatus.Kind) -> DashboardFilter {
        DashboardFilter(kind.rawValue, kind.title) { figure, _ in figure?.tag == kind.rawValue }
    }
}

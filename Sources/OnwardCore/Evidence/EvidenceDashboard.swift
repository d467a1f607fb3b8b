import Foundation

/// Evidence's column of the coach's dashboard: the signals standing for each graduate.
public enum EvidenceColumns {
    public static let signals = DashboardColumn(
        id: "signals", title: "Signals standing", heading: "Signals", firstOrder: .descending, absent: DashboardFigure(0),
        filters: [DashboardFilter("signals", "A sign to reach out") { figure, _ in (figure?.value ?? 0) > 0 }])

    /// A graduate's figure: how many signals stand, each one's title a note.
    public static func figure(_ signals: [SignalKind]) -> DashboardFigure {
        DashboardFigure(signals.count, notes: signals.sorted().map(\.title))
    }
}

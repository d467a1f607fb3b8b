import Foundation

/// Coaching's columns of the coach's dashboard: open support requests, waiting submissions,
/// overdue recommendations (the most first) and the next ILP meeting (the soonest first).
public enum CoachingColumns {
    public static let requests = DashboardColumn(
        id: "requests", title: "Open requests", heading: "Open requests", firstOrder: .descending, absent: DashboardFigure(0),
        filters: [DashboardFilter("open_requests", "Open support requests") { figure, _ in (figure?.value ?? 0) > 0 }])

    /// The note under a count of open requests when some were asked at a standup.
    public static func standupAsks(_ n: Int) -> String { n == 1 ? "1 asked at a standup" : "\(n) asked at standups" }

    public static let submissions = DashboardColumn(
        id: "submissions", title: "Waiting submissions", heading: "To review", firstOrder: .descending, absent: DashboardFigure(0),
        filters: [DashboardFilter("waiting_submissions", "Submissions waiting") { figure, _ in (figure?.value ?? 0) > 0 }])

    public static let overdue = DashboardColumn(
        id: "overdue", title: "Overdue recommendations", heading: "Overdue recs.", firstOrder: .descending, absent: DashboardFigure(0),
        filters: [DashboardFilter("overdue_recommendations", "Overdue recommendations") { figure, _ in (figure?.value ?? 0) > 0 }])

    /// The next meeting's day, as its day number.
    public static let meeting = DashboardColumn(
        id: "meeting", title: "Next meeting", heading: "Next ILP meeting",
        filters: [
            DashboardFilter("meeting_this_week", "ILP meeting in the next 7 days") { figure, today in figure.map { $0.value <= today.adding(days: 6).dayNumber } ?? false },
            DashboardFilter("no_meeting", "No ILP meeting planned") { figure, _ in figure == nil },
        ])

    public static func figure(meeting day: LocalDate) -> DashboardFigure { DashboardFigure(day.dayNumber) }

    public static func meeting(of figure: DashboardFigure?) -> LocalDate? { figure.map { LocalDate(dayNumber: $0.value) } }
}

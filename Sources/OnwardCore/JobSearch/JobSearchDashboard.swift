import Foundation

/// The job search's columns of the coach's dashboard: the last 7 days' applications and interviews.
public enum JobSearchColumns {
    public static let applications = DashboardColumn(
        id: "applications", title: "Applications (7 days)", heading: "Applied, 7 days", absent: DashboardFigure(0),
        filters: [DashboardFilter("no_applications", "No application in 7 days") { figure, _ in figure?.value == 0 }])

    /// Offers the graduate has not answered yet: a decision their coach may help with.
    public static let offers = DashboardColumn(
        id: "offers", title: "Offers to decide", heading: "Offers", firstOrder: .descending, absent: DashboardFigure(0),
        filters: [DashboardFilter("offers_to_decide", "An offer waiting for a decision") { figure, _ in (figure?.value ?? 0) > 0 }])

    public static let interviews = DashboardColumn(
        id: "interviews", title: "Interviews (7 days)", heading: "Interviews, 7 days", absent: DashboardFigure(0),
        filters: [DashboardFilter("no_interviews", "No interview in 7 days") { figure, _ in figure?.value == 0 }])
}

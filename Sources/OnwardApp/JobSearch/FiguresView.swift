import Foundation
import OnwardCore

/// The job search figures as a page shows them: the two 7-day figures, the weekly chart and the
/// funnel. Shared by the graduate's home and their coach's view.
struct FiguresView: Encodable {
    struct Step: Encodable {
        let label: String
        let count: Int
        let rate: String?
    }
    let applicationsLast7Days: Int
    let interviewsLast7Days: Int
    let chart: BarChart
    let hasWeeks: Bool
    let funnel: [Step]
    let medianDaysToFirstResponse: String?
    let boardURL: String
    let listURL: String

    init(_ figures: JobSearch.Figures, boardURL: String, listURL: String) {
        applicationsLast7Days = figures.sevenDays.applicationsLast7Days
        interviewsLast7Days = figures.sevenDays.interviewsLast7Days
        let weeks = figures.weeks.suffix(26)
        chart = BarChart(
            title: "Applications and interviews, week by week",
            series: [.init(name: "Applications", cssClass: "series-applications"), .init(name: "Interviews", cssClass: "series-interviews")],
            groups: weeks.map { (Formats.day(iso: $0.weekStarting.iso).replacingOccurrences(of: " \($0.weekStarting.year)", with: ""), [$0.applications, $0.interviews]) })
        hasWeeks = !weeks.isEmpty
        let f = figures.funnel
        func percent(_ rate: Double?) -> String? { rate.map { "\(Int(($0 * 100).rounded()))%" } }
        funnel = [
            Step(label: "Applied", count: f.applied, rate: nil),
            Step(label: "First response", count: f.responded, rate: percent(f.responseRate)),
            Step(label: "Interview", count: f.interviewed, rate: percent(f.interviewRate)),
            Step(label: "Offer", count: f.offered, rate: percent(f.offerRate)),
        ]
        medianDaysToFirstResponse = f.medianDaysToFirstResponse.map { $0 == $0.rounded() ? "\(Int($0))" : String(format: "%.1f", $0) }
        self.boardURL = boardURL
        self.listURL = listURL
    }
}

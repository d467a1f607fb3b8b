/// The pages of Outcomes: the reports by half-year and cohort, one cohort's report, each as CSV
/// and in a version for publishing, and a graduate's record of enrolment and outcomes with its
/// forms.
enum OutcomesURL: Hashable, Sendable {
    case reports
    case reportsCSV
    case published
    case publishedCSV
    case cohort(id: String)
    case cohortCSV(id: String)
    case publishedCohort(id: String)
    case publishedCohortCSV(id: String)
    case graduate(id: String)
    case enrolment(graduateID: String)
    case recordOutcome(graduateID: String)

    var path: String {
        switch self {
        case .reports: "/outcomes"
        case .reportsCSV: "/outcomes/report.csv"
        case .published: "/outcomes/public"
        case .publishedCSV: "/outcomes/public.csv"
        case .cohort(let id): "/outcomes/cohorts/\(id)"
        case .cohortCSV(let id): "/outcomes/cohorts/\(id)/report.csv"
        case .publishedCohort(let id): "/outcomes/cohorts/\(id)/public"
        case .publishedCohortCSV(let id): "/outcomes/cohorts/\(id)/public.csv"
        case .graduate(let id): "/outcomes/graduates/\(id)"
        case .enrolment(let id): "/outcomes/graduates/\(id)/enrolment"
        case .recordOutcome(let id): "/outcomes/graduates/\(id)/outcomes"
        }
    }
}

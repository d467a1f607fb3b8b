/// The pages of Outcomes: the reports by half-year and cohort, one cohort's report, and a
/// graduate's record of enrolment and outcomes with its forms.
enum OutcomesURL: Hashable, Sendable {
    case reports
    case cohort(id: String)
    case graduate(id: String)
    case enrolment(graduateID: String)
    case recordOutcome(graduateID: String)

    var path: String {
        switch self {
        case .reports: "/outcomes"
        case .cohort(let id): "/outcomes/cohorts/\(id)"
        case .graduate(let id): "/outcomes/graduates/\(id)"
        case .enrolment(let id): "/outcomes/graduates/\(id)/enrolment"
        case .recordOutcome(let id): "/outcomes/graduates/\(id)/outcomes"
        }
    }
}

/// The programme's pages and form actions.
enum ProgrammeURL: Hashable, Sendable {
    /// The graduate's road map and status.
    case roadMap
    /// Mark one of today's tasks done or skipped.
    case mark
    /// Today's standup: the form, and posting it.
    case standup
    /// An admin's list of cohorts and their programmes.
    case cohorts
    /// Give a cohort the default programme.
    case giveDefault(cohortID: String)

    var path: String {
        switch self {
        case .roadMap: "/programme"
        case .mark: "/programme/marks"
        case .standup: "/programme/standup"
        case .cohorts: "/admin/programmes"
        case .giveDefault(let id): "/admin/programmes/\(id)/default"
        }
    }
}

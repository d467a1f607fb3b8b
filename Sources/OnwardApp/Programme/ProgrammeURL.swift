/// The programme's pages and form actions.
enum ProgrammeURL: Hashable, Sendable {
    /// The graduate's road map and status.
    case roadMap
    /// Mark one of today's tasks done or skipped.
    case mark
    /// Today's standup: the form, and posting it.
    case standup
    /// A week's retrospective: the form (`?week=N`, this week when left out), and writing it.
    case retrospective
    /// Every retrospective written, the latest first.
    case retrospectives
    /// A cohort's standup board of today.
    case standupBoard(cohortID: String)
    /// SMART goals: the list, and setting a new one.
    case goals
    /// One goal: reassessing it, and its history.
    case goal(id: String)
    /// Informational interviews: the list, and recording one.
    case informationalInterviews
    /// Blog posts: the list, and recording one.
    case blogPosts
    /// Yearly learning goals: the list, and adding one.
    case learningGoals
    /// One learning goal.
    case learningGoal(id: String)
    /// Add a resource to a learning goal.
    case addResource(goalID: String)
    /// Add a milestone to a learning goal.
    case addMilestone(goalID: String)
    /// Set a learning goal aside, or take it up again.
    case setGoalActive(goalID: String)
    /// Mark a milestone done, or not done.
    case milestone(id: String)
    /// A graduate's programme as their coach or an admin reads it: status, records, retrospectives.
    case graduate(id: String)
    /// Pause a graduate's programme (an admin), with a reason; or resume it.
    case pause(graduateID: String)
    case resume(graduateID: String)
    /// Comment on a retrospective.
    case comment(retrospectiveID: String)
    /// An admin's list of cohorts and their programmes.
    case cohorts
    /// A programme's activities, to add to and remove from.
    case programme(id: String)
    /// Add an activity to a programme.
    case addActivity(programmeID: String)
    /// Remove an activity from its programme.
    case removeActivity(id: String)
    case editActivity(id: String)
    case renameProgramme(id: String)
    /// Give a cohort the default programme.
    case giveDefault(cohortID: String)

    var path: String {
        switch self {
        case .roadMap: "/programme"
        case .mark: "/programme/marks"
        case .standup: "/programme/standup"
        case .retrospective: "/programme/retrospective"
        case .retrospectives: "/programme/retrospectives"
        case .standupBoard(let id): "/programme/cohorts/\(id)/standups"
        case .goals: "/programme/goals"
        case .goal(let id): "/programme/goals/\(id)"
        case .informationalInterviews: "/programme/informational-interviews"
        case .blogPosts: "/programme/blog-posts"
        case .learningGoals: "/programme/learning"
        case .learningGoal(let id): "/programme/learning/\(id)"
        case .addResource(let id): "/programme/learning/\(id)/resources"
        case .addMilestone(let id): "/programme/learning/\(id)/milestones"
        case .setGoalActive(let id): "/programme/learning/\(id)/active"
        case .milestone(let id): "/programme/milestones/\(id)"
        case .graduate(let id): "/programme/graduates/\(id)"
        case .pause(let id): "/programme/graduates/\(id)/pause"
        case .resume(let id): "/programme/graduates/\(id)/resume"
        case .comment(let id): "/programme/retrospectives/\(id)/comments"
        case .cohorts: "/admin/programmes"
        case .programme(let id): "/admin/programmes/\(id)"
        case .addActivity(let id): "/admin/programmes/\(id)/activities"
        case .removeActivity(let id): "/admin/programme-activities/\(id)/remove"
        case .editActivity(let id): "/admin/programme-activities/\(id)/edit"
        case .renameProgramme(let id): "/admin/programmes/\(id)/name"
        case .giveDefault(let id): "/admin/programmes/\(id)/default"
        }
    }
}

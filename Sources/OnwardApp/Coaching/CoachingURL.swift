/// Coaching's pages and form actions.
enum CoachingURL: Hashable, Sendable {
    /// A graduate's submissions for review: the list, and submitting.
    case submissions
    /// One submission: its rounds and reviews, the review form (a coach), the resubmit form (the graduate).
    case submission(id: String)
    /// Send the next round of a submission sent back for changes.
    case resubmit(id: String)
    /// Review the round waiting: approve, or ask for changes.
    case review(id: String)
    /// A coach's queue of submissions waiting for review (an admin: everyone's).
    case reviews
    /// A graduate's support requests: the list, and opening one.
    case support
    /// One support request: its thread and the reply form.
    case supportRequest(id: String)
    /// Reply in a support request's thread.
    case supportReply(id: String)
    /// Mark a support request solved.
    case solve(id: String)
    /// The careers team's help desk: their graduates' support requests (an admin: everyone's).
    case supportDesk
    /// A graduate's learning plan: the current one, or asking for one.
    case plan
    /// A coach's learning plans: the list, and starting one.
    case plans
    /// One learning plan.
    case learningPlan(id: String)
    /// Record a meeting of a plan, with its recommendations.
    case meetings(planID: String)
    /// Finish a plan.
    case finishPlan(id: String)
    case meetingPlace(planID: String)
    /// Move a recommendation (to do, doing, done).
    case recommendation(id: String)
    /// Coaching events: the upcoming and the recent, and (the careers team) holding one.
    case events
    /// One event: what, when, where; answering it (a graduate); who comes (the careers team).
    case event(id: String)
    /// A graduate answers an event: going, not going.
    case answerEvent(id: String)
    /// Cancel an event (its coach, or an admin).
    case cancelEvent(id: String)
    /// The coach's dashboard: every graduate of theirs, a line each, sorted and filtered.
    case dashboard

    var path: String {
        switch self {
        case .submissions: "/submissions"
        case .submission(let id): "/submissions/\(id)"
        case .resubmit(let id): "/submissions/\(id)/resubmit"
        case .review(let id): "/submissions/\(id)/review"
        case .reviews: "/reviews"
        case .support: "/support"
        case .supportRequest(let id): "/support/\(id)"
        case .supportReply(let id): "/support/\(id)/replies"
        case .solve(let id): "/support/\(id)/solve"
        case .supportDesk: "/support-desk"
        case .plan: "/plan"
        case .plans: "/plans"
        case .learningPlan(let id): "/plans/\(id)"
        case .meetings(let id): "/plans/\(id)/meetings"
        case .finishPlan(let id): "/plans/\(id)/finish"
        case .meetingPlace(let id): "/plans/\(id)/meeting-place"
        case .recommendation(let id): "/recommendations/\(id)"
        case .events: "/events"
        case .event(let id): "/events/\(id)"
        case .answerEvent(let id): "/events/\(id)/answer"
        case .cancelEvent(let id): "/events/\(id)/cancel"
        case .dashboard: "/dashboard"
        }
    }
}

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

    var path: String {
        switch self {
        case .submissions: "/submissions"
        case .submission(let id): "/submissions/\(id)"
        case .resubmit(let id): "/submissions/\(id)/resubmit"
        case .review(let id): "/submissions/\(id)/review"
        case .reviews: "/reviews"
        }
    }
}

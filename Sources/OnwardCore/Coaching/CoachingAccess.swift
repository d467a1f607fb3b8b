/// Coaching's decisions: learning plans, reviews, the help desk, the dashboard and events.
/// Built on the shared relations in `Accounts/Access.swift`.
extension Access {
    /// Who keeps a graduate's Individual Learning Plan (starts it, records its meetings and
    /// recommendations, finishes it): a coach of theirs. An admin runs the bootcamp, not plans.
    public static func canCoachLearningPlan(_ viewer: Viewer, of owner: Owner) -> Bool {
        isCoach(viewer, of: owner)
    }

    /// Who keeps learning plans at all (the list of their graduates' plans): a coach.
    public static func keepsLearningPlans(_ viewer: Viewer) -> Bool {
        viewer.role == .coach
    }

    /// Who may read an Individual Learning Plan's meeting notes: the graduate and their coaches.
    /// Not an admin, not a partner, no other graduate: the notes are private to the coaching.
    public static func canReadLearningPlanNotes(_ viewer: Viewer, of owner: Owner) -> Bool {
        guard owner.role == .graduate else { return false }
        return viewer.id == owner.id || isCoach(viewer, of: owner)
    }

    /// Who reviews a graduate's submissions (approves them, or asks for changes): their coaches,
    /// and an admin. The graduate submits and resubmits; nobody else sees them.
    public static func canReviewSubmissions(_ viewer: Viewer, of owner: Owner) -> Bool {
        coachesOrRuns(viewer, owner)
    }

    /// Who works the review queue at all: a coach (their graduates'), an admin (everyone's).
    public static func reviewsSubmissions(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// Who answers a graduate's support requests (replies, sets a 1:1's time, marks them
    /// solved): their coaches, and an admin. The graduate who opened one replies and solves it too.
    public static func canAnswerSupportRequests(_ viewer: Viewer, of owner: Owner) -> Bool {
        coachesOrRuns(viewer, owner)
    }

    /// Who works the help desk at all: a coach (their graduates' requests), an admin (everyone's).
    public static func worksSupportDesk(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// Who reads the coach's dashboard (every graduate they may list, with their figures): a
    /// coach (their graduates), an admin (everyone).
    public static func readsCoachDashboard(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// Who holds coaching events (creates them, sees who comes): a coach or an admin.
    public static func holdsEvents(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// Who sees coaching events at all: graduates, coaches and admins; not a partner.
    public static func seesEvents(_ viewer: Viewer) -> Bool {
        viewer.role != .partner && viewer.role != .former
    }

    /// Who may see one event: the careers team, every one; a graduate, those for everyone and for
    /// their own cohort. `audience` is the cohort it is for (nil: everyone).
    public static func canSeeEvent(_ viewer: Viewer, audience: String?, viewerCohort: String?) -> Bool {
        switch viewer.role {
        case .coach, .admin: true
        case .graduate: audience == nil || audience == viewerCohort
        case .partner, .former: false
        }
    }

    /// Who answers an event (going, not going): a graduate it is for.
    public static func canAnswerEvent(_ viewer: Viewer, audience: String?, viewerCohort: String?) -> Bool {
        viewer.role == .graduate && canSeeEvent(viewer, audience: audience, viewerCohort: viewerCohort)
    }

    /// Who sees who answered what: the careers team. A graduate sees how many are going.
    public static func seesWhoComes(_ viewer: Viewer) -> Bool {
        holdsEvents(viewer)
    }

    /// Whose answers to an event someone reads by name.
    public enum AnswerReach: Sendable, Equatable {
        /// Every graduate's: the event's host, an admin.
        case everyone
        /// Their own graduates' by name, how many for the rest: another coach.
        case ownGraduates
        /// Nobody's (how many are going): a graduate.
        case nobody
    }

    /// Whose answers to an event `viewer` reads by name: a coach reads those of the graduates they
    /// coach, as with the rest of a graduate's records, unless they hold the event.
    public static func eventAnswerReach(_ viewer: Viewer, createdBy: String) -> AnswerReach {
        switch viewer.role {
        case .admin: .everyone
        case .coach: viewer.id == createdBy ? .everyone : .ownGraduates
        case .graduate, .partner, .former: .nobody
        }
    }

    /// Who cancels an event: the coach who created it, or an admin.
    public static func canCancelEvent(_ viewer: Viewer, createdBy: String) -> Bool {
        viewer.role == .admin || (viewer.role == .coach && viewer.id == createdBy)
    }
}

/// Outcomes' decisions.
extension Access {
    /// Who reads the outcome reports: an admin (every cohort), a coach (the cohorts of the
    /// graduates they coach). Never a graduate or a partner.
    public static func readsOutcomes(_ viewer: Viewer) -> Bool {
        viewer.role == .admin || viewer.role == .coach
    }

    /// Who sees which graduates stand behind a figure: an admin.
    public static func seesWhoIsBehindOutcomes(_ viewer: Viewer) -> Bool {
        viewer.role == .admin
    }

    /// Who records a graduate's enrolment and confirms their outcome with its documentation:
    /// an admin, or one of the graduate's coaches.
    public static func recordsOutcomes(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && coachesOrRuns(viewer, owner)
    }
}

/// The job search's decisions: who keeps one, who reads and writes a graduate's, who corrects a
/// placement.
extension Access {
    /// Who keeps a job search of their own: a graduate.
    public static func keepsJobSearch(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who may see a graduate's job search: the graduate, their coaches, an admin. (A partner
    /// sees a shared candidate profile, not the search behind it.)
    public static func canReadJobSearch(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role != .partner && canRead(viewer, recordOf: owner)
    }

    /// Only the graduate writes their own job search: adds, edits, moves, deletes, imports. Their
    /// coaches and an admin read it; an admin runs the bootcamp, not people's searches.
    public static func canWriteJobSearch(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.id == owner.id
    }

    /// Who reads other people's job searches at all (the routes for a graduate's board and list
    /// as someone else sees them): coaches and admins.
    public static func readsOthersJobSearches(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// A coach of the graduate, or an admin, corrects the placement a graduate recorded (the
    /// graduate records it by accepting the offer).
    public static func canCorrectPlacement(_ viewer: Viewer, of owner: Owner) -> Bool {
        coachesOrRuns(viewer, owner)
    }
}

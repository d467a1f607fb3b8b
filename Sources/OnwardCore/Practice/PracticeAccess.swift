/// Practice's decisions: mock interviews, peer sessions and pairing (the record-level scope of a
/// pairing is `PairingScope`).
extension Access {
    /// Who opens slots for mock technical interviews and scores them: a coach.
    public static func holdsMockInterviews(_ viewer: Viewer) -> Bool {
        viewer.role == .coach
    }

    /// Who books mock interviews: a graduate.
    public static func booksMockInterviews(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who reads a mock interview and its feedback: the graduate who booked it, the coach who
    /// holds it, and an admin. Not a partner, not another graduate, not another coach.
    public static func canReadMockInterview(_ viewer: Viewer, graduate: String, coach: String) -> Bool {
        viewer.id == graduate || viewer.id == coach || viewer.role == .admin
    }

    /// Who fills a mock interview's rubric: the coach who holds it.
    public static func canScoreMockInterview(_ viewer: Viewer, coach: String) -> Bool {
        viewer.role == .coach && viewer.id == coach
    }

    /// Who hosts and joins morning peer practice sessions: a graduate.
    public static func practisesWithPeers(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who opens a peer session's page at all: a graduate, and a coach (for the sessions their
    /// graduates took part in).
    public static func readsPeerSessions(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate || viewer.role == .coach
    }

    /// Who sees a peer session: a graduate of the host's cohort (the host too), who may join it;
    /// a coach of one who took part, who reads what their graduates practised.
    /// One who took part sees it still when its host has left Onward (and with them their cohort).
    public static func canSeePeerSession(_ viewer: Viewer, host: String, hostCohort: String?, viewerCohort: String?, coachesAParticipant: Bool = false,
                                         tookPart: Bool = false) -> Bool {
        switch viewer.role {
        case .graduate: viewer.id == host || tookPart || (hostCohort != nil && hostCohort == viewerCohort)
        case .coach: coachesAParticipant
        case .admin, .partner, .former: false
        }
    }

    /// Who reads what one participant of a peer session practised: those who took part, and that
    /// participant's coaches.
    public static func canReadPeerNote(_ viewer: Viewer, tookPart: Bool, coachesWriter: Bool) -> Bool {
        (viewer.role == .graduate && tookPart) || (viewer.role == .coach && coachesWriter)
    }

    /// Who reads a peer session's link to join: those who took part. Cohort-mates who did not see
    /// who comes, and no more.
    public static func canReadInsidePeerSession(_ viewer: Viewer, tookPart: Bool) -> Bool {
        viewer.role == .graduate && tookPart
    }

    /// Who asks to pair, volunteers to pair with others, and answers proposed pairings: a
    /// graduate (an alumnus keeps the role).
    public static func pairs(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who sees the requests that found nobody and matches two people by hand: a coach, an admin.
    public static func matchesPairsByHand(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// Who sees a pairing, notes included: its two people, a coach of either of them now, an
    /// admin; as with every other record of a graduate's, a coach taken off them no longer does,
    /// even one who matched the two by hand. Only the two answer it, add its link and note it.
    public static func canSeePairing(_ viewer: Viewer, sides: Set<String>, coachesOfSides: Set<String>) -> Bool {
        sides.contains(viewer.id) || viewer.role == .admin || (viewer.role == .coach && coachesOfSides.contains(viewer.id))
    }

    public static func isSideOfPairing(_ viewer: Viewer, sides: Set<String>) -> Bool {
        sides.contains(viewer.id)
    }
}

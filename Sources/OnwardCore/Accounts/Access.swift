/// Who is asking, as far as access is concerned.
public struct Viewer: Sendable, Equatable {
    public let id: String
    public let role: Role

    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }
}

/// Every authorization decision Onward makes, one named function each. The app's policy loads
/// what a decision needs (who is asking, whose record it is, who coaches them) and hands handlers
/// the answers; nothing else decides. Later capabilities add theirs here (review a submission,
/// see private writing, read a shared profile).
public enum Access {
    public struct Owner: Sendable, Equatable {
        public let id: String
        public let role: Role
        /// Coaches assigned to this person (empty for anyone but a graduate).
        public let coachIDs: Set<String>
        /// Whether the graduate chose to share this record with the partnerships team.
        public let sharedWithPartners: Bool

        public init(id: String, role: Role, coachIDs: Set<String> = [], sharedWithPartners: Bool = false) {
            self.id = id
            self.role = role
            self.coachIDs = coachIDs
            self.sharedWithPartners = sharedWithPartners
        }
    }

    // MARK: Whose records

    /// Who may see a person and their records: themselves, a coach the graduates assigned to
    /// them, a partner only what a graduate chose to share, an admin everyone. Anyone else is told
    /// the record does not exist.
    public static func canRead(_ viewer: Viewer, recordOf owner: Owner) -> Bool {
        if viewer.id == owner.id { return true }
        switch viewer.role {
        case .admin: return true
        case .coach: return owner.role == .graduate && owner.coachIDs.contains(viewer.id)
        case .partner: return owner.role == .graduate && owner.sharedWithPartners
        case .graduate: return false
        }
    }

    /// Whose people and records a viewer may list.
    public enum Reach: Sendable, Equatable {
        /// Everyone (an admin).
        case everyone
        /// The graduates assigned to them (a coach).
        case assignedGraduates
        /// Themselves (a graduate).
        case themselves
        /// Nobody yet (a partner: sharing comes with the shortlist).
        case nobody
    }

    /// Whose people, cohorts and coach assignments a viewer may list.
    public static func reach(of viewer: Viewer) -> Reach {
        switch viewer.role {
        case .admin: .everyone
        case .coach: .assignedGraduates
        case .graduate: .themselves
        case .partner: .nobody
        }
    }

    // MARK: The programme

    /// Who follows a programme of their own (a road map, standups, a status): a graduate.
    public static func followsProgramme(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who may see a graduate's programme status and what is missing: the graduate, their
    /// coaches, an admin; not a partner, and no other graduate.
    public static func canReadProgramme(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role != .partner && canRead(viewer, recordOf: owner)
    }

    /// Who may see a cohort's standup board: its graduates, a coach of one of them, an admin. What
    /// each person sees of another's standup beyond their plans (mood, concerns) is
    /// `canReadProgramme`: their own, their coaches', an admin's.
    public static func canSeeStandupBoard(_ viewer: Viewer, isMember: Bool, coachesAMember: Bool) -> Bool {
        switch viewer.role {
        case .admin: true
        case .graduate: isMember
        case .coach: coachesAMember
        case .partner: false
        }
    }

    /// Who answers a graduate in their programme (comments on their retrospectives, replies to
    /// their requests for help): their coaches and an admin, the careers team.
    public static func canCoachProgramme(_ viewer: Viewer, of owner: Owner) -> Bool {
        guard owner.role == .graduate else { return false }
        return viewer.role == .admin || (viewer.role == .coach && owner.coachIDs.contains(viewer.id))
    }

    /// Which cohorts a person lists: every cohort for those who reach everyone, their own for the
    /// others, none for one without a cohort.
    public enum CohortListing: Equatable, Sendable {
        case all
        case own(String)
        case none
    }

    public static func cohortsListed(by viewer: Viewer, ownCohort: String?) -> CohortListing {
        if reach(of: viewer) == .everyone { return .all }
        return ownCohort.map(CohortListing.own) ?? .none
    }

    /// Who reads graduates' programmes and comments on their retrospectives: a coach (their
    /// graduates'), an admin (everyone's).
    public static func readsProgrammes(_ viewer: Viewer) -> Bool {
        viewer.role == .coach || viewer.role == .admin
    }

    /// Who pauses a graduate's programme (illness, a family matter) and resumes it: an admin.
    /// While paused, nothing missing puts them at risk.
    public static func canPauseProgramme(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role == .admin
    }


    // MARK: Coaching

    /// Who keeps a graduate's Individual Learning Plan (starts it, records its meetings and
    /// recommendations, finishes it): a coach of theirs. An admin runs the bootcamp, not plans.
    public static func canCoachLearningPlan(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role == .coach && owner.coachIDs.contains(viewer.id)
    }

    /// Who keeps learning plans at all (the list of their graduates' plans): a coach.
    public static func keepsLearningPlans(_ viewer: Viewer) -> Bool {
        viewer.role == .coach
    }

    /// Who may read an Individual Learning Plan's meeting notes: the graduate and their coaches.
    /// Not an admin, not a partner, no other graduate: the notes are private to the coaching.
    public static func canReadLearningPlanNotes(_ viewer: Viewer, of owner: Owner) -> Bool {
        guard owner.role == .graduate else { return false }
        return viewer.id == owner.id || (viewer.role == .coach && owner.coachIDs.contains(viewer.id))
    }

    /// Who reviews a graduate's submissions (approves them, or asks for changes): their coaches,
    /// and an admin. The graduate submits and resubmits; nobody else sees them.
    public static func canReviewSubmissions(_ viewer: Viewer, of owner: Owner) -> Bool {
        guard owner.role == .graduate else { return false }
        return viewer.role == .admin || (viewer.role == .coach && owner.coachIDs.contains(viewer.id))
    }

    /// Who works the review queue at all: a coach (their graduates'), an admin (everyone's).
    public static func reviewsSubmissions(_ viewer: Viewer) -> Bool {
        viewer.role == .coach || viewer.role == .admin
    }

    /// Who answers a graduate's support requests (replies, sets a 1:1's time, marks them
    /// solved): their coaches, and an admin. The graduate who opened one replies and solves it too.
    public static func canAnswerSupportRequests(_ viewer: Viewer, of owner: Owner) -> Bool {
        guard owner.role == .graduate else { return false }
        return viewer.role == .admin || (viewer.role == .coach && owner.coachIDs.contains(viewer.id))
    }

    /// Who works the help desk at all: a coach (their graduates' requests), an admin (everyone's).
    public static func worksSupportDesk(_ viewer: Viewer) -> Bool {
        viewer.role == .coach || viewer.role == .admin
    }

    /// Who reads the coach's dashboard (every graduate they may list, with their figures): a
    /// coach (their graduates), an admin (everyone).
    public static func readsCoachDashboard(_ viewer: Viewer) -> Bool {
        viewer.role == .coach || viewer.role == .admin
    }

    /// Who holds coaching events (creates them, sees who comes): a coach or an admin.
    public static func holdsEvents(_ viewer: Viewer) -> Bool {
        viewer.role == .coach || viewer.role == .admin
    }

    /// Who sees coaching events at all: graduates, coaches and admins; not a partner.
    public static func seesEvents(_ viewer: Viewer) -> Bool {
        viewer.role != .partner
    }

    /// Who may see one event: the careers team, every one; a graduate, those for everyone and for
    /// their own cohort. `audience` is the cohort it is for (nil: everyone).
    public static func canSeeEvent(_ viewer: Viewer, audience: String?, viewerCohort: String?) -> Bool {
        switch viewer.role {
        case .coach, .admin: true
        case .graduate: audience == nil || audience == viewerCohort
        case .partner: false
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
        case .graduate, .partner: .nobody
        }
    }

    /// Who cancels an event: the coach who created it, or an admin.
    public static func canCancelEvent(_ viewer: Viewer, createdBy: String) -> Bool {
        viewer.role == .admin || (viewer.role == .coach && viewer.id == createdBy)
    }

    // MARK: Practice

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
    public static func canSeePeerSession(_ viewer: Viewer, host: String, hostCohort: String?, viewerCohort: String?, coachesAParticipant: Bool = false) -> Bool {
        switch viewer.role {
        case .graduate: viewer.id == host || (hostCohort != nil && hostCohort == viewerCohort)
        case .coach: coachesAParticipant
        case .admin, .partner: false
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
        viewer.role == .coach || viewer.role == .admin
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

    // MARK: The job search

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
        viewer.role == .coach || viewer.role == .admin
    }

    /// A coach of the graduate, or an admin, corrects the placement a graduate recorded (the
    /// graduate records it by accepting the offer).
    public static func canCorrectPlacement(_ viewer: Viewer, of owner: Owner) -> Bool {
        guard owner.role == .graduate else { return false }
        return viewer.role == .admin || (viewer.role == .coach && owner.coachIDs.contains(viewer.id))
    }

    // MARK: The bootcamp

    /// Who runs the bootcamp: cohorts, invitations, people and coach assignments.
    public static func runsBootcamp(_ viewer: Viewer) -> Bool {
        viewer.role == .admin
    }

    /// Who has graduates assigned to them (the coach's home).
    public static func coachesGraduates(_ viewer: Viewer) -> Bool {
        viewer.role == .coach
    }

    /// Who shortlists candidates for hiring partners (the partner's home).
    public static func shortlistsCandidates(_ viewer: Viewer) -> Bool {
        viewer.role == .partner
    }
}

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
/// the answers; nothing else decides. This file holds the relations every capability builds on
/// (whose records, the careers team, a graduate's coaches) and the accounts' own decisions; each
/// capability's decisions are in `<Capability>Access.swift` beside its rules.
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
        case .graduate, .former: return false
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
        case .partner, .former: .nobody
        }
    }

    // MARK: Shared relations

    /// The careers team: the coaches and admins who work the bootcamp's queues.
    public static func isCareersTeam(_ viewer: Viewer) -> Bool {
        viewer.role == .coach || viewer.role == .admin
    }

    /// Whether `viewer` is a coach assigned to graduate `owner`.
    public static func isCoach(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role == .coach && owner.coachIDs.contains(viewer.id)
    }

    /// "Coaches or runs": a coach of graduate `owner`, or an admin.
    public static func coachesOrRuns(_ viewer: Viewer, _ owner: Owner) -> Bool {
        owner.role == .graduate && (viewer.role == .admin || isCoach(viewer, of: owner))
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

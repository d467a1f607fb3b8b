/// The programme's decisions: who follows one, who reads and answers a graduate in theirs, who
/// pauses it. Built on the shared relations in `Accounts/Access.swift`.
extension Access {
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
        case .partner, .former: false
        }
    }

    /// Who answers a graduate in their programme (comments on their retrospectives, reads their
    /// programme's records): their coaches and an admin.
    public static func canCoachProgramme(_ viewer: Viewer, of owner: Owner) -> Bool {
        coachesOrRuns(viewer, owner)
    }

    /// Who reads graduates' programmes and comments on their retrospectives: a coach (their
    /// graduates'), an admin (everyone's).
    public static func readsProgrammes(_ viewer: Viewer) -> Bool {
        isCareersTeam(viewer)
    }

    /// Who pauses a graduate's programme (illness, a family matter) and resumes it: an admin.
    /// While paused, nothing missing puts them at risk.
    public static func canPauseProgramme(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role == .admin
    }
}

/// The accounts' pages: signing in and out, invitations, one's own account, and the admin's.
enum AccountsURL: Hashable, Sendable {
    case signIn
    case signOut
    case invitation(token: String)
    case profile
    case password
    case tokens
    case revokeToken(id: String)
    case overview
    case cohorts
    case cohort(id: String)
    case cohortAssignments(id: String)
    case invitations
    case inviteList
    case people
    case assignments
    case removeAssignment(id: String)

    var path: String {
        switch self {
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .invitation(let token): "/invitations/\(token)"
        case .profile: "/account/profile"
        case .password: "/account/password"
        case .tokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id)/revoke"
        case .overview: "/admin"
        case .cohorts: "/admin/cohorts"
        case .cohort(let id): "/admin/cohorts/\(id)"
        case .cohortAssignments(let id): "/admin/cohorts/\(id)/assignments"
        case .invitations: "/admin/invitations"
        case .inviteList: "/admin/invitations/list"
        case .people: "/admin/people"
        case .assignments: "/admin/assignments"
        case .removeAssignment(let id): "/admin/assignments/\(id)/remove"
        }
    }
}

/// Evidence's addresses: where GitHub delivers its webhook, a graduate's projects and feedback,
/// and the candidate profiles and shortlists of the partnerships team.
enum EvidenceURL: Hashable, Sendable {
    /// GitHub's `push` and `ping` deliveries, signed with the configured secret.
    case githubWebhook
    /// A graduate's projects: the list, and adding one.
    case projects
    /// One project: its form, and saving it.
    case project(id: String)
    case deleteProject(id: String)
    /// The signals and their thresholds, as every role may read them.
    case signals
    /// A graduate's technical feedback with what they did about each piece: the list, and recording.
    case feedback
    case deleteFeedbackAction(id: String)
    /// A graduate's candidate profile: what partners would see, saving it, sharing it or not, and
    /// reading their coach's recommendation.
    case candidateProfile
    case shareProfile
    case readRecommendation
    /// A coach writing the technical recommendation of graduate `id`.
    case recommend(id: String)
    /// The shared candidates, ranked, for the partnerships team; one's evidence.
    case candidates
    case candidate(id: String)
    /// The partnerships team's shortlists: the list and making one; one, its export, adding to it,
    /// taking a candidate off it, and deleting it.
    case shortlists
    case shortlist(id: String)
    case shortlistCSV(id: String)
    case shortlistCandidates(id: String)
    case removeFromShortlist(id: String, graduate: String)
    case deleteShortlist(id: String)

    var path: String {
        switch self {
        case .githubWebhook: "/webhooks/github"
        case .projects: "/projects"
        case .project(let id): "/projects/\(id)"
        case .deleteProject(let id): "/projects/\(id)/delete"
        case .signals: "/signals"
        case .feedback: "/feedback"
        case .deleteFeedbackAction(let id): "/feedback/actions/\(id)/delete"
        case .candidateProfile: "/candidate-profile"
        case .shareProfile: "/candidate-profile/share"
        case .readRecommendation: "/candidate-profile/recommendation/read"
        case .recommend(let id): "/technical-recommendations/\(id)"
        case .candidates: "/candidates"
        case .candidate(let id): "/candidates/\(id)"
        case .shortlists: "/shortlists"
        case .shortlist(let id): "/shortlists/\(id)"
        case .shortlistCSV(let id): "/shortlists/\(id)/export"
        case .shortlistCandidates(let id): "/shortlists/\(id)/candidates"
        case .removeFromShortlist(let id, let graduate): "/shortlists/\(id)/candidates/\(graduate)/remove"
        case .deleteShortlist(let id): "/shortlists/\(id)/delete"
        }
    }
}

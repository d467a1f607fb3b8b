/// Evidence's addresses: where GitHub delivers its webhook, and a graduate's projects.
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

    var path: String {
        switch self {
        case .githubWebhook: "/webhooks/github"
        case .projects: "/projects"
        case .project(let id): "/projects/\(id)"
        case .deleteProject(let id): "/projects/\(id)/delete"
        case .signals: "/signals"
        case .feedback: "/feedback"
        case .deleteFeedbackAction(let id): "/feedback/actions/\(id)/delete"
        }
    }
}

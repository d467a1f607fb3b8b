/// Evidence's addresses: where GitHub delivers its webhook.
enum EvidenceURL: Hashable, Sendable {
    /// GitHub's `push` and `ping` deliveries, signed with the configured secret.
    case githubWebhook

    var path: String {
        switch self {
        case .githubWebhook: "/webhooks/github"
        }
    }
}

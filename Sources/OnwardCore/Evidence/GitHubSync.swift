import Foundation

/// What the daily sync reads from GitHub's API, as pure functions: a page of a user's public
/// events (their pushes' commits), the contribution calendar GraphQL answers with a token, the
/// next page a `Link` header names, and what the rate-limit headers allow next.
public enum GitHubSync {
    /// The pages of public events read at most (GitHub keeps 300 events, 100 a page).
    public static let mostEventPages = 3
    /// The longest `Retry-After` waited out; longer, and the run stops and says so.
    public static let longestWait = 60
    /// The sha of a commit the calendar counted on a day without naming it: such a commit stands
    /// in until a real one of that day arrives (by the webhook or the events), which replaces it.
    public static let calendarPrefix = "calendar:"

    public static func calendarSha(_ day: LocalDate, _ n: Int) -> String { "\(calendarPrefix)\(day.iso):\(n)" }

    /// The pushes in a page of `GET /users/{login}/events/public`: each `PushEvent`'s distinct
    /// commits, dated by the event (the events say when the push was, not each commit), with its
    /// repository. Other events are skipped.
    public static func pushes(inEvents body: [UInt8], login: String) throws(GitHubPush.Unreadable) -> [GitHubPush] {
        struct Event: Decodable {
            struct Repository: Decodable { let name: String? }
            struct Payload: Decodable {
                struct Commit: Decodable { let sha: String; let distinct: Bool? }
                let commits: [Commit]?
                /// The commit the branch moved to: all github.com's public push events still name.
                let head: String?
            }
            let type: String?
            let repo: Repository?
            let payload: Payload?
            let createdAt: String?
            enum CodingKeys: String, CodingKey {
                case type, repo, payload
                case createdAt = "created_at"
            }
        }
        let events: [Event]
        do { events = try JSONDecoder().decode([Event].self, from: Data(body)) } catch { throw GitHubPush.Unreadable(reason: "not a page of events") }
        let moments = ISO8601DateFormatter()
        var pushes: [GitHubPush] = []
        for event in events where event.type == "PushEvent" {
            guard let raw = event.createdAt, let at = moments.date(from: raw) else { throw GitHubPush.Unreadable(reason: "a push's created_at is not ISO 8601") }
            var commits: [GitHubPush.Commit] = []
            // Where the event no longer lists its commits (github.com's public events), its head
            // stands for the push: one commit, at the least.
            let listed = event.payload?.commits ?? event.payload?.head.map { [.init(sha: $0, distinct: true)] } ?? []
            for commit in listed where commit.distinct ?? true {
                guard commit.sha.count == 40, commit.sha.allSatisfy(\.isHexDigit) else { throw GitHubPush.Unreadable(reason: "a commit sha is not 40 hex digits") }
                commits.append(GitHubPush.Commit(id: commit.sha.lowercased(), at: at))
            }
            let repository = event.repo?.name.flatMap { ProjectDraft.gitHubRepository(of: "https://github.com/" + $0) }
            pushes.append(GitHubPush(login: login, commits: commits, repository: repository))
        }
        return pushes
    }

    /// The GraphQL request for `login`'s contribution calendar from `from` to `to` (at most a year).
    public static func calendarRequest(login: String, from: Date, to: Date) -> [UInt8] {
        // Commits only (the calendar also counts issues, pull requests and reviews), each day's
        // per repository.
        let query = "query($login: String!, $from: DateTime!, $to: DateTime!) { user(login: $login) { contributionsCollection(from: $from, to: $to) "
            + "{ commitContributionsByRepository(maxRepositories: 100) { contributions(first: 100) { nodes { occurredAt commitCount } } } } } }"
        let moments = ISO8601DateFormatter()
        let body: [String: Any] = ["query": query, "variables": ["login": login, "from": moments.string(from: from), "to": moments.string(from: to)]]
        return Array(try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
    }

    /// The commits of each day GraphQL answered (`commitContributionsByRepository`, each
    /// repository's days summed; a day is `occurredAt`'s in UTC). An answer that names no user
    /// (a login GitHub does not know) has none; an error answer is unreadable.
    public static func calendar(inAnswer body: [UInt8]) throws(GitHubPush.Unreadable) -> [LocalDate: Int] {
        struct Answer: Decodable {
            struct Data: Decodable {
                struct User: Decodable {
                    struct Collection: Decodable {
                        struct ByRepository: Decodable {
                            struct Contributions: Decodable {
                                struct Node: Decodable { let occurredAt: String; let commitCount: Int }
                                let nodes: [Node]
                            }
                            let contributions: Contributions
                        }
                        let commitContributionsByRepository: [ByRepository]
                    }
                    let contributionsCollection: Collection
                }
                let user: User?
            }
            struct Problem: Decodable { let message: String; let type: String? }
            let data: Data?
            let errors: [Problem]?
        }
        let answer: Answer
        do { answer = try JSONDecoder().decode(Answer.self, from: Foundation.Data(body)) } catch { throw GitHubPush.Unreadable(reason: "not an answer about commit contributions") }
        if let problem = answer.errors?.first, answer.data?.user == nil, problem.type != "NOT_FOUND" { throw GitHubPush.Unreadable(reason: problem.message) }
        let moments = ISO8601DateFormatter()
        var counts: [LocalDate: Int] = [:]
        for repository in answer.data?.user?.contributionsCollection.commitContributionsByRepository ?? [] {
            for node in repository.contributions.nodes where node.commitCount > 0 {
                guard let at = moments.date(from: node.occurredAt) else { throw GitHubPush.Unreadable(reason: "a day's occurredAt is not ISO 8601") }
                counts[LocalDate(at, in: .gmt), default: 0] += min(node.commitCount, 1_000)
            }
        }
        return counts
    }

    /// The address a `Link` header gives as `rel="next"`, if any.
    public static func nextPage(link: String?) -> String? {
        guard let link else { return nil }
        for part in link.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let address = pieces.first, address.hasPrefix("<"), address.hasSuffix(">"),
                  pieces.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "") == "rel=\"next\"" }) else { continue }
            return String(address.dropFirst().dropLast())
        }
        return nil
    }

    /// What to do after an answer, from its status and rate-limit headers.
    public enum Next: Equatable, Sendable {
        /// Go on.
        case proceed
        /// Wait this many seconds and ask again (`Retry-After`, short enough to wait out).
        case wait(seconds: Int)
        /// Stop the run: the budget is spent (until `resets`, if GitHub said), or the wait is too long.
        case stop(reason: String)
    }

    /// `status` and the headers `Retry-After`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`
    /// (seconds since 1970), read at `now`.
    public static func next(status: Int, retryAfter: String?, remaining: String?, reset: String?, now: Date) -> Next {
        let resets = reset.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
        let until = resets.map { " until \(ISO8601DateFormatter().string(from: $0))" } ?? ""
        if status == 403 || status == 429 {
            if let seconds = retryAfter.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), seconds >= 0 {
                return seconds <= longestWait ? .wait(seconds: seconds) : .stop(reason: "GitHub asked to wait \(seconds) s")
            }
            if remaining == "0" { return .stop(reason: "the rate limit is spent" + until) }
            return .stop(reason: "GitHub refused (\(status))")
        }
        if (200..<300).contains(status), remaining == "0" { return .stop(reason: "the rate limit is spent" + until) }
        return .proceed
    }
}

import Crypto
import Foundation

/// GitHub's webhook deliveries, checked and read as pure functions: the signature over the raw
/// body, and a push's commits. The app's route only carries bytes in and records out.
public enum GitHubWebhook {
    /// The largest body Onward reads: a push lists at most twenty commits, far below this.
    public static let maxBodyBytes = 1 << 20

    /// Whether `header` ("sha256=" and 64 hex digits) is the HMAC-SHA256 of `body` keyed with
    /// `secret`, compared in constant time. A missing or malformed header, or no secret, is not.
    public static func isSigned(_ body: [UInt8], header: String?, secret: String) -> Bool {
        guard !secret.isEmpty, let header, header.hasPrefix("sha256="), let given = hexBytes(header.dropFirst(7)), given.count == 32 else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: SymmetricKey(data: Array(secret.utf8)))
    }

    /// The signature header GitHub would send for `body` (for tests and tools).
    public static func signature(of body: [UInt8], secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    static func hexBytes(_ text: Substring) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

/// A push, as far as contributions go: who pushed (the sender's login), and the commits it
/// brought that are new to the repository (`distinct`; a commit pushed again to another branch
/// is not), each with its moment.
public struct GitHubPush: Equatable, Sendable {
    public struct Commit: Equatable, Sendable {
        public let id: String
        public let at: Date

        public init(id: String, at: Date) {
            self.id = id
            self.at = at
        }
    }

    public let login: String
    public let commits: [Commit]
    /// The repository pushed to, "owner/name" in lower case, as a project's address names it.
    public let repository: String?

    public init(login: String, commits: [Commit], repository: String? = nil) {
        self.login = login
        self.commits = commits
        self.repository = repository
    }

    public struct Unreadable: Error, Equatable {
        public let reason: String
    }

    private struct Body: Decodable {
        struct Sender: Decodable { let login: String }
        struct Repository: Decodable {
            let fullName: String?
            enum CodingKeys: String, CodingKey { case fullName = "full_name" }
        }
        struct Commit: Decodable {
            let id: String
            let distinct: Bool?
            let timestamp: String
        }
        let sender: Sender
        let commits: [Commit]?
        let repository: Repository?
    }

    /// Reads a `push` event's body. A commit id is 40 hex digits; a timestamp is ISO 8601 with
    /// its offset, as GitHub sends it.
    public static func parse(_ body: [UInt8]) throws(Unreadable) -> GitHubPush {
        let decoded: Body
        do { decoded = try JSONDecoder().decode(Body.self, from: Data(body)) } catch { throw Unreadable(reason: "not a push event's JSON") }
        let login = decoded.sender.login.trimmingCharacters(in: .whitespaces)
        guard ProfileDraft.isGitHubLogin(login) else { throw Unreadable(reason: "the sender is not a GitHub login") }
        let moments = ISO8601DateFormatter()
        var commits: [Commit] = []
        for commit in decoded.commits ?? [] where commit.distinct ?? true {
            guard commit.id.count == 40, commit.id.allSatisfy(\.isHexDigit) else { throw Unreadable(reason: "a commit id is not 40 hex digits") }
            guard let at = moments.date(from: commit.timestamp) else { throw Unreadable(reason: "a commit's timestamp is not ISO 8601") }
            commits.append(Commit(id: commit.id.lowercased(), at: at))
        }
        let repository = decoded.repository?.fullName.flatMap { ProjectDraft.gitHubRepository(of: "https://github.com/" + $0) }
        return GitHubPush(login: login, commits: commits, repository: repository)
    }
}

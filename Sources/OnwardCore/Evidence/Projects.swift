import Foundation

/// A project a graduate built, checked: what it is, where its code and its running version are,
/// the stacks it is in, whether it is a side project of their own (not course work or a
/// tutorial followed step by step), when it started and when they last worked on it. Hiring
/// partners ask "do they have a side project?"; the Makers guide's sign "weeks of tutorials and no
/// side project" is read from these.
public struct ProjectDraft: Equatable, Sendable {
    public let name: String
    public let repository: String?
    public let live: String?
    public let description: String
    public let stacks: [String]
    public let isSide: Bool
    public let startedOn: LocalDate
    /// The last day worked on, as the graduate says it; commits to its GitHub repository may say later.
    public let lastWorkedOn: LocalDate?

    /// How far back a project may have started: the course and the years before it.
    public static let yearsBack = 10

    public init(name: String, repository: String?, live: String?, description: String, stacks: [String], isSide: Bool, startedOn: LocalDate, lastWorkedOn: LocalDate?) {
        self.name = name
        self.repository = repository
        self.live = live
        self.description = description
        self.stacks = stacks
        self.isSide = isSide
        self.startedOn = startedOn
        self.lastWorkedOn = lastWorkedOn
    }

    public static func validate(name: String, repository: String, live: String, description: String, stacks: String, isSide: Bool,
                                startedOn rawStart: String, lastWorkedOn rawLast: String, today: LocalDate) throws(ValidationErrors) -> ProjectDraft {
        var errors = ValidationErrors()
        let name = TextRules.checked(name, field: "name", label: "name", limit: TextRules.Limit.short, into: &errors)
        if name.isEmpty { errors.add("name", "Give the project's name.") }
        let repository = WebAddress.validate(repository, field: "repository", into: &errors)
        let live = WebAddress.validate(live, field: "live", into: &errors)
        let description = TextRules.checked(description, field: "description", label: "description", limit: TextRules.Limit.long, into: &errors)
        let stacks = Stacks.validate(stacks, field: "stacks", into: &errors)
        let first = today.adding(days: -365 * yearsBack)
        let started = DayRules.day(rawStart, field: "started_on", from: first, to: today, into: &errors,
                                   after: "A project is recorded once it has started: choose today or a day before.")
        var last: LocalDate?
        if !rawLast.trimmed.isEmpty {
            last = DayRules.day(rawLast, field: "last_worked_on", from: first, to: today, into: &errors,
                                after: "Choose today or a day before: the last day you worked on it.")
            if let started, let day = last, day < started { errors.add("last_worked_on", "Choose a day from when it started (\(started.display)) on.") }
        }
        try errors.throwIfAny()
        return ProjectDraft(name: name, repository: repository, live: live, description: description, stacks: stacks, isSide: isSide, startedOn: started!, lastWorkedOn: last)
    }

    /// The GitHub repository an address names, as "owner/name" in lower case, for matching the
    /// commits a push or a sync reports: nil for an address elsewhere.
    public static func gitHubRepository(of address: String?) -> String? {
        guard let address, let url = URL(string: address), let host = url.host?.lowercased(), host == "github.com" || host == "www.github.com" else { return nil }
        let parts = url.path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        var repository = parts[1]
        if repository.hasSuffix(".git") { repository.removeLast(4) }
        guard ProfileDraft.isGitHubLogin(parts[0]), !repository.isEmpty else { return nil }
        return (parts[0] + "/" + repository).lowercased()
    }

    /// The day a project was last worked on: the later of what the graduate said and its last
    /// commit Onward saw; its start when neither says.
    public static func lastWorked(said: LocalDate?, lastCommit: LocalDate?, started: LocalDate) -> LocalDate {
        [said, lastCommit, started].compactMap { $0 }.max()!
    }
}

import Foundation

/// What a person says about themselves on their profile, checked.
public struct ProfileDraft: Equatable, Sendable {
    public var name: String
    public var timeZone: String
    public var githubLogin: String?
    public var stacks: [String]
    public var bio: String

    public static let maximumBioLength = 600
    public static let maximumStacks = 12

    public static func validate(
        name rawName: String,
        timeZone rawZone: String,
        githubLogin rawLogin: String,
        stacks rawStacks: String,
        bio rawBio: String
    ) throws(ValidationErrors) -> ProfileDraft {
        var errors = ValidationErrors()
        let name = AccountRules.validateName(rawName, into: &errors)
        let zone = TimeZones.validate(rawZone, field: "time_zone", into: &errors)

        var login = rawLogin.trimmingCharacters(in: .whitespaces)
        if login.hasPrefix("@") { login.removeFirst() }
        if !login.isEmpty && !isGitHubLogin(login) {
            errors.add("github_login", "A GitHub login has up to 39 letters, digits or single hyphens, and does not start or end with a hyphen.")
        }

        let stacks = parseStacks(rawStacks)
        // Counted as sent, before duplicates fold: the API's document says at most this many items.
        if stacks.count > maximumStacks || rawStacks.split(whereSeparator: { $0 == "," || $0 == "\n" }).count > maximumStacks {
            errors.add("stacks", "List at most \(maximumStacks) stacks.")
        } else if stacks.contains(where: { $0.count > 40 }) {
            errors.add("stacks", "Keep each stack under 40 characters.")
        } else if stacks.contains(where: { $0.unicodeScalars.contains { TextRules.isRefused($0) || TextRules.isDirectionControl($0) } }) {
            errors.add("stacks", "The stacks hold a control character (such as a NUL byte, or one that turns text direction around) that Onward cannot keep: type them again without it.")
        }

        let bio = TextRules.checked(rawBio, field: "bio", label: "bio", limit: maximumBioLength, into: &errors)
        try errors.throwIfAny()
        return ProfileDraft(name: name, timeZone: zone, githubLogin: login.isEmpty ? nil : login, stacks: stacks, bio: bio)
    }

    /// "Swift, Vapor ,  React" → ["Swift", "Vapor", "React"]: trimmed, empty ones dropped, duplicates
    /// (ignoring case) kept once, in the order typed.
    public static func parseStacks(_ raw: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for piece in raw.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let stack = piece.trimmed
            guard !stack.isEmpty, seen.insert(stack.lowercased()).inserted else { continue }
            result.append(stack)
        }
        return result
    }

    public static func isGitHubLogin(_ login: String) -> Bool {
        guard (1...39).contains(login.count), !login.hasPrefix("-"), !login.hasSuffix("-"), !login.contains("--") else { return false }
        return login.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
    }
}

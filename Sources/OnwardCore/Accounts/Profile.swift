import Foundation

/// What a person says about themselves on their profile, checked.
public struct ProfileDraft: Equatable, Sendable {
    public var name: String
    public var timeZone: String
    public var githubLogin: String?
    public var stacks: [String]
    public var bio: String

    public static let maximumBioLength = 600
    public static let maximumStacks = Stacks.most

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

        let stacks = Stacks.validate(rawStacks, field: "stacks", into: &errors)

        let bio = TextRules.checked(rawBio, field: "bio", label: "bio", limit: maximumBioLength, into: &errors)
        try errors.throwIfAny()
        return ProfileDraft(name: name, timeZone: zone, githubLogin: login.isEmpty ? nil : login, stacks: stacks, bio: bio)
    }

    public static func isGitHubLogin(_ login: String) -> Bool {
        guard (1...39).contains(login.count), !login.hasPrefix("-"), !login.hasSuffix("-"), !login.contains("--") else { return false }
        return login.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
    }
}

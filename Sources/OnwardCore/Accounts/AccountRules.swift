import Foundation

/// The rules for what a person may type about themselves: email, name, password.
public enum AccountRules {
    public static let minimumPasswordLength = 10
    /// Bcrypt reads 72 bytes; anything longer would be silently cut, so it is refused instead.
    public static let maximumPasswordBytes = 72
    public static let maximumNameLength = 100

    /// Lower-cased and trimmed, so `Ada@Example.org ` and `ada@example.org` are one account.
    public static func normalizedEmail(_ raw: String) -> String {
        raw.trimmed.lowercased()
    }

    /// A plain check (something@domain.tld, no spaces); the invitation link proves the address.
    public static func validateEmail(_ raw: String, field: String = "email", into errors: inout ValidationErrors) -> String {
        let email = normalizedEmail(raw)
        if email.isEmpty {
            errors.add(field, "Enter an email address.")
        } else if email.count > 254 || !isPlausibleEmail(email) {
            errors.add(field, "Enter an email address like name@example.org.")
        } else if email.hasSuffix("@" + AccountDeletion.formerDomain) {
            // The stand-ins for people who left have their addresses there (RFC 2606: no mail).
            errors.add(field, "Enter an address that can take mail.")
        }
        return email
    }

    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        guard !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    public static func validateName(_ raw: String, field: String = "name", into errors: inout ValidationErrors) -> String {
        let name = TextRules.checked(raw, field: field, label: "name", limit: maximumNameLength, into: &errors)
        if name.isEmpty { errors.add(field, "Enter your name.") }
        return name
    }

    /// A new password, typed twice.
    public static func validateNewPassword(_ password: String, confirmation: String, field: String = "password", into errors: inout ValidationErrors) {
        if password.count < minimumPasswordLength {
            errors.add(field, "Use at least \(minimumPasswordLength) characters.")
        } else if password.utf8.count > maximumPasswordBytes {
            errors.add(field, "Use at most \(maximumPasswordBytes) characters.")
        } else if password != confirmation {
            errors.add("\(field)_confirmation", "The two passwords do not match.")
        }
    }
}

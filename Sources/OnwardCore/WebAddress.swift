import Foundation

/// A web address a person gives (a job advert, a profile, a project, a link to join): checked
/// the same way by every capability.
public enum WebAddress {
    /// An http or https address, or nil when blank. Anything else (javascript:, ftp:, no host) is refused.
    public static func validate(_ raw: String, field: String, into errors: inout ValidationErrors) -> String? {
        let text = raw.trimmed
        if text.isEmpty { return nil }
        guard isWebAddress(text) else {
            errors.add(field, "Enter a web address starting with http:// or https://.")
            return nil
        }
        return text
    }

    /// Whether `text`, as it is, is an http or https address with a host, within the length
    /// limit, with no refused characters: what `validate` keeps, and what a page may link to.
    public static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= TextRules.Limit.address, !text.unicodeScalars.contains(where: TextRules.isRefused),
              let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, text == text.trimmed else { return false }
        return true
    }
}

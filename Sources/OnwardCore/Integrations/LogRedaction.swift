/// What a log line must never hold, taken out before it is written: the token of a calendar
/// feed's address, an invitation's link, a bearer token, a session or CSRF cookie, a Slack
/// webhook's path (the SQL of its save, at debug level, binds the address). Vapor's most
/// talkative level writes each request's head (its path and headers) as it arrives; the secrets
/// in them are Onward's to keep out.
public enum LogRedaction {
    public static let mark = "[redacted]"

    private nonisolated(unsafe) static let feed = /\/calendar\/[A-Za-z0-9_-]{8,}/
    private nonisolated(unsafe) static let invitation = /\/invitations\/[A-Za-z0-9_-]{8,}/
    private nonisolated(unsafe) static let bearer = /(?i)bearer\s+[^\s;,"]+/
    private nonisolated(unsafe) static let cookie = /(onward_[a-z_]+)=[^;\s,"]+/
    private nonisolated(unsafe) static let webhook = /\/services\/[^\s"',\]]+/

    /// `text` with every secret replaced by `mark`.
    public static func redact(_ text: String) -> String {
        // Most lines hold none of them: looked for only where one could be.
        guard text.contains("/calendar/") || text.contains("/invitations/") || text.localizedCaseInsensitiveContains("bearer") || text.contains("onward_")
              || text.contains("/services/") else {
            return text
        }
        var out = text.replacing(feed, with: "/calendar/" + mark)
        out = out.replacing(invitation, with: "/invitations/" + mark)
        out = out.replacing(bearer, with: "Bearer " + mark)
        out = out.replacing(cookie) { match in match.1 + "=" + mark }
        out = out.replacing(webhook, with: "/services/" + mark)
        return out
    }
}

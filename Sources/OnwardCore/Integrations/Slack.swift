import Foundation

/// A cohort's Slack incoming webhook: the address Slack gives a channel, which is itself the
/// secret (anyone holding it can post there). Kept whole, shown only masked.
public enum SlackWebhook {
    public static let limit = TextRules.Limit.sentence

    /// `raw` as an address Onward will post to: https to any host, or plain http only to this
    /// machine (a local relay, a test). Reported to `errors` under `field` otherwise.
    public static func validate(_ raw: String, field: String = "url") throws(ValidationErrors) -> String {
        var errors = ValidationErrors()
        let text = TextRules.checked(raw, field: field, label: "webhook address", limit: limit, into: &errors)
        try errors.throwIfAny()
        guard !text.isEmpty else {
            throw .one(field, "Paste the webhook address Slack gave you (Apps, Incoming Webhooks): it starts with https://hooks.slack.com/.")
        }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty,
              url.user == nil, url.password == nil, !text.contains(where: \.isWhitespace) else {
            throw .one(field, "That is not a web address: paste the whole webhook address, starting with https://.")
        }
        guard scheme == "https" || (scheme == "http" && isLoopback(host)) else {
            throw .one(field, "A webhook address must start with https:// (plain http only to this machine).")
        }
        return text
    }

    /// An IPv4 address of 127/8, `::1` or `localhost`: this machine. A name that only starts
    /// with "127." (`127.example.org`) is anyone's.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in part.count <= 3 && Int(part).map { (0...255).contains($0) } == true && part.allSatisfy(\.isASCII) }
    }

    /// "https://hooks.slack.com/…c0de": the host, to tell one channel's address from another's,
    /// and the last four characters; never the path that lets one post.
    public static func masked(_ url: String) -> String {
        let components = URLComponents(string: url)
        let start = (components?.scheme).map { $0 + "://" } ?? ""
        return start + (components?.host ?? "") + "/…" + String(url.suffix(4))
    }
}

/// A message for a Slack channel: a fallback line (notifications, and clients that show no
/// blocks; Slack reads mentions in it too, so it is escaped like the blocks) and Block Kit blocks.
public struct SlackPost: Sendable, Equatable, Codable {
    public let text: String
    public let blocks: [Block]

    public init(text: String, blocks: [Block]) {
        self.text = text
        self.blocks = blocks
    }

    public struct Block: Sendable, Equatable, Codable {
        public let type: String
        public var text: Text?
        public var elements: [Text]?

        public static func header(_ words: String) -> Block { Block(type: "header", text: Text(type: "plain_text", text: String(words.prefix(150)))) }
        public static func section(_ markdown: String) -> Block { Block(type: "section", text: Text(type: "mrkdwn", text: SlackPosts.clipped(markdown))) }
        public static func context(_ markdown: String) -> Block { Block(type: "context", elements: [Text(type: "mrkdwn", text: SlackPosts.clipped(markdown))]) }
    }

    public struct Text: Sendable, Equatable, Codable {
        public let type: String
        public let text: String
    }

    /// The JSON Slack's webhook takes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// What Onward tells a cohort's channel. Each is a pure function of what it says, so the words
/// are tested here; the app reads the records and formats the times. Nothing here takes a mood
/// or a concern: a standup digest says who posted, never what they felt.
public enum SlackPosts {
    /// Stands for Onward's address in a post's links, written in when it is sent: a post may be
    /// queued where nothing says the address (a scheduled job).
    public static let site = "{{site}}"

    /// Slack's limit for a section's text, with room for "and N more".
    static let sectionLimit = 2_900

    /// `text` as Slack's mrkdwn shows it literally: its three control characters escaped, so a
    /// name cannot ping a channel (`<!channel>`) or forge a link.
    public static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `escaped` undone: the words as a person reads them (the admin's log of posts).
    public static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func clipped(_ text: String) -> String {
        text.count <= sectionLimit ? text : String(text.prefix(sectionLimit)) + "…"
    }

    /// The most characters a list of lines or names takes in one section, leaving room for
    /// "and N more" and for Onward's address written into each link when the post is sent.
    static let listBudget = 2_000

    /// "Ana, Ben and 3 more": names up to `most` (and `listBudget`), then how many more.
    static func names(_ names: [String], most: Int = 40) -> String {
        var shown: [String] = [], used = 0
        for name in names.prefix(most).map(escaped) {
            guard used + name.count <= listBudget else { break }
            shown.append(name)
            used += name.count + 2
        }
        let more = names.count - shown.count
        if more > 0 { return shown.joined(separator: ", ") + " and \(more) more" }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }

    /// A graduate posted when they are free to pair: "Amara is free to pair on React at …".
    /// `times` are already written in the cohort's zone; `link` is the pairing page.
    public static func availability(name: String, topics: String, times: [String], link: String) -> SlackPost {
        let topic = topics.isEmpty ? "anything" : topics
        let when = times.isEmpty ? "" : " at " + times.joined(separator: ", ")
        let lines = times.map { "• " + escaped($0) }.joined(separator: "\n")
        return SlackPost(
            text: escaped("\(name) is free to pair on \(topic)\(when)"),
            blocks: [
                .section("*\(escaped(name))* is free to pair on _\(escaped(topic))_" + (lines.isEmpty ? "." : ":\n" + lines)),
                .context("Ask to pair in Onward: <\(link)|Pairing>"),
            ])
    }

    /// Who posted their standup on `day` and who has not yet, by name only.
    public static func standupDigest(cohort: String, day: String, posted: [String], notYet: [String]) -> SlackPost {
        var blocks: [SlackPost.Block] = [.header("Standup, \(day): \(cohort)")]
        blocks.append(.section(posted.isEmpty ? "Nobody has posted a standup yet." : "*Posted (\(posted.count)):* " + names(posted)))
        if !notYet.isEmpty { blocks.append(.section("*Not yet (\(notYet.count)):* " + names(notYet))) }
        let fallback = escaped("Standup \(day), \(cohort): \(posted.count) posted, \(notYet.count) not yet")
        return SlackPost(text: fallback, blocks: blocks)
    }

    /// One event of tomorrow: its title, its times written in the cohort's zone, and where.
    public struct Event: Sendable, Equatable {
        public let title: String
        public let times: String
        public let place: String
        public let link: String

        public init(title: String, times: String, place: String, link: String) {
            self.title = title
            self.times = times
            self.place = place
            self.link = link
        }
    }

    /// The events of `day` (tomorrow) open to the cohort, each with when and where.
    public static func tomorrow(cohort: String, day: String, events: [Event]) -> SlackPost {
        let count = events.count == 1 ? "1 event" : "\(events.count) events"
        // Whole lines while they fit: a line cut through would break its link.
        var lines: [String] = [], used = 0
        for event in events.prefix(20) {
            let line = "• <\(event.link)|\(escaped(event.title))>, \(escaped(event.times))" + (event.place.isEmpty ? " (online)" : ", " + escaped(event.place))
            guard used + line.count <= listBudget else { break }
            lines.append(line)
            used += line.count + 1 + 40
        }
        let more = events.count > lines.count ? "\n…and \(events.count - lines.count) more in Onward." : ""
        return SlackPost(text: escaped("Tomorrow, \(day): \(count) for \(cohort)"),
                         blocks: [.header("Tomorrow, \(day): \(count)"), .section(lines.joined(separator: "\n") + more)])
    }
}

/// When Onward posts to a cohort's channel on its own: the standup digest an hour after standup
/// on weekdays (time to post), and tomorrow's events at 17:00, both in the cohort's zone. A post
/// missed by more than `lateness` (Onward was down) is skipped: the morning's news is no use at
/// night.
public enum SlackSchedule {
    public static let digestDelay: TimeInterval = 3_600
    public static let eventsAt = StandupTime(hour: 17, minute: 0)!
    public static let lateness: TimeInterval = 6 * 3_600

    /// The weekday whose digest is due at `now`, for a cohort standing up at `standup` in `zone`.
    /// A late standup's digest falls due after midnight: the day before is asked too.
    public static func digestDay(now: Date, standup: StandupTime, zone: TimeZone) -> LocalDate? {
        let today = LocalDate(now, in: zone)
        return [today, today.adding(days: -1)].first { day in
            let due = TypedMoment.moment(day, standup, in: zone).addingTimeInterval(digestDelay)
            return !day.isWeekend && due <= now && now < due.addingTimeInterval(lateness)
        }
    }

    /// The day (tomorrow) whose events are announced at `now`, for a cohort in `zone`.
    public static func eventsDay(now: Date, zone: TimeZone) -> LocalDate? {
        let today = LocalDate(now, in: zone)
        let due = TypedMoment.moment(today, eventsAt, in: zone)
        return due <= now && now < due.addingTimeInterval(lateness) ? today.adding(days: 1) : nil
    }
}

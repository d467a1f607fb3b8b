import Foundation

/// What one graduate did in a week, as the weekly digest counts it.
public struct DigestWeek: Equatable, Sendable {
    public let standups: Int
    public let applications: Int
    /// Interviews with employers; nil where it is not counted (a coach's rows).
    public let interviews: Int?
    public let mockInterviews: Int

    public init(standups: Int, applications: Int, interviews: Int?, mockInterviews: Int) {
        self.standups = standups
        self.applications = applications
        self.interviews = interviews
        self.mockInterviews = mockInterviews
    }

    /// Nothing at all: no standup, application or practice.
    public var isQuiet: Bool { standups == 0 && applications == 0 && (interviews ?? 0) == 0 && mockInterviews == 0 }
}

/// The weekly email: a graduate's own week, a coach's graduates' week. It goes on Monday at
/// 08:00 in the person's zone about the week that ended the night before; one missed by more
/// than `lateness` (Onward was down) is skipped, as a digest of last week read on Tuesday helps
/// nobody.
public enum WeeklyDigest {
    public static let sendAt = StandupTime(hour: 8, minute: 0)!
    public static let lateness: TimeInterval = 12 * 3_600

    /// The Monday that began the week whose digest is due at `now` in `zone`; nil when none is.
    public static func dueWeek(now: Date, zone: TimeZone) -> LocalDate? {
        let today = LocalDate(now, in: zone)
        guard today.startOfWeek == today else { return nil }
        let due = TypedMoment.moment(today, sendAt, in: zone)
        return due <= now && now < due.addingTimeInterval(lateness) ? today.adding(days: -7) : nil
    }

    static func line(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    static func figures(_ figures: DigestWeek) -> String {
        var parts = [line(figures.standups, "standup", "standups"), line(figures.applications, "application sent", "applications sent")]
        if let interviews = figures.interviews { parts.append(line(interviews, "interview", "interviews")) }
        parts.append(line(figures.mockInterviews, "mock interview", "mock interviews"))
        return parts.joined(separator: ", ")
    }

    /// A graduate's week. `home` and `settings` are links (on Onward's address).
    public static func graduate(name: String, week: LocalDate, figures: DigestWeek, home: String, settings: String) -> (subject: String, body: String) {
        let encouragement = figures.isQuiet
            ? "A quiet week. This week, start with one small step: a standup this morning, or one application."
            : figures.applications == 0 ? "No applications last week: could one go out by Wednesday?" : "Keep the rhythm going this week."
        return ("Onward: your week of \(week.display)", """
            Hello \(name),

            Your week of \(week.display): \(Self.figures(figures)).

            \(encouragement)

            Your week in Onward: \(home)

            This digest comes each Monday; turn it off, or choose what else comes by email: \(settings)
            """)
    }

    /// A coach's week: each of their graduates, those with a quiet week first.
    /// `resting`: how many of their graduates are placed or paused, and not listed.
    public static func coach(name: String, week: LocalDate, rows: [(name: String, figures: DigestWeek)], resting: Int = 0, home: String, settings: String) -> (subject: String, body: String) {
        let ordered = rows.filter { $0.figures.isQuiet }.sorted { $0.name < $1.name } + rows.filter { !$0.figures.isQuiet }.sorted { $0.name < $1.name }
        let quiet = rows.filter(\.figures.isQuiet).count
        let lines = ordered.map { "- \($0.name): " + ($0.figures.isQuiet ? "a quiet week (nothing recorded)" : Self.figures($0.figures)) }
        return ("Onward: your graduates' week of \(week.display)", """
            Hello \(name),

            Your graduates' week of \(week.display)\(quiet > 0 ? " (\(quiet) with a quiet week)" : ""):

            \(lines.joined(separator: "\n"))\(resting > 0 ? "\n\n(\(line(resting, "graduate", "graduates")) placed or paused, not listed.)" : "")

            Who needs you: \(home)

            This digest comes each Monday; turn it off, or choose what else comes by email: \(settings)
            """)
    }
}

import Foundation

/// An informational interview: a conversation with someone doing the job the graduate wants.
/// Its day may be ahead (the graduate sets their own due dates); it counts once the day has come.
public struct InformationalInterviewDraft: Equatable, Sendable {
    public let person: String
    public let company: String
    public let role: String
    public let day: LocalDate
    public let howItCameAbout: String
    public let notes: String

    /// How far ahead an interview may be planned, and how far back one may be recorded.
    public static let daysAhead = 180
    public static let daysBack = 365

    public init(person: String, company: String, role: String, day: LocalDate, howItCameAbout: String, notes: String) {
        self.person = person
        self.company = company
        self.role = role
        self.day = day
        self.howItCameAbout = howItCameAbout
        self.notes = notes
    }

    public static func validate(person: String, company: String, role: String, day rawDay: String, howItCameAbout: String, notes: String,
                                today: LocalDate) throws(ValidationErrors) -> InformationalInterviewDraft {
        var errors = ValidationErrors()
        let person = TextRules.checked(person, field: "person", label: "person's name", limit: TextRules.Limit.short, into: &errors)
        if person.isEmpty { errors.add("person", "Say who you talked to (or will talk to).") }
        let company = TextRules.checked(company, field: "company", label: "company", limit: TextRules.Limit.short, into: &errors)
        let role = TextRules.checked(role, field: "role", label: "role", limit: TextRules.Limit.short, into: &errors)
        let how = TextRules.checked(howItCameAbout, field: "how_it_came_about", label: "how it came about", limit: TextRules.Limit.sentence, into: &errors)
        let notes = TextRules.checked(notes, field: "notes", label: "notes", limit: TextRules.Limit.long, into: &errors)
        let day = DayRules.day(rawDay, field: "day", from: today.adding(days: -daysBack), to: today.adding(days: daysAhead), into: &errors)
        try errors.throwIfAny()
        return InformationalInterviewDraft(person: person, company: company, role: role, day: day!, howItCameAbout: how, notes: notes)
    }
}

/// What a blog post is about: the seeds ask for a technical post or one about an open-source contribution.
public enum BlogPostKind: String, CaseIterable, Codable, Sendable {
    case technical
    case openSource = "open_source"

    public var title: String {
        switch self {
        case .technical: "Technical"
        case .openSource: "Open-source contribution"
        }
    }
}

/// A published blog post, checked: a title, where it is, and the day it went out (not ahead).
public struct BlogPostDraft: Equatable, Sendable {
    public let title: String
    public let url: String
    public let published: LocalDate
    public let kind: BlogPostKind

    public init(title: String, url: String, published: LocalDate, kind: BlogPostKind) {
        self.title = title
        self.url = url
        self.published = published
        self.kind = kind
    }

    public static func validate(title: String, url: String, published rawDay: String, kind rawKind: String, today: LocalDate) throws(ValidationErrors) -> BlogPostDraft {
        var errors = ValidationErrors()
        let title = TextRules.checked(title, field: "title", label: "title", limit: TextRules.Limit.short, into: &errors)
        if title.isEmpty { errors.add("title", "Give the post's title.") }
        let address = WebAddress.validate(url, field: "url", into: &errors)
        if url.trimmed.isEmpty { errors.add("url", "Give the address where the post is published.") }
        let day = DayRules.day(rawDay, field: "published", from: today.adding(days: -InformationalInterviewDraft.daysBack), to: today, into: &errors,
                               after: "A post is recorded once it is published: choose today or a day before.")
        let kind = BlogPostKind(rawValue: rawKind.trimmed)
        if kind == nil { errors.add("kind", "Choose technical or open-source contribution.") }
        try errors.throwIfAny()
        return BlogPostDraft(title: title, url: address!, published: day!, kind: kind!)
    }
}

/// A day typed in a form, within bounds.
enum DayRules {
    static func day(_ raw: String, field: String, from first: LocalDate, to last: LocalDate, into errors: inout ValidationErrors,
                    after lateMessage: String? = nil) -> LocalDate? {
        guard !raw.trimmed.isEmpty else {
            errors.add(field, "Give the day.")
            return nil
        }
        guard let day = LocalDate(iso: raw.trimmed) else {
            errors.add(field, "Enter the day as YYYY-MM-DD.")
            return nil
        }
        if day < first {
            errors.add(field, "Choose a day from \(first.display) on.")
        } else if day > last {
            errors.add(field, lateMessage ?? "Choose a day up to \(last.display).")
        }
        return day
    }
}

/// What a graduate wrote or did, by kind, as the programme counts it. The app reads the rows;
/// this decides which activity each completes and on which day.
public struct ProgrammeRecords: Sendable {
    /// Days with a standup.
    public var standups: [LocalDate] = []
    /// Retrospectives: their week, and the day they were written.
    public var retrospectives: [(week: Int, writtenOn: LocalDate)] = []
    /// Days a SMART goal was set or reassessed.
    public var goalsWritten: [LocalDate] = []
    /// Days of informational interviews (those ahead do not count yet).
    public var informationalInterviews: [LocalDate] = []
    /// Days blog posts were published.
    public var blogPosts: [LocalDate] = []
    /// Days a submission of each kind was made.
    public var submissions: [(kind: SubmissionKind, day: LocalDate)] = []
    /// Marks done or skipped by hand.
    public var marks: [ActivityRecord] = []
    /// Why an admin paused the programme, while it is paused.
    public var pauseReason: String?

    public init() {}

    /// The records of `activities` this evidence makes on `today`. A goal counts as reassessed
    /// when it is written after the course ended: goals set during the course are what week 1 asks
    /// the graduate to read again.
    public func records(for activities: [Activity], calendar: ProgrammeCalendar, today: LocalDate) -> [ActivityRecord] {
        func keys(_ kind: ActivityKind) -> [String] { activities.filter { $0.kind == kind }.map(\.id) }
        func done(_ kind: ActivityKind, on days: [LocalDate]) -> [ActivityRecord] {
            let keys = keys(kind)
            return days.flatMap { day in keys.map { ActivityRecord(activityID: $0, day: day) } }
        }
        var records = done(.standup, on: standups)
        let retrospectiveKeys = keys(.retrospective)
        for retrospective in retrospectives where retrospective.week >= 1 {
            let monday = calendar.days(ofWeek: retrospective.week).lowerBound
            records += retrospectiveKeys.map { ActivityRecord(activityID: $0, day: monday, writtenOn: retrospective.writtenOn) }
        }
        records += done(.goalReassessment, on: goalsWritten.filter { $0 > calendar.courseEnd })
        records += done(.informationalInterview, on: informationalInterviews.filter { $0 <= today })
        records += done(.blogPost, on: blogPosts.filter { $0 <= today })
        for kind in SubmissionKind.allCases {
            guard let activityKind = kind.activityKind else { continue }
            records += done(activityKind, on: submissions.filter { $0.kind == kind }.map(\.day))
        }
        return records + marks
    }
}

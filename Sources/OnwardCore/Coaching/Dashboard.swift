import Foundation

/// One graduate's line on the coach's dashboard. Each capability fills its own columns (the
/// programme the status and standups, the job search the week's figures, coaching the rest), so
/// the page is one value however its figures were read.
public struct DashboardRow: Equatable, Sendable {
    public let id: String
    public let name: String
    /// Nil when their cohort follows no programme; what is missing, for one at risk, is in `missing`.
    public var status: ProgrammeStatus.Kind?
    /// What is missing, for a graduate at risk, as the programme words it.
    public var missing: [String] = []
    /// Standups in a row up to today (`StandupRules.streak`).
    public var standupStreak = 0
    /// Today's standup's mood (1 to 5), nil before it is posted.
    public var moodToday: Int?
    public var applicationsLast7Days = 0
    public var interviewsLast7Days = 0
    public var openRequests = 0
    public var waitingSubmissions = 0
    public var overdueRecommendations = 0
    /// The next ILP meeting, nil without an active plan.
    public var nextMeeting: LocalDate?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A row's figures as one line of text, so that each graduate's row can be kept between changes
/// and read back in one column: the figures, then what is missing, apart by control characters,
/// which no text Onward accepts can hold.
extension DashboardRow {
    private static let field: UInt8 = 0x1F
    private static let item: UInt8 = 0x1E

    public var kept: String {
        let figures = [status?.rawValue ?? "", String(standupStreak), moodToday.map(String.init) ?? "", String(applicationsLast7Days),
                       String(interviewsLast7Days), String(openRequests), String(waitingSubmissions), String(overdueRecommendations),
                       nextMeeting.map { String($0.dayNumber) } ?? ""]
        let separator = String(UnicodeScalar(Self.field))
        return (figures + [missing.joined(separator: String(UnicodeScalar(Self.item)))]).joined(separator: separator)
    }

    /// The row `kept` wrote, nil when the line is not one (written by another version, say). Read
    /// byte by byte: a coach's dashboard reads hundreds of them on every visit.
    public init?(id: String, name: String, kept line: String) {
        let parts = line.utf8.split(separator: Self.field, maxSplits: 9, omittingEmptySubsequences: false)
        guard parts.count == 10, let streak = Self.number(parts[1]), let applications = Self.number(parts[3]), let interviews = Self.number(parts[4]),
              let requests = Self.number(parts[5]), let submissions = Self.number(parts[6]), let overdue = Self.number(parts[7]) else { return nil }
        self.init(id: id, name: name)
        if !parts[0].isEmpty {
            guard let status = ProgrammeStatus.Kind(rawValue: String(Substring(parts[0]))) else { return nil }
            self.status = status
        }
        if !parts[2].isEmpty {
            guard let mood = Self.number(parts[2]) else { return nil }
            moodToday = mood
        }
        if !parts[8].isEmpty {
            guard let day = Self.number(parts[8]) else { return nil }
            nextMeeting = LocalDate(dayNumber: day)
        }
        (standupStreak, applicationsLast7Days, interviewsLast7Days) = (streak, applications, interviews)
        (openRequests, waitingSubmissions, overdueRecommendations) = (requests, submissions, overdue)
        missing = parts[9].isEmpty ? [] : parts[9].split(separator: Self.item, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// A whole number written in decimal digits, nil for anything else (or more than 18 digits).
    private static func number(_ digits: Substring.UTF8View) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

/// A column of the dashboard: each sorts, and each has filters.
public enum DashboardColumn: String, CaseIterable, Sendable {
    case name
    case status
    case streak
    case mood
    case applications
    case interviews
    case requests
    case submissions
    case overdue
    case meeting

    public var title: String {
        switch self {
        case .name: "Graduate"
        case .status: "Status"
        case .streak: "Standup streak"
        case .mood: "Mood today"
        case .applications: "Applications (7 days)"
        case .interviews: "Interviews (7 days)"
        case .requests: "Open requests"
        case .submissions: "Waiting submissions"
        case .overdue: "Overdue recommendations"
        case .meeting: "Next meeting"
        }
    }

    /// The way a column first sorts when chosen: what needs the coach first (the longest
    /// waits, the lowest mood, the fewest applications, the soonest meeting).
    public var firstOrder: DashboardQuery.Order {
        switch self {
        case .name, .status, .streak, .mood, .applications, .interviews, .meeting: .ascending
        case .requests, .submissions, .overdue: .descending
        }
    }
}

/// Which graduates the dashboard shows: one condition on a column's figure.
public enum DashboardFilter: String, CaseIterable, Sendable {
    case everyone
    case atRisk = "at_risk"
    case enrolled
    case placed
    case paused
    case noProgramme = "no_programme"
    case noStreak = "no_streak"
    case noStandupToday = "no_standup_today"
    case lowMood = "low_mood"
    case noApplications = "no_applications"
    case noInterviews = "no_interviews"
    case openRequests = "open_requests"
    case waitingSubmissions = "waiting_submissions"
    case overdueRecommendations = "overdue_recommendations"
    case meetingThisWeek = "meeting_this_week"
    case noMeeting = "no_meeting"

    /// The column the condition is on.
    public var column: DashboardColumn? {
        switch self {
        case .everyone: nil
        case .atRisk, .enrolled, .placed, .paused, .noProgramme: .status
        case .noStreak: .streak
        case .noStandupToday, .lowMood: .mood
        case .noApplications: .applications
        case .noInterviews: .interviews
        case .openRequests: .requests
        case .waitingSubmissions: .submissions
        case .overdueRecommendations: .overdue
        case .meetingThisWeek, .noMeeting: .meeting
        }
    }

    public var title: String {
        switch self {
        case .everyone: "Everyone"
        case .atRisk: "At risk"
        case .enrolled: "Enrolled"
        case .placed: "Placed"
        case .paused: "Paused"
        case .noProgramme: "Not on a programme"
        case .noStreak: "No standup streak"
        case .noStandupToday: "No standup today"
        case .lowMood: "Low mood today (1 or 2)"
        case .noApplications: "No application in 7 days"
        case .noInterviews: "No interview in 7 days"
        case .openRequests: "Open support requests"
        case .waitingSubmissions: "Submissions waiting"
        case .overdueRecommendations: "Overdue recommendations"
        case .meetingThisWeek: "ILP meeting in the next 7 days"
        case .noMeeting: "No ILP meeting planned"
        }
    }

    /// The lowest mood that is not low.
    public static let lowMoodBelow = 3

    public func admits(_ row: DashboardRow, today: LocalDate) -> Bool {
        switch self {
        case .everyone: true
        case .atRisk: row.status == .atRisk
        case .enrolled: row.status == .enrolled
        case .placed: row.status == .placed
        case .paused: row.status == .paused
        case .noProgramme: row.status == nil
        case .noStreak: row.standupStreak == 0
        case .noStandupToday: row.moodToday == nil
        case .lowMood: row.moodToday.map { $0 < Self.lowMoodBelow } ?? false
        case .noApplications: row.applicationsLast7Days == 0
        case .noInterviews: row.interviewsLast7Days == 0
        case .openRequests: row.openRequests > 0
        case .waitingSubmissions: row.waitingSubmissions > 0
        case .overdueRecommendations: row.overdueRecommendations > 0
        case .meetingThisWeek: row.nextMeeting.map { $0 <= today.adding(days: 6) } ?? false
        case .noMeeting: row.nextMeeting == nil
        }
    }
}

/// How the dashboard is sorted and filtered, as read from its address (`?sort=mood&order=asc&show=low_mood&q=ama`).
/// Anything unknown falls back to the default: everyone, those who need the coach first.
public struct DashboardQuery: Equatable, Sendable {
    public enum Order: String, Sendable {
        case ascending = "asc"
        case descending = "desc"

        public var reversed: Order { self == .ascending ? .descending : .ascending }
    }

    public var sort: DashboardColumn
    public var order: Order
    public var filter: DashboardFilter
    /// Part of a name, matched without regard to case or accents.
    public var search: String

    public init(sort: DashboardColumn = .status, order: Order? = nil, filter: DashboardFilter = .everyone, search: String = "") {
        self.sort = sort
        self.order = order ?? sort.firstOrder
        self.filter = filter
        self.search = search
    }

    /// The longest search kept.
    public static let searchLimit = 100

    public init(sort: String?, order: String?, show: String?, search: String?) {
        let column = sort.flatMap { DashboardColumn(rawValue: $0) } ?? .status
        let text = (search ?? "").trimmed
        self.init(sort: column, order: order.flatMap { Order(rawValue: $0) }, filter: show.flatMap { DashboardFilter(rawValue: $0) } ?? .everyone,
                  search: text.unicodeScalars.contains(where: TextRules.isRefused) ? "" : String(text.prefix(Self.searchLimit)))
    }

    /// The rows shown: those the filter and the search admit, in order. Ties, and the rows that
    /// have no figure in the column sorted on (no mood yet, no meeting), go by name; those
    /// without a figure come last whichever the order.
    public func arrange(_ rows: [DashboardRow], today: LocalDate) -> [DashboardRow] {
        let needle = search.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let shown = rows.filter { row in
            filter.admits(row, today: today)
                && (needle.isEmpty || row.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(needle))
        }
        return shown.sorted { a, b in
            let (na, nb) = (a.name.lowercased(), b.name.lowercased())
            if sort == .name && na != nb { return order == .ascending ? na < nb : na > nb }
            let (ka, kb) = (key(a), key(b))
            switch (ka, kb) {
            case (nil, nil): break
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?) where x != y: return order == .ascending ? x < y : x > y
            default: break
            }
            return na != nb ? na < nb : a.id < b.id
        }
    }

    /// The figure a row sorts by in the chosen column; nil when it has none.
    private func key(_ row: DashboardRow) -> Double? {
        switch sort {
        case .name: nil
        case .status: row.status.map { Double(Self.statusRank($0)) }
        case .streak: Double(row.standupStreak)
        case .mood: row.moodToday.map(Double.init)
        case .applications: Double(row.applicationsLast7Days)
        case .interviews: Double(row.interviewsLast7Days)
        case .requests: Double(row.openRequests)
        case .submissions: Double(row.waitingSubmissions)
        case .overdue: Double(row.overdueRecommendations)
        case .meeting: row.nextMeeting.map { Double($0.dayNumber) }
        }
    }

    /// Status, most in need first: at risk, enrolled, paused, placed.
    public static func statusRank(_ status: ProgrammeStatus.Kind) -> Int {
        switch status {
        case .atRisk: 0
        case .enrolled: 1
        case .paused: 2
        case .placed: 3
        }
    }
}

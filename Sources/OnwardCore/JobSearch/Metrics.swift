import Foundation

/// What the figures need to know about one application: its moves, dated, in order.
public struct ApplicationHistory: Sendable, Equatable {
    public struct Move: Sendable, Equatable {
        public let stage: Stage
        public let on: LocalDate

        public init(_ stage: Stage, on: LocalDate) {
            self.stage = stage
            self.on = on
        }
    }

    public let moves: [Move]
    /// Days of interviews and tech tests recorded under the application, with whether each was
    /// an interview proper (technical, behavioural, final) rather than a phone screen or test.
    public let interviews: [(on: LocalDate, isInterview: Bool)]

    public init(moves: [Move], interviews: [(on: LocalDate, isInterview: Bool)] = []) {
        self.moves = moves
        self.interviews = interviews
    }

    public static func == (lhs: ApplicationHistory, rhs: ApplicationHistory) -> Bool {
        lhs.moves == rhs.moves && lhs.interviews.map(\.on) == rhs.interviews.map(\.on) && lhs.interviews.map(\.isInterview) == rhs.interviews.map(\.isInterview)
    }

    public static let submittedStages: Set<Stage> = [.applied, .screening, .techTest, .interview, .offer, .accepted]
    static let responseStages: Set<Stage> = [.screening, .techTest, .interview, .offer, .accepted, .rejected]

    /// The day it was sent: the first move to applied or any later pipeline stage.
    public var submittedOn: LocalDate? {
        moves.first { Self.submittedStages.contains($0.stage) }?.on
    }

    /// The day the employer first answered after it was sent: a move to screening or later, a
    /// rejection, or an interview, whichever came first.
    public var firstResponseOn: LocalDate? {
        guard let submittedIndex = moves.firstIndex(where: { Self.submittedStages.contains($0.stage) }) else { return nil }
        let submitted = moves[submittedIndex]
        let byMove = moves[(submittedIndex + 1)...].first { Self.responseStages.contains($0.stage) }?.on
        // Imported straight in at "interview": being there is the response, on the day it was sent.
        let atOnce = submitted.stage != .applied ? submitted.on : nil
        let byInterview = interviews.map(\.on).filter { $0 >= submitted.on }.min()
        return [byMove, atOnce, byInterview].compactMap { $0 }.min()
    }

    public var reachedInterview: Bool {
        moves.contains { [.interview, .offer, .accepted].contains($0.stage) } || interviews.contains { $0.isInterview }
    }

    public var reachedOffer: Bool {
        moves.contains { [.offer, .accepted].contains($0.stage) }
    }
}

/// The last seven days, today included, in the graduate's own calendar.
public struct SevenDayWindow: Sendable, Equatable {
    public let first: LocalDate
    public let last: LocalDate

    /// Today and the six days before it. A move exactly seven days ago is outside.
    public init(endingOn today: LocalDate) {
        self.last = today
        self.first = today.adding(days: -6)
    }

    /// The window as seen at `now` by someone in `timeZone`: "today" begins at their midnight.
    public init(now: Date, timeZone: TimeZone) {
        self.init(endingOn: LocalDate(now, in: timeZone))
    }

    public func contains(_ day: LocalDate) -> Bool {
        first <= day && day <= last
    }
}

/// The figures at the top of a graduate's home page.
public struct JobSearchFigures: Sendable, Equatable, Codable {
    public let applicationsLast7Days: Int
    public let interviewsLast7Days: Int

    public init(histories: [ApplicationHistory], window: SevenDayWindow) {
        applicationsLast7Days = histories.compactMap(\.submittedOn).filter(window.contains).count
        interviewsLast7Days = histories.flatMap(\.interviews).map(\.on).filter(window.contains).count
    }
}

/// One week of the search, for the chart.
public struct WeekFigures: Sendable, Equatable, Codable {
    public let weekStarting: LocalDate
    public let applications: Int
    public let interviews: Int

    public init(weekStarting: LocalDate, applications: Int, interviews: Int) {
        self.weekStarting = weekStarting
        self.applications = applications
        self.interviews = interviews
    }

    /// Every week (Monday to Sunday) from the first application or interview to this week,
    /// empty weeks included, so the chart's gaps are real gaps.
    public static func series(histories: [ApplicationHistory], today: LocalDate) -> [WeekFigures] {
        let submitted = histories.compactMap(\.submittedOn)
        let interviews = histories.flatMap(\.interviews).map(\.on)
        guard let earliest = (submitted + interviews).min() else { return [] }
        var weeks: [WeekFigures] = []
        var start = min(earliest, today).startOfWeek
        let end = today.startOfWeek
        let applicationsByWeek = Dictionary(grouping: submitted, by: \.startOfWeek).mapValues(\.count)
        let interviewsByWeek = Dictionary(grouping: interviews, by: \.startOfWeek).mapValues(\.count)
        while start <= end {
            weeks.append(WeekFigures(weekStarting: start, applications: applicationsByWeek[start] ?? 0, interviews: interviewsByWeek[start] ?? 0))
            start = start.adding(days: 7)
        }
        return weeks
    }
}

/// Applied → first response → interview → offer, with the rate at each step. "Not getting past
/// the first hurdle" is a low first rate.
public struct Funnel: Sendable, Equatable, Codable {
    public let applied: Int
    public let responded: Int
    public let interviewed: Int
    public let offered: Int
    /// Median days from sending an application to the employer's first answer, over the
    /// applications that had one.
    public let medianDaysToFirstResponse: Double?

    public init(histories: [ApplicationHistory]) {
        let sent = histories.filter { $0.submittedOn != nil }
        applied = sent.count
        let answered = sent.filter { $0.firstResponseOn != nil }
        responded = answered.count
        interviewed = sent.filter(\.reachedInterview).count
        offered = sent.filter(\.reachedOffer).count
        let days = answered.map { $0.submittedOn!.days(to: $0.firstResponseOn!) }.sorted()
        if days.isEmpty {
            medianDaysToFirstResponse = nil
        } else if days.count % 2 == 1 {
            medianDaysToFirstResponse = Double(days[days.count / 2])
        } else {
            medianDaysToFirstResponse = Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
        }
    }

    /// `part` of `whole`, or nil when there is nothing to divide.
    public static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    public var responseRate: Double? { Self.rate(responded, of: applied) }
    public var interviewRate: Double? { Self.rate(interviewed, of: responded) }
    public var offerRate: Double? { Self.rate(offered, of: interviewed) }
}

import Foundation

/// How often a graduate commits: a year of days as GitHub's contribution graph draws them (weeks
/// as columns, Monday to Sunday), this week's count and the weekly average, against the target.
/// The Makers guide asks for "at least a few commits each week"; the target is a setting.
public struct ContributionCalendar: Equatable, Sendable {
    public static let defaultWeeklyTarget = 3
    /// The weeks drawn: a year, this week the last.
    public static let weeksShown = 53
    /// The weeks the average is taken over: the twelve before this one.
    public static let averagedWeeks = 12

    public struct Day: Equatable, Sendable {
        public let date: LocalDate
        public let count: Int
        /// Shade from 0 (none) to 4 (the most), by quarters of the busiest day drawn.
        public let level: Int
        /// A day after today, drawn empty.
        public let isFuture: Bool
    }

    /// Each week's seven days, Monday first; the oldest week first.
    public let weeks: [[Day]]
    public let thisWeek: Int
    public let weeklyAverage: Double
    public let target: Int
    public let total: Int

    public var meetsTarget: Bool { thisWeek >= target }

    /// `counts` by day in the graduate's calendar; `today` in it too.
    public init(counts: [LocalDate: Int], today: LocalDate, target: Int = defaultWeeklyTarget) {
        let monday = today.startOfWeek
        let first = monday.adding(days: -7 * (Self.weeksShown - 1))
        let busiest = max(1, (0...first.days(to: today)).map { counts[first.adding(days: $0)] ?? 0 }.max() ?? 0)
        weeks = (0..<Self.weeksShown).map { week in
            (0..<7).map { offset in
                let date = first.adding(days: week * 7 + offset)
                let count = date > today ? 0 : counts[date] ?? 0
                let level = count == 0 ? 0 : min(4, 1 + (count - 1) * 4 / busiest)
                return Day(date: date, count: count, level: level, isFuture: date > today)
            }
        }
        func sum(from start: LocalDate, days: Int) -> Int { (0..<days).reduce(0) { $0 + (counts[start.adding(days: $1)] ?? 0) } }
        thisWeek = sum(from: monday, days: monday.days(to: today) + 1)
        weeklyAverage = Double(sum(from: monday.adding(days: -7 * Self.averagedWeeks), days: 7 * Self.averagedWeeks)) / Double(Self.averagedWeeks)
        total = weeks.joined().reduce(0) { $0 + $1.count }
        self.target = target
    }
}

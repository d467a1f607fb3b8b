import Foundation

/// The programme's dates as a graduate's calendar shows them: the daily standup, and the days
/// required activities fall due.
extension ProgrammeCalendar {
    /// How long a standup lasts in a calendar.
    public static let standupMinutes = 15
    /// How many weeks ahead a calendar shows due dates.
    public static let weeksOfDueDates = 4

    /// The cohort's standup as one repeating event: every weekday from the programme's first
    /// Monday (or the course's end, for a cohort still before it), at `time` in the cohort's time
    /// zone, so a calendar keeps it at 10:00 across a change to summer time.
    public func standup(at time: StandupTime, uid: String, description: String, url: String?) -> CalendarEvent {
        // The moment the clock shows `time` that day, not midnight plus hours: right on a day the clocks change.
        let start = TypedMoment.moment(firstMonday, time, in: timeZone)
        var event = CalendarEvent(uid: uid, summary: "Standup", when: .timed(start: start, end: start.addingTimeInterval(Double(Self.standupMinutes * 60)), zone: timeZone))
        event.recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        event.description = description
        event.url = url
        return event
    }

    /// The required activities not done yet that fall due from `from` (one late stays until it
    /// is done) to `weeksOfDueDates` weeks ahead, each on its due day; a daily one (every day
    /// alike) is not a date to keep.
    public func dueDates(of activities: [Activity], records: [ActivityRecord], today: LocalDate, from: LocalDate) -> [Occurrence] {
        let week = max(1, self.week(of: today))
        let byActivity = ProgrammeRules.byActivity(records)
        return ProgrammeRules.occurrences(of: activities.filter { $0.isRequired && $0.schedule != .daily }, calendar: self, throughWeek: week + Self.weeksOfDueDates)
            .filter { occurrence in
                guard occurrence.due >= from else { return false }
                let state = ProgrammeRules.state(of: occurrence, records: byActivity[occurrence.activity.id] ?? [], today: today)
                return state == .due || state == .late
            }
    }
}

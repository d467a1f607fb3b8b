import Foundation

/// The programme a cohort gets when an admin creates one in one click, as the seeds describe it.
public enum DefaultProgramme {
    public static let name = "Job search programme"

    public static let activities: [Activity] = [
        Activity(id: "standup", title: "Post your standup", description: "What you did yesterday, what you'll do today, anything in your way. Due at the cohort's standup time.",
                 kind: .standup, schedule: .daily, isRequired: false),
        Activity(id: "apply", title: "Apply", description: "Send an application, or move one on.", kind: .custom, schedule: .daily, isRequired: false),
        Activity(id: "network", title: "Network", description: "Reach out to someone in the industry, or follow up.", kind: .custom, schedule: .daily, isRequired: false),
        Activity(id: "code", title: "Code", description: "Commit to a side project, a kata or a tech test.", kind: .custom, schedule: .daily, isRequired: false),
        Activity(id: "practise", title: "Practise", description: "Interview questions, a mock interview or a pairing session.", kind: .custom, schedule: .daily, isRequired: false),
        Activity(id: "retrospective", title: "Weekly retrospective", description: "What went well, what didn't, what you learned, and your focus for next week.",
                 kind: .retrospective, schedule: .weekly, isRequired: true),
        Activity(id: "reassess-goals", title: "Reassess your SMART goals", description: "Read your job-search goals again and rewrite what no longer holds.",
                 kind: .goalReassessment, schedule: .byWeek(1), isRequired: true),
        Activity(id: "analyse-job-search", title: "Analyse your job search", description: "Where your applications go, what comes back, and what you will change.",
                 kind: .jobSearchAnalysis, schedule: .byWeek(4), isRequired: true),
        Activity(id: "blog-post", title: "Publish a blog post", description: "A technical post, or one about an open-source contribution.",
                 kind: .blogPost, schedule: .byWeek(6), isRequired: true),
        Activity(id: "informational-interviews", title: "Three informational interviews",
                 description: "Talk to people doing the job you want. Aim for one by week 2 and the rest by week 4; set your own dates.",
                 kind: .informationalInterview, schedule: .byWeek(7), isRequired: true, count: 3),
    ]
}

/// What a graduate sees on a morning: today's tasks, this week's, what is overdue and what is ahead.
public struct RoadMap: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public let occurrence: Occurrence
        public let state: OccurrenceState
        /// Done toward its count so far ("1 of 3").
        public let doneSoFar: Int

        public init(occurrence: Occurrence, state: OccurrenceState, doneSoFar: Int) {
            self.occurrence = occurrence
            self.state = state
            self.doneSoFar = doneSoFar
        }

        public var activity: Activity { occurrence.activity }
        /// Whether the graduate may skip it now (one click, no reason): not required, not done.
        public var canSkip: Bool { !activity.isRequired && (state == .due || state == .late) }
    }

    public let week: Int
    public let today: [Item]
    public let thisWeek: [Item]
    /// Required activities of weeks that have ended, not done: what puts the status at risk.
    public let overdue: [Item]
    /// Activities due in later weeks, by week.
    public let ahead: [Week]

    public struct Week: Equatable, Sendable {
        public let number: Int
        public let items: [Item]
    }

    public static func on(_ today: LocalDate, activities: [Activity], records: [ActivityRecord], calendar: ProgrammeCalendar, weeksAhead: Int = 3) -> RoadMap {
        let week = calendar.week(of: today)
        let byActivity = ProgrammeRules.byActivity(records)
        func item(_ occurrence: Occurrence) -> Item {
            let mine = byActivity[occurrence.activity.id] ?? []
            let done = mine.filter { $0.mark == .done }
            let counted: Int
            if case .byWeek = occurrence.activity.schedule { counted = done.count } else { counted = done.filter { occurrence.period.contains($0.day) }.count }
            return Item(occurrence: occurrence, state: ProgrammeRules.state(of: occurrence, records: mine, today: today), doneSoFar: counted)
        }
        // Only the occurrences the map shows are worked out: a graduate's earlier days of an
        // optional daily task (one "apply" record per application, thousands for some) were most
        // of the road map's time, 8 % of the graduate's home page's CPU, and nothing shows them.
        let all = ProgrammeRules.occurrences(of: activities, calendar: calendar, throughWeek: week + weeksAhead)
        let thisWeekDays = week >= 1 ? calendar.days(ofWeek: week) : today...today
        let todays = all.filter { $0.activity.schedule == .daily && $0.period.lowerBound == today }.map(item)
        let thisWeek = all.filter { $0.activity.schedule != .daily && thisWeekDays.contains($0.due) }.map(item)
        let overdue = all.filter { $0.activity.isRequired && $0.due < thisWeekDays.lowerBound }.map(item).filter { $0.state == .late }
        var ahead: [Week] = []
        if week + 1 <= week + weeksAhead {
            for n in (week + 1)...(week + weeksAhead) where n >= 1 {
                let items = all.filter { occurrence in
                    if case .byWeek(let due) = occurrence.activity.schedule { return due == n }
                    return false
                }.map(item)
                if !items.isEmpty { ahead.append(Week(number: n, items: items)) }
            }
        }
        return RoadMap(week: week, today: todays, thisWeek: thisWeek, overdue: overdue, ahead: ahead)
    }
}

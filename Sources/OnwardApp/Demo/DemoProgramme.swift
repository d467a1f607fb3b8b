import Fluent
import Foundation
import OnwardCore

/// The demo cohort follows the default programme: weeks of standups with moods, retrospectives
/// and goals marked done, daily tasks done or skipped. Graduate 3 (who applies a lot and never
/// gets past the first hurdle) missed last week's retrospective, so they show as at risk, with why.
enum DemoProgramme {
    static let plans = ["Two applications and a kata", "Follow up with recruiters, then my side project", "Tech test for a fintech",
                        "Pair on a Rails kata, then apply", "Rewrite my CV's project section", "Mock interview prep"]
    static let yesterdays = ["Applied to three roles", "Finished a tech test", "Refactored my portfolio site", "Coffee chat with a developer",
                             "Read up on SQL joins", "Wrote tests for my side project"]

    static let wentWell = ["Got through to a second interview", "Shipped the login flow of my side project", "Posted every standup",
                           "A recruiter called back", "Finally understood closures"]
    static let notWell = ["Too many applications, too little coding", "A tech test ran out of time", "Lost two days to a cold",
                          "Rejected after the final round", "nothing much"]
    static let learned = ["How to answer 'tell me about yourself' in two minutes", "SQL window functions", "Writing tests first saves time",
                          "Reading other people's code out loud", "How Rails callbacks order"]

    /// `coach` coaches graduate 3: they answered their earlier requests for help (the latest waits)
    /// and commented on their retrospectives.
    static func seed(cohort: CohortModel, graduates: [UserModel], coach: UserModel, on db: any Database, now: Date) async throws {
        try await ProgrammeUseCases(db: db, now: now).giveDefault(to: cohort)
        guard let courseEnd = LocalDate(iso: cohort.courseEndDate), let zone = TimeZone(identifier: cohort.timeZone) else { return }
        let calendar = ProgrammeCalendar(courseEnd: courseEnd, timeZone: zone)
        let today = calendar.day(at: now)
        let currentWeek = calendar.week(of: today)
        for (g, graduate) in graduates.enumerated() {
            let id = try graduate.requireID()
            var day = calendar.firstMonday
            while day < today {
                let weekday = calendar.firstMonday.days(to: day) % 7
                let n = calendar.firstMonday.days(to: day)
                if weekday < 5 && (n + g) % 6 != 5 {
                    let mood = g == 3 ? 2 + (n % 2) : 3 + (n + g) % 3
                    let blockers = g == 3 && n % 4 == 0 ? "Lots of applications, no interviews. Is it my CV?" : ""
                    let draft = StandupDraft(yesterday: yesterdays[(n + g) % yesterdays.count], today: plans[(n * 2 + g) % plans.count],
                                             blockers: blockers, mood: mood, wantsHelp: !blockers.isEmpty)
                    try await StandupModel(userID: id, day: day, draft: draft, late: (n + g) % 4 == 0).create(on: db)
                    for (t, task) in ["apply", "network", "code", "practise"].enumerated() where (n + g + t) % 3 != 2 {
                        try await ActivityMarkModel(userID: id, activityKey: task, day: day, writtenOn: day, mark: (n + t) % 5 == 0 ? .skipped : .done).create(on: db)
                    }
                }
                day = day.adding(days: 1)
            }
            // A third of the cohort has posted today's standup already, so the board has something on it.
            if g % 3 == 1 && calendar.firstMonday.days(to: today) % 7 < 5 && today >= calendar.firstMonday {
                let draft = StandupDraft(yesterday: yesterdays[g % yesterdays.count], today: plans[g % plans.count], blockers: "", mood: 3 + g % 3, wantsHelp: false)
                try await StandupModel(userID: id, day: today, draft: draft, late: false).create(on: db)
            }
            try await seedRecords(for: graduate, number: g, calendar: calendar, today: today, on: db, now: now)
            if g == 3 {
                // Each request for help is in the help desk, opened at its standup's morning; every
                // one but the latest had its answer three hours later.
                let asked = try await StandupModel.query(on: db).filter(\.$user.$id == id).filter(\.$wantsHelp == true).sort(\.$day).all()
                for (n, standup) in asked.enumerated() {
                    guard let day = LocalDate(iso: standup.day) else { continue }
                    let morning = calendar.start(of: day).addingTimeInterval(9.5 * 3_600)
                    try await Capabilities.reads.coaching.askForHelp(id, atStandupOf: day, concerns: standup.blockers, on: db, now: morning)
                    guard n < asked.count - 1, let request = try await SupportUseCases(db: db, now: morning).requests(of: id).first(where: { $0.originDay == day.iso })
                    else { continue }
                    try await SupportUseCases(db: db, now: morning.addingTimeInterval(3 * 3_600)).reply(
                        to: request.requireIDString, SupportReplyDraft(body: "Let's look at your CV together on Thursday at 14:00; bring two job ads you like."), by: coach)
                }
            }
            // Every ended week's retrospective, on its Friday; graduate 3 skipped last week's.
            if currentWeek >= 2 {
                let programmes = ProgrammeUseCases(db: db, now: now)
                for week in 1..<currentWeek where !(g == 3 && week == currentWeek - 1) {
                    let friday = calendar.days(ofWeek: week).lowerBound.adding(days: 4)
                    let draft = RetrospectiveDraft(
                        wentWell: wentWell[(g + week) % wentWell.count], didNotGoWell: notWell[(g * 2 + week) % notWell.count],
                        learned: learned[(g + week * 3) % learned.count], focus: plans[(g + week) % plans.count],
                        better: (g + week) % 4 == 0 ? .notSure : .yes)
                    let figures = try await programmes.figures(of: id, week: week, calendar: calendar)
                    let retrospective = RetrospectiveModel(userID: id, week: week, draft: draft, figures: figures, writtenOn: friday)
                    try await retrospective.create(on: db)
                    if g == 3 {
                        try await RetrospectiveCommentModel(retrospectiveID: retrospective.requireID(), authorID: coach.requireID(),
                                                            body: "Fewer applications, more tailored ones: pick five companies and write to a developer at each first.").create(on: db)
                    }
                }
            }
        }
    }

    static let goals = [("A junior back-end role at a product company", "An accepted offer", "I have built two APIs and passed a tech test",
                         "Back-end work is what I enjoyed most on the course"),
                        ("A front-end role on a team that pairs", "Three final-round interviews", "My portfolio shows four React projects",
                         "Pairing is how I learn fastest"),
                        ("A full-stack role in a health or climate company", "Ten tailored applications a week, an offer by spring",
                         "Two people in my network work there", "I want my work to matter")]
    static let people = [("Sam Okafor", "Shopify", "Senior engineer", "Met at a Ruby meetup"), ("Lee Chen", "Monzo", "Engineering manager", "A graduate of the bootcamp"),
                         ("Ana Ruiz", "GOV.UK", "Developer", "A cold message on LinkedIn"), ("Priya Shah", "Deliveroo", "Tech lead", "Introduced by a coach")]

    /// Goals set at the end of the course and reassessed in week 1; informational interviews
    /// held (and one planned); a blog post and the job search analysis from those further along.
    static func seedRecords(for graduate: UserModel, number g: Int, calendar: ProgrammeCalendar, today: LocalDate, on db: any Database, now: Date) async throws {
        let id = try graduate.requireID()
        let evidence = RecordsUseCases(db: db, now: now)
        let (specific, measurable, achievable, relevant) = goals[g % goals.count]
        let first = SmartGoalDraft(specific: specific, measurable: measurable, achievable: achievable, relevant: relevant,
                                   timeBound: calendar.courseEnd.adding(days: 120))
        let goal = try await evidence.setGoal(first, for: graduate, today: calendar.courseEnd)
        let reassessedOn = calendar.firstMonday.adding(days: 2)
        if reassessedOn < today {
            let sharper = SmartGoalDraft(specific: specific, measurable: measurable + ", with two interviews a week on the way",
                                         achievable: achievable, relevant: relevant, timeBound: calendar.courseEnd.adding(days: 150))
            try await evidence.reassess(goal.id, with: sharper, today: reassessedOn)
        }
        // Interviews on the Thursdays of weeks 2 to 4, as far as the graduate has got; the next one planned.
        for (n, week) in (2...4).enumerated() where g % 2 == 0 || n == 0 {
            let (person, company, role, how) = people[(g + n) % people.count]
            let day = calendar.days(ofWeek: week).lowerBound.adding(days: 3)
            guard day <= today.adding(days: 14) else { break }
            let draft = InformationalInterviewDraft(person: person, company: company, role: role, day: day, howItCameAbout: how,
                                                    notes: day <= today ? "Teams hire juniors who show how they learn; write about it." : "")
            try await evidence.record(draft, for: id)
        }
        if g % 2 == 0 {
            let learning = LearningGoalUseCases(db: db, now: now)
            let goal = try await learning.add(
                LearningGoalDraft(title: "Become confident with SQL", now: "I can write joins, but I look up GROUP BY every time.",
                                  success: "I design a schema for a small product and tune its slow queries without help.",
                                  why: "Every back-end role I apply for asks for it, and interviews test it."),
                resources: [LearningResourceDraft(kind: .book, name: "SQL Antipatterns", link: nil),
                            LearningResourceDraft(kind: .thingToBuild, name: "A reporting API for my side project", link: nil),
                            LearningResourceDraft(kind: .meetup, name: "London PostgreSQL meetup", link: "https://www.meetup.com/")],
                milestones: [MilestoneDraft(title: "Finish the book's first part", due: calendar.firstMonday.adding(days: 13)),
                             MilestoneDraft(title: "Ship the reporting API", due: today.adding(days: 30)),
                             MilestoneDraft(title: "Give a lightning talk on indexes", due: today.adding(days: 120))],
                for: id)
            let first = try await LearningMilestoneModel.query(on: db).filter(\.$goal.$id == goal.requireID()).sort(\.$due).first()
            if g % 4 == 0, let first {
                first.doneOn = calendar.firstMonday.adding(days: 11).iso
                try await first.save(on: db)
            }
        }
        let week3Sunday = calendar.days(ofWeek: 3).upperBound
        if g % 4 == 1 && week3Sunday <= today {
            try await evidence.record(BlogPostDraft(title: "What building a to-do API taught me about tests", url: "https://dev.to/onward-demo/tests",
                                                    published: week3Sunday, kind: .technical), for: id)
        }
    }

    /// A cohort in week 1: the default programme, and the goals each graduate wrote on the course,
    /// which week 1 asks them to reassess.
    static func seedFirstWeek(cohort: CohortModel, graduates: [UserModel], on db: any Database, now: Date) async throws {
        try await ProgrammeUseCases(db: db, now: now).giveDefault(to: cohort)
        guard let courseEnd = LocalDate(iso: cohort.courseEndDate) else { return }
        for (g, graduate) in graduates.enumerated() {
            let (specific, measurable, achievable, relevant) = goals[(g + 1) % goals.count]
            let goal = SmartGoalDraft(specific: specific, measurable: measurable, achievable: achievable, relevant: relevant, timeBound: courseEnd.adding(days: 90))
            try await RecordsUseCases(db: db, now: now).setGoal(goal, for: graduate, today: courseEnd.adding(days: -10))
        }
    }
}

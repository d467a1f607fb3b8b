import Fluent
import Foundation
import OnwardCore

/// Coaching in the demo: submissions in every state of their review, in both coaches' queues.
enum DemoCoaching {
    /// Priya coaches the first half of `graduates`, Tom the second (as `DemoBootcamp` assigns them).
    static func seed(graduates: [UserModel], coaches: (priya: UserModel, tom: UserModel), on db: any Database, now: Date) async throws {
        // (graduate, kind, title, days ago sent, what happened since)
        enum Then { case waits, approved, changesAsked(comment: String, resubmitted: String?) }
        let plan: [(Int, SubmissionKind, String, Int, Then)] = [
            (0, .jobSearchAnalysis, "Job search analysis, week 4", 6, .approved),
            (3, .jobSearchAnalysis, "Job search analysis, week 4", 5,
             .changesAsked(comment: "Good start. Add what you will stop doing, and the numbers behind \"job boards don't work\".",
                           resubmitted: "Job boards brought most of my applications and the fewest answers: I send too many, too fast.")),
            (1, .applicationMaterial, "CV for back-end roles", 1, .waits),
            (6, .jobSearchAnalysis, "Job search analysis, week 4", 2, .waits),
            (9, .jobSearchAnalysis, "What three weeks of applications taught me", 4, .approved),
        ]
        for (g, kind, title, daysAgo, then) in plan where g < graduates.count {
            let graduate = graduates[g]
            let coach = g < 6 ? coaches.priya : coaches.tom
            let sent = now.addingTimeInterval(-Double(daysAgo) * 86_400)
            let cases = ReviewUseCases(db: db, now: sent)
            let draft = kind == .jobSearchAnalysis
                ? SubmissionDraft(kind: kind, title: title, body: Self.reading(try await cases.analysisFigures(of: graduate)), link: nil,
                                  changes: "Ask for two introductions a week, and stop applying to listings older than two weeks.")
                : SubmissionDraft(kind: kind, title: title, body: "", link: "https://example.com/cv.pdf")
            let submission = try await cases.submit(draft, for: graduate)
            let id = submission.requireIDString
            let reviewed = ReviewUseCases(db: db, now: sent.addingTimeInterval(20 * 3600))
            switch then {
            case .waits:
                break
            case .approved:
                try await reviewed.review(id, ReviewDraft(verdict: .approved, comment: "Clear and honest. Keep the introductions going."), by: coach)
            case .changesAsked(let comment, let resubmitted):
                try await reviewed.review(id, ReviewDraft(verdict: .changesRequested, comment: comment), by: coach)
                if let resubmitted {
                    let again = ReviewUseCases(db: db, now: now.addingTimeInterval(-3 * 3600))
                    try await again.resubmit(id, title: title, body: Self.reading(try await again.analysisFigures(of: graduate)) + " " + resubmitted, link: "",
                                             changes: submission.changes, by: graduate)
                }
            }
        }
    }

    /// A graduate's reading of their own figures, as one might write it.
    static func reading(_ figures: JobSearchAnalysis) -> String {
        guard let most = figures.sources.first, let answered = figures.funnel.dropFirst().first else { return "I have not sent an application yet: that is the first thing to change." }
        var text = "\(most.source) brought most of my applications (\(most.sent)) and \(Wording.count(most.answered, "answer"))."
        if let best = figures.sources.filter({ $0.sent >= 2 }).max(by: { ($0.answerRate ?? 0) < ($1.answerRate ?? 0) }), best.source != most.source {
            text += " \(best.source) answered \(Formats.percent(best.answerRate)) of the time."
        }
        text += " My answer rate is \(Formats.percent(answered.rate)), against a cohort median of \(Formats.percent(answered.cohortMedianRate))."
        return text
    }

    /// The help desk: an open question and a 1:1 waiting for a time in Priya's desk, a pending one
    /// and a 1:1 set in Tom's, and a solved one.
    static func seedSupport(graduates: [UserModel], coaches: (priya: UserModel, tom: UserModel), on db: any Database, now: Date) async throws {
        func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
        struct Plan {
            let graduate: Int
            let draft: SupportRequestDraft
            let opened: Double
            /// (hours ago, from the team?, text, the 1:1's time in hours from now)
            var replies: [(Double, Bool, String, Double?)] = []
            var solved = false
        }
        let plans = [
            Plan(graduate: 2, draft: SupportRequestDraft(kind: .question, subject: "Take-home test: how long is too long?",
                                                          message: "A start-up sent a take-home they say takes \"a weekend\". Is it fine to ask for a smaller scope?"),
                 opened: 5),
            Plan(graduate: 5, draft: SupportRequestDraft(kind: .oneToOne, subject: "Practise salary talk",
                                                          message: "I have a second interview on Friday and they will ask what I expect.",
                                                          preferredTimes: "Wednesday or Thursday, before 2 pm"),
                 opened: 20),
            Plan(graduate: 7, draft: SupportRequestDraft(kind: .question, subject: "Portfolio: which projects to show?",
                                                          message: "I have six projects on GitHub. Which three would you pin?"),
                 opened: 50, replies: [(30, true, "Pin the habit tracker, the API with tests and the open-source fix. Add a README with a screenshot to each.", nil)]),
            Plan(graduate: 10, draft: SupportRequestDraft(kind: .oneToOne, subject: "Plan the next month", message: "I've stalled after the first interviews.",
                                                           preferredTimes: "Any morning"),
                 opened: 70, replies: [(48, true, "Let's meet on Thursday morning, on the usual video link.", 40)]),
            Plan(graduate: 0, draft: SupportRequestDraft(kind: .question, subject: "References: who to ask?",
                                                          message: "My old manager is not in tech. Does that matter?"),
                 opened: 120, replies: [(100, true, "Ask them: a manager who saw you work is the best reference. Add a project mentor as a second.", nil),
                                        (96, false, "Thanks, that helps.", nil)],
                 solved: true),
        ]
        for plan in plans where plan.graduate < graduates.count {
            let graduate = graduates[plan.graduate]
            let coach = plan.graduate < 6 ? coaches.priya : coaches.tom
            let request = try await SupportUseCases(db: db, now: hoursAgo(plan.opened)).open(plan.draft, for: graduate)
            let id = request.requireIDString
            for (ago, fromTeam, text, meetingIn) in plan.replies {
                let meeting = meetingIn.map { hoursAgo(-$0) }
                try await SupportUseCases(db: db, now: hoursAgo(ago)).reply(to: id, SupportReplyDraft(body: text, meetingAt: meeting), by: fromTeam ? coach : graduate)
            }
            if plan.solved { try await SupportUseCases(db: db, now: now).solve(id, by: graduate) }
        }
    }

    /// Learning plans: Amara's weekly plan with Priya (two meetings, a kata done, a reading
    /// overdue), Hamza's fortnightly one with Tom, and Dev's asked for, waiting for Priya.
    static func seedPlans(graduates: [UserModel], coaches: (priya: UserModel, tom: UserModel), on db: any Database, now: Date) async throws {
        guard graduates.count > 7 else { return }
        let day: (Int) -> Date = { now.addingTimeInterval(-Double($0) * 86_400) }
        // (graduate, coach, focus, cadence, started days ago, meetings: (days ago, notes, recommendations as (kind, text, due in days from the meeting, state)))
        let plans: [(Int, UserModel, String, MeetingCadence, Int, [(Int, String, [(RecommendationKind, String, Int?, RecommendationState)])])] = [
            (0, coaches.priya, "Testing before code; explaining my decisions out loud in technical interviews.", .weekly, 15, [
                (15, "Amara writes tests after the code and struggles to say why she chose a design. Agreed: TDD on katas first, then on the side project.",
                 [(.kata, "Bowling kata, test first, in under an hour", 5, .done), (.reading, "Read \"Test-Driven Development by Example\", part 1", 10, .doing)]),
                (8, "The kata went well; the side project still has no tests. She will pair with Ben on Thursday and talk through one design choice at the next meeting.",
                 [(.codeReview, "Ask Ben to review the habit tracker's API and answer every comment", 6, .toDo), (.processObservation, "Watch a team's stand-up at the Thursday meetup", 12, .toDo)]),
            ]),
            (7, coaches.tom, "CV and cover letters for back-end roles; salary conversations.", .fortnightly, 10, [
                (10, "Hamza's CV lists tasks, not results. Rewrite three bullets with numbers; draft one cover letter for a company he likes.",
                 [(.project, "Rewrite the CV's three project bullets with numbers", 7, .done), (.other, "Draft a cover letter for Monzo", 14, .doing)]),
            ]),
        ]
        for (g, coach, focus, cadence, startedAgo, meetings) in plans {
            let graduate = graduates[g]
            let plan = try await LearningPlanUseCases(db: db, now: day(startedAgo)).start(
                for: graduate.requireIDString, LearningPlanDraft(focusAreas: focus, cadence: cadence), by: coach)
            // Where and when the two meet: at the campus at half past four, with a call for a week away.
            try await LearningPlanUseCases(db: db, now: day(startedAgo)).setMeetingPlace(
                MeetingWhere(time: StandupTime(hour: 16, minute: 30), link: "https://meet.example.org/onward-plan-\(g)", place: "Onward, 5 Commercial Street, London"),
                on: plan.requireIDString, by: coach)
            for (ago, notes, recommendations) in meetings {
                let held = graduate.today(at: day(ago))
                try await LearningPlanUseCases(db: db, now: day(ago)).recordMeeting(on: plan.requireIDString, by: coach) { _ in
                    MeetingDraft(heldOn: held, notes: notes, recommendations: recommendations.map { kind, text, due, _ in
                        RecommendationDraft(kind: kind, description: text, due: due.map { held.adding(days: $0) })
                    })
                }
                for (_, text, _, state) in recommendations where state != .toDo {
                    if let item = try await RecommendationModel.query(on: db).filter(\.$description == text).first() {
                        try await LearningPlanUseCases(db: db, now: now).progress(item.id!.uuidString, RecommendationProgress(
                            state: state, outcomeLink: state == .done ? "https://github.com/onward-demo/\(g)" : nil), by: graduate)
                    }
                }
            }
        }
        try await LearningPlanUseCases(db: db, now: day(2)).ask("Getting unstuck after the first interviews; a weekly rhythm I can keep.", for: graduates[3])
    }

    /// Events: a CV clinic for the Autumn cohort next week with most of it answering, a salary
    /// panel for everyone, a mock-interview morning for the Winter cohort, and one held last week.
    static func seedEvents(autumn: CohortModel, winter: CohortModel, graduates: [UserModel], coaches: (priya: UserModel, tom: UserModel),
                           admin: UserModel, zone: String, on db: any Database, now: Date) async throws {
        let timeZone = TimeZone(identifier: zone) ?? .gmt
        // Days counted from next Monday, so that every event falls on a weekday.
        let nextMonday = LocalDate(now, in: timeZone).startOfWeek.adding(days: 7)
        func at(_ days: Int, _ hour: Int, _ minute: Int = 0) -> Date {
            StandupRules.deadline(of: nextMonday.adding(days: days), at: StandupTime(hour: hour, minute: minute)!, in: timeZone)
        }
        let past = at(-12, 12, 30)
        let events: [(EventDraft, UserModel, Date, [EventAnswer?])] = [
            (EventDraft(title: "CV clinic", description: "Bring your CV and one job advert you want. We read them side by side and cut what the advert does not ask for.",
                        startsAt: at(1, 14), endsAt: at(1, 15, 30), link: "https://meet.example.org/onward-cv-clinic", place: "", cohortID: autumn.id?.uuidString),
             coaches.priya, now, [.going, .going, .notGoing, .going, nil, .going, .going, nil, .notGoing, .going, nil, .going]),
            (EventDraft(title: "Salary conversations: a panel of hiring managers",
                        description: "Three hiring managers from partner companies on how they set junior salaries, and how to answer \"what are your expectations?\"",
                        startsAt: at(3, 18), endsAt: at(3, 19, 30), link: "https://meet.example.org/onward-salary-panel", place: "Onward, 5 Commercial Street, London",
                        cohortID: nil),
             admin, now, [.going, nil, .going, nil, nil, .going, nil, nil, .going, nil, nil, nil]),
            (EventDraft(title: "Mock interview morning", description: "Practise a technical interview in pairs, with a coach walking round. Bring a laptop.",
                        startsAt: at(0, 9, 30), endsAt: at(0, 12), link: nil, place: "Onward, 5 Commercial Street, London", cohortID: winter.id?.uuidString),
             coaches.tom, now, []),
            (EventDraft(title: "LinkedIn profile review", description: "Bring your profile up on a laptop; we go through headline, about and featured.",
                        startsAt: past, endsAt: past.addingTimeInterval(3_600), link: "https://meet.example.org/onward-linkedin", place: "", cohortID: autumn.id?.uuidString),
             coaches.tom, past.addingTimeInterval(-7 * 86_400), [.going, .going, nil, .going, .going, nil, .notGoing, .going, nil, nil, .going, nil]),
        ]
        for (draft, holder, madeAt, answers) in events {
            let useCases = EventUseCases(db: db, now: madeAt.addingTimeInterval(-86_400))
            let event = try await useCases.create(draft, by: holder)
            for (graduate, answer) in zip(graduates, answers) {
                guard let answer else { continue }
                try await useCases.answer(event.requireIDString, answer, by: graduate)
            }
        }
    }
}

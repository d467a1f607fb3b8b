import Foundation
import Testing
@testable import OnwardCore

@Suite struct JobSearchAnalysisTests {
    let today = LocalDate(iso: "2026-11-30")!

    func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }

    /// An application from `source` sent `sentAgo` days ago, moved on through `then` (stage, days ago).
    func application(_ source: ApplicationSource, sentAgo: Int, then moves: [(Stage, Int)] = [], interviews: [(Int, Bool)] = []) -> AnalysedApplication {
        let history = ApplicationHistory(moves: [.init(.applied, on: day(-sentAgo))] + moves.map { .init($0.0, on: day(-$0.1)) },
                                         interviews: interviews.map { (day(-$0.0), $0.1) })
        return AnalysedApplication(source: source, stage: moves.last?.0 ?? .applied, history: history)
    }

    func analysis(_ mine: [AnalysedApplication], cohort others: [[AnalysedApplication]] = []) -> JobSearchAnalysis {
        JobSearchAnalysis(applications: mine, cohort: others, signals: [], feedback: [], asOf: today)
    }

    /// `sent` applications of someone else's, the first `answered` of them answered, the first `interviewed` interviewed.
    func other(sent: Int, answered: Int, interviewed: Int = 0) -> [AnalysedApplication] {
        (0..<sent).map { n in
            application(.jobBoard, sentAgo: 10 + n, then: n < interviewed ? [(.screening, 5), (.interview, 3)] : n < answered ? [(.screening, 5)] : [])
        }
    }

    @Test func each_source_counts_what_was_sent_answered_and_interviewed_with_the_median_days_to_an_answer() {
        let mine = [
            application(.jobBoard, sentAgo: 20, then: [(.rejected, 10)]),          // answered in 10 days
            application(.jobBoard, sentAgo: 18, then: [(.screening, 14)]),         // answered in 4 days
            application(.jobBoard, sentAgo: 5),                                    // no answer
            application(.referral, sentAgo: 12, then: [(.screening, 11), (.interview, 6)]),
        ]
        let figures = analysis(mine)
        #expect(figures.sources.map(\.source) == ["Job board", "Referral"], "the source with most sent first")
        let board = figures.sources[0]
        #expect((board.sent, board.answered, board.interviewed) == (3, 2, 0))
        #expect(board.medianDaysToFirstAnswer == 7)
        #expect(board.answerRate == 2.0 / 3.0)
        let referral = figures.sources[1]
        #expect((referral.sent, referral.answered, referral.interviewed, referral.medianDaysToFirstAnswer) == (1, 1, 1, 1))
        #expect(figures.firstSent == day(-20))
    }

    @Test func a_source_with_nothing_sent_is_left_out_and_the_wishlist_is_not_an_application() {
        let saved = AnalysedApplication(source: .recruiter, stage: .wishlist, history: ApplicationHistory(moves: [.init(.wishlist, on: day(-3))]))
        let figures = analysis([saved, application(.careersFair, sentAgo: 2)])
        #expect(figures.sources.map(\.source) == ["Careers fair"])
        #expect(figures.funnel[0].count == 1)
        #expect(figures.stages.map(\.count).reduce(0, +) == 1)
    }

    @Test func stages_count_the_furthest_step_each_application_reached_even_when_it_was_rejected_after() {
        let mine = [
            application(.jobBoard, sentAgo: 20),
            application(.jobBoard, sentAgo: 20, then: [(.techTest, 15), (.rejected, 10)]),
            application(.jobBoard, sentAgo: 20, then: [(.screening, 15), (.interview, 12), (.offer, 3)]),
            // An interview recorded under it, the card never moved: it reached the interview.
            application(.referral, sentAgo: 9, interviews: [(4, true)]),
            // A phone screen only: a first answer, not an interview.
            application(.referral, sentAgo: 9, interviews: [(5, false)]),
            application(.recruiter, sentAgo: 9, then: [(.withdrawn, 2)]),
        ]
        let figures = analysis(mine)
        let byStage = Dictionary(uniqueKeysWithValues: figures.stages.map { ($0.stage, $0.count) })
        #expect(byStage == ["Applied": 2, "Screening": 1, "Tech test": 1, "Interview": 1, "Offer": 1, "Accepted": 0])
        #expect((figures.open, figures.rejected, figures.withdrawn) == (4, 1, 1))
    }

    @Test func the_funnel_sits_beside_the_medians_of_the_others_in_the_cohort_who_have_sent_applications() {
        let mine = [application(.jobBoard, sentAgo: 10, then: [(.screening, 8)]), application(.jobBoard, sentAgo: 9), application(.jobBoard, sentAgo: 8),
                    application(.jobBoard, sentAgo: 7)]
        // Five others searching, and one who sent nothing.
        let others = [other(sent: 2, answered: 2), other(sent: 7, answered: 4, interviewed: 1), other(sent: 1, answered: 0),
                      other(sent: 3, answered: 1), other(sent: 4, answered: 2), []]
        let figures = analysis(mine, cohort: others)
        #expect(figures.cohortSearching == 5 && figures.showsCohort, "the one with nothing sent is not in the medians")
        let sent = figures.funnel[0], answered = figures.funnel[1], interviewed = figures.funnel[2]
        #expect(figures.funnel.map(\.step) == ["Sent", "First answer", "Interview", "Offer"])
        #expect(sent.count == 4 && sent.rate == nil && sent.cohortMedianCount == 3 && sent.cohortMedianRate == nil, "the others' 1, 2, 3, 4, 7")
        #expect(answered.count == 1 && answered.rate == 0.25)
        // Answered: 0, 1, 2, 2, 4 → 2; rates 0, 1/3, 1/2, 4/7, 1 → 1/2. The graduate's own 1 of 4 is not among them.
        #expect(answered.cohortMedianCount == 2 && answered.cohortMedianRate == 0.5)
        #expect(interviewed.cohortMedianCount == 0 && interviewed.cohortMedianRate == 0)
    }

    @Test func under_five_others_searching_no_median_is_shown() {
        let mine = [application(.jobBoard, sentAgo: 10)]
        // With one other searching, a median would be their own figures.
        let figures = analysis(mine, cohort: [other(sent: 3, answered: 1), [], [], []])
        #expect(figures.cohortSearching == 1 && !figures.showsCohort)
        #expect(figures.funnel.allSatisfy { $0.cohortMedianCount == nil && $0.cohortMedianRate == nil })
        let four = analysis(mine, cohort: (1...4).map { other(sent: $0, answered: 1) })
        #expect(four.cohortSearching == 4 && four.funnel.allSatisfy { $0.cohortMedianCount == nil })
    }

    @Test func a_tech_test_recorded_under_an_application_reaches_the_tech_test_and_an_accepted_job_is_counted() {
        let test = AnalysedApplication(source: .referral, stage: .applied,
                                       history: ApplicationHistory(moves: [.init(.applied, on: day(-9))], interviews: [(day(-4), false)]), techTests: [day(-4)])
        let screen = AnalysedApplication(source: .referral, stage: .applied,
                                         history: ApplicationHistory(moves: [.init(.applied, on: day(-9))], interviews: [(day(-4), false)]))
        let hired = application(.hiringPartner, sentAgo: 20, then: [(.interview, 10), (.offer, 5), (.accepted, 2)])
        let figures = analysis([test, screen, hired])
        let byStage = Dictionary(uniqueKeysWithValues: figures.stages.map { ($0.stage, $0.count) })
        #expect(byStage["Tech test"] == 1 && byStage["Screening"] == 1 && byStage["Accepted"] == 1)
        #expect((figures.open, figures.accepted, figures.rejected, figures.withdrawn) == (2, 1, 0, 0))
    }

    @Test func the_version_changes_with_the_figures() {
        let one = analysis([application(.jobBoard, sentAgo: 10)])
        #expect(one.version == analysis([application(.jobBoard, sentAgo: 10)]).version && one.version.count == 64)
        #expect(one.version != analysis([application(.jobBoard, sentAgo: 10), application(.referral, sentAgo: 2)]).version)
    }

    @Test func an_even_cohort_takes_the_mean_of_the_middle_two_and_no_cohort_gives_no_median() {
        #expect(JobSearchAnalysis.median([1, 4, 2, 10]) == 3)
        #expect(JobSearchAnalysis.median([]) == nil)
        let alone = JobSearchAnalysis(applications: [], cohort: [], signals: [], feedback: [], asOf: today)
        #expect(alone.cohortSearching == 0 && alone.funnel.allSatisfy { $0.cohortMedianCount == nil && $0.rate == nil })
        #expect(alone.sources.isEmpty && alone.firstSent == nil)
    }

    @Test func only_what_happened_by_the_day_of_the_figures_counts() {
        // Sent 10 days ago, answered 8 days ago, rejected tomorrow; one more sent tomorrow.
        let later = application(.jobBoard, sentAgo: 10, then: [(.screening, 8), (.rejected, -1)])
        let figures = analysis([later, application(.referral, sentAgo: -1)])
        #expect(figures.funnel[0].count == 1 && figures.funnel[1].count == 1)
        #expect((figures.open, figures.rejected) == (1, 0), "the rejection has not happened yet")
        #expect(figures.sources.map(\.source) == ["Job board"])
    }

    @Test func it_keeps_as_json_and_reads_back_the_same() throws {
        let figures = JobSearchAnalysis(applications: [application(.jobBoard, sentAgo: 10, then: [(.screening, 8)])], cohort: [],
                                        signals: [AnalysedSignal(title: "Not past the first hurdle", reason: "15 sent", raised: day(-9), cleared: day(-2))],
                                        feedback: [AnalysedFeedback(source: "Mock interview", given: day(-12), done: "A kata", doneOn: day(-10))], asOf: today)
        let json = try JSONEncoder().encode(figures)
        #expect(try JSONDecoder().decode(JobSearchAnalysis.self, from: json) == figures)
        #expect(figures.feedbackActedOn == 1)
    }
}

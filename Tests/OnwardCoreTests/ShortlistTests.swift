import Foundation
import Testing
@testable import OnwardCore

/// The shortlist's ranking: the three questions weigh the same, equal evidence ties exactly, and
/// each answer is the figure a partner reads beside its evidence.
@Suite struct ShortlistTests {
    static let today = LocalDate(iso: "2026-12-05")!

    static func candidate(_ name: String, weeks: [Int]? = Array(repeating: 3, count: 12), side: [LocalDate] = [today], given: Int = 2, acted: Int = 2) -> Shortlist.Evidence {
        Shortlist.Evidence(id: name.lowercased(), name: name, weeklyCommits: weeks, sideProjects: side, feedbackGiven: given, feedbackActedOn: acted)
    }

    @Test func each_question_weighs_the_same_and_the_figures_are_the_answers() {
        let ranked = Shortlist.rank([
            Self.candidate("Ada"),
            Self.candidate("Ben", weeks: Array(repeating: 3, count: 6) + Array(repeating: 0, count: 6)),
            Self.candidate("Cy", side: [Self.today.adding(days: -43)]),
            Self.candidate("Di", given: 4, acted: 1),
        ], today: Self.today, weeklyTarget: 3)
        #expect(ranked.map(\.evidence.name) == ["Ada", "Ben", "Di", "Cy"])
        #expect(ranked.map(\.rank) == [1, 2, 3, 4])
        #expect(ranked[0].score == 3 && ranked[0].weeksOnTarget == 12 && ranked[0].activeSideProject && ranked[0].feedbackShare == 1)
        #expect(ranked[1].weeksOnTarget == 6 && ranked[1].score == 2.5)
        #expect(ranked[2].feedbackShare == 0.25 && ranked[2].score == 2.25)
        #expect(!ranked[3].activeSideProject && ranked[3].score == 2, "a side project last worked on 43 days ago is past the six weeks")
    }

    @Test func equal_evidence_gives_an_equal_rank_and_the_next_rank_skips() {
        let ranked = Shortlist.rank([Self.candidate("Zed"), Self.candidate("Amy"), Self.candidate("Bo", given: 0, acted: 0), Self.candidate("Cal", weeks: nil)],
                                    today: Self.today, weeklyTarget: 3)
        #expect(ranked.map(\.evidence.name) == ["Amy", "Zed", "Bo", "Cal"], "ties by name")
        #expect(ranked.map(\.rank) == [1, 1, 3, 4])
        #expect(ranked[2].feedbackShare == nil && ranked[2].score == 2.5, "no feedback given is neither for nor against")
        #expect(ranked[3].weeksOnTarget == 0, "no login linked: no weeks shown")
        // The order candidates come in changes nothing.
        let reversed = Shortlist.rank([Self.candidate("Cal", weeks: nil), Self.candidate("Bo", given: 0, acted: 0), Self.candidate("Amy"), Self.candidate("Zed")],
                                      today: Self.today, weeklyTarget: 3)
        #expect(reversed == ranked)
    }

    @Test func only_the_last_twelve_weeks_and_the_target_count() {
        let weeks = Array(repeating: 9, count: 20) + Array(repeating: 2, count: 12)
        let ranked = Shortlist.rank([Self.candidate("Old", weeks: weeks)], today: Self.today, weeklyTarget: 3)
        #expect(ranked[0].weeksOnTarget == 0)
        #expect(Shortlist.rank([Self.candidate("Old", weeks: weeks)], today: Self.today, weeklyTarget: 2)[0].weeksOnTarget == 12)
        #expect(Shortlist.rank([Self.candidate("Ahead", side: [Self.today.adding(days: 1)])], today: Self.today, weeklyTarget: 3)[0].activeSideProject == false)
        #expect(Shortlist.rank([Self.candidate("More", given: 1, acted: 3)], today: Self.today, weeklyTarget: 3)[0].feedbackShare == 1, "never more than all of it")
    }
}

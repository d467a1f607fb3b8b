import Foundation
import Testing
@testable import OnwardCore

@Suite struct PairingMatcherTests {
    /// Monday 23 November 2026, 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_435_200)
    static let utc = TimeZone(identifier: "UTC")!

    /// A window on day `d` (0: Monday 23 Nov) from `from` to `to` o'clock in `zone`.
    static func window(_ d: Int, _ from: Int, _ to: Int, in zone: String = "UTC") -> TimeWindow {
        let tz = TimeZone(identifier: zone)!
        let day = LocalDate(iso: "2026-11-23")!.adding(days: d)
        let start = StandupRules.deadline(of: day, at: StandupTime(hour: from, minute: 0)!, in: tz)
        let endDay = to > from ? day : day.adding(days: 1)
        return TimeWindow(start: start, end: StandupRules.deadline(of: endDay, at: StandupTime(hour: to % 24, minute: 0)!, in: tz))
    }

    static func request(_ id: String, _ kinds: Set<PairingKind>, _ windows: [TimeWindow], askedHoursAgo: Double = 1, person: String? = nil) -> PairingMatcher.Request {
        .init(id: id, person: person ?? "p-" + id, kinds: kinds, windows: windows, askedAt: now.addingTimeInterval(-askedHoursAgo * 3_600))
    }

    @Test func no_overlap_in_time_or_topic_gives_no_match() {
        let a = Self.request("a", [.kata], [Self.window(1, 9, 11)])
        let b = Self.request("b", [.kata], [Self.window(1, 10, 12) ])
        let c = Self.request("c", [.kata], [Self.window(2, 9, 11)])
        #expect(PairingMatcher.match(requests: [a, c], volunteers: []).isEmpty, "different days")
        let half = Self.request("h", [.kata], [Self.window(1, 10, 12)])
        let short = TimeWindow(start: Self.window(1, 9, 11).start, end: Self.window(1, 9, 11).start.addingTimeInterval(5_400))
        #expect(PairingMatcher.match(requests: [Self.request("s", [.kata], [short]), half], volunteers: []).isEmpty, "30 minutes in common is not an hour")
        #expect(PairingMatcher.match(requests: [a, Self.request("t", [.techTest], [Self.window(1, 9, 11)])], volunteers: []).isEmpty, "no kind in common")
        let matched = PairingMatcher.match(requests: [a, b], volunteers: [])
        #expect(matched == [.init(request: "a", partner: .request("b"), slot: Self.window(1, 10, 11))], "exactly the shared hour")
    }

    @Test func a_proposal_lapses_unanswered_after_48_hours_or_at_its_hour() {
        let hour = Self.window(5, 10, 11).start
        #expect(!PairingRules.isLapsed(.proposed, startsAt: hour, proposedAt: Self.now, now: Self.now.addingTimeInterval(47 * 3_600)))
        #expect(PairingRules.isLapsed(.proposed, startsAt: hour, proposedAt: Self.now, now: Self.now.addingTimeInterval(49 * 3_600)), "48 hours to answer")
        #expect(PairingRules.isLapsed(.proposed, startsAt: Self.now.addingTimeInterval(3_600), proposedAt: Self.now, now: Self.now.addingTimeInterval(3_600)), "its hour began")
        #expect(!PairingRules.isLapsed(.accepted, startsAt: hour, proposedAt: Self.now, now: Self.now.addingTimeInterval(49 * 3_600)), "accepted stands")
        #expect(PairingRules.title(.proposed, startsAt: hour, proposedAt: Self.now, now: Self.now.addingTimeInterval(49 * 3_600)) == "Not accepted in time")
    }

    @Test func only_what_is_left_of_a_window_from_the_next_quarter_hour_is_matched() {
        let window = Self.window(0, 11, 14)
        let now = Self.now.addingTimeInterval(7 * 60)
        #expect(PairingMatcher.ahead([window], of: now) == [TimeWindow(start: Self.now.addingTimeInterval(900), end: window.end)], "12:07 is read from 12:15")
        #expect(PairingMatcher.ahead([window], of: Self.now) == [TimeWindow(start: Self.now.addingTimeInterval(900), end: window.end)], "12:00 too: never an hour that has begun")
        #expect(PairingMatcher.ahead([Self.window(0, 9, 11)], of: now).isEmpty, "a window that has passed is gone")
        #expect(PairingMatcher.ahead([Self.window(1, 9, 11)], of: now) == [Self.window(1, 9, 11)], "one ahead is whole")
    }

    @Test func three_way_contention_gives_the_oldest_its_first_choice_and_leaves_one_out() {
        let oldest = Self.request("old", [.kata], [Self.window(1, 9, 12)], askedHoursAgo: 30)
        let early = Self.request("early", [.kata], [Self.window(1, 9, 10)], askedHoursAgo: 5)
        let late = Self.request("late", [.kata], [Self.window(1, 11, 12)], askedHoursAgo: 2)
        let matches = PairingMatcher.match(requests: [late, early, oldest], volunteers: [])
        #expect(matches == [.init(request: "old", partner: .request("early"), slot: Self.window(1, 9, 10))], "the earliest hour wins; one is left for next time")
        let reversed = PairingMatcher.match(requests: [oldest, early, late], volunteers: [])
        #expect(reversed == matches, "the order given does not matter")
        // Each request is in at most one match.
        let ids = matches.flatMap { m -> [String] in if case .request(let other) = m.partner { [m.request, other] } else { [m.request] } }
        #expect(Set(ids).count == ids.count)
    }

    @Test func windows_in_different_time_zones_across_midnight_meet_where_they_overlap() {
        // 23:00 to 02:00 in London is 23:00–02:00 UTC in November; 18:00 to 22:00 in New York is 23:00–03:00 UTC.
        let london = Self.request("london", [.project], [Self.window(1, 23, 2, in: "Europe/London")])
        let newYork = Self.request("ny", [.project], [Self.window(1, 18, 22, in: "America/New_York")])
        let match = PairingMatcher.match(requests: [london, newYork], volunteers: [])
        #expect(match.count == 1)
        #expect(match.first?.slot.start == Self.window(1, 23, 2, in: "Europe/London").start)
        // Tokyo 08:00–10:00 on Wednesday is 23:00–01:00 UTC on Tuesday night.
        let tokyo = Self.request("tokyo", [.project], [Self.window(2, 8, 10, in: "Asia/Tokyo")])
        let withTokyo = PairingMatcher.match(requests: [tokyo, london], volunteers: [])
        #expect(withTokyo.first?.slot == TimeWindow(start: Self.window(1, 23, 2).start, end: Self.window(1, 23, 2).start.addingTimeInterval(3_600)))
    }

    @Test func graduates_pair_with_each_other_before_a_volunteer_and_not_again_with_a_recent_partner() {
        let a = Self.request("a", [.kata], [Self.window(1, 9, 12)], askedHoursAgo: 3)
        let b = Self.request("b", [.kata], [Self.window(1, 11, 12)])
        let volunteer = PairingMatcher.Volunteer(id: "v", person: "michael", kinds: [.kata, .project], windows: [Self.window(1, 9, 10)])
        #expect(PairingMatcher.match(requests: [a, b], volunteers: [volunteer]).first?.partner == .request("b"), "a peer, though the volunteer is earlier")
        let recent: Set = [PairingMatcher.Pair("p-b", "p-a")]
        #expect(PairingMatcher.match(requests: [a, b], volunteers: [volunteer], recentPairs: recent).first?.partner == .volunteer("v"),
                "paired last week: someone new first")
        #expect(PairingMatcher.match(requests: [a, b], volunteers: [], recentPairs: recent).first?.partner == .request("b"),
                "but a recent partner rather than nobody")
        #expect(PairingMatcher.match(requests: [a, b], volunteers: [], avoid: recent).isEmpty, "one declined the other: never proposed again")
        let taken = PairingMatcher.Request(id: "b", person: "p-b", kinds: [.kata], windows: [Self.window(1, 10, 12)], askedAt: Self.now, busy: [Self.window(1, 10, 11)])
        #expect(PairingMatcher.match(requests: [a, taken], volunteers: []).first?.slot == Self.window(1, 11, 12), "not at an hour either is already taken")
        #expect(PairingMatcher.match(requests: [a, taken], volunteers: [volunteer]).first?.partner == .request("b"))
        #expect(PairingMatcher.match(requests: [a, b], volunteers: [volunteer], avoid: [PairingMatcher.Pair("p-a", "michael")]).first?.partner == .request("b"))
    }

    @Test func volunteers_load_is_spread_and_a_volunteer_is_never_booked_twice_at_once() {
        let requests = (0..<3).map { Self.request("r\($0)", [.techTest], [Self.window(1, 9, 12)], askedHoursAgo: Double(10 - $0), person: "g\($0)") }
        let busy = PairingMatcher.Volunteer(id: "busy", person: "busy", kinds: [.techTest], windows: [Self.window(1, 9, 12)], load: 3)
        let free = PairingMatcher.Volunteer(id: "free", person: "free", kinds: [.techTest], windows: [Self.window(1, 9, 11)])
        // The three requests share a window: two pair with each other; the third takes a volunteer,
        // the one with the fewer sessions.
        let matches = PairingMatcher.match(requests: requests, volunteers: [busy, free])
        #expect(matches.count == 2)
        #expect(matches.last?.partner == .volunteer("free"))
        // Three who paired with each other lately, one volunteer free 09:00 to 11:00: the volunteer
        // takes the first two, one hour after the other, and the third waits rather than clash.
        let lately = (0..<3).map { Self.request("s\($0)", [.techTest], [Self.window(1, 9, 12)], askedHoursAgo: Double(10 - $0), person: "h\($0)") }
        let recent = Set(lately.flatMap { x in lately.map { PairingMatcher.Pair(x.person, $0.person) } })
        let solo = PairingMatcher.Volunteer(id: "solo", person: "solo", kinds: [.techTest], windows: [Self.window(1, 9, 11)])
        let run = PairingMatcher.match(requests: lately, volunteers: [solo], recentPairs: recent)
        #expect(run.map(\.request) == ["s0", "s1"])
        let soloSlots = run.filter { $0.partner == .volunteer("solo") }.map(\.slot.start)
        #expect(soloSlots == [Self.window(1, 9, 10).start, Self.window(1, 10, 11).start], "never two sessions at once")
        #expect(run.count == 2, "the third has nobody left but recent partners who are taken")
    }

    @Test func nobody_pairs_with_themselves_and_the_same_input_gives_the_same_matches() {
        let mine = Self.request("one", [.kata], [Self.window(1, 9, 11)], person: "ada")
        let alsoMine = Self.request("two", [.kata], [Self.window(1, 9, 11)], person: "ada")
        let asVolunteer = PairingMatcher.Volunteer(id: "v", person: "ada", kinds: [.kata], windows: [Self.window(1, 9, 11)])
        #expect(PairingMatcher.match(requests: [mine, alsoMine], volunteers: [asVolunteer]).isEmpty)
        let many = (0..<40).map { i in Self.request("q\(i)", i % 2 == 0 ? [.kata] : [.kata, .project], [Self.window(i % 3, 9 + i % 5, 12 + i % 5)], askedHoursAgo: Double(i % 7)) }
        #expect(PairingMatcher.match(requests: many, volunteers: []) == PairingMatcher.match(requests: many.reversed(), volunteers: []))
    }

    @Test func windows_are_checked_and_an_end_before_the_start_is_the_next_day() throws {
        var errors = ValidationErrors()
        let rows = [WindowRow(day: "2026-11-24", start: "22:00", end: "01:00"), WindowRow(day: "", start: "", end: "")]
        let windows = PairingWindows.validate(rows, timeZone: Self.utc, now: Self.now, into: &errors)
        #expect(errors.isEmpty && windows == [Self.window(1, 22, 1)])
        func refused(_ row: WindowRow) -> [String] {
            var errors = ValidationErrors()
            _ = PairingWindows.validate([row], timeZone: Self.utc, now: Self.now, into: &errors)
            return errors.errors.map(\.message)
        }
        #expect(refused(WindowRow(day: "2026-11-23", start: "09:00", end: "11:00")) == ["Choose a time that has not begun yet."])
        #expect(refused(WindowRow(day: "2026-12-09", start: "09:00", end: "11:00")) == ["Choose a time within the next 14 days."])
        #expect(refused(WindowRow(day: "2026-11-24", start: "09:00", end: "09:30")) == ["Leave at least an hour: a session lasts an hour."])
        #expect(refused(WindowRow(day: "2026-11-24", start: "07:00", end: "21:00")) == ["Keep a window to at most 12 hours."])
        #expect(refused(WindowRow(day: "24/11", start: "9am", end: "")).count == 3)
        #expect(refused(WindowRow(day: "2026-11-24", start: "09:00", end: "09:00")) == ["End the window after it starts."])
        var none = ValidationErrors()
        _ = PairingWindows.validate([], timeZone: Self.utc, now: Self.now, into: &none)
        #expect(none.errors.map(\.field) == ["window1_day"])
        #expect(throws: ValidationErrors.self) {
            try PairingRequestDraft.validate(topic: "Bowling kata", kinds: ["kata", "golf"], windows: .rows(rows, timeZone: Self.utc), now: Self.now)
        }
        let draft = try PairingRequestDraft.validate(topic: " Bowling kata ", kinds: ["kata"], windows: .rows(rows, timeZone: Self.utc), now: Self.now)
        #expect(draft.topic == "Bowling kata" && draft.kinds == [.kata])
    }

    static func stacked(_ id: String, _ stacks: Set<String>, avoiding: Set<String> = [], _ window: TimeWindow, askedHoursAgo: Double = 1) -> PairingMatcher.Request {
        .init(id: id, person: "p-" + id, kinds: [.techTest], stacks: stacks, avoided: avoiding, windows: [window], askedAt: now.addingTimeInterval(-askedHoursAgo * 3_600))
    }

    @Test func a_shared_stack_comes_before_an_earlier_hour_and_an_avoided_stack_is_never_crossed() {
        // A Ruby request that avoids JavaScript; an Express request free earlier; a Sinatra one later.
        let ruby = Self.stacked("ruby", ["ruby", "rails"], avoiding: ["javascript"], Self.window(1, 9, 12), askedHoursAgo: 5)
        let express = Self.stacked("express", ["javascript", "express"], Self.window(1, 9, 10))
        let sinatra = Self.stacked("sinatra", ["ruby", "sinatra"], Self.window(1, 11, 12))
        #expect(PairingMatcher.match(requests: [ruby, express, sinatra], volunteers: []).first == .init(request: "ruby", partner: .request("sinatra"), slot: Self.window(1, 11, 12)),
                "Ruby with Ruby, though Express is free at nine")
        #expect(PairingMatcher.match(requests: [ruby, express], volunteers: []).isEmpty, "never across the stack it avoids")
        let open = Self.stacked("open", ["ruby"], Self.window(1, 9, 12), askedHoursAgo: 5)
        #expect(PairingMatcher.match(requests: [open, express], volunteers: []).first?.partner == .request("express"), "no stack shared and none avoided: better than nobody")
        let picky = Self.stacked("picky", ["javascript"], avoiding: ["ruby"], Self.window(1, 9, 10))
        #expect(PairingMatcher.match(requests: [open, picky], volunteers: []).isEmpty, "the partner's avoided stacks count as much")
        let both = Self.stacked("both", ["javascript", "ruby"], Self.window(1, 9, 10))
        #expect(PairingMatcher.match(requests: [ruby, both], volunteers: []).first?.partner == .request("both"), "they share Ruby: they work in it")
        // A volunteer in the stack comes before a peer in none.
        let anyStack = Self.stacked("any", [], Self.window(1, 9, 12))
        let rubyist = PairingMatcher.Volunteer(id: "v", person: "v", kinds: [.techTest], stacks: ["ruby"], windows: [Self.window(1, 10, 11)])
        #expect(PairingMatcher.match(requests: [open, anyStack], volunteers: [rubyist]).first?.partner == .volunteer("v"))
        // Stacks never replace the kind of session: a kata and a tech test do not meet.
        let kata = PairingMatcher.Request(id: "kata", person: "p-kata", kinds: [.kata], stacks: ["ruby"], windows: [Self.window(1, 9, 12)], askedAt: Self.now)
        #expect(PairingMatcher.match(requests: [open, kata], volunteers: []).isEmpty)
    }

    @Test func a_coach_sees_candidates_ranked_by_shared_hours_then_stacks_never_across_an_avoided_stack() {
        let request = Self.stacked("r", ["ruby"], avoiding: ["php"], Self.window(1, 9, 13))
        func candidate(_ id: String, _ stacks: Set<String>, _ windows: [TimeWindow], kinds: Set<PairingKind> = [.techTest], busy: [TimeWindow] = []) -> PairingMatcher.Candidate {
            .init(id: id, person: "p-" + id, side: .init(kinds: kinds, stacks: stacks, avoided: []), windows: windows, busy: busy)
        }
        let ranked = PairingMatcher.rank(request, candidates: [
            candidate("two-hours", ["go"], [Self.window(1, 9, 11)]),
            candidate("two-hours-ruby", ["ruby"], [Self.window(1, 11, 13)], busy: [Self.window(1, 11, 12)]),
            candidate("three-hours", [], [Self.window(1, 10, 13)], kinds: [.kata]),
            candidate("none", ["ruby"], [Self.window(2, 9, 11)]),
            candidate("php", ["php"], [Self.window(1, 9, 13)]),
            candidate("self", ["ruby"], [Self.window(1, 9, 13)]).withPerson("p-r"),
        ])
        #expect(ranked.map(\.id) == ["three-hours", "two-hours-ruby", "two-hours", "none"], "most hours, then stacks; no PHP, not themselves")
        #expect(ranked[0].sharedKinds.isEmpty && ranked[1].sharedStacks == ["ruby"])
        #expect(ranked[1].firstHour == Self.window(1, 12, 13), "the first hour both are free")
        #expect(ranked[1].sharedSeconds == 7_200 && ranked[3].sharedSeconds == 0 && ranked[3].firstHour == nil)
    }

    @Test func stacks_are_checked_and_one_may_not_be_both_wanted_and_avoided() throws {
        let rows = [WindowRow(day: "2026-11-24", start: "10:00", end: "12:00")]
        func fields(stacks: String, avoiding: String) -> [String] {
            do { _ = try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"], stacks: stacks, avoiding: avoiding, windows: .rows(rows, timeZone: Self.utc), now: Self.now); return [] }
            catch { return error.errors.map(\.field) }
        }
        #expect(fields(stacks: "Ruby, Rails", avoiding: "rails") == ["avoid_stacks"])
        #expect(fields(stacks: (1...13).map { "S\($0)" }.joined(separator: ","), avoiding: "") == ["stacks"])
        #expect(fields(stacks: "", avoiding: String(repeating: "x", count: 41)) == ["avoid_stacks"])
        let draft = try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"], stacks: " Ruby ,ruby, Rails", avoiding: "PHP", windows: .rows(rows, timeZone: Self.utc), now: Self.now)
        #expect(draft.stacks == ["Ruby", "Rails"] && draft.avoidedStacks == ["PHP"])
        #expect(throws: ValidationErrors.self) { try Stacks.typed(["Ruby, Rails"], field: "stacks") }
        #expect(try Stacks.typed(["Ruby", "Rails"], field: "stacks") == "Ruby\nRails")
        #expect(throws: ValidationErrors.self, "13 items, though blank") { try Stacks.typed(Array(repeating: "", count: 13), field: "stacks") }
        // A coach's match by hand with no day and no time takes the first hour both are free.
        #expect(try HandMatchDraft.validate(partner: "volunteer:x", day: "", time: " ", timeZone: Self.utc, now: Self.now).slot == nil)
        #expect(throws: ValidationErrors.self) { try HandMatchDraft.validate(partner: "volunteer:x", day: "2026-11-24", time: "", timeZone: Self.utc, now: Self.now) }
    }

    @Test func a_pairing_is_accepted_when_both_accept_and_ended_by_one_decline() {
        #expect(PairingState.proposed.after(accepting: true, otherAccepted: false) == .proposed)
        #expect(PairingState.proposed.after(accepting: true, otherAccepted: true) == .accepted)
        #expect(PairingState.proposed.after(accepting: false, otherAccepted: true) == .declined)
        #expect(PairingState.accepted.after(accepting: false, otherAccepted: true) == nil)
        #expect(PairingRules.isLongUnmatched(askedAt: Self.now.addingTimeInterval(-49 * 3_600), now: Self.now))
        #expect(!PairingRules.isLongUnmatched(askedAt: Self.now.addingTimeInterval(-47 * 3_600), now: Self.now))
    }
}

@Suite struct MockInterviewTests {
    let now = PairingMatcherTests.now
    let london = TimeZone(identifier: "Europe/London")!

    func fields(_ make: () throws -> Any) -> [String] {
        do { _ = try make(); return [] } catch let error as ValidationErrors { return error.errors.map(\.field) } catch { return ["unexpected"] }
    }

    @Test func a_slot_is_45_or_60_minutes_ahead_with_the_themes_it_covers() throws {
        let slot = try MockSlotDraft.validate(day: "2026-11-25", time: "10:00", minutes: "60", themes: ["back_end", "full_stack"], timeZone: london, now: now)
        #expect(slot.startsAt == InternetDateTime.parse("2026-11-25T10:00:00Z") && slot.themes == [.backEnd, .fullStack])
        #expect(fields { try MockSlotDraft.validate(day: "2026-11-25", time: "10:00", minutes: "30", themes: ["back_end"], timeZone: london, now: now) } == ["minutes"])
        #expect(fields { try MockSlotDraft.validate(day: "2026-11-20", time: "10:00", minutes: "45", themes: ["back_end"], timeZone: london, now: now) } == ["day"])
        #expect(fields { try MockSlotDraft.validate(day: "2027-06-01", time: "10:00", minutes: "45", themes: ["back_end"], timeZone: london, now: now) } == ["day"])
        #expect(fields { try MockSlotDraft.validate(day: "2026-11-25", time: "10:00", minutes: "45", themes: [], timeZone: london, now: now) } == ["themes"])
        #expect(fields { try MockSlotDraft.validate(day: "2026-11-25", time: "10:00", minutes: "45", themes: ["devops"], timeZone: london, now: now) } == ["themes"])
    }

    @Test func a_booking_takes_a_theme_the_slot_covers() {
        #expect(fields { try MockBookingDraft.validate(theme: "front_end", practise: "Explaining state", slotThemes: [.backEnd]) } == ["theme"])
        #expect(fields { try MockBookingDraft.validate(theme: "back_end", practise: " ", slotThemes: [.backEnd]) } == ["practise"])
        #expect(fields { try MockBookingDraft.validate(theme: "back_end", practise: "SQL joins out loud", slotThemes: [.backEnd]) } == [])
    }

    @Test func cancelling_within_24_hours_is_late_and_after_the_start_is_refused() {
        let start = now.addingTimeInterval(30 * 3_600)
        #expect(!MockInterviewRules.isLateCancellation(at: now, startsAt: start))
        #expect(MockInterviewRules.isLateCancellation(at: now.addingTimeInterval(7 * 3_600), startsAt: start))
        #expect(MockInterviewRules.mayCancel(at: now, startsAt: start) && !MockInterviewRules.mayCancel(at: start, startsAt: start))
        #expect(!MockInterviewRules.mayScore(at: now, startsAt: start) && MockInterviewRules.mayScore(at: start, startsAt: start))
    }

    @Test func a_mock_interview_is_recommended_after_a_month_of_hunting_without_one() {
        let today = LocalDate(iso: "2026-11-23")!
        #expect(MockInterviewRules.recommends(huntingSince: today.adding(days: -31), today: today, hasHadOrBookedOne: false, placed: false))
        #expect(!MockInterviewRules.recommends(huntingSince: today.adding(days: -30), today: today, hasHadOrBookedOne: false, placed: false), "a month, not more")
        #expect(!MockInterviewRules.recommends(huntingSince: today.adding(days: -60), today: today, hasHadOrBookedOne: true, placed: false))
        #expect(!MockInterviewRules.recommends(huntingSince: today.adding(days: -60), today: today, hasHadOrBookedOne: false, placed: true))
    }

    @Test func a_rubric_needs_every_score_from_1_to_4_and_the_trend_follows_the_mean() throws {
        let all = Dictionary(uniqueKeysWithValues: RubricCriterion.allCases.map { ($0.rawValue, "3") })
        let rubric = try RubricDraft.validate(scores: all, strengths: "Clear", improvements: "Tests first", resources: "")
        #expect(rubric.average == 3)
        var missing = all
        missing["communication"] = "5"
        missing["topic_area"] = nil
        #expect(fields { try RubricDraft.validate(scores: missing, strengths: "", improvements: "x", resources: "") } == ["communication", "topic_area", "strengths"])
        let first = RubricTrend.Point(day: LocalDate(iso: "2026-10-01")!, theme: .backEnd, scores: [.problemSolving: 2, .communication: 3, .codeComprehension: 2, .technicalKnowledge: 2, .topicArea: 1])
        let second = RubricTrend.Point(day: LocalDate(iso: "2026-11-01")!, theme: .backEnd, scores: [.problemSolving: 3, .communication: 2, .codeComprehension: 2, .technicalKnowledge: 3, .topicArea: 3])
        let trend = RubricTrend([second, first])
        #expect(trend.points.first == first, "in order of day")
        #expect(abs((trend.change ?? 0) - 0.6) < 1e-9, "from 2.0 to 2.6")
        #expect(trend.movers.up == [.problemSolving, .technicalKnowledge, .topicArea] && trend.movers.down == [.communication])
        #expect(RubricTrend([first]).change == nil)
    }

    @Test func a_peer_session_has_a_time_a_kind_places_and_a_link_and_fills_up() throws {
        let draft = try PeerSessionDraft.validate(day: "2026-11-24", time: "09:00", minutes: "45", kind: "behavioural", places: "4",
                                                  link: "https://meet.example/peer", timeZone: london, now: now)
        #expect(draft.places == 4 && draft.kind == .behavioural)
        #expect(fields { try PeerSessionDraft.validate(day: "2026-11-24", time: "09:00", minutes: "45", kind: "chat", places: "1", link: "", timeZone: london, now: now) }
                == ["kind", "places", "link"])
        #expect(PeerSessionRules.mayJoin(taken: 3, places: 4, startsAt: draft.startsAt, now: now))
        #expect(!PeerSessionRules.mayJoin(taken: 4, places: 4, startsAt: draft.startsAt, now: now))
        #expect(!PeerSessionRules.mayJoin(taken: 1, places: 4, startsAt: draft.startsAt, now: draft.startsAt))
        #expect(PeerSessionRules.mayNote(startsAt: draft.startsAt, now: draft.startsAt) && !PeerSessionRules.mayNote(startsAt: draft.startsAt, now: now))
    }
}

@Suite struct PairingScopeTests {
    static let starts = Date(timeIntervalSince1970: 1_800_000_000)
    static let ends = starts.addingTimeInterval(3_600)

    static func scope(_ viewer: Viewer, _ state: PairingState, at now: Date) -> PairingScope {
        PairingScope.of(viewer, sides: ["a", "b"], state: state, startsAt: starts, endsAt: ends, now: now)
    }

    @Test func only_the_two_read_and_set_the_link_once_accepted_and_note_once_begun() {
        let side = Viewer(id: "a", role: .graduate), before = Self.starts.addingTimeInterval(-60), during = Self.starts.addingTimeInterval(60)
        #expect(Self.scope(side, .accepted, at: before) == PairingScope(readsLink: true, setsLink: true, notes: false))
        #expect(Self.scope(side, .accepted, at: during) == PairingScope(readsLink: true, setsLink: true, notes: true))
        #expect(Self.scope(side, .accepted, at: Self.ends) == PairingScope(readsLink: true, setsLink: false, notes: true))
        #expect(Self.scope(side, .proposed, at: before) == PairingScope(readsLink: false, setsLink: false, notes: false))
        // A coach or an admin who sees the pairing reads neither its link nor adds one.
        for other in [Viewer(id: "c", role: .coach), Viewer(id: "d", role: .admin), Viewer(id: "e", role: .graduate)] {
            #expect(Self.scope(other, .accepted, at: during) == PairingScope(readsLink: false, setsLink: false, notes: false), "\(other.role)")
        }
    }
}

extension PairingMatcher.Candidate {
    func withPerson(_ person: String) -> Self { .init(id: id, person: person, side: side, windows: windows, busy: busy) }
}

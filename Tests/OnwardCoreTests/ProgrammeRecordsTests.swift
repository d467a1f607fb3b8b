import Foundation
import Testing
@testable import OnwardCore

/// What a graduate records, and which activity of the programme each completes.
@Suite struct ProgrammeRecordsTests {
    /// A course that ended on Friday 30 October 2026: week 1 is Monday 2 to Sunday 8 November.
    let calendar = ProgrammeCalendar(courseEnd: LocalDate(iso: "2026-10-30")!, timeZone: TimeZone(identifier: "Europe/London")!)
    let today = LocalDate(iso: "2026-11-23")!
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    func state(_ id: String, _ evidence: ProgrammeRecords, on today: LocalDate) -> OccurrenceState? {
        let records = evidence.records(for: DefaultProgramme.activities, calendar: calendar, today: today)
        let occurrence = ProgrammeRules.occurrences(of: DefaultProgramme.activities, calendar: calendar, throughWeek: 8).first { $0.activity.id == id }
        return occurrence.map { ProgrammeRules.state(of: $0, records: records, today: today) }
    }

    @Test func a_goal_set_during_the_course_is_not_a_reassessment_and_one_written_after_it_is() {
        var evidence = ProgrammeRecords()
        evidence.goalsWritten = [day("2026-10-30")]
        #expect(state("reassess-goals", evidence, on: day("2026-11-09")) == .late)
        evidence.goalsWritten.append(day("2026-10-31"))
        #expect(state("reassess-goals", evidence, on: day("2026-11-09")) == .done, "week 0 counts: it is after the course")
        evidence.goalsWritten = [day("2026-11-09")]
        #expect(state("reassess-goals", evidence, on: day("2026-11-09")) == .doneLate)
    }

    @Test func informational_interviews_count_from_their_day_and_the_third_decides_when_it_was_done() {
        var evidence = ProgrammeRecords()
        evidence.informationalInterviews = [day("2026-11-05"), day("2026-11-12"), day("2026-12-20")]
        // Due by the end of week 7 (Sunday 20 December); the third is planned for that day.
        #expect(state("informational-interviews", evidence, on: day("2026-12-19")) == .due)
        #expect(state("informational-interviews", evidence, on: day("2026-12-20")) == .done)
        evidence.informationalInterviews[2] = day("2026-12-21")
        #expect(state("informational-interviews", evidence, on: day("2026-12-21")) == .doneLate)
    }

    @Test func a_submitted_analysis_completes_week_4_and_smart_goals_submitted_complete_no_activity() {
        var evidence = ProgrammeRecords()
        evidence.submissions = [(.smartGoals, day("2026-11-20"))]
        #expect(state("analyse-job-search", evidence, on: today) == .due)
        #expect(evidence.records(for: DefaultProgramme.activities, calendar: calendar, today: today).isEmpty)
        evidence.submissions.append((.jobSearchAnalysis, day("2026-11-23")))
        #expect(state("analyse-job-search", evidence, on: today) == .done)
    }

    @Test func a_blog_post_counts_for_every_blog_activity_and_retrospectives_for_their_week() {
        var evidence = ProgrammeRecords()
        evidence.blogPosts = [day("2026-11-10")]
        evidence.retrospectives = [(week: 2, writtenOn: day("2026-11-16"))]
        #expect(state("blog-post", evidence, on: today) == .done)
        let records = evidence.records(for: DefaultProgramme.activities, calendar: calendar, today: today)
        #expect(records.contains(ActivityRecord(activityID: "retrospective", day: day("2026-11-09"), writtenOn: day("2026-11-16"))))
    }

    @Test func an_informational_interview_is_checked_at_its_edges() throws {
        #expect(throws: ValidationErrors.self) {
            try InformationalInterviewDraft.validate(person: "Sam", company: "", role: "", day: today.adding(days: 181).iso, howItCameAbout: "", notes: "", today: today)
        }
        #expect(throws: ValidationErrors.self) {
            try InformationalInterviewDraft.validate(person: "Sam", company: "", role: "", day: today.adding(days: -366).iso, howItCameAbout: "", notes: "", today: today)
        }
        let planned = try InformationalInterviewDraft.validate(person: " Sam ", company: "", role: "", day: today.adding(days: 180).iso, howItCameAbout: "", notes: "", today: today)
        #expect(planned.person == "Sam")
        do {
            _ = try InformationalInterviewDraft.validate(person: "", company: String(repeating: "x", count: 201), role: "", day: "", howItCameAbout: "", notes: "", today: today)
            Issue.record("refused")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["person", "company", "day"])
        }
    }

    @Test func a_submission_needs_text_or_a_link_and_a_kind() throws {
        do {
            _ = try SubmissionDraft.validate(kind: "essay", title: "Mine", body: "", link: "")
            Issue.record("refused")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["kind", "body"])
        }
        do {
            _ = try SubmissionDraft.validate(kind: "application_material", title: "CV", body: "", link: "ftp://x")
            Issue.record("refused")
        } catch {
            #expect(error.errors.map(\.field) == ["link"], "a bad link is named, not reported as a missing text")
        }
        let cv = try SubmissionDraft.validate(kind: "application_material", title: "CV", body: "", link: "https://cv.example/me.pdf")
        #expect(cv.link == "https://cv.example/me.pdf")
    }
}

@Suite struct LearningGoalTests {
    let today = LocalDate(iso: "2026-11-23")!

    @Test func every_part_of_a_learning_goal_is_required_and_bounded() {
        do {
            _ = try LearningGoalDraft.validate(title: String(repeating: "x", count: 201), now: "", success: "ok", why: "a\u{7}")
            Issue.record("refused")
        } catch {
            #expect(error.errors.map(\.field) == ["title", "now", "why"])
            #expect(error.message(for: "why")?.contains("control character") == true)
        }
    }

    @Test func a_milestone_is_due_from_today_to_two_years_ahead() throws {
        #expect(throws: ValidationErrors.self) { try MilestoneDraft.validate(title: "Read", due: today.adding(days: -1).iso, today: today) }
        #expect(throws: ValidationErrors.self) { try MilestoneDraft.validate(title: "Read", due: today.adding(days: 731).iso, today: today) }
        #expect(try MilestoneDraft.validate(title: "Read", due: today.iso, today: today).due == today)
        #expect(try MilestoneDraft.validate(title: "Read", due: today.adding(days: 730).iso, today: today).due == today.adding(days: 730))
    }

    @Test func a_resource_has_a_kind_a_name_and_maybe_a_web_address() throws {
        let talk = try LearningResourceDraft.validate(kind: "talk_to_give", name: "What tests taught me", link: "")
        #expect(talk.kind == .talkToGive)
        #expect(talk.link == nil)
        do {
            _ = try LearningResourceDraft.validate(kind: "film", name: "", link: "ftp://x")
            Issue.record("refused")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["kind", "name", "link"])
        }
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct CalendarFeedTests {
    /// Monday 7 December 2026, 09:30 UTC.
    let now = Date(timeIntervalSince1970: 1_796_635_800)

    func mock(_ uid: String = "mock-1@onward", summary: String = "Mock interview", in hours: Double = 24) -> CalendarEvent {
        let start = now.addingTimeInterval(hours * 3600)
        return CalendarEvent(uid: uid, summary: summary, when: .timed(start: start, end: start.addingTimeInterval(3600), zone: nil))
    }

    /// What a feed remembers after a read: its entries as they were before, updated by the read.
    func remember(_ before: [KeptCalendarEntry], _ read: CalendarFeedRules.Reconciliation) -> [KeptCalendarEntry] {
        var byUID = Dictionary(uniqueKeysWithValues: before.map { ($0.uid, $0) })
        for entry in read.changed { byUID[entry.uid] = entry }
        for uid in read.forgotten { byUID[uid] = nil }
        return Array(byUID.values)
    }

    @Test func a_new_event_starts_at_sequence_0_stamped_now_and_an_unchanged_one_keeps_both() {
        let first = CalendarFeedRules.reconcile(current: [mock()], kept: [], now: now)
        #expect(first.events.map(\.sequence) == [0] && first.events.first?.stamp == now)
        #expect(first.changed.count == 1 && first.changesAnything)
        let later = now.addingTimeInterval(3600)
        let second = CalendarFeedRules.reconcile(current: [mock()], kept: remember([], first), now: later)
        #expect(!second.changesAnything, "nothing changed: nothing to remember")
        #expect(second.events == first.events, "the same bytes: the feed's entity tag holds")
    }

    @Test func a_changed_event_gets_the_next_sequence_and_a_new_stamp() {
        let first = CalendarFeedRules.reconcile(current: [mock()], kept: [], now: now)
        let later = now.addingTimeInterval(600)
        let moved = CalendarFeedRules.reconcile(current: [mock(in: 48)], kept: remember([], first), now: later)
        #expect(moved.events.map(\.sequence) == [1] && moved.events.first?.stamp == later)
        let renamed = CalendarFeedRules.reconcile(current: [mock(summary: "Mock interview (front end)", in: 48)], kept: remember(remember([], first), moved), now: later)
        #expect(renamed.events.map(\.sequence) == [2])
    }

    @Test func an_event_that_is_gone_is_written_cancelled_once_then_kept_as_it_was_until_forgotten() {
        let first = CalendarFeedRules.reconcile(current: [mock(), mock("due@onward")], kept: [], now: now)
        var kept = remember([], first)
        let gone = CalendarFeedRules.reconcile(current: [mock()], kept: kept, now: now.addingTimeInterval(60))
        let cancelled = gone.events.first { $0.uid == "due@onward" }
        #expect(cancelled?.cancelled == true && cancelled?.sequence == 1)
        kept = remember(kept, gone)
        let again = CalendarFeedRules.reconcile(current: [mock()], kept: kept, now: now.addingTimeInterval(120))
        #expect(!again.changesAnything, "the cancellation is written once; later reads repeat it unchanged")
        #expect(again.events.first { $0.uid == "due@onward" }?.sequence == 1)
        // A cancellation that every calendar has had time to read is forgotten, and so is an
        // event that ended before the feed's reach.
        let muchLater = now.addingTimeInterval(CalendarFeedRules.reach + 3 * 86_400)
        let end = CalendarFeedRules.reconcile(current: [], kept: kept, now: muchLater)
        #expect(Set(end.forgotten) == ["due@onward", "mock-1@onward"] && end.events.isEmpty && end.changed.isEmpty)
    }

    @Test func a_cancelled_event_comes_back_with_the_next_sequence() {
        var kept = remember([], CalendarFeedRules.reconcile(current: [mock()], kept: [], now: now))
        kept = remember(kept, CalendarFeedRules.reconcile(current: [], kept: kept, now: now))
        let back = CalendarFeedRules.reconcile(current: [mock()], kept: kept, now: now)
        #expect(back.events.map(\.sequence) == [2] && back.events.first?.cancelled == false)
    }

    @Test func a_repeating_event_never_ends_and_a_uid_is_written_once() {
        var standup = mock("standup@onward", in: -24 * 365)
        standup.recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        let read = CalendarFeedRules.reconcile(current: [standup, mock("standup@onward", summary: "Twice")], kept: [], now: now)
        #expect(read.events.map(\.summary) == ["Mock interview"], "a year-old repeating event is still on; the second of one UID is dropped")
        let old = mock("old@onward", in: -24 * 90)
        #expect(CalendarFeedRules.reconcile(current: [old], kept: [], now: now).events.isEmpty, "ended before the reach")
    }

    @Test func the_fingerprint_ignores_the_revision_and_the_entity_tag_follows_the_bytes() {
        var revised = mock()
        revised.sequence = 7
        revised.stamp = now
        #expect(CalendarFeedRules.fingerprint(of: revised) == CalendarFeedRules.fingerprint(of: mock()))
        #expect(CalendarFeedRules.fingerprint(of: mock(in: 25)) != CalendarFeedRules.fingerprint(of: mock()))
        let one = ICalendar.document(name: "Feed", events: [revised], now: now)
        #expect(CalendarFeedRules.entityTag(of: one) == CalendarFeedRules.entityTag(of: ICalendar.document(name: "Feed", events: [revised], now: now.addingTimeInterval(60))),
                "every event carries its own stamp: the same feed read later is the same bytes")
        #expect(CalendarFeedRules.entityTag(of: one) != CalendarFeedRules.entityTag(of: ICalendar.document(name: "Feed", events: [mock()], now: now.addingTimeInterval(60))))
    }
}

@Suite struct LogRedactionTests {
    @Test func secrets_leave_a_line_and_the_rest_stays() {
        let head = #"Decoded HTTP part: head: HTTPRequestHead { method: GET, uri: "/calendar/MW9gSrEGz485KdTVnq4RF3ryKEETZkJKP1pPRIIQkaM.ics", headers: Authorization: Bearer onw_abc-DEF_123; Cookie: onward_session=c2Vzc2lvbg==; onward_csrf=v1.abc; Accept: */* }"#
        let redacted = LogRedaction.redact(head)
        #expect(!redacted.contains("MW9gSrEGz485") && !redacted.contains("onw_abc") && !redacted.contains("c2Vzc2lvbg") && !redacted.contains("v1.abc"))
        #expect(redacted.contains("/calendar/[redacted].ics") && redacted.contains("Bearer [redacted]") && redacted.contains("onward_session=[redacted]"))
        #expect(redacted.contains("method: GET") && redacted.contains("Accept: */*"))
        #expect(LogRedaction.redact("GET /invitations/AbCdEfGh12345678 404").contains("/invitations/[redacted]"))
        #expect(LogRedaction.redact("An ordinary line, about a calendar.") == "An ordinary line, about a calendar.")
        #expect(LogRedaction.redact(#"INSERT INTO "slack_webhooks" ... ["https://hooks.slack.com/services/T0/B0/secret", 2026]"#) == #"INSERT INTO "slack_webhooks" ... ["https://hooks.slack.com/services/[redacted]", 2026]"#)
    }
}

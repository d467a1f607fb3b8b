import Fluent
import Foundation
import OnwardCore
import Vapor

/// Coaching in a person's calendar: the events they said they are going to or run, and the next
/// meeting of each active learning plan they are in (a graduate's own, or those a coach keeps),
/// at the plan's meeting time in the graduate's time zone, or as a whole day when it has none.
struct CoachingCalendar: CalendarSource {
    /// How long an ILP meeting holds in a calendar.
    static let meetingMinutes = 45

    func calendarEvents(of person: UserModel, since: Date, on req: Request) async throws -> [CalendarEvent] {
        let id = try person.requireID()
        let db = req.db
        var events: [CalendarEvent] = []

        let going = try await EventAnswerModel.query(on: db).filter(\.$user.$id == id).filter(\.$answer == .going)
            .join(CoachingEventModel.self, on: \EventAnswerModel.$event.$id == \CoachingEventModel.$id)
            .filter(CoachingEventModel.self, \.$startsAt >= since).all()
            .map { try $0.joined(CoachingEventModel.self) }
        let run = try await CoachingEventModel.query(on: db).filter(\.$createdBy.$id == id).filter(\.$startsAt >= since).all()
        var seen = Set<UUID>()
        for event in going + run where seen.insert(event.id!).inserted {
            var entry = CalendarEvent(uid: uid("event", event.id), summary: event.title, when: .timed(start: event.startsAt, end: event.endsAt, zone: nil))
            entry.description = [event.description, event.link.isEmpty ? "" : "Join: " + event.link].filter { !$0.isEmpty }.joined(separator: "\n\n")
            entry.location = [event.place, event.link].first { !$0.isEmpty } ?? ""
            entry.url = link(.coaching(.event(id: event.id!.uuidString)), on: req)
            events.append(entry)
        }

        // A coach's, only of the graduates assigned to them now: one no longer assigned keeps no
        // sight of a former graduate's plan.
        let assigned = Set(try await CoachAssignmentModel.query(on: db).filter(\.$coach.$id == id).all().map(\.$graduate.id))
        let plans = try await LearningPlanModel.query(on: db).filter(\.$state == .active)
            .group(.or) { $0.filter(\.$user.$id == id).filter(\.$coach.$id == id) }.all()
            .filter { $0.$user.id == id || assigned.contains($0.$user.id) }
        guard !plans.isEmpty else { return events }
        let planIDs = plans.compactMap(\.id)
        var lastHeld: [UUID: LocalDate] = [:]
        for meeting in try await PlanMeetingModel.query(on: db).filter(\.$plan.$id ~~ planIDs).all() {
            guard let day = LocalDate(iso: meeting.heldOn) else { continue }
            lastHeld[meeting.$plan.id] = max(lastHeld[meeting.$plan.id] ?? day, day)
        }
        let others = Set(plans.flatMap { [$0.$user.id] + ($0.$coach.id.map { [$0] } ?? []) }).subtracting([id])
        let people = others.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$id ~~ Array(others)).all()
        let byID = Dictionary(uniqueKeysWithValues: people.compactMap { user in user.id.map { ($0, user) } })
        for plan in plans {
            guard let planID = plan.id, let started = plan.startedOn.flatMap(LocalDate.init(iso:)) else { continue }
            // The day it falls due, even if that has passed: a calendar keeps it where it was
            // rather than moving it to every new day.
            let day = lastHeld[planID].map { $0.adding(days: plan.cadence.days) } ?? started
            let graduate = plan.$user.id == id ? person : byID[plan.$user.id]
            let with = plan.$user.id == id ? plan.$coach.id.flatMap { byID[$0]?.name } ?? "your coach" : graduate?.name ?? "a graduate"
            let zone = TimeZone(identifier: graduate?.timeZone ?? "") ?? .gmt
            let when: CalendarEvent.When
            if let time = plan.meetingTime.flatMap(StandupTime.init) {
                let start = TypedMoment.moment(day, time, in: zone)
                when = .timed(start: start, end: start.addingTimeInterval(Double(Self.meetingMinutes * 60)), zone: zone)
            } else {
                when = .allDay(day)
            }
            var entry = CalendarEvent(uid: uid("ilp", planID), summary: "Learning plan meeting with \(with)", when: when)
            entry.description = "Focus: " + plan.focusAreas + (plan.meetingLink.map { "\nJoin: " + $0 } ?? "")
            entry.location = plan.meetingPlace ?? plan.meetingLink ?? ""
            entry.url = link(plan.$user.id == id ? .coaching(.plan) : .coaching(.learningPlan(id: planID.uuidString)), on: req)
            events.append(entry)
        }
        return events
    }
}

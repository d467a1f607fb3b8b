import Foundation
import OnwardCore
import Vapor

/// The programme in a graduate's calendar: the cohort's standup every weekday at its time in the
/// cohort's time zone (until they accept a job), and the day each required activity not done yet
/// falls due, as a whole day (one done leaves the calendar).
struct ProgrammeCalendarSource: CalendarSource {
    func calendarEvents(of person: UserModel, since: Date, on req: Request) async throws -> [CalendarEvent] {
        guard person.role == .graduate, let cohortID = person.$cohort.id,
              let standing = try await ProgrammeUseCases(db: req.db, now: req.now).standing(of: person) else { return [] }
        var events: [CalendarEvent] = []
        if standing.status != .placed {
            events.append(standing.calendar.standup(
                at: standing.standupTime, uid: uid("standup", cohortID),
                description: "Your cohort's daily standup. Post yours in Onward: what you did yesterday, what you'll do today, anything in your way.",
                url: link(.programme(.standup), on: req)))
        }
        for occurrence in standing.calendar.dueDates(of: standing.activities, records: standing.records, today: standing.today,
                                                     from: standing.calendar.day(at: since)) {
            let activity = occurrence.activity
            var event = CalendarEvent(uid: "due-\(activity.id)-\(occurrence.due.iso)-\(try person.requireID().uuidString.lowercased())@onward",
                                      summary: "Due: " + activity.title, when: .allDay(occurrence.due))
            event.description = activity.description
            event.url = link(.programme(.roadMap), on: req)
            events.append(event)
        }
        return events
    }
}

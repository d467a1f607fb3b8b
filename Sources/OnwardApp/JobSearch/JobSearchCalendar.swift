import Fluent
import Foundation
import OnwardCore
import Vapor

/// The job search in a graduate's calendar: their interviews and tech tests with employers (one
/// called off is written cancelled), and the next action of each open application on the day it
/// is due, as a whole day.
struct JobSearchCalendar: CalendarSource {
    func calendarEvents(of person: UserModel, since: Date, on req: Request) async throws -> [CalendarEvent] {
        guard person.role == .graduate else { return [] }
        let id = try person.requireID()
        var events: [CalendarEvent] = []
        let firstDay = LocalDate(since, in: .gmt).iso
        let applications = try await ApplicationModel.query(on: req.db).filter(\.$user.$id == id)
            .filter(\.$stage !~ Array(Stage.closed)).filter(\.$nextActionDue >= firstDay).all()
        for application in applications {
            guard let due = application.nextActionDue.flatMap(LocalDate.init(iso:)), !application.nextAction.isEmpty else { continue }
            var event = CalendarEvent(uid: uid("next-action", application.id), summary: "\(application.nextAction) (\(application.company))", when: .allDay(due))
            event.description = "Next action on your application for \(application.roleTitle) at \(application.company)."
            event.url = link(.jobSearch(.application(id: application.id!.uuidString)), on: req)
            events.append(event)
        }
        let interviews = try await InterviewModel.query(on: req.db)
            .join(ApplicationModel.self, on: \InterviewModel.$application.$id == \ApplicationModel.$id)
            .filter(ApplicationModel.self, \.$user.$id == id).filter(\.$scheduledAt >= since).all()
        for interview in interviews {
            let application = try interview.joined(ApplicationModel.self)
            var event = CalendarEvent(uid: uid("interview", interview.id), summary: "\(interview.kind.title) at \(application.company)",
                                      when: .timed(start: interview.scheduledAt, end: interview.scheduledAt.addingTimeInterval(Double(interview.durationMinutes) * 60), zone: nil))
            event.description = ["For: " + application.roleTitle, interview.withWhom.isEmpty ? nil : "With: " + interview.withWhom].compactMap { $0 }.joined(separator: "\n")
            event.cancelled = interview.outcome == .cancelled
            event.url = link(.jobSearch(.application(id: application.id!.uuidString)), on: req)
            events.append(event)
        }
        return events
    }
}

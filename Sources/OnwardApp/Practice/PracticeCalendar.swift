import Fluent
import Foundation
import OnwardCore
import Vapor

/// Practice in a person's calendar: the mock interviews they booked or hold (a coach's open slots
/// too), the pairings both sides accepted, and the peer sessions they host or joined. A booking
/// cancelled, a pairing withdrawn or a session called off is left out, and the feed writes it as
/// cancelled.
struct PracticeCalendar: CalendarSource {
    func calendarEvents(of person: UserModel, since: Date, on req: Request) async throws -> [CalendarEvent] {
        let id = try person.requireID()
        let db = req.db
        var events: [CalendarEvent] = []
        var names: [UUID: String] = [:]

        let booked = try await MockBookingModel.query(on: db).filter(\.$user.$id == id).filter(\.$cancelledAt == nil)
            .join(MockSlotModel.self, on: \MockBookingModel.$slot.$id == \MockSlotModel.$id)
            .filter(MockSlotModel.self, \.$startsAt >= since).all()
        let held = try await MockSlotModel.query(on: db).filter(\.$coach.$id == id).filter(\.$startsAt >= since).all()
        let heldBookings = try await held.isEmpty ? [] : MockBookingModel.query(on: db).filter(\.$slot.$id ~~ held.compactMap(\.id)).filter(\.$cancelledAt == nil).all()
        let pairings = try await PairingModel.query(on: db).group(.or) { $0.filter(\.$first.$id == id).filter(\.$second.$id == id) }
            .filter(\.$state == .accepted).filter(\.$startsAt >= since).all()
        let seats = try await PeerSeatModel.query(on: db).filter(\.$user.$id == id).filter(\.$leftAt == nil)
            .join(PeerSessionModel.self, on: \PeerSeatModel.$session.$id == \PeerSessionModel.$id)
            .filter(PeerSessionModel.self, \.$cancelledAt == nil).filter(PeerSessionModel.self, \.$startsAt >= since).all()

        var people = Set(heldBookings.map(\.$user.id))
        for pairing in pairings { people.formUnion([pairing.$first.id, pairing.$second.id]) }
        let slots = try booked.map { try $0.joined(MockSlotModel.self) }
        people.formUnion(slots.map(\.$coach.id))
        let sessions = try seats.map { try $0.joined(PeerSessionModel.self) }
        people.formUnion(sessions.map(\.$host.id))
        people.remove(id)
        if !people.isEmpty {
            for user in try await UserModel.query(on: db).filter(\.$id ~~ Array(people)).all() { names[user.id!] = user.name }
        }

        for (booking, slot) in zip(booked, slots) {
            let bookingID = booking.id?.uuidString ?? ""
            var event = CalendarEvent(uid: uid("mock", booking.id), summary: "Mock interview (\(booking.theme.title.lowercased())) with \(names[slot.$coach.id] ?? "your coach")",
                                      when: .timed(start: slot.startsAt, end: slot.endsAt, zone: nil))
            event.description = ["To practise: " + booking.practise, slot.link.map { "Join: " + $0 }].compactMap { $0 }.joined(separator: "\n")
            event.location = slot.place ?? slot.link ?? ""
            event.url = link(.practice(.mockInterview(id: bookingID)), on: req)
            events.append(event)
        }
        let bookingOfSlot = Dictionary(heldBookings.map { ($0.$slot.id, $0) }, uniquingKeysWith: { first, _ in first })
        for slot in held {
            var event: CalendarEvent
            if let booking = bookingOfSlot[slot.id!] {
                event = CalendarEvent(uid: uid("mock-slot", slot.id), summary: "Mock interview (\(booking.theme.title.lowercased())) with \(names[booking.$user.id] ?? "a graduate")",
                                      when: .timed(start: slot.startsAt, end: slot.endsAt, zone: nil))
                event.description = "To practise: " + booking.practise
                event.url = link(.practice(.mockInterview(id: booking.id?.uuidString ?? "")), on: req)
            } else {
                event = CalendarEvent(uid: uid("mock-slot", slot.id), summary: "Mock interview slot (not booked yet)", when: .timed(start: slot.startsAt, end: slot.endsAt, zone: nil))
                event.url = link(.practice(.mockSlots), on: req)
            }
            event.location = slot.place ?? slot.link ?? ""
            events.append(event)
        }
        for pairing in pairings {
            let other = pairing.isFirst(id) ? pairing.$second.id : pairing.$first.id
            let topic = pairing.isFirst(id) ? pairing.firstTopic : pairing.secondTopic
            var event = CalendarEvent(uid: uid("pairing", pairing.id), summary: "Pairing with \(names[other] ?? "a partner")",
                                      when: .timed(start: pairing.startsAt, end: pairing.endsAt, zone: nil))
            event.description = ["On: " + topic, pairing.link.isEmpty ? nil : "Join: " + pairing.link].compactMap { $0 }.joined(separator: "\n")
            event.location = pairing.link
            event.url = link(.practice(.pairingSession(id: pairing.id?.uuidString ?? "")), on: req)
            events.append(event)
        }
        for session in sessions {
            let hosting = session.$host.id == id
            var event = CalendarEvent(uid: uid("peer", session.id), summary: "Peer practice: \(session.kind.title.lowercased())" + (hosting ? " (you host)" : " hosted by \(names[session.$host.id] ?? "a graduate")"),
                                      when: .timed(start: session.startsAt, end: session.startsAt.addingTimeInterval(Double(session.minutes) * 60), zone: nil))
            event.description = "Join: " + session.link
            event.location = session.link
            event.url = link(.practice(.peerSession(id: session.id?.uuidString ?? "")), on: req)
            events.append(event)
        }
        return events
    }
}

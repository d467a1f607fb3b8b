import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// Mock technical interviews: a coach opens slots; a graduate books one with a theme and what
/// they want practised (one slot, one booking: two at once give one and a refusal); cancelling
/// frees the slot (late within 24 hours); after it the coach fills the rubric, which the graduate
/// reads, with their scores over time.
struct MockInterviewUseCases: UseCases {
    let db: any Database
    let now: Date

    /// A booking with its slot, who booked and who holds it, and the rubric once filled.
    struct Booking {
        let booking: MockBookingModel
        let slot: MockSlotModel
        let graduate: UserModel
        let coach: UserModel
        let rubric: MockRubricModel?

        /// Where the two meet (a link, a place), for `viewer` only when they are one of the two
        /// and the booking stands.
        func meeting(for viewer: UserModel) -> (link: String?, place: String?) {
            guard graduate.id == viewer.id || coach.id == viewer.id, booking.cancelledAt == nil else { return (nil, nil) }
            return (slot.link, slot.place)
        }
    }

    /// A slot with whoever booked it (a booking not cancelled).
    struct Slot {
        let slot: MockSlotModel
        let coach: UserModel
        let booking: MockBookingModel?
        let graduate: UserModel?
        let scored: Bool
        /// Whether anyone ever booked it (a cancelled booking stays on record, so the slot does too).
        let everBooked: Bool
    }

    static let noSuchSlot = Refusal.notFound("There is no such slot.")
    static let noSuchInterview = Refusal.notFound("There is no such mock interview.")

    /// How far back a coach's list shows slots.
    static let pastDays = 30

    @discardableResult
    func open(_ draft: MockSlotDraft, by coach: UserModel) async throws -> MockSlotModel {
        let coachID = try coach.requireID()
        let slot = MockSlotModel(coachID: coachID, draft: draft)
        let ends = slot.endsAt, longest = Double(MockSlotDraft.lengths.max() ?? 60) * 60
        // Not over another of the coach's slots: the coach's row locked, so two at once take turns.
        try await db.writeTransaction { db in
            try await db.lockRow(of: UserModel.schema, id: coachID)
            let near = try await MockSlotModel.query(on: db).filter(\.$coach.$id == coachID)
                .filter(\.$startsAt > draft.startsAt.addingTimeInterval(-longest)).filter(\.$startsAt < ends).all()
            if near.contains(where: { $0.endsAt > draft.startsAt }) {
                throw Refusal.conflict("You have a slot at that time already: choose another.", field: "time")
            }
            try await slot.create(on: db)
        }
        return slot
    }

    /// Slots `coach` holds, from 30 days back, the soonest first, with who booked them.
    func slots(of coach: UserModel) async throws -> [Slot] {
        let slots = try await MockSlotModel.query(on: db).filter(\.$coach.$id == coach.requireID())
            .filter(\.$startsAt >= now.addingTimeInterval(-Double(Self.pastDays) * 86_400)).sort(\.$startsAt).all()
        return try await withBookings(slots, coaches: [try coach.requireID(): coach])
    }

    /// Every coach's slots that start later and nobody has booked, the soonest first.
    func openSlots() async throws -> [Slot] {
        let slots = try await MockSlotModel.query(on: db).filter(\.$startsAt > now).sort(\.$startsAt).with(\.$coach).all()
        let coaches = Dictionary(slots.map { ($0.$coach.id, $0.coach) }, uniquingKeysWith: { first, _ in first })
        // A coach who left Onward offers nothing more: their slots still to come stay only as
        // the record of what was called off.
        return try await withBookings(slots, coaches: coaches).filter { $0.booking == nil && $0.coach.role != .former }
    }

    private func withBookings(_ slots: [MockSlotModel], coaches: [UUID: UserModel]) async throws -> [Slot] {
        let ids = slots.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let all = try await MockBookingModel.query(on: db).filter(\.$slot.$id ~~ ids).with(\.$user).all()
        let everBooked = Set(all.map { $0.$slot.id })
        let bookings = all.filter { $0.cancelledAt == nil }
        let bookingIDs = bookings.compactMap(\.id)
        let scored = bookingIDs.isEmpty ? [] : Set(try await MockRubricModel.query(on: db).filter(\.$booking.$id ~~ bookingIDs).all().map { $0.$booking.id })
        let bySlot = Dictionary(bookings.map { ($0.$slot.id, $0) }, uniquingKeysWith: { first, _ in first })
        return slots.compactMap { slot in
            guard let id = slot.id, let coach = coaches[slot.$coach.id] else { return nil }
            let booking = bySlot[id]
            return Slot(slot: slot, coach: coach, booking: booking, graduate: booking?.user, scored: booking?.id.map(scored.contains) ?? false,
                        everBooked: everBooked.contains(id))
        }
    }

    /// Removes `coach`'s slot `rawID` while nobody has booked it (409 once booked: cancel it with the graduate instead).
    func remove(_ rawID: String, by coach: UserModel) async throws {
        guard let id = UUID(uuidString: rawID), let slot = try await MockSlotModel.find(id, on: db), slot.$coach.id == coach.id else { throw Self.noSuchSlot }
        try await db.writeTransaction { db in
            try await db.lockRow(of: MockSlotModel.schema, id: id)
            guard try await MockBookingModel.query(on: db).filter(\.$slot.$id == id).count() == 0 else {
                throw Refusal.conflict("This slot has been booked: it stays, with the booking on record.")
            }
            try await MockSlotModel.query(on: db).filter(\.$id == id).delete()
        }
    }

    /// The slot `rawID`, for booking: one that starts later.
    func slot(_ rawID: String) async throws -> MockSlotModel {
        guard let id = UUID(uuidString: rawID), let slot = try await MockSlotModel.find(id, on: db) else { throw Self.noSuchSlot }
        return slot
    }

    /// `graduate` books slot `rawID`. One slot, one booking: the slot's row is locked (the write
    /// lock on SQLite) and the database keeps one booking per slot, so of two at once one books
    /// and the other is told the slot was just taken (409).
    @discardableResult
    func book(_ rawID: String, _ draft: MockBookingDraft, by graduate: UserModel) async throws -> MockBookingModel {
        let slot = try await slot(rawID)
        let slotID = try slot.requireID(), userID = try graduate.requireID(), now = self.now
        guard slot.startsAt > now else { throw Refusal.conflict("This slot has started: choose a later one.") }
        guard !AccountDeletion.isFormer(slot.$coach.id) else { throw Refusal.conflict("This slot's coach has left Onward: choose another slot.") }
        let taken = Refusal.conflict("Someone else booked this slot a moment ago: choose another.")
        do {
            return try await db.writeTransaction { db in
                try await db.lockRow(of: MockSlotModel.schema, id: slotID)
                guard try await MockBookingModel.query(on: db).filter(\.$slot.$id == slotID).filter(\.$cancelledAt == nil).count() == 0 else { throw taken }
                // Not over another mock interview of the graduate's.
                let theirs = try await MockBookingModel.query(on: db).filter(\.$user.$id == userID).filter(\.$cancelledAt == nil).with(\.$slot).all()
                if theirs.contains(where: { $0.slot.startsAt < slot.endsAt && $0.slot.endsAt > slot.startsAt }) {
                    throw Refusal.conflict("You have another mock interview at that time: choose another slot.")
                }
                let booking = MockBookingModel(slotID: slotID, userID: userID, draft: draft, at: now)
                try await booking.create(on: db)
                let zone = try await UserModel.find(slot.$coach.id, on: db)?.timeZone
                try await Capabilities.reads.notifications.notify([slot.$coach.id], Notice(
                    kind: .slotBooked, text: "\(graduate.name) booked your mock interview of \(Formats.dayAndTime(slot.startsAt, zone: zone)) (\(draft.theme.title.lowercased())).",
                    url: .practice(.mockInterview(id: try booking.requireID().uuidString))), at: now, on: db)
                return booking
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The one booking a slot takes came first, or the coach removed the slot a moment ago.
            guard try await MockSlotModel.find(slotID, on: db) != nil else { throw Self.noSuchSlot }
            throw taken
        }
    }

    /// Booking `rawID` as `viewer` may see it: the graduate, the slot's coach, an admin.
    func detail(of rawID: String, for viewer: UserModel) async throws -> Booking {
        guard let id = UUID(uuidString: rawID), let booking = try await MockBookingModel.query(on: db).filter(\.$id == id).with(\.$slot).with(\.$user).first(),
              let coach = try await UserModel.find(booking.slot.$coach.id, on: db),
              Access.canReadMockInterview(viewer.viewer, graduate: booking.$user.id.uuidString, coach: coach.requireIDString)
        else { throw Self.noSuchInterview }
        let rubric = try await MockRubricModel.query(on: db).filter(\.$booking.$id == id).first()
        return Booking(booking: booking, slot: booking.slot, graduate: booking.user, coach: coach, rubric: rubric)
    }

    /// `graduate` cancels their booking `rawID` before it starts; within 24 hours it is recorded as late.
    @discardableResult
    func cancel(_ rawID: String, by graduate: UserModel) async throws -> MockBookingModel {
        let found = try await detail(of: rawID, for: graduate)
        guard found.booking.$user.id == graduate.id else {
            throw Refusal.notAllowed("Only the graduate who booked it cancels a booking.")
        }
        let booking = found.booking
        guard booking.cancelledAt == nil else { throw Refusal.conflict("This booking is cancelled already.") }
        guard MockInterviewRules.mayCancel(at: now, startsAt: found.slot.startsAt) else {
            throw Refusal.conflict("This mock interview has started: it can no longer be cancelled.")
        }
        booking.cancelledAt = now
        booking.lateCancellation = MockInterviewRules.isLateCancellation(at: now, startsAt: found.slot.startsAt)
        try await booking.save(on: db)
        return booking
    }

    /// The slot's coach fills the rubric of booking `rawID`, once it has started; one rubric each
    /// (409 for a second, or for a cancelled booking).
    @discardableResult
    func score(_ rawID: String, _ draft: RubricDraft, by coach: UserModel) async throws -> MockRubricModel {
        let found = try await detail(of: rawID, for: coach)
        guard Access.canScoreMockInterview(coach.viewer, coach: found.coach.requireIDString) else {
            throw Refusal.notAllowed("Only the coach who held the interview fills its rubric.")
        }
        guard found.booking.cancelledAt == nil else { throw Refusal.conflict("This booking was cancelled.") }
        guard MockInterviewRules.mayScore(at: now, startsAt: found.slot.startsAt) else {
            throw Refusal.conflict("Fill the rubric once the interview has started.")
        }
        let rubric = MockRubricModel(bookingID: try found.booking.requireID(), draft: draft, at: now)
        do {
            try await rubric.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal.conflict("This interview has its rubric already.")
        }
        return rubric
    }

    /// `graduateID`'s bookings, the latest first, with their slots, coaches and rubrics.
    func bookings(of graduate: UserModel) async throws -> [Booking] {
        let bookings = try await MockBookingModel.query(on: db).filter(\.$user.$id == graduate.requireID()).with(\.$slot).sort(\.$bookedAt, .descending).all()
        guard !bookings.isEmpty else { return [] }
        let coachIDs = Array(Set(bookings.map { $0.slot.$coach.id }))
        let coaches = Dictionary(try await UserModel.query(on: db).filter(\.$id ~~ coachIDs).all().map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let rubrics = Dictionary(try await MockRubricModel.query(on: db).filter(\.$booking.$id ~~ bookings.compactMap(\.id)).all().map { ($0.$booking.id, $0) },
                                 uniquingKeysWith: { first, _ in first })
        return bookings.compactMap { booking in
            guard let coach = coaches[booking.slot.$coach.id] else { return nil }
            return Booking(booking: booking, slot: booking.slot, graduate: graduate, coach: coach, rubric: booking.id.flatMap { rubrics[$0] })
        }.sorted { $0.slot.startsAt > $1.slot.startsAt }
    }

    /// `graduate`'s bookings not cancelled, with their slots' times and coaches' names, the
    /// soonest first: one query, for their home (which needs no rubric).
    func liveBookings(of graduate: UserModel) async throws -> [(id: UUID, theme: MockTheme, startsAt: Date, minutes: Int, coach: String)] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT b.id, b.theme, s.starts_at, s.minutes, u.name FROM \(ident: MockBookingModel.schema) b
            JOIN \(ident: MockSlotModel.schema) s ON s.id = b.slot_id JOIN \(ident: UserModel.schema) u ON u.id = s.coach_id
            WHERE b.user_id = \(bind: try graduate.requireID()) AND b.cancelled_at IS NULL ORDER BY s.starts_at
            """).all()
        return try rows.compactMap { row in
            guard let theme = MockTheme(rawValue: try row.decode(column: "theme", as: String.self)) else { return nil }
            return (try row.decode(column: "id", as: UUID.self), theme, try row.decode(column: "starts_at", as: Date.self),
                    try row.decode(column: "minutes", as: Int.self), try row.decode(column: "name", as: String.self))
        }
    }

    /// The graduate's scores over their mock interviews.
    static func trend(of bookings: [Booking], in zone: TimeZone) -> RubricTrend {
        RubricTrend(bookings.compactMap { item in
            item.rubric.map { RubricTrend.Point(day: LocalDate(item.slot.startsAt, in: zone), theme: item.booking.theme, scores: $0.scores) }
        })
    }
}

import Fluent
import Foundation
import OnwardCore
import Vapor

/// Coaching events: a coach or an admin holds one for a cohort or for everyone; the graduates it
/// is for answer going or not going until it starts; the careers team sees who comes.
struct EventUseCases: UseCases {
    let db: any Database
    let now: Date

    /// An event with what `viewer` may see of it.
    struct Detail {
        let event: CoachingEventModel
        /// The cohort's name, nil for everyone.
        let cohortName: String?
        let createdBy: UserModel
        /// The answers the viewer reads by name (`Access.eventAnswerReach`), the earliest first,
        /// with who gave them: every one for the host and an admin, another coach's graduates'
        /// for a coach, none for a graduate.
        let answers: [(answer: EventAnswerModel, graduate: UserModel)]
        /// How many answered going, and not going, whoever they are.
        let going: Int
        let notGoing: Int
        /// Graduates it is for who have not answered (for the careers team).
        let unanswered: Int
        /// The viewer's own answer, a graduate's.
        let own: EventAnswer?
        let canAnswer: Bool
        let canCancel: Bool
        let seesWhoComes: Bool
    }

    /// An event as a list shows it.
    struct Listed {
        let event: CoachingEventModel
        let cohortName: String?
        let going: Int
        let own: EventAnswer?
    }

    static let noSuchEvent = Refusal.notFound("There is no such event.")

    /// How many days back the list shows past events.
    static let pastDays = 30

    /// The events `viewer` may see that have not ended, the soonest first, then those of the last
    /// 30 days, the latest first. Three queries however many events: the events, their answers,
    /// the cohorts' names.
    func events(for viewer: UserModel) async throws -> (upcoming: [Listed], past: [Listed]) {
        let who = viewer.viewer
        guard Access.seesEvents(who) else { return ([], []) }
        var query = CoachingEventModel.query(on: db).filter(\.$endsAt >= now.addingTimeInterval(-Double(Self.pastDays) * 86_400))
        if who.role == .graduate {
            let cohort = viewer.$cohort.id
            query = query.group(.or) { group in
                group.filter(\.$cohort.$id == nil)
                if let cohort { group.filter(\.$cohort.$id == cohort) }
            }
        }
        let events = try await query.sort(\.$startsAt).all()
        let ids = events.compactMap(\.id)
        let answers = ids.isEmpty ? [] : try await EventAnswerModel.query(on: db).filter(\.$event.$id ~~ ids).all()
        let names = try await cohortNames(of: events)
        let viewerID = try viewer.requireID()
        let listed = events.map { event in
            let mine = answers.filter { $0.$event.id == event.id }
            return Listed(event: event, cohortName: event.$cohort.id.flatMap { names[$0] }, going: mine.filter { $0.answer == .going }.count,
                          own: mine.first { $0.$user.id == viewerID }?.answer)
        }
        return (listed.filter { EventRules.isUpcoming(endsAt: $0.event.endsAt, now: now) },
                listed.filter { !EventRules.isUpcoming(endsAt: $0.event.endsAt, now: now) }.reversed())
    }

    private func cohortNames(of events: [CoachingEventModel]) async throws -> [UUID: String] {
        let ids = Array(Set(events.compactMap { $0.$cohort.id }))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try await CohortModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Holds an event. A cohort named must exist.
    @discardableResult
    func create(_ draft: EventDraft, by holder: UserModel) async throws -> CoachingEventModel {
        guard Access.holdsEvents(holder.viewer) else { throw Refusal.notAllowed("Only a coach or an admin holds events.") }
        if let cohortID = draft.cohortID {
            guard let id = UUID(uuidString: cohortID), try await CohortModel.find(id, on: db) != nil else {
                throw Refusal.notFound("There is no such cohort: choose one from the list, or everyone.", field: "cohort_id")
            }
        }
        let event = CoachingEventModel(draft: draft, createdBy: try holder.requireID())
        try await event.create(on: db)
        return event
    }

    /// Event `rawID` as `viewer` may see it; not found for anyone it is not for.
    func detail(of rawID: String, for viewer: UserModel) async throws -> Detail {
        let event = try await visible(rawID, for: viewer)
        let who = viewer.viewer
        let eventID = try event.requireID()
        let answers = try await EventAnswerModel.query(on: db).filter(\.$event.$id == eventID).with(\.$user).sort(\.$answeredAt).all()
        let seesWhoComes = Access.seesWhoComes(who)
        var named: [EventAnswerModel] = []
        switch Access.eventAnswerReach(who, createdBy: event.$createdBy.id.uuidString) {
        case .everyone: named = answers
        case .ownGraduates:
            let coached = try await Policy(db: db).coachedGraduateIDs(of: viewer)
            named = answers.filter { coached.contains($0.$user.id) }
        case .nobody: named = []
        }
        var unanswered = 0
        if seesWhoComes {
            var audience = UserModel.query(on: db).filter(\.$role == .graduate)
            if let cohort = event.$cohort.id { audience = audience.filter(\.$cohort.$id == cohort) }
            let answered = Set(answers.map { $0.$user.id })
            unanswered = try await audience.all(\.$id).filter { !answered.contains($0) }.count
        }
        let creator = try await UserModel.find(event.$createdBy.id, on: db)
        let names = try await cohortNames(of: [event])
        return Detail(
            event: event, cohortName: event.$cohort.id.flatMap { names[$0] }, createdBy: creator ?? viewer,
            answers: named.map { ($0, $0.user) }, going: answers.filter { $0.answer == .going }.count,
            notGoing: answers.filter { $0.answer == .notGoing }.count, unanswered: unanswered,
            own: answers.first { $0.$user.id == viewer.id }?.answer,
            canAnswer: Access.canAnswerEvent(who, audience: event.audience, viewerCohort: viewer.$cohort.id?.uuidString) && EventRules.takesAnswers(startsAt: event.startsAt, now: now),
            canCancel: Access.canCancelEvent(who, createdBy: event.$createdBy.id.uuidString), seesWhoComes: seesWhoComes)
    }

    private func visible(_ rawID: String, for viewer: UserModel) async throws -> CoachingEventModel {
        guard let id = UUID(uuidString: rawID), let event = try await CoachingEventModel.find(id, on: db),
              Access.canSeeEvent(viewer.viewer, audience: event.audience, viewerCohort: viewer.$cohort.id?.uuidString)
        else { throw Self.noSuchEvent }
        return event
    }

    /// `graduate` answers event `rawID`, or changes their answer, until it starts. Two answers at
    /// once (two tabs) leave one: the later stands.
    @discardableResult
    func answer(_ rawID: String, _ answer: EventAnswer, by graduate: UserModel) async throws -> EventAnswerModel {
        let event = try await visible(rawID, for: graduate)
        guard Access.canAnswerEvent(graduate.viewer, audience: event.audience, viewerCohort: graduate.$cohort.id?.uuidString) else {
            throw Refusal.notAllowed("Only a graduate the event is for answers it.")
        }
        guard EventRules.takesAnswers(startsAt: event.startsAt, now: now) else {
            throw Refusal.conflict("This event has started: answers closed when it began.")
        }
        let eventID = try event.requireID(), userID = try graduate.requireID(), now = self.now
        @Sendable func write(_ db: any Database) async throws -> EventAnswerModel {
            if let existing = try await EventAnswerModel.query(on: db).filter(\.$event.$id == eventID).filter(\.$user.$id == userID).first() {
                existing.answer = answer
                existing.answeredAt = now
                try await existing.save(on: db)
                return existing
            }
            let made = EventAnswerModel(eventID: eventID, userID: userID, answer: answer, at: now)
            try await made.create(on: db)
            return made
        }
        do {
            return try await db.writeTransaction(write)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Either another tab's answer came first (the later stands), or the event was
            // cancelled a moment ago (its answers' foreign key): then there is no such event.
            guard try await CoachingEventModel.find(eventID, on: db) != nil else { throw Self.noSuchEvent }
            return try await write(db)
        }
    }

    /// Cancels event `rawID` (its creator, or an admin): the event and its answers go, in one transaction.
    func cancel(_ rawID: String, by viewer: UserModel) async throws -> CoachingEventModel {
        let event = try await visible(rawID, for: viewer)
        guard Access.canCancelEvent(viewer.viewer, createdBy: event.$createdBy.id.uuidString) else {
            throw Refusal.notAllowed("Only the coach who made the event, or an admin, cancels it.")
        }
        let id = try event.requireID()
        try await db.writeTransaction { db in
            try await EventAnswerModel.query(on: db).filter(\.$event.$id == id).delete()
            try await CoachingEventModel.query(on: db).filter(\.$id == id).delete()
        }
        return event
    }

    /// The cohorts an event may be for, by name.
    func cohorts() async throws -> [CohortModel] {
        try await CohortModel.query(on: db).sort(\.$name).all()
    }
}

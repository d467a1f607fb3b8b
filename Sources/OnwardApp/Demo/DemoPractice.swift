import Fluent
import Foundation
import OnwardCore

/// Practice in the demo: Amara's two mock interviews with Tom, scored (her scores rise), Ben's
/// booked for next week, open slots of both coaches in the next two weeks; the cohort's morning
/// peer sessions (last week's, with what each practised, and two coming up).
enum DemoPractice {
    static func seed(graduates: [UserModel], coaches: (priya: UserModel, tom: UserModel), zone: String, on db: any Database, now: Date) async throws {
        let timeZone = TimeZone(identifier: zone) ?? .gmt
        // Days counted from next Monday (negative: the weeks before), so every one is a weekday
        // and those ahead are ahead whatever day the demo starts on.
        let nextMonday = LocalDate(now, in: timeZone).startOfWeek.adding(days: 7)
        func at(_ days: Int, _ hour: Int, _ minute: Int = 0) -> Date {
            StandupRules.deadline(of: nextMonday.adding(days: days), at: StandupTime(hour: hour, minute: minute)!, in: timeZone)
        }
        func slot(_ startsAt: Date, _ minutes: Int, _ themes: Set<MockTheme>, _ coach: UserModel) async throws -> MockSlotModel {
            try await MockInterviewUseCases(db: db, now: startsAt.addingTimeInterval(-7 * 86_400)).open(MockSlotDraft(startsAt: startsAt, minutes: minutes, themes: themes), by: coach)
        }
        func booked(_ slot: MockSlotModel, _ graduate: UserModel, _ theme: MockTheme, _ practise: String) async throws -> MockBookingModel {
            try await MockInterviewUseCases(db: db, now: slot.startsAt.addingTimeInterval(-3 * 86_400)).book(slot.requireIDString, MockBookingDraft(theme: theme, practise: practise), by: graduate)
        }
        let amara = graduates[0], ben = graduates[1]
        // Amara, two weeks ago and last week, back-end with Tom.
        let first = try await slot(at(-18, 10), 60, [.backEnd, .fullStack], coaches.tom)
        let firstBooking = try await booked(first, amara, .backEnd, "Explaining the design of my habit tracker's API out loud")
        try await MockInterviewUseCases(db: db, now: first.endsAt).score(firstBooking.requireIDString, RubricDraft(
            scores: [.problemSolving: 2, .codeComprehension: 3, .communication: 2, .technicalKnowledge: 2, .topicArea: 2],
            strengths: "You read the unfamiliar code carefully and asked what the tests were for before changing anything.",
            improvements: "Talk while you think: the silences hid good reasoning. Say which trade-off you are making between the two designs.",
            resources: "Designing Data-Intensive Applications, chapter 2; the \"explain your design in three sentences\" exercise."), by: coaches.tom)
        let second = try await slot(at(-11, 14), 60, [.backEnd], coaches.tom)
        let secondBooking = try await booked(second, amara, .backEnd, "Indexes and why a query is slow")
        try await MockInterviewUseCases(db: db, now: second.endsAt).score(secondBooking.requireIDString, RubricDraft(
            scores: [.problemSolving: 3, .codeComprehension: 3, .communication: 3, .technicalKnowledge: 2, .topicArea: 3],
            strengths: "Much clearer narration. You found the missing index from the query plan on your own.",
            improvements: "Transactions and isolation levels: you guessed. Practise explaining what happens when two requests book one slot.",
            resources: "Use The Index, Luke (use-the-index-luke.com), chapters 1 to 3."), by: coaches.tom)
        // Ben, front-end with Priya next Tuesday.
        let bens = try await slot(at(1, 11), 45, [.frontEnd, .fullStack], coaches.priya)
        _ = try await booked(bens, ben, .frontEnd, "State management in React without reaching for a library")
        // Grace Liu's, which ended half an hour ago: its rubric waits for Tom.
        let justHeld = Date(timeIntervalSince1970: ((now.timeIntervalSince1970 - 90 * 60) / 300).rounded(.down) * 300)
        let graces = try await slot(justHeld, 60, [.fullStack], coaches.tom)
        _ = try await booked(graces, graduates[6], .fullStack, "Walking through a feature from the database to the page")
        // Open slots in the next two weeks.
        for (days, hour, minutes, themes, coach) in [(0, 15, 60, Set([MockTheme.backEnd, .fullStack]), coaches.tom), (2, 10, 45, [.frontEnd], coaches.priya),
                                                      (3, 14, 60, [.backEnd], coaches.tom), (7, 9, 60, [.fullStack, .frontEnd], coaches.priya)] {
            _ = try await slot(at(days, hour), minutes, themes, coach)
        }
        try await seedPeerSessions(graduates: graduates, at: at, on: db)
    }

    private static func seedPeerSessions(graduates: [UserModel], at: (Int, Int, Int) -> Date, on db: any Database) async throws {
        func hosted(_ startsAt: Date, _ kind: PeerSessionKind, places: Int, by host: UserModel, joined: [UserModel]) async throws -> PeerSessionModel {
            let before = PeerSessionUseCases(db: db, now: startsAt.addingTimeInterval(-4 * 86_400))
            let session = try await before.host(PeerSessionDraft(startsAt: startsAt, minutes: 45, kind: kind, places: places,
                                                                 link: "https://meet.example/peer-\(kind.rawValue)-\(Int(startsAt.timeIntervalSince1970) / 3_600)"), by: host)
            for person in joined { try await before.join(session.requireIDString, by: person) }
            return session
        }
        // Last Wednesday's, technical: what each practised.
        let past = try await hosted(at(-12, 9, 0), .technical, places: 4, by: graduates[2], joined: [graduates[0], graduates[3]])
        let after = PeerSessionUseCases(db: db, now: past.startsAt.addingTimeInterval(3_600))
        for (person, note) in [(graduates[2], "Reversing a linked list out loud, then the follow-up on doing it in place."),
                               (graduates[0], "FizzBuzz with tests first, explaining each step; Dev timed me."),
                               (graduates[3], "Two-sum with a hash map; I kept forgetting to state the complexity before coding.")] {
            try await after.note(past.requireIDString, note, by: person)
        }
        // Coming up: a technical one on Monday with a place or two left, a behavioural one on Wednesday.
        _ = try await hosted(at(0, 9, 0), .technical, places: 4, by: graduates[4], joined: [graduates[1]])
        _ = try await hosted(at(2, 9, 30), .behavioural, places: 3, by: graduates[5], joined: [graduates[3], graduates[7]])
    }
}

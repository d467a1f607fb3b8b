import Fluent
import Foundation
import OnwardCore

/// Practice in the demo: Amara's two mock interviews with Tom, scored (her scores rise), Ben's
/// booked for next week, open slots of both coaches in the next two weeks; the cohort's morning
/// peer sessions (last week's, with what each practised, and two coming up); pairing (Amara and
/// Chloé's kata last week, a volunteer, proposals waiting on answers, a request nobody matched).
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
        try await seedPairing(graduates: graduates, at: at, on: db, now: now)
    }

    /// Through the use cases, so the matcher makes the proposals: each request is asked at a
    /// moment, in an order, that gives the pairs described.
    private static func seedPairing(graduates: [UserModel], at: (Int, Int, Int) -> Date, on db: any Database, now: Date) async throws {
        func window(_ days: Int, _ from: Int, _ fromMinute: Int, _ to: Int) -> TimeWindow {
            TimeWindow(start: at(days, from, fromMinute), end: at(days, to, 0))
        }
        func ask(_ person: UserModel, _ topic: String, _ kinds: Set<PairingKind>, _ stacks: [String], avoiding: [String] = [], _ windows: [TimeWindow],
                 at moment: Date) async throws -> PairingModel? {
            let draft = PairingRequestDraft(topic: topic, kinds: kinds, stacks: stacks, avoidedStacks: avoiding, windows: windows)
            return try await PairingUseCases(db: db, now: moment).ask(draft, by: person).proposal
        }
        let amara = graduates[0], ben = graduates[1], chloe = graduates[2], femi = graduates[5], hamza = graduates[7], jonas = graduates[9]
        let keisha = graduates[10]
        // Last week's Wednesday evening: Amara and Chloé on the bowling kata, with their notes.
        let lastWeek = window(-12, 18, 0, 20)
        let asked = lastWeek.start.addingTimeInterval(-2 * 86_400)
        _ = try await ask(chloe, "The bowling kata, test first", [.kata], [], [lastWeek], at: asked)
        if let kata = try await ask(amara, "Katas in Ruby: bowling or tennis", [.kata], ["Ruby"], [lastWeek], at: asked.addingTimeInterval(3_600)) {
            let answering = PairingUseCases(db: db, now: asked.addingTimeInterval(2 * 3_600))
            try await answering.answer(kata.requireIDString, accept: true, by: amara)
            try await answering.answer(kata.requireIDString, accept: true, by: chloe)
            try await answering.setLink(kata.requireIDString, "https://meet.example/pair-bowling", by: chloe)
            let after = PairingUseCases(db: db, now: kata.endsAt)
            try await after.note(kata.requireIDString, "Spares and strikes, swapping the keyboard every ten minutes. Chloé's tests named the rules better than mine.", by: amara)
            try await after.note(kata.requireIDString, "The tenth frame took us half the hour. Amara spotted the off-by-one in my strike bonus.", by: chloe)
        }
        // Three days ago Hamza asked for early mornings on Go: nobody matched it, so it is on Priya's list.
        _ = try await ask(hamza, "Go concurrency: channels and worker pools", [.project], ["Go"], [window(1, 7, 0, 8), window(3, 7, 0, 8)], at: now.addingTimeInterval(-3 * 86_400))
        // Jonas volunteers on React and .NET, tech tests and projects; Ben's React take-home meets him on Thursday, and Ben has accepted.
        try await PairingUseCases(db: db, now: now.addingTimeInterval(-6 * 3_600)).volunteer(
            AvailabilityDraft(topics: "React, .NET, take-home tech tests", kinds: [.techTest, .project], stacks: ["React", "C#", ".NET"], windows: [window(3, 18, 0, 21), window(5, 10, 0, 13)]), by: jonas)
        if let bens = try await ask(ben, "Preparing a React take-home: state and tests", [.techTest], ["JavaScript", "React"], [window(3, 18, 0, 20)], at: now.addingTimeInterval(-5 * 3_600)) {
            try await PairingUseCases(db: db, now: now.addingTimeInterval(-4 * 3_600)).answer(bens.requireIDString, accept: true, by: ben)
        }
        // Amara asked for tech test practice in Ruby on Friday evening (not in JavaScript), then
        // Keisha in Express, then Femi in Ruby: Amara is proposed to Femi, who shares Ruby, and
        // never to Keisha; Femi has accepted, Amara's answer waits, Keisha still looks.
        _ = try await ask(amara, "Timed tech test practice in Ruby", [.techTest], ["Ruby", "Rails"], avoiding: ["JavaScript"], [window(4, 17, 30, 20)],
                          at: now.addingTimeInterval(-3 * 3_600))
        _ = try await ask(keisha, "A timed tech test: a small API in Express", [.techTest], ["JavaScript", "Express"], [window(4, 17, 0, 19)],
                          at: now.addingTimeInterval(-2 * 3_600))
        if let friday = try await ask(femi, "A timed tech test: a small API in Sinatra", [.techTest], ["Ruby", "Sinatra"], [window(4, 17, 0, 19)],
                                      at: now.addingTimeInterval(-3_600)) {
            try await PairingUseCases(db: db, now: now.addingTimeInterval(-1_800)).answer(friday.requireIDString, accept: true, by: femi)
        }
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
        // Coming up: a technical one on Monday with a place or two left (Amara has one, to keep or
        // give up), a behavioural one on Wednesday, and Amara's own on Tuesday lunchtime.
        _ = try await hosted(at(0, 9, 0), .technical, places: 4, by: graduates[4], joined: [graduates[1], graduates[0]])
        _ = try await hosted(at(2, 9, 30), .behavioural, places: 3, by: graduates[5], joined: [graduates[3], graduates[7]])
        _ = try await hosted(at(1, 12, 30), .behavioural, places: 3, by: graduates[0], joined: [graduates[2]])
    }
}

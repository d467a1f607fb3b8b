import Fluent
import Foundation
import OnwardCore

/// A year of commits for each graduate who linked GitHub: most weekdays and some weekends, a few
/// commits a day, from a fixed seed, most of them to their side project; Dev Patel's last three
/// weeks almost empty (the signs the coaches should see: little code, and a side project left),
/// Amara's week already past the target. Each graduate has their final project from the course,
/// and a side project of their own but Elena, whose work is all tutorials.
enum DemoEvidence {
    /// Each graduate's side project, by their place in the list: a name, a line, and whether it is live.
    static let sideProjects: [(name: String, slug: String, about: String)] = [
        ("Shelf", "shelf", "Lend books to neighbours and get them back: reminders by email, a waiting list per book."),
        ("Tidy Tests", "tidy-tests", "A small library that prints React test failures as a readable diff."),
        ("Contrast Checker", "contrast", "Checks a page's colours against WCAG and suggests the nearest passing shade."),
        ("Times Tables", "times-tables", "A Django app that drills times tables with spaced repetition, for my old pupils."),
        ("", "", ""),
        ("Setlist", "setlist", "Plans a band's setlist by key and tempo, shared live with the band."),
    ]

    static func seed(graduates: [UserModel], on db: any Database, now: Date) async throws {
        var random = DemoRandom(state: 2026)
        for (index, graduate) in graduates.enumerated() where graduate.githubLogin != nil {
            let userID = try graduate.requireID(), today = graduate.today(at: now)
            let side = index < sideProjects.count ? sideProjects[index] : (name: "Side project", slug: "side-project", about: "Something of my own, in my stacks.")
            let login = graduate.githubLogin!
            if !side.name.isEmpty {
                let draft = ProjectDraft(name: side.name, repository: "https://github.com/\(login)/\(side.slug)", live: index % 2 == 0 ? "https://\(side.slug).example.org" : nil,
                                         description: side.about, stacks: graduate.stacks, isSide: true, startedOn: today.adding(days: -120 + index * 5), lastWorkedOn: nil)
                try await ProjectModel(userID: userID, draft: draft).create(on: db)
            }
            let final = ProjectDraft(name: "Final project", repository: "https://github.com/\(login)/final-project", live: nil,
                                     description: "The team project that closed the course: four of us, two weeks, one demo day.", stacks: graduate.stacks, isSide: false,
                                     startedOn: today.adding(days: -150), lastWorkedOn: today.adding(days: -136))
            try await ProjectModel(userID: userID, draft: final).create(on: db)
            let repository = side.name.isEmpty ? nil : ProjectDraft.gitHubRepository(of: "https://github.com/\(login)/\(side.slug)")
            let zone = TimeZone(identifier: graduate.timeZone) ?? .gmt
            var commits: [GitHubCommitModel] = []
            for back in 0..<364 {
                let day = today.adding(days: -back)
                let quiet = index == 3 && back < 21
                let chance = quiet ? 5 : (day.isWeekend ? 30 : 60)
                var count = random.next(100) < chance ? 1 + random.next(4) : 0
                if index == 0 && back == 0 { count = max(count, 3) }
                // Everyone but Dev keeps to a few commits a week.
                if index != 3 && [1, 3, 5].contains(back) { count = max(count, 1) }
                for n in 0..<count {
                    let at = TypedMoment.moment(day, StandupTime(hour: 9 + n * 2 + random.next(2), minute: random.next(60))!, in: zone)
                    // A sha that reads like one (its first seven characters are what pages show), unique by day and number.
                    var mixed = UInt64(index * 100_000 + back * 10 + n + 1) &* 0x9E37_79B9_7F4A_7C15
                    mixed ^= mixed >> 29
                    let shown = Int(mixed & 0xFFF_FFFF)
                    let commit = GitHubCommitModel(userID: userID, sha: String(format: "%07x%09x%024x", shown, back, n), at: min(at, now), day: day)
                    // Most of it on the side project since it started; Dev's last weeks on nothing of it.
                    if back < 120 - index * 5, !(index == 3 && back < 25), random.next(100) < 70 { commit.repository = repository }
                    commits.append(commit)
                }
            }
            for chunk in stride(from: 0, to: commits.count, by: 500) { try await Array(commits[chunk..<min(chunk + 500, commits.count)]).create(on: db) }
        }
        try await history(graduates: graduates, on: db, now: now)
        try await feedbackActedOn(graduates: graduates, on: db, now: now)
    }

    /// What the graduates did about their feedback: everyone acted on what is more than a week
    /// old but Dev, whose oldest pieces stay open; Amara's first mock interview's "talk while you
    /// think" answered by a kata done out loud, and her interview feedback by a commit.
    static func feedbackActedOn(graduates: [UserModel], on db: any Database, now: Date) async throws {
        let ids = graduates.compactMap(\.id)
        let given = try await FeedbackUseCases(db: db, now: now).given(to: ids)
        for (index, graduate) in graduates.enumerated() where index != 3 {
            let id = try graduate.requireID(), today = graduate.today(at: now)
            // A learning plan's recommendations move on the plan itself.
            for piece in given[id] ?? [] where !piece.key.hasPrefix("recommendation:") && piece.given.days(to: today) >= 7 {
                let day = min(today.adding(days: -1), piece.given.adding(days: 4))
                let draft: FeedbackActionDraft = piece.key.hasPrefix("mock:")
                    ? FeedbackActionDraft(kind: .kata, link: nil, note: "Did two katas out loud with a pair, saying each trade-off before typing.", day: day)
                    : FeedbackActionDraft(kind: .commit, link: "https://github.com/\(graduate.githubLogin ?? "onward")/final-project/commit/\(String(format: "%07x", index * 7919 + day.day))",
                                          note: "Wrote the tests first and reworked the joins the interviewer asked about.", day: day)
                try await FeedbackActionModel(userID: id, feedbackKey: piece.key, draft: draft).create(on: db)
            }
        }
    }

    /// What the coaches saw before today: Dev's little code raised a fortnight ago and his side
    /// project left a few days ago, both still standing; Amara's missed standups, raised and
    /// cleared when she came back to them.
    static func history(graduates: [UserModel], on db: any Database, now: Date) async throws {
        func record(_ graduate: UserModel, _ signal: SignalKind, _ reason: String, daysAgo raised: Int, cleared: Int? = nil) async throws {
            let record = SignalRecordModel()
            record.$user.id = try graduate.requireID()
            record.signal = signal.rawValue
            record.reason = reason
            record.raisedAt = now.addingTimeInterval(-Double(raised) * 86_400)
            record.clearedAt = cleared.map { now.addingTimeInterval(-Double($0) * 86_400) }
            try await record.create(on: db)
        }
        guard graduates.count > 3 else { return }
        try await record(graduates[3], .littleCode, "1 commit in the last 7 days, fewer than the 3 a week to aim at.", daysAgo: 14)
        try await record(graduates[3], .tutorialsOnly, "No side project worked on in the last 3 weeks.", daysAgo: 4)
        try await record(graduates[0], .motivation, "No standup on the last 3 working days.", daysAgo: 12, cleared: 9)
    }
}

extension DemoEvidence {
    /// Who shares a candidate profile, by their place in the list, with their headline and how
    /// many days until they can start (nil: now). Dev, whose signs stand, does not share yet.
    static let shared: [(index: Int, headline: String, startsIn: Int?)] = [
        (0, "Junior back-end developer: Rails APIs, PostgreSQL, tests first", nil),
        (1, "Front-end developer: React and Node, tidy UIs with tidier tests", nil),
        (2, "Front-end developer with a designer's eye: TypeScript, React, accessibility", nil),
        (5, "Full-stack developer: Ruby and JavaScript, happiest pairing", 14),
    ]

    /// Four graduates share their profile; Priya recommended three of them (Amara and Chloé read
    /// theirs; Ben's waits for him); Rachel shortlisted Amara and Femi for a back-end role.
    static func shortlist(graduates: [UserModel], coach: UserModel, partner: UserModel, on db: any Database, now: Date) async throws {
        guard graduates.count > 5 else { return }
        for one in shared {
            let graduate = graduates[one.index], id = try graduate.requireID()
            let profile = CandidateProfileModel(userID: id)
            profile.headline = one.headline
            profile.availableFrom = one.startsIn.map { graduate.today(at: now).adding(days: $0).iso }
            profile.sharedAt = now.addingTimeInterval(-5 * 86_400)
            try await profile.create(on: db)
        }
        let words: [(index: Int, text: String, read: Bool)] = [
            (0, "Amara writes small, well-tested Rails code and explains her trade-offs clearly. In her final project she designed the reminders schema and led the move to background jobs; in mock interviews she reasons out loud and asks good questions before coding.", true),
            (1, "Ben builds clean React interfaces and keeps his components small. He took feedback on state management seriously and reworked his side project around it.", false),
            (2, "Chloé is the strongest front-end developer of her cohort on accessibility: she audits every page she builds and fixes what she finds. Give her a design and she ships it, tested.", true),
        ]
        for word in words {
            let recommendation = TechnicalRecommendationModel()
            recommendation.$graduate.id = try graduates[word.index].requireID()
            recommendation.$coach.id = try coach.requireID()
            recommendation.text = word.text
            recommendation.writtenAt = now.addingTimeInterval(-4 * 86_400)
            recommendation.readAt = word.read ? now.addingTimeInterval(-3 * 86_400) : nil
            try await recommendation.create(on: db)
        }
        let list = ShortlistModel(draft: ShortlistDraft(name: "Junior back-end developer", hiringPartner: "Northwind Logistics"), by: try partner.requireID(),
                                  at: now.addingTimeInterval(-2 * 86_400))
        try await list.create(on: db)
        for index in [0, 5] {
            try await ShortlistEntryModel(shortlistID: try list.requireID(), graduateID: try graduates[index].requireID(), at: now.addingTimeInterval(-2 * 86_400)).create(on: db)
        }
    }
}

/// A small fixed-seed generator (SplitMix64), so the demo is the same every time.
struct DemoRandom {
    var state: UInt64

    mutating func next(_ below: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(below))
    }
}

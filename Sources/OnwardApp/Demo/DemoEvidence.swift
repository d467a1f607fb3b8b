import Fluent
import Foundation
import OnwardCore

/// A year of commits for each graduate who linked GitHub: most weekdays and some weekends, a few
/// commits a day, from a fixed seed; Dev Patel's last three weeks almost empty (the sign the
/// coaches should see), Amara's week already past the target.
enum DemoEvidence {
    static func seed(graduates: [UserModel], on db: any Database, now: Date) async throws {
        var random = DemoRandom(state: 2026)
        for (index, graduate) in graduates.enumerated() where graduate.githubLogin != nil {
            let userID = try graduate.requireID(), today = graduate.today(at: now)
            let zone = TimeZone(identifier: graduate.timeZone) ?? .gmt
            var commits: [GitHubCommitModel] = []
            for back in 0..<364 {
                let day = today.adding(days: -back)
                let quiet = index == 3 && back < 21
                let chance = quiet ? 5 : (day.isWeekend ? 30 : 60)
                var count = random.next(100) < chance ? 1 + random.next(4) : 0
                if index == 0 && back == 0 { count = max(count, 3) }
                for n in 0..<count {
                    let at = TypedMoment.moment(day, StandupTime(hour: 9 + n * 2 + random.next(2), minute: random.next(60))!, in: zone)
                    commits.append(GitHubCommitModel(userID: userID, sha: String(format: "%08x%08x%024x", index, back, n), at: min(at, now), day: day))
                }
            }
            for chunk in stride(from: 0, to: commits.count, by: 500) { try await Array(commits[chunk..<min(chunk + 500, commits.count)]).create(on: db) }
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

// onward-bench: times Onward's pure rules on generated input, without a server or a database.
// `onward-bench matcher REQUESTS VOLUNTEERS [RUNS]` prints the pairing matcher's median time over
// RUNS runs (5 by default) on REQUESTS open requests and VOLUNTEERS volunteers: windows in the
// next 14 days across four time zones, one to three kinds of session and up to three stacks each, generated from a fixed seed.
import Foundation
import OnwardCore

/// A small fixed-seed generator (SplitMix64), so every run times the same input.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, arguments[1] == "matcher", let requestCount = Int(arguments[2]), let volunteerCount = Int(arguments[3]) else {
    print("usage: onward-bench matcher REQUESTS VOLUNTEERS [RUNS]")
    exit(2)
}
let runs = arguments.count > 4 ? Int(arguments[4]) ?? 5 : 5
let now = Date(timeIntervalSince1970: 1_795_435_200)
let stackNames = ["ruby", "rails", "javascript", "typescript", "react", "node", "express", "python", "django", "java", "kotlin", "swift", "c#", ".net", "go", "php"]
let zones = ["Europe/London", "America/New_York", "Africa/Lagos", "Asia/Kolkata"].map { TimeZone(identifier: $0)! }
/// The generated input, the same every run.
func input() -> (requests: [PairingMatcher.Request], volunteers: [PairingMatcher.Volunteer], recent: Set<PairingMatcher.Pair>) {
    var random = Seeded(state: 2026)

    func windows(_ count: Int) -> [TimeWindow] {
        (0..<count).map { _ in
            let zone = zones.randomElement(using: &random)!
            let day = LocalDate(now, in: zone).adding(days: Int.random(in: 1...14, using: &random))
            let start = StandupRules.deadline(of: day, at: StandupTime(hour: Int.random(in: 7...20, using: &random), minute: 0)!, in: zone)
            return TimeWindow(start: start, end: start.addingTimeInterval(Double(Int.random(in: 1...4, using: &random)) * 3_600))
        }
    }
    func kinds() -> Set<PairingKind> { Set((0..<Int.random(in: 1...3, using: &random)).map { _ in PairingKind.allCases.randomElement(using: &random)! }) }
    func stacks(_ most: Int) -> Set<String> { Set((0..<Int.random(in: 0...most, using: &random)).map { _ in stackNames.randomElement(using: &random)! }) }

    let requests = (0..<requestCount).map { i in
        PairingMatcher.Request(id: "r\(i)", person: "g\(i)", kinds: kinds(), stacks: stacks(3), avoided: i % 10 == 0 ? stacks(1) : [], windows: windows(Int.random(in: 1...3, using: &random)),
                               askedAt: now.addingTimeInterval(-Double(Int.random(in: 0...200_000, using: &random))))
    }
    let volunteers = (0..<volunteerCount).map { i in
        PairingMatcher.Volunteer(id: "v\(i)", person: "v\(i)", kinds: kinds(), stacks: stacks(4), windows: windows(Int.random(in: 1...5, using: &random)), load: Int.random(in: 0...3, using: &random))
    }
    let recent = Set((0..<requestCount / 4).map { i in PairingMatcher.Pair("g\(i)", "g\((i * 7 + 3) % max(requestCount, 1))") })
    return (requests, volunteers, recent)
}
let (requests, volunteers, recent) = input()

var times: [Double] = []
var matched = 0
for _ in 0..<runs {
    let clock = ContinuousClock()
    var result: [PairingMatcher.Match] = []
    let elapsed = clock.measure { result = PairingMatcher.match(requests: requests, volunteers: volunteers, recentPairs: recent) }
    matched = result.count
    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
times.sort()
let median = times[times.count / 2]
print(String(format: "matcher  requests %5d  volunteers %4d  matches %5d  median %8.1f ms  (min %.1f, max %.1f, %d runs)",
             requestCount, volunteerCount, matched, median * 1000, times.first! * 1000, times.last! * 1000, runs))

import Fluent
import Foundation
import OnwardCore

/// Believable job searches for the demo graduates: a few weeks of applications, some moving,
/// some stalled, interviews with feedback, one offer.
enum DemoJobSearch {
    static let companies: [(String, String, String)] = [
        ("Monzo", "Junior Backend Engineer", "London"), ("Deliveroo", "Graduate Software Engineer", "London"),
        ("Sky", "Associate Developer", "Leeds"), ("Octopus Energy", "Junior Python Developer", "Remote"),
        ("BBC", "Software Engineer Trainee", "Salford"), ("Starling Bank", "Junior Engineer", "Cardiff"),
        ("Made Tech", "Academy Engineer", "Manchester"), ("Thoughtworks", "Graduate Developer", "Manchester"),
        ("Bloom & Wild", "Junior Front-end Developer", "London"), ("Zopa", "Software Engineer I", "London"),
        ("Checkout.com", "Graduate Engineer", "London"), ("Farewill", "Junior Full-stack Developer", "Remote"),
        ("Cazoo", "Associate Software Engineer", "London"), ("GoCardless", "Junior Software Engineer", "London"),
        ("Kainos", "Trainee Software Engineer", "Belfast"), ("Ocado Technology", "Graduate Developer", "Hatfield"),
    ]

    /// Stage paths with day offsets from the first move, by pattern.
    static let paths: [[(Stage, Int)]] = [
        [(.applied, 0)],
        [(.applied, 0), (.rejected, 6)],
        [(.applied, 0), (.screening, 3), (.techTest, 7)],
        [(.wishlist, 0)],
        [(.applied, 0), (.screening, 4), (.interview, 9)],
        [(.applied, 0), (.screening, 2), (.techTest, 5), (.interview, 11), (.offer, 16)],
        [(.applied, 0), (.withdrawn, 8)],
        [(.applied, 0), (.techTest, 5), (.rejected, 12)],
    ]

    static func seed(graduates: [UserModel], on db: any Database, today: LocalDate) async throws {
        for (g, graduate) in graduates.enumerated() {
            // Graduate 3 applies a lot and never gets past the first hurdle; graduate 9 has barely started.
            let count = g == 0 ? 14 : (g == 3 ? 16 : (g == 9 ? 2 : 5 + g % 5))
            for i in 0..<count {
                let (company, role, location) = companies[(g * 5 + i) % companies.count]
                var path = paths[(g + i) % paths.count]
                if g == 3 { path = i % 3 == 0 ? [(.applied, 0), (.rejected, 10)] : [(.applied, 0)] }
                let start = today.adding(days: -((i * 2 + g) % 27) - 1)
                // Every move is on or before today.
                let first = min(start, today.adding(days: -path.last!.1))
                let draft = ApplicationDraft(
                    company: company, roleTitle: role, url: "https://jobs.example.com/\(company.lowercased().filter(\.isLetter))/\(1000 + g * 37 + i)",
                    location: location, remote: location == "Remote", salary: SalaryRange(minimum: 26_000 + (i % 4) * 2000, maximum: 32_000 + (i % 4) * 2000),
                    source: ApplicationSource.allCases[(g + i) % ApplicationSource.allCases.count],
                    nextAction: path.last!.0 == .offer ? "Answer the offer" : (path.last!.0.isOpen ? ["Follow up with the recruiter", "Prepare for the tech test", "Research the team", "Send a thank-you note"][i % 4] : ""),
                    nextActionDue: path.last!.0.isOpen ? today.adding(days: i % 5) : nil,
                    notes: i % 3 == 0 ? "Found through the bootcamp's job board. Team uses \(graduate.stacks.first ?? "TypeScript")." : "",
                    excitement: 1 + (g + i * 3) % 5)
                let application = ApplicationModel(userID: try graduate.requireID(), draft: draft, stage: path.last!.0)
                try await application.create(on: db)
                for (position, (stage, offset)) in path.enumerated() {
                    try await StageMoveModel(applicationID: application.requireID(), stage: stage, on: first.adding(days: offset), position: position).create(on: db)
                }
                if let interviewStep = path.first(where: { $0.0 == .interview }) {
                    let day = first.adding(days: interviewStep.1)
                    var calendar = Calendar(identifier: .gregorian)
                    calendar.timeZone = TimeZone(identifier: graduate.timeZone) ?? .gmt
                    let at = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 14))!
                    let interview = InterviewDraft(
                        kind: .technical, at: at, durationMinutes: 60, withWhom: "Two engineers from the platform team",
                        outcome: path.last!.0 == .offer ? .passed : .awaiting,
                        feedback: i % 2 == 0 ? "Good communication. Be more confident with SQL joins and write tests before refactoring." : "",
                        feedbackIsTechnical: i % 2 == 0)
                    try await InterviewModel(applicationID: application.requireID(), draft: interview).create(on: db)
                    // Who set the interview up: a contact to follow up with.
                    let recruiter = ContactDraft(name: ["Sam Reed", "Priti Shah", "Tom Okafor", "Lena Fischer"][i % 4], role: "Talent partner",
                                                 email: "talent@\(company.lowercased().filter(\.isLetter)).example.com", profileURL: "")
                    try await ContactModel(applicationID: application.requireID(), draft: recruiter).create(on: db)
                }
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore

/// Coaching in the demo: submissions in every state of their review, in both coaches' queues.
enum DemoCoaching {
    /// Priya coaches the first half of `graduates`, Tom the second (as `DemoBootcamp` assigns them).
    static func seed(graduates: [UserModel], coaches: (priya: UserModel, tom: UserModel), on db: any Database, now: Date) async throws {
        let analysis = "Referrals answered far more often than job boards (4 of 9 against 1 of 23), so I will ask for two introductions a week."
        // (graduate, kind, title, days ago sent, what happened since)
        enum Then { case waits, approved, changesAsked(comment: String, resubmitted: String?) }
        let plan: [(Int, SubmissionKind, String, Int, Then)] = [
            (0, .jobSearchAnalysis, "Job search analysis, week 4", 6, .approved),
            (3, .jobSearchAnalysis, "Job search analysis, week 4", 5,
             .changesAsked(comment: "Good start. Add what you will stop doing, and the numbers behind \"job boards don't work\".",
                           resubmitted: analysis + " I will stop applying to listings older than two weeks.")),
            (1, .applicationMaterial, "CV for back-end roles", 1, .waits),
            (6, .jobSearchAnalysis, "Job search analysis, week 4", 2, .waits),
            (9, .jobSearchAnalysis, "What three weeks of applications taught me", 4, .approved),
        ]
        for (g, kind, title, daysAgo, then) in plan where g < graduates.count {
            let graduate = graduates[g]
            let coach = g < 6 ? coaches.priya : coaches.tom
            let sent = now.addingTimeInterval(-Double(daysAgo) * 86_400)
            let submission = try await ReviewUseCases(db: db, now: sent).submit(
                SubmissionDraft(kind: kind, title: title, body: kind == .jobSearchAnalysis ? analysis : "", link: kind == .jobSearchAnalysis ? nil : "https://example.com/cv.pdf"),
                for: graduate)
            let id = try submission.requireIDString
            let reviewed = ReviewUseCases(db: db, now: sent.addingTimeInterval(20 * 3600))
            switch then {
            case .waits:
                break
            case .approved:
                try await reviewed.review(id, ReviewDraft(verdict: .approved, comment: "Clear and honest. Keep the introductions going."), by: coach)
            case .changesAsked(let comment, let resubmitted):
                try await reviewed.review(id, ReviewDraft(verdict: .changesRequested, comment: comment), by: coach)
                if let resubmitted {
                    try await ReviewUseCases(db: db, now: now.addingTimeInterval(-3 * 3600))
                        .resubmit(id, title: title, body: resubmitted, link: "", by: graduate)
                }
            }
        }
    }
}

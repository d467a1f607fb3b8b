import Fluent
import Foundation
import OnwardCore

/// What Evidence publishes for other capabilities (`EvidenceReads`): the figures a week-4 job
/// search analysis opens with, put together from the job search's published read, the cohort,
/// the signals' history and the feedback with what was done about it.
struct PublishedEvidence: EvidenceReads {
    /// The signals of the analysis: the latest raised, at most this many.
    static let signalsListed = 20

    func jobSearchAnalysis(of graduate: UserModel, on db: any Database, now: Date) async throws -> JobSearchAnalysis {
        let id = try graduate.requireID()
        let zone = TimeZone(identifier: graduate.timeZone) ?? .gmt
        // The others of the cohort: the medians are theirs, never the graduate's own.
        var others: [UUID] = []
        if let cohortID = graduate.$cohort.id {
            others = try await UserModel.query(on: db).filter(\.$cohort.$id == cohortID).filter(\.$role == .graduate).filter(\.$id != id).all(\.$id)
        }
        let applications = try await Capabilities.reads.jobSearch.analysedApplications(of: [id] + others, on: db)
        let signals = try await SignalUseCases(db: db, now: now).history(of: id, limit: Self.signalsListed)
        let feedback = try await FeedbackUseCases(db: db, now: now).feedback(of: id)
        return JobSearchAnalysis(
            applications: applications[id] ?? [],
            cohort: others.map { applications[$0] ?? [] },
            signals: signals.reversed().compactMap { record in
                guard let kind = SignalKind(rawValue: record.signal) else { return nil }
                return AnalysedSignal(title: kind.title, reason: record.reason, raised: LocalDate(record.raisedAt, in: zone),
                                      cleared: record.clearedAt.map { LocalDate($0, in: zone) })
            },
            feedback: feedback.map { item in
                let first = item.actions.first
                let done = first.map { FeedbackItemText.excerpt($0.note.isEmpty ? $0.kind.title : $0.kind.title + ": " + $0.note) }
                    ?? (item.given.doneThere ? "Marked done where it was given" : nil)
                return AnalysedFeedback(source: item.given.source, given: item.given.given, done: done, doneOn: first.flatMap { LocalDate(iso: $0.day) })
            },
            asOf: graduate.today(at: now))
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// The shared candidates ranked, kept in memory between partners' views: ranking a thousand
/// profiles reads every candidate's commits, projects, feedback and scores (about 130 ms), and
/// partners read the same list again and again.
///
/// What was kept is used only while the database says nothing it was made from has changed: the
/// `fingerprint` reads, in one statement, how many profiles there are and the sum of their
/// holders' kept-line generations, which a trigger moves on every write to what a profile shows
/// (commits, projects, feedback and what was done, mock interviews, reviews, learning plans, the
/// profile itself, the recommendation, the name and stacks). The fingerprint is read before the
/// list is worked out, so a write landing meanwhile leaves a list kept under the older
/// fingerprint, which the next view does not use. Each instance keeps its own.
final class CandidateMemo: Sendable {
    /// Lists kept at once, one a day and target: partners in a few time zones.
    static let capacity = 8

    private let kept = KeptWhileUnchanged<[ShortlistUseCases.Candidate]>(capacity: capacity)

    /// What the ranked list of `today` and `target` is made from now, in one statement. (The sum
    /// is cast: PostgreSQL sums a bigint column as numeric.)
    static func fingerprint(on db: any Database) async throws -> String {
        let row = try await (db as! any SQLDatabase).raw("""
            SELECT COUNT(*) AS profiles, CAST(COALESCE(SUM(d.generation), 0) AS BIGINT) AS generations
            FROM \(ident: CandidateProfileModel.schema) p LEFT JOIN \(ident: KeptDashboardRows.table) d ON d.user_id = p.user_id
            """).first()
        guard let row else { return "" }
        return "\(try row.decode(column: "profiles", as: Int.self)) \(try row.decode(column: "generations", as: Int.self))"
    }

    /// The list kept for `today` and `target` if nothing it was made from has changed; otherwise
    /// `work` makes it, and it is kept.
    func candidates(today: LocalDate, target: Int, on db: any Database,
                    work: () async throws -> [ShortlistUseCases.Candidate]) async throws -> [ShortlistUseCases.Candidate] {
        let key = today.iso + " " + String(target)
        return try await kept.value(for: key, fingerprint: try await Self.fingerprint(on: db), work: work)
    }
}

extension Application {
    private struct CandidateMemoKey: StorageKey, LockKey {
        typealias Value = CandidateMemo
    }

    /// This instance's kept list of shared candidates.
    var candidateMemo: CandidateMemo {
        locks.lock(for: CandidateMemoKey.self).withLock {
            if let memo = storage[CandidateMemoKey.self] { return memo }
            let memo = CandidateMemo()
            storage[CandidateMemoKey.self] = memo
            return memo
        }
    }
}

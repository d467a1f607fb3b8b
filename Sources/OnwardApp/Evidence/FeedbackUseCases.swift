import Fluent
import Foundation
import OnwardCore
import Vapor

/// Technical feedback a graduate was given (an interview's, a mock interview's, a review's, a
/// learning plan's, read through their capabilities' published reads) with what they did about
/// each piece; a piece with nothing done for three weeks is open.
struct FeedbackUseCases: UseCases {
    let db: any Database
    let now: Date

    struct Item {
        let given: FeedbackGiven
        let actions: [FeedbackActionModel]
        /// Nothing done about it, here or where it was given.
        var isOpen: Bool { actions.isEmpty && !given.doneThere }
    }

    /// The feedback given to each of `userIDs`, from every capability that gives some: four queries.
    func given(to userIDs: [UUID]) async throws -> [UUID: [FeedbackGiven]] {
        let reads = Capabilities.reads
        var result: [UUID: [FeedbackGiven]] = [:]
        for part in [try await reads.jobSearch.technicalFeedback(to: userIDs, on: db), try await reads.practice.technicalFeedback(to: userIDs, on: db),
                     try await reads.coaching.technicalFeedback(to: userIDs, on: db)] {
            result.merge(part) { $0 + $1 }
        }
        return result
    }

    /// `userID`'s feedback with what was done about each, the latest given first.
    func feedback(of userID: UUID) async throws -> [Item] {
        try await items(of: [userID])[userID] ?? []
    }

    /// The feedback of each of `userIDs` with its actions: five queries however many.
    func items(of userIDs: [UUID]) async throws -> [UUID: [Item]] {
        guard !userIDs.isEmpty else { return [:] }
        let given = try await given(to: userIDs)
        let actions = try await FeedbackActionModel.query(on: db).filter(\.$user.$id ~~ userIDs).sort(\.$day).all()
        var byKey: [String: [FeedbackActionModel]] = [:]
        for action in actions { byKey[action.$user.id.uuidString + " " + action.feedbackKey, default: []].append(action) }
        var result: [UUID: [Item]] = [:]
        for (who, pieces) in given {
            result[who] = pieces.map { Item(given: $0, actions: byKey[who.uuidString + " " + $0.key] ?? []) }
                .sorted { ($0.given.given, $0.given.key) > ($1.given.given, $1.given.key) }
        }
        return result
    }

    /// Records what `user` did about their feedback named `key`: refused (on the field) when no
    /// such feedback was given to them.
    func record(_ draft: (LocalDate) throws -> FeedbackActionDraft, about key: String, for user: UserModel) async throws -> FeedbackActionModel {
        guard let piece = try await feedback(of: user.requireID()).first(where: { $0.given.key == key }) else {
            throw Refusal.notFound("Choose a piece of feedback you were given.", field: "feedback_key")
        }
        let action = FeedbackActionModel(userID: try user.requireID(), feedbackKey: key, draft: try draft(piece.given.given))
        try await action.create(on: db)
        return action
    }

    /// `rawID` as an action of `user`'s: not found for anyone else's.
    func writableAction(_ rawID: String?, for user: UserModel) async throws -> FeedbackActionModel {
        guard let id = rawID.flatMap(UUID.init(uuidString:)), let action = try await FeedbackActionModel.find(id, on: db), action.$user.id == user.id else {
            throw Refusal.notFound()
        }
        return action
    }
}

/// How a piece of feedback is named in a sentence: its first line, cut short.
enum FeedbackItemText {
    static let longest = 80

    /// Where a piece of feedback came from, in general words, read from its key's prefix.
    static func kind(ofKey key: String) -> String {
        switch key.prefix(while: { $0 != ":" }) {
        case "interview": "Feedback from a job interview"
        case "mock": "Feedback from a mock interview"
        case "review": "A coach's review"
        case "recommendation": "A learning plan recommendation"
        default: "Technical feedback"
        }
    }

    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > longest ? String(line.prefix(longest - 1)) + "…" : line
    }
}

/// Where an application stands.
public enum Stage: String, CaseIterable, Codable, Sendable, Comparable {
    case wishlist
    case applied
    case screening
    case techTest = "tech_test"
    case interview
    case offer
    case accepted
    case rejected
    case withdrawn

    public var title: String {
        switch self {
        case .wishlist: "Wishlist"
        case .applied: "Applied"
        case .screening: "Screening"
        case .techTest: "Tech test"
        case .interview: "Interview"
        case .offer: "Offer"
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .withdrawn: "Withdrawn"
        }
    }

    /// Still in play: not accepted, rejected or withdrawn.
    public var isOpen: Bool { !Stage.closed.contains(self) }

    public static let closed: Set<Stage> = [.accepted, .rejected, .withdrawn]

    /// The pipeline, in order. Rejected and withdrawn sit outside it.
    public static let pipeline: [Stage] = [.wishlist, .applied, .screening, .techTest, .interview, .offer, .accepted]

    /// Whether an application at this stage has been sent to the employer.
    public var isSubmitted: Bool { self != .wishlist }

    /// Parses a stage as people write it in a tracker ("Tech Test", "tech-test", "Interviewing").
    public init?(loose text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "wishlist", "saved", "bookmarked", "interested", "wishlisted", "towishlist": self = .wishlist
        case "applied", "applying", "submitted", "application", "applicationsubmitted": self = .applied
        case "screening", "phonescreen", "screen", "recruiterscreen", "responded": self = .screening
        case "techtest", "technicaltest", "takehome", "assessment", "codingtest", "challenge": self = .techTest
        case "interview", "interviewing", "interviews", "onsite", "finalinterview": self = .interview
        case "offer", "offered", "offerreceived", "negotiating": self = .offer
        case "accepted", "hired", "acceptedoffer", "offeraccepted", "signed": self = .accepted
        case "rejected", "rejection", "declinedbyemployer", "unsuccessful", "notselected": self = .rejected
        case "withdrawn", "withdrew", "archived", "ghosted", "declined", "notinterested": self = .withdrawn
        default: return nil
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        let order = Stage.allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// The one table of allowed moves between stages.
///
/// - Forward along the pipeline, skipping stages if the employer did (applied → interview), up to
///   an offer; an offer, and only an offer, can be accepted.
/// - From any open stage to rejected or withdrawn.
/// - Never backwards, never out of accepted, rejected or withdrawn, never to the same stage.
public enum StageMoves {
    public static let allowed: [Stage: Set<Stage>] = {
        var table: [Stage: Set<Stage>] = [:]
        for stage in Stage.allCases {
            guard stage.isOpen else { table[stage] = []; continue }
            var targets: Set<Stage> = [.rejected, .withdrawn]
            let index = Stage.pipeline.firstIndex(of: stage)!
            for later in Stage.pipeline[(index + 1)...] where later != .accepted {
                targets.insert(later)
            }
            if stage == .offer { targets.insert(.accepted) }
            table[stage] = targets
        }
        return table
    }()

    public static func canMove(from: Stage, to: Stage) -> Bool {
        allowed[from, default: []].contains(to)
    }

    /// The stages an application at `stage` can move to, in pipeline order.
    public static func targets(from stage: Stage) -> [Stage] {
        Stage.allCases.filter { canMove(from: stage, to: $0) }
    }

    /// The stages a plain move form offers from `stage`: every allowed move but accepting, which
    /// records the new job and so has a form of its own.
    public static func formTargets(from stage: Stage) -> [Stage] {
        targets(from: stage).filter { $0 != .accepted }
    }

    /// A move from `stage` to `target` as a person says it on a form: a move that closes the
    /// application in their own words ("I declined the offer"), any other by the stage's name.
    public static func say(_ target: Stage, from stage: Stage) -> String {
        switch (target, stage) {
        case (.rejected, .offer): "They withdrew the offer"
        case (.rejected, _): "They turned me down"
        case (.withdrawn, .offer): "I declined the offer"
        case (.withdrawn, _): "I withdrew"
        default: target.title
        }
    }

    /// Whether a move to `target` closes the application (nothing moves it again), and so is
    /// confirmed before it is made.
    public static func closes(_ target: Stage) -> Bool {
        !target.isOpen
    }

    /// The move forms' choices, worked out once per stage (a board prints one per card).
    public static let formTargetsByStage: [Stage: [Stage]] = Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, formTargets(from: $0)) })
}

public enum StageError: Error, Equatable, Sendable {
    case cannotMove(from: Stage, to: Stage)
    case dateInFuture(LocalDate)
    case dateBeforePreviousMove(LocalDate)

    public var message: String {
        switch self {
        case .cannotMove(let from, let to):
            "An application cannot move from \(from.title.lowercased()) to \(to.title.lowercased())."
        case .dateInFuture:
            "The date of a move cannot be in the future."
        case .dateBeforePreviousMove(let previous):
            "The date cannot be before the previous move, on \(previous.iso)."
        }
    }
}

/// Checks one move: allowed by the table, dated today or earlier, and not before the last move.
public func checkMove(from: Stage, to: Stage, on date: LocalDate, previousMove: LocalDate?, today: LocalDate) throws(StageError) {
    guard StageMoves.canMove(from: from, to: to) else { throw .cannotMove(from: from, to: to) }
    guard date <= today else { throw .dateInFuture(date) }
    if let previousMove, date < previousMove { throw .dateBeforePreviousMove(previousMove) }
}

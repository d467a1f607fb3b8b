import LeafKit
import OnwardCore

/// `#moveOptions(stage)`: the `<option>`s of a board card's move form, the stages an application
/// can move to from `stage` (accepting an offer asks for the placement, on the application's page).
///
/// The options are the same for every card of a column. Printed by a nested `#for`, they were the
/// largest part of the board's time: Leaf copies its context for every iteration, and a board has
/// 150 cards with a form. So each stage's options are written once, from `StageMoves`, with every
/// value and label escaped as Leaf escapes them; the tag prints nothing else, and nothing a user typed.
struct MoveOptionsTag: UnsafeUnescapedLeafTag {
    static let name = "moveOptions"

    static func targets(from stage: Stage) -> [Stage] {
        StageMoves.targets(from: stage).filter { $0 != .accepted }
    }

    private static let options: [String: String] = Dictionary(uniqueKeysWithValues: Stage.allCases.map { stage in
        (stage.rawValue, targets(from: stage).map { "<option value=\"\($0.rawValue.htmlEscaped())\">\($0.title.htmlEscaped())</option>" }.joined())
    })

    func render(_ ctx: LeafContext) throws -> LeafData {
        try ctx.requireParameterCount(1)
        guard let key = ctx.parameters[0].string, let options = Self.options[key] else {
            throw LeafError(.unknownError("#moveOptions(stage): expected a stage, got \(ctx.parameters[0])"))
        }
        return .string(options)
    }
}

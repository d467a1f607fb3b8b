import Foundation
import OnwardCore

/// The board: a column per stage, the most exciting applications first, each card with a form
/// to move it on (for the graduate).
struct BoardPage: PageView {
    struct Card {
        let id: String
        let company: String
        let roleTitle: String
        /// "Next: call Sam by Tue 1 Dec", or nil when there is none.
        let next: String?

        init(_ card: JobSearch.Board.Card) {
            id = card.id
            company = card.company
            roleTitle = card.roleTitle
            next = card.nextAction.isEmpty ? nil : "Next: " + card.nextAction + (card.nextActionDue.map { " by " + Formats.day(iso: $0) } ?? "")
        }
    }

    struct Column {
        let stage: Stage
        let count: Int
        let cards: [Card]
        /// Whether a card here has a move form (its options: `moveOptions`).
        let canMove: Bool
    }

    let heading: SearchHeading
    let columns: [Column]

    /// A column shows this many cards; the rest are a link away, in the list.
    static let cardsPerColumn = 25

    init(heading: SearchHeading, board: JobSearch.Board) {
        self.heading = heading
        columns = Stage.allCases.map { stage in
            Column(
                stage: stage, count: board.counts[stage] ?? 0, cards: (board.cards[stage] ?? []).map(Card.init),
                canMove: heading.canWrite && !(StageMoves.formTargetsByStage[stage] ?? []).isEmpty)
        }
    }

    var title: String { heading.title("Board", "board") }

    func content(_ h: HTML) {
        h.h1(title)
        heading.actions(h, otherView: ("List view", heading.listURL))
        if columns.allSatisfy({ $0.count == 0 }) {
            h.p("Nothing on the board yet." + (heading.canWrite ? " Add the jobs you have applied for, and the ones you want to." : ""), .class("empty"))
        }
        h.div(.class("board"), .role("list")) {
            for column in columns { render(column, h) }
        }
    }

    private func render(_ column: Column, _ h: HTML) {
        let key = column.stage.rawValue
        // A `div`: a `section` may not be a list item (the Nu checker refuses the role on it).
        h.div(.class("column column-" + key), .data(.dataStage, key), .role("listitem"), .ariaLabelledBy("col-" + key)) {
            h.h2(.id("col-" + key)) {
                h.text(column.stage.title + " ")
                h.span(String(column.count), .class("count"))
            }
            h.ul(.class("plain")) {
                for card in column.cards {
                    h.li(.class("board-card")) {
                        h.a(card.company, .href(Href(SiteURL.jobSearch(.application(id: card.id)))), .class("card-title"))
                        h.p(card.roleTitle, .class("card-role"))
                        if let next = card.next { h.p(next, .class("hint")) }
                        if column.canMove { moveForm(card, column.stage, h) }
                    }
                }
            }
            let more = column.count - column.cards.count
            if more > 0 {
                h.p(.class("more")) { h.a("\(more) more in the list", .href(heading.list(query: "stage=" + key))) }
            }
        }
    }

    private func moveForm(_ card: Card, _ stage: Stage, _ h: HTML) {
        h.postForm(Href(SiteURL.jobSearch(.move(id: card.id))), .class("move-form")) {
            h.select(.name("stage"), .ariaLabel("Move " + card.company + " to")) {
                if let options = Self.moveOptions[stage] { h.insert(options) }
            }
            h.button("Move", .type("submit"), .class("button small"))
        }
    }

    /// Each stage's move options, written once: every card of a column has the same.
    static let moveOptions: [Stage: HTMLFragment] = Dictionary(uniqueKeysWithValues: Stage.allCases.map { stage in
        (stage, HTML.fragment { h in
            h.option(SelectOption.moveTo, .value(""))
            h.options(SelectOption.moves(from: stage))
        })
    })
}

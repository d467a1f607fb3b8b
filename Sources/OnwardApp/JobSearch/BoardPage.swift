import Foundation
import OnwardCore

/// The board: a column per stage, the most exciting applications first, each card with a form
/// to move it on (for the graduate). The closed stages are folded to their count, which opens;
/// next actions due today or overdue are marked.
struct BoardPage: PageView {
    struct Card {
        /// Whether a card's next action is due today or overdue, by the graduate's calendar.
        enum Due: String {
            case today = "due-today"
            case overdue
        }
        let id: String
        let company: String
        let roleTitle: String
        /// "Next: call Sam by Tue 1 Dec", or nil when there is none.
        let next: String?
        let due: Due?

        init(id: String, company: String, roleTitle: String, next: String?, due: Due?) {
            self.id = id
            self.company = company
            self.roleTitle = roleTitle
            self.next = next
            self.due = due
        }

        /// A closed application's next action is no longer due.
        init(_ card: JobSearch.Board.Card, today: LocalDate) {
            let dueDay = card.nextActionDue.flatMap(LocalDate.init(iso:))
            let due: Due? = card.nextAction.isEmpty || !card.stage.isOpen ? nil : dueDay.flatMap { $0 == today ? .today : ($0 < today ? .overdue : nil) }
            let when: String = switch due {
            case .today: " — due today"
            case .overdue: " — overdue, due " + Formats.day(iso: card.nextActionDue!)
            case nil: card.nextActionDue.map { " by " + Formats.day(iso: $0) } ?? ""
            }
            self.init(id: card.id, company: card.company, roleTitle: card.roleTitle,
                      next: card.nextAction.isEmpty ? nil : "Next: " + card.nextAction + when, due: due)
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
    /// A closed stage shown open (the one a card was just moved to).
    let open: Stage?

    /// A column shows this many cards; the rest are a link away, in the list.
    static let cardsPerColumn = 25

    init(heading: SearchHeading, columns: [Column], open: Stage?) {
        self.heading = heading
        self.columns = columns
        self.open = open
    }

    /// `today` is the graduate's, to mark what is due.
    init(heading: SearchHeading, board: JobSearch.Board, today: LocalDate, open: Stage? = nil) {
        self.init(heading: heading, columns: Stage.allCases.map { stage in
            Column(
                stage: stage, count: board.counts[stage] ?? 0, cards: (board.cards[stage] ?? []).map { Card($0, today: today) },
                canMove: heading.canWrite && !(StageMoves.formTargetsByStage[stage] ?? []).isEmpty)
        }, open: open)
    }

    var title: String { heading.title("Board", "board") }

    func content(_ h: HTML) {
        h.h1(title)
        heading.actions(h, otherView: ("List view", heading.listURL))
        if columns.allSatisfy({ $0.count == 0 }) {
            h.p("Nothing on the board yet." + (heading.canWrite ? " Add the jobs you have applied for, and the ones you want to." : ""), .class("empty"))
        }
        h.div(.class("board"), .role("list")) {
            for column in columns where column.stage.isOpen { render(column, h) }
            // The closed stages, folded, share one column: the open ones get the width.
            h.div(.class("closed-stages"), .role("listitem"), .ariaLabel("Closed")) {
                h.div(.role("list")) {
                    for column in columns where !column.stage.isOpen { render(column, h) }
                }
            }
        }
    }

    private func render(_ column: Column, _ h: HTML) {
        let key = column.stage.rawValue
        let closed = !column.stage.isOpen
        // A `div`: a `section` may not be a list item (the Nu checker refuses the role on it).
        h.div(.class("column column-" + key + (closed ? " column-closed" : "")), .data(.dataStage, key), .role("listitem"), .ariaLabelledBy("col-" + key)) {
            if closed {
                // Folded to its count: what is over takes no room until it is asked for.
                h.details(.flag(.open, open == column.stage)) {
                    h.summary { columnHeading(column, h) }
                    cards(column, h)
                }
            } else {
                columnHeading(column, h)
                cards(column, h)
            }
        }
    }

    private func columnHeading(_ column: Column, _ h: HTML) {
        h.h2(.id("col-" + column.stage.rawValue)) {
            h.text(column.stage.title + " ")
            h.span(String(column.count), .class("count"))
        }
    }

    private func cards(_ column: Column, _ h: HTML) {
        h.ul(.class("plain")) {
            for card in column.cards {
                h.li(.class(card.due.map { "board-card " + $0.rawValue } ?? "board-card"), .id("card-" + card.id)) {
                    h.a(card.company, .href(Href(SiteURL.jobSearch(.application(id: card.id)))), .class("card-title"))
                    h.p(card.roleTitle, .class("card-role"))
                    if let next = card.next { h.p(next, .class(card.due == nil ? "hint" : "hint due")) }
                    if column.canMove { moveForm(card, column.stage, h) }
                }
            }
        }
        let more = column.count - column.cards.count
        if more > 0 {
            h.p(.class("more")) { h.a("\(more) more in the list", .href(heading.list(query: "stage=" + column.stage.rawValue))) }
        }
    }

    private func moveForm(_ card: Card, _ stage: Stage, _ h: HTML) {
        h.postForm(Href(SiteURL.jobSearch(.move(id: card.id))), .class("move-form")) {
            h.input(.type("hidden"), .name("from"), .value("board"))
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

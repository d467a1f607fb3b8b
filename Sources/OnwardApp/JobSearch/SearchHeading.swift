import OnwardCore

/// Whose search a list or board shows, and the links at its top: the graduate's own (with the
/// actions that change it), or a graduate's as their coach sees it.
struct SearchHeading {
    let owner: String
    let isOwn: Bool
    /// The list of this search's applications, and its board.
    let listPage: SiteURL
    let boardPage: SiteURL
    var listURL: Href { Href(listPage) }
    var boardURL: Href { Href(boardPage) }
    /// Whether the viewer may change this search (only its graduate may: `Access.canWriteJobSearch`).
    let canWrite: Bool

    init(owner: String, ownerID: String, isOwn: Bool, canWrite: Bool) {
        self.owner = owner
        self.isOwn = isOwn
        self.canWrite = canWrite
        listPage = isOwn ? .jobSearch(.list) : .jobSearch(.personList(id: ownerID))
        boardPage = isOwn ? .jobSearch(.board) : .jobSearch(.personBoard(id: ownerID))
    }

    /// The list with `query` (percent-encoded), filtered or paged.
    func list(query: String) -> Href {
        Href(listPage, query: query)
    }

    /// "Board", or "Sam's board".
    func title(_ own: String, _ other: String) -> String {
        isOwn ? own : owner + "'s " + other
    }

    /// The actions above the list or the board, with a link to the other view.
    func actions(_ h: HTML, otherView: (label: String, url: Href)) {
        h.div(.class("actions")) {
            if canWrite {
                h.a("Add an application", .class("button primary"), .href(Href(SiteURL.jobSearch(.new))))
                h.a("Import from CSV", .class("button"), .href(Href(SiteURL.jobSearch(.importCSV))))
            }
            if isOwn { h.a("Download as CSV", .class("button"), .href(Href(SiteURL.jobSearch(.exportCSV)))) }
            h.a(otherView.label, .class("button"), .href(otherView.url))
        }
    }
}

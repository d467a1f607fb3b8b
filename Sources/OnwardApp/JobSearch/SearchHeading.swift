import OnwardCore

/// Whose search a list or board shows, and the links at its top: the graduate's own (with the
/// actions that change it), or a graduate's as their coach sees it.
struct SearchHeading {
    let owner: String
    let isOwn: Bool
    let listURL: String
    let boardURL: String
    /// Whether the viewer may change this search (only its graduate may: `Access.canWriteJobSearch`).
    let canWrite: Bool

    init(owner: String, ownerID: String, isOwn: Bool, canWrite: Bool) {
        self.owner = owner
        self.isOwn = isOwn
        self.canWrite = canWrite
        listURL = isOwn ? SiteURL.jobSearch(.list).path : SiteURL.jobSearch(.personList(id: ownerID)).path
        boardURL = isOwn ? SiteURL.jobSearch(.board).path : SiteURL.jobSearch(.personBoard(id: ownerID)).path
    }

    /// "Board", or "Sam's board".
    func title(_ own: String, _ other: String) -> String {
        isOwn ? own : owner + "'s " + other
    }

    /// The actions above the list or the board, with a link to the other view.
    func actions(_ h: HTML, otherView: (label: String, url: String)) {
        h.div(.class("actions")) {
            if canWrite {
                h.a("Add an application", .class("button primary"), .href(SiteURL.jobSearch(.new).path))
                h.a("Import from CSV", .class("button"), .href(SiteURL.jobSearch(.importCSV).path))
            }
            if isOwn { h.a("Download as CSV", .class("button"), .href(SiteURL.jobSearch(.exportCSV).path)) }
            h.a(otherView.label, .class("button"), .href(otherView.url))
        }
    }
}

import Foundation

/// An "Edit" link and a "Delete" button that asks first, under a record the viewer may change.
struct EditOrDelete {
    let edit: Href
    let delete: Href
    let confirm: String
    /// What is edited, for a screen reader ("Edit Technical interview").
    let what: String

    func render(_ h: HTML) {
        h.div(.class("actions")) {
            h.a(.class("button small"), .href(edit)) {
                h.text("Edit")
                h.span(" " + what, .class("visually-hidden"))
            }
            h.postForm(delete, .data(.dataConfirm, confirm)) {
                h.button(.type("submit"), .class("button small danger")) {
                    h.text("Delete")
                    h.span(" " + what, .class("visually-hidden"))
                }
            }
        }
    }
}

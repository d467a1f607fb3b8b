import Foundation

extension HTML {
    /// A page of records: the list (or a line saying there is none yet), then a card with the
    /// form that adds one.
    func recordsPage(_ heading: String, lede: String, empty: String, isEmpty: Bool, formHeading: String, action: Href, submit: String,
                     errors: FormErrors, list: () -> Void, fields: () -> Void) {
        h1(heading)
        p(lede, .class("lede"))
        if isEmpty { p(empty, .class("empty")) } else { ul(.class("record-list"), content: list) }
        section(.class("card"), .ariaLabel(formHeading)) {
            h2(formHeading)
            errorSummary(errors)
            postForm(action, .class("form"), .flag(.novalidate)) {
                fields()
                button(submit, .type("submit"), .class("button primary"))
            }
        }
    }
}

import OnwardCore
import Vapor

/// What a form shows after a failed submit: each message next to its field, and a summary at the
/// top, with what was typed kept.
struct FormErrors {
    let byField: [String: String]
    let all: [FieldError]

    static let none = FormErrors(byField: [:], all: [])

    init(byField: [String: String], all: [FieldError]) {
        self.byField = byField
        self.all = all
    }

    init(_ errors: ValidationErrors) {
        var byField: [String: String] = [:]
        for error in errors.errors where byField[error.field] == nil {
            byField[error.field] = error.message
        }
        self.init(byField: byField, all: errors.errors)
    }

    init(_ error: AppError) {
        self.init(ValidationErrors([FieldError(field: error.field ?? "form", message: error.message)]))
    }

    init(_ refusal: Refusal) {
        self.init(ValidationErrors([FieldError(field: refusal.field ?? "form", message: refusal.message)]))
    }

    var isEmpty: Bool { all.isEmpty }

    subscript(field: String) -> String? { byField[field] }

    /// Whether any of `fields` has an error (to open the part of a page that holds them).
    func any(_ fields: String...) -> Bool { fields.contains { byField[$0] != nil } }
}

/// A choice in a select list.
struct SelectOption: Equatable {
    let value: String
    let label: String
    let selected: Bool
    /// A question the page asks before a form goes with this choice (a move that closes an
    /// application): its script asks it, and without the script the server does.
    let confirm: String?

    init(value: String, label: String, selected: Bool = false, confirm: String? = nil) {
        self.value = value
        self.label = label
        self.selected = selected
        self.confirm = confirm
    }
}

// MARK: Writing forms

extension HTML {
    /// `<form method="post">` carrying this page's CSRF token.
    func postForm(_ action: Href, _ attributes: Attribute..., content: () -> Void) {
        raw("<form method=\"post\"")
        write(.action(action))
        for attribute in attributes { write(attribute) }
        raw(">")
        csrfField()
        content()
        close("form")
    }

    /// The hidden field with this page's CSRF token.
    func csrfField() {
        insert(csrfInput)
    }

    /// "Please check the form", with a link to each field that has an error.
    /// The form's errors above it, each a link to its field; `idSuffix` is that of the form that
    /// erred, where several share a page.
    func errorSummary(_ errors: FormErrors, idSuffix: String = "") {
        guard !errors.isEmpty else { return }
        div(.class("error-summary"), .role("alert"), .attr(.tabindex, "-1"), .id("error-summary")) {
            h2("Please check the form")
            ul {
                for error in errors.all {
                    li { a(error.message, .href(.fragment("field-" + error.field + idSuffix))) }
                }
            }
        }
    }

    /// A labelled field: its hint and its error above the control, and the control (written by
    /// `control` with the attributes it is given first) tied to both for screen readers. In a
    /// one-line form (`inline`), the field is only marked: its message is in the summary above.
    /// Where several forms with the same fields share a page, `idSuffix` keeps their ids apart.
    func field(_ name: String, _ label: String, hint: String? = nil, errors: FormErrors, inline: Bool = false, idSuffix: String = "", control: ([Attribute]) -> Void) {
        let error = errors[name]
        let message = inline ? nil : error
        div(.class(error == nil ? "field" : "field has-error")) {
            // A control that labels itself (a checkbox inside its own label) gets no empty label
            // pointing at an id nothing has.
            if !label.isEmpty { self.label(label, .for("field-" + name + idSuffix)) }
            if let hint { p(hint, .class("hint"), .id(name + "-hint" + idSuffix)) }
            if let message { p(message, .class("field-error"), .id(name + "-error" + idSuffix)) }
            let described = [hint.map { _ in name + "-hint" + idSuffix }, message.map { _ in name + "-error" + idSuffix }].compactMap { $0 }
            control([
                .id("field-" + name + idSuffix), .name(name),
                .attr(.ariaInvalid, error == nil ? nil : "true"),
                .ariaDescribedBy(described.isEmpty ? nil : described.joined(separator: " ")),
            ])
        }
    }

    /// A labelled `<input>`.
    func inputField(_ name: String, _ label: String, type: StaticString = "text", value: String?, hint: String? = nil, errors: FormErrors, inline: Bool = false, _ attributes: Attribute...) {
        field(name, label, hint: hint, errors: errors, inline: inline) { wiring in
            open("input", wiring + [.type(type)] + attributes + [.value(value)])
        }
    }

    /// A labelled `<select>`, with a first blank choice when `blank` names one.
    func selectField(_ name: String, _ label: String, options: [SelectOption], blank: String? = nil, hint: String? = nil, errors: FormErrors, inline: Bool = false,
                     idSuffix: String = "") {
        field(name, label, hint: hint, errors: errors, inline: inline, idSuffix: idSuffix) { wiring in
            element("select", wiring) {
                if let blank { option(blank, .value("")) }
                self.options(options)
            }
        }
    }

    /// A labelled `<textarea>`.
    func textAreaField(_ name: String, _ label: String, value: String?, rows: Int = 5, hint: String? = nil, errors: FormErrors, idSuffix: String = "") {
        field(name, label, hint: hint, errors: errors, idSuffix: idSuffix) { wiring in
            textarea(value ?? "", wiring + [.attr(.rows, String(rows))])
        }
    }

    func options(_ options: [SelectOption]) {
        for choice in options {
            option(choice.label, .value(choice.value), .flag(.selected, choice.selected), .attr(.dataConfirm, choice.confirm))
        }
    }

    /// A value to copy (a new token, an invitation link): read-only, with a Copy button.
    func copyRow(id: String, label: String, value: String) {
        div(.class("copy-row")) {
            input(.id(id), .type("text"), .ariaLabel(label), .flag(.readonly), .value(value), .class("mono"))
            button("Copy", .type("button"), .class("button"), .data(.dataCopy, id))
        }
    }

    /// A radio button with its label around it.
    func radio(_ name: String, value: String, label: String, checked: Bool) {
        self.label {
            input(.type("radio"), .name(name), .value(value), .flag(.checked, checked))
            text(" " + label)
        }
    }
}

import Foundation
import OnwardCore

/// One's API tokens: the list, a form for a new one, and a new token shown once.
struct TokensPage: PageView {
    struct Token {
        let name: String
        let prefix: String
        let created: String
        let lastUsed: String?
        /// When it stops working ("never" for one that works until revoked).
        let expires: String
        let revokeAction: Href
    }
    let tokens: [Token]
    /// A token just made: shown on this page only, never again.
    let newToken: String?
    var form = TokenForm()
    let errors: FormErrors

    var title: String { "API tokens" }

    func content(_ h: HTML) {
        h.h1("API tokens")
        h.p(.class("lead")) {
            h.text("A token lets a script read and change your Onward data through the ")
            h.a("JSON API", .href(Href(SiteURL.openAPIDocument)))
            h.text(", as you. Send it as ")
            h.code("Authorization: Bearer <token>")
            h.text(". A token works for 90 days unless you choose otherwise, and only here, signed in, are tokens made.")
        }
        if let newToken {
            h.div(.class("callout"), .role("status")) {
                h.h2("Your new token")
                h.p("Copy it now: Onward keeps only a fingerprint of it and cannot show it again.")
                h.copyRow(id: "new-token", label: "New token", value: newToken)
            }
        }
        h.errorSummary(errors)
        h.postForm(Href(SiteURL.accounts(.tokens)), .class("form inline-form"), .flag(.novalidate)) {
            h.inputField("name", "Token name", value: form.name, hint: "Where you will use it, such as “my laptop”.", errors: errors)
            let chosen = form.expires.flatMap(TokenLifetime.init(rawValue:)) ?? .standard
            h.selectField("expires", "Works for", options: TokenLifetime.allCases.map { SelectOption(value: $0.rawValue, label: $0.title, selected: $0 == chosen) }, errors: errors)
            h.button("Create token", .type("submit"), .class("button primary"))
        }
        h.h2("Your tokens")
        guard !tokens.isEmpty else {
            h.p("You have no tokens.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead {
                    h.tr {
                        h.th("Name"); h.th("Starts with"); h.th("Created"); h.th("Last used"); h.th("Works until")
                        h.th(.attr(.scope, "col")) { h.span("Actions", .class("visually-hidden")) }
                    }
                }
                h.tbody {
                    for token in tokens {
                        h.tr {
                            h.td(token.name)
                            h.td(token.prefix + "…", .class("mono"))
                            h.td(token.created)
                            h.td(token.lastUsed ?? "never")
                            h.td(token.expires)
                            h.td {
                                h.postForm(token.revokeAction, .data(.dataConfirm, "Revoke this token? Anything using it stops working.")) {
                                    h.button(.type("submit"), .class("button danger small")) {
                                        h.text("Revoke")
                                        h.span(" " + token.name, .class("visually-hidden"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension TokensPage {
    /// `viewer`'s tokens at `now`, with when each was made, last used and ends (or ended).
    init(tokens: [APITokenModel], viewer: UserModel, now: Date, newToken: String?, form: TokenForm = .init(), errors: FormErrors) {
        let zone = viewer.timeZone
        self.init(tokens: tokens.map {
            Token(name: $0.name, prefix: $0.prefix, created: $0.createdAt.map { Formats.dayAndTime($0, zone: zone) } ?? "",
                  lastUsed: $0.lastUsedAt.map { Formats.dayAndTime($0, zone: zone) },
                  expires: $0.expiresAt.map { (TokenLifetime.works(expiresAt: $0, now: now) ? "" : "expired ") + Formats.dayAndTime($0, zone: zone) } ?? "never",
                  revokeAction: Href(SiteURL.accounts(.revokeToken(id: $0.requireIDString))))
        }, newToken: newToken, form: form, errors: errors)
    }
}

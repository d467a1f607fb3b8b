import Foundation
import OnwardCore

/// One's data: download everything as one JSON file (and other files of theirs), and delete
/// one's account after typing one's email again.
struct YourDataPage: PageView {
    let downloads: [(label: String, url: SiteURL)]
    /// The export's lists, by name.
    let lists: [String]
    let role: Role
    let errors: FormErrors

    var title: String { "Your data" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Your data")
            h.p("What you write in Onward is yours: take it out whenever you like, and leave when you want to.", .class("lead"))
            h.h2("Download everything")
            h.p("One JSON file with everything Onward keeps of yours: \(Self.summary(for: role)) Its shape is documented, so another tool can read it. It never holds a password, an API token or your calendar feed's address.")
            h.div(.class("button-row")) {
                h.a("Download my data (JSON)", .href(Href(SiteURL.integrations(.exportData))), .class("button primary"), .attr(.download, ""))
                for download in downloads {
                    h.a(download.label, .href(Href(download.url)), .class("button"))
                }
            }
            h.details {
                h.summary("The \(lists.count) lists it holds")
                h.p(lists.joined(separator: ", "), .class("hint"))
            }
            h.h2("Delete your account")
            h.section(.class("card danger-zone"), .ariaLabel("Delete your account")) {
                h.p("Deleting your account cannot be undone. At once:")
                h.ul {
                    h.li("Everything that is yours goes: \(Self.summary(for: role))")
                    h.li("Where you took part in someone else's thread (a pairing, a session others joined, a reply you wrote), it stays for them, signed \"\(AccountDeletion.formerName(of: role))\".")
                    h.li("You are signed out everywhere; your API tokens and calendar feed stop working.")
                }
                h.p("Download your data first if you want to keep it.", .class("hint"))
                h.errorSummary(errors)
                h.postForm(Href(SiteURL.integrations(.deleteAccount)), .data(.dataConfirm, "Delete your account and everything of yours? This cannot be undone.")) {
                    h.field("email", "Type your email address to confirm", errors: errors) { wiring in
                        h.open("input", wiring + [.type("email"), .attr(.maxlength, "254")])
                    }
                    h.button("Delete my account", .type("submit"), .class("button danger"))
                }
            }
        }
    }

    /// What is theirs, in words, for their role.
    static func summary(for role: Role) -> String {
        switch role {
        case .graduate:
            "your account, standups, retrospectives, goals, applications and interviews, work sent for review, requests to the careers team, learning plan, mock interviews, pairing, projects, notifications and what coaches wrote on them."
        case .coach:
            "your account, the mock interview slots nobody booked, and your notifications. What you wrote for graduates (reviews, replies, meeting notes) the mock interviews you held and the events you created stay with them, signed \"a former coach\"; mock interviews still to come are called off."
        case .partner, .admin, .former:
            "your account, your API tokens and your notifications."
        }
    }
}

/// The admin's deletions: delete an account at its owner's request, and the record of accounts
/// deleted (when, what it was, who deleted it; nothing of the account).
struct DeletionsPage: PageView {
    struct Entry {
        let when: String
        let role: String
        let by: String
    }

    let entries: [Entry]
    let errors: FormErrors
    let typed: String

    var title: String { "Deletions" }

    func content(_ h: HTML) {
        h.h1("Deletions")
        h.p("Anyone can delete their own account from Account, Your data. When someone asks you to do it for them, type their account's email here. Everything of theirs goes at once, in one step that cannot be undone; what they wrote in others' threads stays, signed \"a former graduate\" (or coach).", .class("lead"))
        h.errorSummary(errors)
        h.postForm(Href(SiteURL.integrations(.deletions)), .class("inline-form"), .data(.dataConfirm, "Delete this account and everything of theirs? This cannot be undone.")) {
            h.field("email", "Email of the account to delete", errors: errors) { wiring in
                h.open("input", wiring + [.type("email"), .attr(.maxlength, "254"), .value(typed.isEmpty ? nil : typed)])
            }
            h.button("Delete the account", .type("submit"), .class("button danger"))
        }
        h.h2("Record")
        h.p("Only when, what the account was and who deleted it: nothing of the account itself.", .class("hint"))
        guard !entries.isEmpty else {
            h.p("No account has been deleted.", .class("empty"))
            return
        }
        h.div(.class("table-wrap")) {
            h.table {
                h.thead { h.tr { h.th("When"); h.th("Account"); h.th("Deleted by") } }
                h.tbody {
                    for entry in entries {
                        h.tr { h.td(entry.when); h.td(entry.role); h.td(entry.by) }
                    }
                }
            }
        }
    }
}

extension DeletionsPage {
    init(record: [AccountDeletionModel], zone: String, errors: FormErrors, typed: String) {
        self.init(entries: record.map { deletion in
            Entry(when: Formats.dayAndTime(deletion.doneAt, zone: zone), role: deletion.role.title,
                  by: deletion.byOwner ? "Its owner" : deletion.doneBy.map { $0.name } ?? "An admin whose account is gone")
        }, errors: errors, typed: typed)
    }
}

import Foundation
import Testing
@testable import OnwardCore

@Suite struct YourDataTests {
    @Test func deleting_asks_for_the_accounts_own_email_typed_again() throws {
        let email = "amara.okafor@example.org"
        #expect(throws: Never.self) { try AccountDeletion.confirm(typed: "  Amara.Okafor@Example.org\n", email: email) }
        for typed in ["", "   ", "amara@example.org", email + "x", String(repeating: "a", count: 300) + "@example.org", "amara.okafor@example.org\u{0}"] {
            #expect(throws: ValidationErrors.self, "\(typed.debugDescription)") { try AccountDeletion.confirm(typed: typed, email: email) }
        }
        do {
            try AccountDeletion.confirm(typed: "someone@example.org", email: email)
        } catch {
            #expect(error.message(for: "email") == "That is not the account's email address: nothing was deleted.")
        }
    }

    @Test func each_role_leaves_under_its_own_former_account_that_nobody_can_be_invited_as() {
        let roles = Role.given
        #expect(Set(roles.map(AccountDeletion.formerID)).count == roles.count)
        #expect(AccountDeletion.formerName(of: .graduate) == "a former graduate" && AccountDeletion.formerName(of: .coach) == "a former coach")
        #expect(roles.allSatisfy { AccountDeletion.formerEmail(of: $0).hasSuffix("@onward.invalid") })
        #expect(!Role.given.contains(.former) && Role.allCases.contains(.former))
        let former = Viewer(id: "x", role: .former)
        #expect(!Access.keepsCalendarFeed(former) && !Access.seesEvents(former) && Access.reach(of: former) == .nobody)
    }

    @Test func the_document_holds_every_list_even_empty_in_a_stable_order() throws {
        let tables = [ExportTable("standups", "Each standup.", [.day("day"), .whole("mood")]), ExportTable("notes", "Notes.", [.text("text")])]
        let data = try YourDataExport.document(tables: tables, records: ["standups": [["day": .text("2026-11-23"), "mood": .whole(4)]]], at: Date(timeIntervalSince1970: 1_795_435_200))
        let text = String(decoding: data, as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["onward_export"] as? Int == 1 && object["exported_at"] as? String == "2026-11-23T12:00:00Z")
        let records = try #require(object["records"] as? [String: [[String: Any]]])
        #expect(records["notes"]?.isEmpty == true && records["standups"]?.first?["mood"] as? Int == 4)
        #expect(try YourDataExport.document(tables: tables, records: ["standups": [["mood": .whole(4), "day": .text("2026-11-23")]]], at: Date(timeIntervalSince1970: 1_795_435_200)) == data,
                "the same data is the same bytes")
        #expect(text.range(of: "\"notes\"")!.lowerBound < text.range(of: "\"standups\"")!.lowerBound, "keys sorted")
        let docs = YourDataExport.documentation(of: tables)
        #expect(docs.contains("## `standups`") && docs.contains("| `mood` | whole number |  |") && docs.contains("| `day` | day, YYYY-MM-DD |"))
    }
}

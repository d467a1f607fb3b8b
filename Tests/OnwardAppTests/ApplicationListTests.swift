import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
@testable import OnwardApp

extension AppTests {
    /// The list's filters, sort and pages, which run in the database (SQLite here, PostgreSQL with
    /// DATABASE_URL), checked against what each application was made with.
    @Suite struct ApplicationListTests {
        static let today = LocalDate(testNow, in: TimeZone(identifier: "Europe/London")!)

        /// 60 applications: "Firm 00" … "Firm 59", sent 0–59 days ago, every fourth on the wishlist
        /// (never sent), sources alternating; and two whose names hold LIKE's wildcards.
        static func make(_ app: Application, for user: UserModel) async throws -> JobSearch {
            let search = JobSearch(db: app.db, now: testNow)
            for n in 0..<60 {
                let draft = ApplicationDraft(company: String(format: "Firm %02d", n), roleTitle: "Developer", source: n.isMultiple(of: 2) ? .referral : .jobBoard, excitement: n % 5 + 1)
                _ = try await search.create(for: user, draft: draft, stage: n.isMultiple(of: 4) ? .wishlist : .applied, on: today.adding(days: -n))
            }
            _ = try await search.create(for: user, draft: ApplicationDraft(company: "100% Remote_Co", roleTitle: "Engineer"), stage: .applied, on: today)
            _ = try await search.create(for: user, draft: ApplicationDraft(company: "1000 Remotes", roleTitle: "Engineer"), stage: .applied, on: today)
            return search
        }

        @Test func filters_sort_and_pages_are_answered_by_the_database() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let search = try await Self.make(app, for: world.graduate)
                var filter = JobSearch.Filter()

                filter.stage = .wishlist
                var result = try await search.applications(of: world.graduate, filter: filter)
                #expect(result.matching == 15)
                #expect(result.rows.allSatisfy { $0.stage == .wishlist && $0.sentOn == nil })

                filter = JobSearch.Filter(source: .referral)
                #expect(try await search.applications(of: world.graduate, filter: filter).matching == 30)

                // Sent between 10 and 19 days ago: Firm 10 … 19, less the wishlist's 12 and 16.
                filter = JobSearch.Filter(from: Self.today.adding(days: -19), to: Self.today.adding(days: -10), sort: .company)
                result = try await search.applications(of: world.graduate, filter: filter)
                #expect(result.rows.map(\.company) == [10, 11, 13, 14, 15, 17, 18, 19].map { String(format: "Firm %02d", $0) })
                #expect(result.rows.first?.sent == Self.today.adding(days: -10))

                // Text is case-insensitive and LIKE's wildcards are plain characters.
                filter = JobSearch.Filter(text: "  REMOTE_ ")
                #expect(try await search.applications(of: world.graduate, filter: filter).rows.map(\.company) == ["100% Remote_Co"])
                filter = JobSearch.Filter(text: "0%")
                #expect(try await search.applications(of: world.graduate, filter: filter).rows.map(\.company) == ["100% Remote_Co"])

                // Pages: 62 in all, 50 a page.
                filter = JobSearch.Filter(sort: .company)
                let first = try await search.applications(of: world.graduate, filter: filter, limit: 50, offset: 0)
                let second = try await search.applications(of: world.graduate, filter: filter, limit: 50, offset: 50)
                #expect(first.matching == 62 && first.rows.count == 50 && second.rows.count == 12)
                #expect(Set(first.rows.map(\.id)).isDisjoint(with: second.rows.map(\.id)))
                #expect(first.rows.prefix(3).map(\.company) == ["100% Remote_Co", "1000 Remotes", "Firm 00"])

                // Stage order is the search's order (wishlist before applied), not the alphabet's.
                filter = JobSearch.Filter(sort: .stage)
                let stages = try await search.applications(of: world.graduate, filter: filter).rows.map(\.stage)
                #expect(stages == stages.sorted() && stages.first == .wishlist)

                filter = JobSearch.Filter(sort: .excitement)
                let excitement = try await search.applications(of: world.graduate, filter: filter).rows.map(\.excitement)
                #expect(excitement == excitement.sorted(by: >))
            }
        }

        @Test func a_page_past_the_end_shows_the_last_page() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                _ = try await Self.make(app, for: world.graduate)
                let browser = Browser(app)
                try await browser.signIn(world.graduate)
                let page = try await browser.get(SiteURL.jobSearch(.list).path + "?sort=company&page=9")
                #expect(page.status == .ok)
                #expect(page.text.contains("Firm 59"))
                #expect(!page.text.contains("Firm 00"))
                let huge = try await browser.get(SiteURL.jobSearch(.list).path + "?sort=company&page=999999999999999999")
                #expect(huge.status == .ok, "a page number too large for an offset is the last page, not a crash")
                #expect(huge.text.contains("Firm 59"))
            }
        }
    }
}

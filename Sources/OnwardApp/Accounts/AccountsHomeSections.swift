import Fluent
import Foundation
import OnwardCore
import Vapor

/// What the accounts put on a graduate's home: their cohort, their coaches, and what their
/// profile still lacks.
struct AccountsHomeSections: HomeSectionSource {
    struct Cohort: HomeSection {
        let name: String
        let courseEnd: String
        let standup: String
        /// Whole weeks since the course ended; nil while it has not ended yet.
        let weeksSinceCourse: Int?

        func content(_ h: HTML) {
            h.section(.class("card"), .ariaLabelledBy("cohort-heading")) {
                h.h2(name, .id("cohort-heading"))
                h.p {
                    h.text("Daily standup at ")
                    h.strong(standup)
                    h.text(".")
                }
                h.p(AccountsHomeSections.course(endingOn: courseEnd, weeksSince: weeksSinceCourse))
            }
        }
    }

    /// "Your course ends on …" before its last day; after it, how far into the job search.
    static func course(endingOn day: String, weeksSince weeks: Int?) -> String {
        switch weeks {
        case nil: "Your course ends on \(day)."
        case 0?: "Your course ended on \(day): this is the first week of your job search."
        case let weeks?: "Your course ended on \(day): " + Wording.count(weeks, "week") + " into your job search."
        }
    }

    struct Coaches: HomeSection {
        let names: [String]

        func content(_ h: HTML) {
            h.section(.class("card"), .ariaLabelledBy("coach-heading")) {
                h.h2("Your coaches", .id("coach-heading"))
                if names.isEmpty {
                    h.p("No coach is assigned to you yet. Your bootcamp will assign one soon.")
                } else {
                    h.ul(.class("plain")) { for name in names { h.li(name) } }
                }
            }
        }
    }

    struct FinishProfile: HomeSection {
        let missing: [String]

        func content(_ h: HTML) {
            h.section(.class("card"), .ariaLabelledBy("profile-heading")) {
                h.h2("Finish your profile", .id("profile-heading"))
                h.p("Add:")
                h.ul { for item in missing { h.li(item) } }
                h.p { h.a("Edit your profile", .class("button"), .href(Href(SiteURL.accounts(.profile)))) }
            }
        }
    }

    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        var sections: [any HomeSection] = []
        let (cohort, coaches) = try await Accounts(req: req).cohortAndCoaches(of: person)
        if let cohort {
            let today = person.today(at: req.now)
            let weeks = LocalDate(iso: cohort.courseEndDate).map { Self.weeks(from: $0, to: today) }
            sections.append(Cohort(
                name: cohort.name, courseEnd: Formats.day(iso: cohort.courseEndDate), standup: "\(cohort.standupTime) \(cohort.timeZone)",
                weeksSinceCourse: weeks.flatMap { $0 >= 0 ? $0 : nil }))
        }
        sections.append(Coaches(names: coaches))
        let missing = Self.missing(in: person)
        if !missing.isEmpty { sections.append(FinishProfile(missing: missing)) }
        return sections
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        []
    }

    static func missing(in person: UserModel) -> [String] {
        var missing: [String] = []
        if person.githubLogin == nil { missing.append("your GitHub login, so your coach and partners can see your code") }
        if person.stacks.isEmpty { missing.append("the stacks you want to work in") }
        if person.bio.isEmpty { missing.append("a short bio") }
        return missing
    }

    /// Whole weeks from `start` to `end`; -1 when `end` is before `start`.
    static func weeks(from start: LocalDate, to end: LocalDate) -> Int {
        let days = start.days(to: end)
        return days < 0 ? -1 : days / 7
    }
}

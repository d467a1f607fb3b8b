import Fluent
import Foundation
import OnwardCore
import Vapor

/// What practice puts on a graduate's home: their next mock interview, or the Makers guide's
/// recommendation of one after a month of job hunting without one.
struct PracticeHomeSections: HomeSectionSource {
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        guard Access.booksMockInterviews(person.viewer) else { return [] }
        let bookings = try await MockInterviewUseCases(req: req).liveBookings(of: person)
        let next = bookings.first { $0.startsAt > req.now }
        let recommended = try await Self.recommendsMockInterview(to: person, hasOne: !bookings.isEmpty, on: req)
        guard next != nil || recommended else { return [] }
        return [PracticeSection(
            next: next.map { "\(MockInterviewController.when(startsAt: $0.startsAt, minutes: $0.minutes, for: person)) with \($0.coach) (\($0.theme.title.lowercased()))" },
            nextURL: next.map { SiteURL.practice(.mockInterview(id: $0.id.uuidString)).path }, recommended: recommended)]
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] { [] }

    /// Job hunting for more than a month (since the course ended) with no mock interview booked
    /// or held, and not placed.
    static func recommendsMockInterview(to graduate: UserModel, hasOne: Bool, on req: Request) async throws -> Bool {
        guard !hasOne, let cohortID = graduate.$cohort.id, let cohort = try await CohortModel.find(cohortID, on: req.db),
              let courseEnd = LocalDate(iso: cohort.courseEndDate) else { return false }
        let placed = try await JobSearchFacts.hasAcceptedAJob(graduate.requireID(), on: req.db)
        return MockInterviewRules.recommends(huntingSince: courseEnd, today: graduate.today(at: req.now), hasHadOrBookedOne: hasOne, placed: placed)
    }
}

/// On a graduate's home: their next mock interview, and the recommendation of one.
struct PracticeSection: HomeSection {
    let next: String?
    let nextURL: String?
    let recommended: Bool

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Practice")) {
            h.h2("Practice")
            if let next, let nextURL { h.p { h.strong("Next mock interview: "); h.a(next, .href(nextURL)) } }
            if recommended {
                h.p("You have been job hunting for more than a month without a mock interview. One shows how your skills stack up, and a good one tells the partnerships team you are ready.",
                    .class("warning-text"))
                h.p { h.a("Book a mock interview", .class("button primary"), .href(SiteURL.practice(.mockInterviews).path)) }
            }
        }
    }
}

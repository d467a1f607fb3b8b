import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// What practice puts on a graduate's home: their next mock interview, or the Makers guide's
/// recommendation of one after a month of job hunting without one; a pairing proposed to them
/// that waits for their answer, and their next pairing.
struct PracticeHomeSections: HomeSectionSource {
    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        guard Access.booksMockInterviews(person.viewer) else { return [] }
        let bookings = try await MockInterviewUseCases(req: req).liveBookings(of: person)
        let next = bookings.first { $0.startsAt > req.now }
        let recommended = try await Self.recommendsMockInterview(to: person, hasOne: !bookings.isEmpty, on: req)
        let pairings = try await Self.pairingLines(of: person, on: req)
        guard next != nil || recommended || !pairings.isEmpty else { return [] }
        return [PracticeSection(
            next: next.map { "\(MockSlotsPage.when(startsAt: $0.startsAt, minutes: $0.minutes, for: person)) with \($0.coach) (\($0.theme.title.lowercased()))" },
            nextURL: next.map { Href(SiteURL.practice(.mockInterview(id: $0.id.uuidString))) }, recommended: recommended, pairings: pairings)]
    }

    /// The proposals waiting for `person`'s answer, then their next accepted pairing (until it
    /// ends: one under way shows): one query, the partner's name beside each pairing.
    static func pairingLines(of person: UserModel, on req: Request) async throws -> [PracticeSection.Line] {
        let userID = try person.requireID(), now = req.now
        let sql = req.db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT p.*, u.name AS partner_name FROM \(ident: PairingModel.schema) p
            JOIN \(ident: UserModel.schema) u ON u.id = CASE WHEN p.first_id = \(bind: userID) THEN p.second_id ELSE p.first_id END
            WHERE (p.first_id = \(bind: userID) OR p.second_id = \(bind: userID)) AND p.state IN (\(binds: [PairingState.proposed.rawValue, PairingState.accepted.rawValue]))
              AND p.ends_at > \(bind: now)
            ORDER BY p.starts_at LIMIT 20
            """).all()
        let pairings = try rows.map { (pairing: try $0.decode(fluentModel: PairingModel.self), partner: try $0.decode(column: "partner_name", as: String.self)) }
        let waiting = pairings.filter { $0.pairing.isLive(at: now) && !($0.pairing.isFirst(userID) ? $0.pairing.firstAccepted : $0.pairing.secondAccepted) }
        let next = pairings.first { $0.pairing.state == .accepted }
        return (waiting + (next.map { [$0] } ?? [])).map { pairing, partner in
            PracticeSection.Line(label: pairing.state == .accepted ? "Next pairing: " : "Pairing proposed, waiting for your answer: ",
                                 text: "\(partner), \(PairingPage.when(pairing, for: person))",
                                 url: Href(SiteURL.practice(.pairingSession(id: pairing.requireIDString))))
        }
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] { [] }

    /// Job hunting for more than a month (since the course ended) with no mock interview booked
    /// or held, and not placed.
    static func recommendsMockInterview(to graduate: UserModel, hasOne: Bool, on req: Request) async throws -> Bool {
        guard !hasOne, let cohortID = graduate.$cohort.id, let cohort = try await CohortModel.find(cohortID, on: req.db),
              let courseEnd = LocalDate(iso: cohort.courseEndDate) else { return false }
        let placed = try await Capabilities.reads.jobSearch.hasAcceptedAJob(graduate.requireID(), on: req.db)
        return MockInterviewRules.recommends(huntingSince: courseEnd, today: graduate.today(at: req.now), hasHadOrBookedOne: hasOne, placed: placed)
    }
}

/// On a graduate's home: their next mock interview, the recommendation of one, and pairing.
struct PracticeSection: HomeSection {
    struct Line {
        let label: String
        let text: String
        let url: Href
    }
    let next: String?
    let nextURL: Href?
    let recommended: Bool
    var pairings: [Line] = []

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabel("Practice")) {
            h.h2("Practice")
            if let next, let nextURL { h.p { h.strong("Next mock interview: "); h.a(next, .href(nextURL)) } }
            for line in pairings { h.p { h.strong(line.label); h.a(line.text, .href(line.url)) } }
            if recommended {
                h.p("You have been job hunting for more than a month without a mock interview. One shows how your skills stack up, and a good one tells the partnerships team you are ready.",
                    .class("warning-text"))
                h.p { h.a("Book a mock interview", .class("button primary"), .href(Href(SiteURL.practice(.mockInterviews)))) }
            }
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import Vapor

/// Where a coach or an admin meets outcomes in their day: on the page about a graduate, how they
/// count and the jobs they recorded that wait for confirmation; on a coach's home, every job of
/// their graduates that waits for them to confirm.
struct OutcomesHomeSections: HomeSectionSource {
    struct Outcome: HomeSection {
        let counted: String
        let waiting: Int
        let record: SiteURL

        func content(_ h: HTML) {
            h.section(.class("card"), .ariaLabelledBy("outcome-heading")) {
                h.h2("Outcome", .id("outcome-heading"))
                h.p(counted)
                if waiting > 0 { h.p(Wording.count(waiting, "job") + " they recorded " + (waiting == 1 ? "waits" : "wait") + " for confirmation: until then it is not counted as placed.") }
                h.p { h.a("Outcome record", .class("button"), .href(Href(record))) }
            }
        }
    }

    struct ToConfirm: HomeSection {
        let jobs: [(graduate: String, job: String, record: SiteURL)]

        func content(_ h: HTML) {
            h.section(.class("card"), .ariaLabelledBy("confirm-heading")) {
                h.h2("Jobs to confirm", .id("confirm-heading"))
                h.p("Your graduates recorded these jobs. Each counts as placed once you confirm it with its documentation (an offer letter, the employer's word).", .class("hint"))
                h.ul {
                    for job in jobs {
                        h.li {
                            h.a(job.graduate, .href(Href(job.record)))
                            h.text(": " + job.job)
                        }
                    }
                }
            }
        }
    }

    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] { [] }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        guard scope.canRecordOutcomes, let (student, cohort) = try await OutcomesUseCases(req: req).student(scope.person) else { return [] }
        let counted: String
        switch student.record.enrolment {
        case .studying: counted = "Still studying: outcomes count from graduation."
        case .withdrew(let day): counted = "Withdrew \(day.display): counted as enrolled, not as a graduate."
        case .graduated(let day):
            let days = max(0, day.days(to: LocalDate(req.now, in: TimeZone(identifier: cohort.timeZone) ?? .gmt)))
            let now = Outcomes.outcome(of: student.record, days: min(days, 180))
            counted = "Graduated \(day.display). Counted now as \(now.map { "\($0.code.rawValue), \($0.code.title.lowercased())" } ?? "nothing yet")."
        }
        return [Outcome(counted: counted, waiting: student.proposals.count, record: .outcomes(.graduate(id: scope.person.requireIDString)))]
    }

    func coachSections(for graduates: [UserModel], on req: Request) async throws -> [any HomeSection] {
        let ids = graduates.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let placements = try await Capabilities.reads.jobSearch.placements(of: ids, on: req.db)
        guard !placements.isEmpty else { return [] }
        let confirmed = Set(try await OutcomeRecordModel.query(on: req.db).filter(\.$user.$id ~~ Array(placements.keys)).all(\.$placementID).compactMap { $0 })
        let jobs = graduates.flatMap { graduate in
            (graduate.id.flatMap { placements[$0] } ?? []).filter { !confirmed.contains($0.id) }.map { placement in
                (graduate: graduate.name, job: "\(placement.jobTitle) at \(placement.company), accepted \(placement.acceptedOn.display)",
                 record: SiteURL.outcomes(.graduate(id: graduate.requireIDString)))
            }
        }
        return jobs.isEmpty ? [] : [ToConfirm(jobs: jobs)]
    }
}

import Fluent
import OnwardCore
import Vapor

/// The outcome reports (by half-year and cohort, and one cohort's), and a graduate's record with
/// its forms: their enrolment, and an outcome confirmed with its documentation.
struct OutcomesController: RouteCollection {
    struct EnrolmentForm: Content {
        var enrolled_on: String?
        var state: String?
        var state_on: String?
        var intent: String?
        var intent_note: String?
    }

    struct OutcomeForm: Content {
        var code: String?
        var began_on: String?
        var salary_from: String?
        var salary_to: String?
        var source: String?
        var note: String?
        var placement_id: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.key(SiteURL.Parameter.id)
        routes.get(.outcomes(.reports), use: reports)
        routes.get(.outcomes(.cohort(id: id)), use: cohort)
        routes.get(.outcomes(.graduate(id: id)), use: graduate)
        routes.post(.outcomes(.enrolment(graduateID: id)), use: recordEnrolment)
        routes.post(.outcomes(.recordOutcome(graduateID: id)), use: recordOutcome)
    }

    func reports(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let uses = OutcomesUseCases(req: req)
        let cohorts = try await uses.cohorts(for: viewer)
        let students = try await uses.students(of: cohorts)
        let byCohort = Dictionary(grouping: students) { $0.person.$cohort.id }
        var rows: [OutcomesPage.Row] = []
        for cohort in cohorts {
            for (half, group) in Outcomes.byHalfYear((byCohort[cohort.id] ?? []).map(\.record)) {
                rows.append(.init(half: half, cohort: cohort.name, url: .outcomes(.cohort(id: cohort.requireIDString)), report: Outcomes.report(of: group)))
            }
        }
        let halves = Outcomes.byHalfYear(students.map(\.record)).map { OutcomesPage.Row(half: $0.key, cohort: "All cohorts", url: nil, report: Outcomes.report(of: $0.value)) }
        return req.render(OutcomesPage(rows: (rows + halves).sorted { ($0.half, $0.url == nil ? 1 : 0) > ($1.half, $1.url == nil ? 1 : 0) }, cohortsRead: cohorts.count,
                                       seesNames: Access.seesWhoIsBehindOutcomes(viewer.viewer), today: viewer.today(at: req.now)))
    }

    func cohort(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let uses = OutcomesUseCases(req: req)
        let cohort = try await uses.cohort(try req.parameter(SiteURL.Parameter.id), for: viewer)
        let students = try await uses.students(of: [cohort])
        let names = Dictionary(students.map { ($0.record.id, $0.person.name) }, uniquingKeysWith: { first, _ in first })
        let seesNames = Access.seesWhoIsBehindOutcomes(viewer.viewer)
        let who = seesNames ? (try? req.query.get(String.self, at: "who")) : nil
        let reports = Outcomes.byHalfYear(students.map(\.record)).sorted { $0.key > $1.key }.map { half, group in
            CohortOutcomesPage.Report(half: half, report: Outcomes.report(of: group))
        }
        let page = CohortOutcomesPage(cohort: cohort.name, cohortID: cohort.requireIDString, courseEnd: LocalDate(iso: cohort.courseEndDate)?.display ?? cohort.courseEndDate,
                                      today: viewer.today(at: req.now), reports: reports,
                                      who: who.flatMap { key in CohortOutcomesPage.people(behind: key, in: reports, names: names) }, seesNames: seesNames)
        let response = req.render(page)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    func graduate(req: Request) async throws -> Response {
        try await graduatePage(req, errors: .none)
    }

    private func graduatePage(_ req: Request, errors: FormErrors, erred: String? = nil, typed: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let (student, cohort) = try await OutcomesUseCases(req: req).student(try req.parameter(SiteURL.Parameter.id), for: viewer)
        let response = req.render(GraduateOutcomesPage(student: student, cohort: cohort, today: viewer.today(at: req.now), zone: viewer.timeZone,
                                                       editsEnrolment: Access.runsBootcamp(viewer.viewer), errors: errors, erred: erred, typed: typed), status: status)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    func recordEnrolment(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let rawID = try req.parameter(SiteURL.Parameter.id)
        let (student, _) = try await OutcomesUseCases(req: req).student(rawID, for: viewer)
        // The first-day intent decides who is excluded from the in-field rate: only an admin
        // records or corrects it, never the coach whose figures it would change.
        guard Access.runsBootcamp(viewer.viewer) else { throw Refusal.notFound() }
        let form = (try? req.content.decode(EnrolmentForm.self)) ?? EnrolmentForm()
        do {
            let draft = try EnrolmentDraft.validate(enrolledOn: form.enrolled_on ?? "", state: form.state ?? "", stateOn: form.state_on ?? "",
                                                    intent: form.intent ?? "", intentNote: form.intent_note ?? "", today: viewer.today(at: req.now))
            try await OutcomesUseCases(req: req).recordEnrolment(of: student.person, draft, by: viewer)
        } catch let errors as ValidationErrors {
            let typed = ["enrolled_on": form.enrolled_on, "state": form.state, "state_on": form.state_on, "intent": form.intent, "intent_note": form.intent_note].compactMapValues { $0 }
            return try await graduatePage(req, errors: FormErrors(errors), erred: "enrolment", typed: typed, status: .unprocessableEntity)
        }
        return req.redirect(to: .outcomes(.graduate(id: rawID)), flash: "Enrolment saved.")
    }

    func recordOutcome(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let rawID = try req.parameter(SiteURL.Parameter.id)
        let (student, _) = try await OutcomesUseCases(req: req).student(rawID, for: viewer)
        let form = (try? req.content.decode(OutcomeForm.self)) ?? OutcomeForm()
        do {
            let draft = try OutcomeDraft.validate(code: form.code ?? "", beganOn: form.began_on ?? "", salaryFrom: form.salary_from ?? "", salaryTo: form.salary_to ?? "",
                                                  source: form.source ?? "", note: form.note ?? "", today: viewer.today(at: req.now))
            try await OutcomesUseCases(req: req).recordOutcome(of: student.person, draft, confirming: form.placement_id, by: viewer)
        } catch let errors as ValidationErrors {
            let typed = ["code": form.code, "began_on": form.began_on, "salary_from": form.salary_from, "salary_to": form.salary_to, "source": form.source, "note": form.note]
                .compactMapValues { $0 }
            return try await graduatePage(req, errors: FormErrors(errors), erred: form.placement_id ?? "", typed: typed, status: .unprocessableEntity)
        }
        return req.redirect(to: .outcomes(.graduate(id: rawID)), flash: "Outcome recorded: it counts from the day it began.")
    }
}

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
        routes.get(.outcomes(.reportsCSV)) { try await reportsCSV($0, shown: .exact) }
        routes.get(.outcomes(.published)) { try await cohortPage($0, cohortID: nil, shown: .published) }
        routes.get(.outcomes(.publishedCSV)) { try await reportsCSV($0, shown: .published) }
        routes.get(.outcomes(.cohort(id: id))) { try await cohortPage($0, cohortID: try $0.parameter(SiteURL.Parameter.id), shown: .exact) }
        routes.get(.outcomes(.cohortCSV(id: id))) { try await cohortCSV($0, shown: .exact) }
        routes.get(.outcomes(.publishedCohort(id: id))) { try await cohortPage($0, cohortID: try $0.parameter(SiteURL.Parameter.id), shown: .published) }
        routes.get(.outcomes(.publishedCohortCSV(id: id))) { try await cohortCSV($0, shown: .published) }
        routes.get(.outcomes(.graduate(id: id)), use: graduate)
        routes.post(.outcomes(.enrolment(graduateID: id)), use: recordEnrolment)
        routes.post(.outcomes(.recordOutcome(graduateID: id)), use: recordOutcome)
    }

    func reports(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let (cohorts, rows) = try await OutcomesUseCases.kept(req).reports(for: viewer)
        return req.render(OutcomesPage(rows: rows.map { OutcomesPage.Row(half: $0.half, cohort: $0.cohort?.name ?? "All cohorts", url: $0.cohort.map { .outcomes(.cohort(id: $0.requireIDString)) }, report: $0.report) },
                                       cohortsRead: cohorts, seesNames: Access.seesWhoIsBehindOutcomes(viewer.viewer), today: viewer.today(at: req.now)))
    }

    private func reportsCSV(_ req: Request, shown: OutcomesShown) async throws -> Response {
        let viewer = try req.requireUser()
        let today = viewer.today(at: req.now)
        // Published, only the totals of each half-year, like its page: a cohort's row beside the
        // total would let one cohort's hidden count be worked out from the others'.
        let rows = try await OutcomesUseCases.kept(req).reports(for: viewer).rows.filter { shown == .exact || $0.cohort == nil }
            .map { OutcomesCSV.Row(half: $0.half, cohort: $0.cohort?.name ?? "All cohorts", report: $0.report) }
        return req.csvDownload(OutcomesCSV.table(rows, shown: shown, today: today), filename: Self.filename(nil, shown: shown, today: today))
    }

    private func cohortCSV(_ req: Request, shown: OutcomesShown) async throws -> Response {
        let viewer = try req.requireUser()
        let today = viewer.today(at: req.now)
        let uses = OutcomesUseCases(req: req)
        let cohort = try await uses.cohort(try req.parameter(SiteURL.Parameter.id), for: viewer)
        let rows = OutcomesUseCases.reports(of: try await uses.students(of: [cohort])).map { OutcomesCSV.Row(half: $0.half, cohort: cohort.name, report: $0.report) }
        return req.csvDownload(OutcomesCSV.table(rows, shown: shown, today: today), filename: Self.filename(cohort.name, shown: shown, today: today))
    }

    /// "onward-outcomes-spring-2026-public-2026-12-07.csv": the cohort's name in letters and digits.
    static func filename(_ cohort: String?, shown: OutcomesShown, today: LocalDate) -> String {
        let name = cohort.map { name in
            name.lowercased().unicodeScalars.map { $0.isASCII && CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
                .split(separator: "-").joined(separator: "-")
        }
        return (["onward-outcomes", name, shown == .published ? "public" : nil, today.iso].compactMap { $0?.isEmpty == false ? $0 : nil }).joined(separator: "-") + ".csv"
    }

    /// One cohort's report in full (`cohortID`), or all the cohorts `viewer` reads; exact, or as
    /// published.
    private func cohortPage(_ req: Request, cohortID: String?, shown: OutcomesShown) async throws -> Response {
        let viewer = try req.requireUser()
        let uses = OutcomesUseCases(req: req)
        var cohort: CohortModel?, cohorts: [CohortModel]
        if let cohortID {
            cohort = try await uses.cohort(cohortID, for: viewer)
            cohorts = cohort.map { [$0] } ?? []
        } else {
            cohorts = try await uses.cohorts(for: viewer)
        }
        let students = try await uses.students(of: cohorts)
        let names = Dictionary(students.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let seesNames = shown == .exact && Access.seesWhoIsBehindOutcomes(viewer.viewer)
        let who = seesNames ? (try? req.query.get(String.self, at: "who")) : nil
        let reports = OutcomesUseCases.reports(of: students).map { CohortOutcomesPage.Report(half: $0.half, report: $0.report) }
        let page = CohortOutcomesPage(cohort: cohort?.name, cohortID: cohort?.requireIDString,
                                      courseEnd: cohort.map { LocalDate(iso: $0.courseEndDate)?.display ?? $0.courseEndDate },
                                      today: viewer.today(at: req.now), reports: reports,
                                      who: who.flatMap { key in CohortOutcomesPage.people(behind: key, in: reports, names: names) }, seesNames: seesNames, shown: shown)
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

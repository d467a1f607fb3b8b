import Foundation
import OnwardCore
import Vapor

/// The outcome reports through the JSON API: the same use cases and the same count as the
/// pages. Exact counts; for an admin, each figure with the graduates behind it.
extension OnwardAPI {
    func listOutcomeReports(_ input: Operations.ListOutcomeReports.Input) async throws -> Operations.ListOutcomeReports.Output {
        let viewer = try tokenOwner(Access.readsOutcomes, else: "Only coaches and admins read the outcome reports.")
        let (_, rows) = try await OutcomesUseCases.kept(try request).reports(for: viewer)
        let names = Access.seesWhoIsBehindOutcomes(viewer.viewer)
        let today = viewer.today(at: try request.now)
        return .ok(.init(body: .json(.init(reports: rows.map { row in
            .init(cohortId: row.cohort?.requireIDString, cohortName: row.cohort?.name ?? "All cohorts",
                  report: Self.outcomeReport(row.half, row.report, names: names, today: today))
        }))))
    }

    func getCohortOutcomes(_ input: Operations.GetCohortOutcomes.Input) async throws -> Operations.GetCohortOutcomes.Output {
        let viewer = try tokenOwner(Access.readsOutcomes, else: "Only coaches and admins read the outcome reports.")
        let uses = OutcomesUseCases(req: try request)
        let cohort = try await uses.cohort(input.path.id, for: viewer)
        let names = Access.seesWhoIsBehindOutcomes(viewer.viewer)
        let today = viewer.today(at: try request.now)
        let reports = OutcomesUseCases.reports(of: try await uses.students(of: [cohort]))
        return .ok(.init(body: .json(.init(cohortId: cohort.requireIDString, cohortName: cohort.name, courseEndDate: cohort.courseEndDate,
                                           reports: reports.map { Self.outcomeReport($0.half, $0.report, names: names, today: today) }))))
    }

    private static func outcomeReport(_ half: HalfYear, _ report: OutcomeReport, names: Bool, today: LocalDate) -> Components.Schemas.OutcomeReport {
        func figure(_ counted: Counted) -> Components.Schemas.OutcomeFigure {
            .init(count: counted.count, graduateIds: names ? counted.ids : nil)
        }
        let windows = Outcomes.windows.map { days in
            let counts = days == 90 ? report.at90 : report.at180
            return Components.Schemas.OutcomeWindow(
                days: days, closesOn: report.windowCloses[days]?.iso, final: report.isFinal(days, today: today),
                outcomes: OutcomeCode.allCases.compactMap { code in
                    let counted = counts[code] ?? Counted([])
                    return Components.Schemas.OutcomeCount.CodePayload(rawValue: code.rawValue).map {
                        .init(code: $0, title: code.title, count: counted.count, graduateIds: names ? counted.ids : nil)
                    }
                })
        }
        return .init(
            halfYear: half.key, halfYearTitle: half.title, enrolled: figure(report.enrolled), graduatedOnTime: figure(report.graduatedOnTime),
            graduatedWithin150Percent: figure(report.graduatedWithinHalfAgain), graduates: figure(report.graduates), notGraduated: figure(report.notGraduated),
            windows: windows, inField: figure(report.inField), inFieldDenominator: report.inFieldDenominator, inFieldRate: report.inFieldRate,
            medianSalary: .init(value: report.medianSalary.value, from: report.medianSalary.from),
            medianDaysToOffer: .init(value: report.medianDaysToOffer.value, from: report.medianDaysToOffer.from),
            documented: figure(report.documented), unconfirmed: figure(report.unconfirmed))
    }
}

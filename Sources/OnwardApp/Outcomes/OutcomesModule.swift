import Fluent
import OnwardCore
import Vapor

/// Outcomes: what became of the bootcamp's graduates, counted as CIRR asks (every enrolled
/// student, by half-year of graduation, 90 and 180 days on, in field only with documentation),
/// from the placements the job search holds and the outcomes coaches and admins confirm.
struct OutcomesModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try signedIn.grouped(Require(Access.readsOutcomes)).register(collection: OutcomesController())
    }

    var navigation: [NavigationItem] {
        [.init(label: "Outcomes", url: .outcomes(.reports), place: 19, group: "Cohorts", shows: Access.runsBootcamp)]
    }

    var sections: (any HomeSectionSource)? { OutcomesHomeSections() }

    var personalData: (any PersonalData)? { OutcomesPersonalData() }
}

/// Outcomes' part of a person's data: their enrolment and the outcomes recorded for them, which
/// go with them; outcomes a coach or admin confirmed for others stay, signed by the former account.
struct OutcomesPersonalData: PersonalData {
    var exported: [ExportedTable] {
        [
            ExportedTable(ExportTable("enrolment", "The enrolment and what was said on the first day about looking for work.", [
                .day("enrolled_on"), .text("state"), .day("state_on", "The day of graduating or withdrawing"), .text("intent"), .text("intent_note"),
            ])) { "enrolments WHERE user_id = \(bind: $0)" },
            ExportedTable(ExportTable("outcomes", "Outcomes recorded, in CIRR's codes, with their documentation.", [
                .text("code"), .day("began_on"), .whole("salary_from"), .whole("salary_to"), .text("source"), .text("note"), .text("documented_by"), .moment("documented_at"),
            ]), expressions: ["documented_by": "(SELECT name FROM users WHERE id = documented_by_id)"]) { "outcome_records WHERE user_id = \(bind: $0) ORDER BY began_on" },
        ]
    }

    func erase(_ leaving: Leaving, on db: any Database) async throws {
        try await leaving.handOver("enrolments", "recorded_by_id", on: db)
        try await leaving.handOver("outcome_records", "documented_by_id", on: db)
        try await leaving.delete(from: "outcome_records", on: db)
        try await leaving.delete(from: "enrolments", on: db)
    }
}

import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// The programme's API operations: where a graduate stands, and today's standup.
extension OnwardAPI {
    /// The token owner, if they follow a programme (a graduate), with their standing today.
    private func ownStanding() async throws -> (UserModel, ProgrammeUseCases.Standing) {
        let viewer = try user()
        guard Access.followsProgramme(viewer.viewer) else {
            throw AppError(status: .forbidden, code: "forbidden", message: "Only a graduate follows a programme.")
        }
        guard let standing = try await ProgrammeUseCases(req: request).standing(of: viewer) else {
            throw AppError.notFound("Your cohort has no programme yet.")
        }
        return (viewer, standing)
    }

    func getProgramme(_ input: Operations.GetProgramme.Input) async throws -> Operations.GetProgramme.Output {
        let (_, standing) = try await ownStanding()
        func item(_ item: RoadMap.Item) -> Components.Schemas.RoadMapItem {
            Components.Schemas.RoadMapItem(
                activity: item.activity.id, title: item.activity.title, kind: .init(rawValue: item.activity.kind.rawValue)!,
                required: item.activity.isRequired, state: .init(rawValue: item.state.rawValue)!, due: item.occurrence.due.iso,
                done: min(item.doneSoFar, item.activity.count), count: item.activity.count)
        }
        var missing: [Components.Schemas.RoadMapItem] = []
        if case .atRisk(let occurrences) = standing.status {
            missing = occurrences.map { occurrence in
                let state = ProgrammeRules.state(of: occurrence, records: [], today: standing.today)
                return item(RoadMap.Item(occurrence: occurrence, state: state, doneSoFar: 0))
            }
        }
        let map = standing.roadMap
        return .ok(.init(body: .json(.init(
            week: map.week, today: standing.today.iso, status: .init(rawValue: standing.status.name)!, missing: missing,
            todayItems: map.today.map(item), thisWeek: map.thisWeek.map(item), overdue: map.overdue.map(item)))))
    }

    func postStandup(_ input: Operations.PostStandup.Input) async throws -> Operations.PostStandup.Output {
        let (viewer, _) = try await ownStanding()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try StandupDraft.validate(yesterday: body.yesterday ?? "", today: body.today, blockers: body.blockers ?? "",
                                              mood: String(body.mood), wantsHelp: body.wantsHelp ?? false)
        let (standup, isNew) = try await ProgrammeUseCases(req: request).postStandup(draft, for: viewer)
        let answer = Components.Schemas.Standup(
            day: standup.day, yesterday: standup.yesterday, today: standup.today, blockers: standup.blockers, mood: standup.mood,
            wantsHelp: standup.wantsHelp, late: standup.isLate)
        return isNew ? .created(.init(body: .json(answer))) : .ok(.init(body: .json(answer)))
    }
}

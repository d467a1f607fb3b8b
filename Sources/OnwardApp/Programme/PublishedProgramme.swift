import Fluent
import Foundation
import OnwardCore
import SQLKit

/// What the programme publishes for other capabilities (`ProgrammeReads`), read from its own tables.
struct PublishedProgramme: ProgrammeReads {
    func standupMoods(of userIDs: [UUID], from first: LocalDate, on db: any Database) async throws -> [UUID: [StandupMood]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id AS who, day, mood FROM \(ident: StandupModel.schema) WHERE user_id IN \(SQLBind.group(userIDs)) AND day >= \(bind: first.iso)
            """).all()
        var result: [UUID: [StandupMood]] = [:]
        for row in rows {
            guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: []].append(StandupMood(day: day, mood: try row.decode(column: "mood", as: Int.self)))
        }
        return result
    }

    func retrospectiveAnswers(of userIDs: [UUID], from first: LocalDate, on db: any Database) async throws -> [UUID: [RetrospectiveAnswer]] {
        guard !userIDs.isEmpty else { return [:] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id AS who, week, written_on, better FROM \(ident: RetrospectiveModel.schema) WHERE user_id IN \(SQLBind.group(userIDs)) AND written_on >= \(bind: first.iso)
            """).all()
        var result: [UUID: [RetrospectiveAnswer]] = [:]
        for row in rows {
            guard let day = LocalDate(iso: try row.decode(column: "written_on", as: String.self)),
                  let better = BetterDeveloper(rawValue: try row.decode(column: "better", as: String.self)) else { continue }
            result[try row.id("who", among: byText), default: []].append(
                RetrospectiveAnswer(week: try row.decode(column: "week", as: Int.self), writtenOn: day, answer: better.title, feltBetter: better == .yes))
        }
        return result
    }

    func paused(among userIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !userIDs.isEmpty else { return [] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT DISTINCT user_id AS who FROM \(ident: ProgrammePauseModel.schema) WHERE user_id IN \(SQLBind.group(userIDs))
            """).all()
        return Set(try rows.map { try $0.id("who", among: byText) })
    }

    func postedStandup(among userIDs: [UUID], on day: LocalDate, on db: any Database) async throws -> Set<UUID> {
        guard !userIDs.isEmpty else { return [] }
        let byText = UUID.byText(userIDs)
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT user_id AS who FROM \(ident: StandupModel.schema) WHERE user_id IN \(SQLBind.group(userIDs)) AND day = \(bind: day.iso)
            """).all()
        return Set(try rows.map { try $0.id("who", among: byText) })
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit
import Vapor

/// Whose job search a request is about, and what the viewer may do with it: the app's policy
/// (`Policy`), asked about a graduate's search or one of their applications.
struct JobSearchPolicy {
    let db: any Database

    /// The graduate `graduateID`'s search as `viewer` may see it, or not found.
    func search(of graduateID: String, for viewer: UserModel) async throws -> Policy.Scope {
        try Self.readable(try await Policy(db: db).scope(of: graduateID, for: viewer))
    }

    /// As `search(of:for:)`, for a graduate already loaded (the viewer's own search).
    func search(of graduate: UserModel, for viewer: UserModel) async throws -> Policy.Scope {
        try Self.readable(try await Policy(db: db).scope(of: graduate, for: viewer))
    }

    private static func readable(_ scope: Policy.Scope) throws -> Policy.Scope {
        guard scope.canReadJobSearch else { throw Refusal.notFound() }
        return scope
    }

    /// One application as `viewer` may see it, or not found.
    func application(_ rawID: String, for viewer: UserModel) async throws -> (ApplicationModel, Policy.Scope) {
        guard let id = UUID(uuidString: rawID), let application = try await ApplicationModel.query(on: db).filter(\.$id == id).with(\.$user).first() else {
            throw Refusal.notFound("There is no such application.")
        }
        let scope = try await Policy(db: db).scope(of: application.user, for: viewer)
        guard scope.canReadJobSearch else { throw Refusal.notFound("There is no such application.") }
        return (application, scope)
    }

    /// As `application`, but only if the viewer may change it (it is their own).
    func writableApplication(_ rawID: String, for viewer: UserModel) async throws -> ApplicationModel {
        let (application, scope) = try await application(rawID, for: viewer)
        guard scope.canWriteJobSearch else { throw Refusal.notFound("There is no such application.") }
        return application
    }

    /// An interview under an application the viewer may change, with that application.
    func writableInterview(_ rawID: String, for viewer: UserModel) async throws -> (InterviewModel, ApplicationModel) {
        guard let id = UUID(uuidString: rawID), let interview = try await InterviewModel.find(id, on: db),
              let application = try? await writableApplication(interview.$application.id.uuidString, for: viewer) else {
            throw Refusal.notFound("There is no such interview.")
        }
        return (interview, application)
    }

    /// A contact under an application the viewer may change, with that application.
    func writableContact(_ rawID: String, for viewer: UserModel) async throws -> (ContactModel, ApplicationModel) {
        guard let id = UUID(uuidString: rawID), let contact = try await ContactModel.find(id, on: db),
              let application = try? await writableApplication(contact.$application.id.uuidString, for: viewer) else {
            throw Refusal.notFound("There is no such contact.")
        }
        return (contact, application)
    }

    /// As `application`, but only if the viewer may correct its placement.
    func correctableApplication(_ rawID: String, for viewer: UserModel) async throws -> ApplicationModel {
        let (application, scope) = try await application(rawID, for: viewer)
        guard scope.canCorrectPlacement else { throw Refusal.notFound("There is no such application.") }
        return application
    }
}

/// The job search use cases. Each owns its transaction.
struct JobSearch {
    let db: any Database
    let now: Date

    init(db: any Database, now: Date) {
        self.db = db
        self.now = now
    }

    init(req: Request) {
        self.init(db: req.db, now: req.now)
    }

    func today(for user: UserModel) -> LocalDate {
        user.today(at: now)
    }

    /// Reads the date of a move: today when blank, and never in the future.
    func moveDate(_ raw: String?, for user: UserModel) throws(ValidationErrors) -> LocalDate {
        let text = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.isEmpty { return today(for: user) }
        guard let day = LocalDate(iso: text) else { throw ValidationErrors([FieldError(field: "on", message: "Enter the date as YYYY-MM-DD.")]) }
        return day
    }

    /// Records a new application at `stage` (wishlist or applied, usually) with its first move.
    func create(for user: UserModel, draft: ApplicationDraft, stage: Stage, on day: LocalDate) async throws -> ApplicationModel {
        guard day <= today(for: user) else {
            throw ValidationErrors([FieldError(field: "on", message: StageError.dateInFuture(day).message)])
        }
        guard stage.isOpen else {
            throw ValidationErrors([FieldError(field: "stage", message: "A new application starts in an open stage; move it on afterwards.")])
        }
        let application = ApplicationModel(userID: try user.requireID(), draft: draft, stage: stage)
        try await db.transaction { db in
            try await application.create(on: db)
            try await StageMoveModel(applicationID: application.requireID(), stage: stage, on: day, position: 0).create(on: db)
        }
        return application
    }

    func update(_ application: ApplicationModel, with draft: ApplicationDraft) async throws {
        application.apply(draft)
        try await application.save(on: db)
    }

    /// Deletes an application; its moves, interviews and contacts go with it (their foreign keys
    /// cascade) and a placement stays (its key is set to null). The application's row is the first
    /// one taken, as a move takes it, so a delete and a move of one application cannot deadlock.
    func delete(_ application: ApplicationModel) async throws {
        try await application.delete(on: db)
    }

    /// Moves an application to `stage` on `day`, checked against the table. Accepting an offer
    /// records the placement in the same transaction.
    ///
    /// The application is taken first, at the stage it was read at, and held until the move is
    /// written: a move that lands meanwhile (another tab, a script) makes this one a clear
    /// refusal, not a second move from a stage that is gone. The position of the move is read
    /// inside the transaction, and (application, position) is unique.
    func move(_ application: ApplicationModel, to stage: Stage, on day: LocalDate, placement: PlacementDraft? = nil) async throws {
        if stage == .accepted && placement == nil {
            throw ValidationErrors([FieldError(field: "stage", message: "Accepting an offer records your new job: fill in the placement.")])
        }
        let owner = try await application.$user.get(on: db)
        let id = try application.requireID()
        let ownerID = try owner.requireID()
        let from = application.stage
        let ownerToday = self.today(for: owner)
        do {
            try await db.writeTransaction { db in
                let sql = db as! any SQLDatabase
                let taken = try await sql.update(ApplicationModel.schema)
                    .set("stage", to: SQLBind(from.rawValue))
                    .where("id", .equal, SQLBind(id)).where("stage", .equal, SQLBind(from.rawValue))
                    .returning("id").all()
                guard !taken.isEmpty else { throw Refusal.movedMeanwhile }
                let last = try await StageMoveModel.query(on: db).filter(\.$application.$id == id).sort(\.$position, .descending).first()
                do {
                    try checkMove(from: from, to: stage, on: day, previousMove: last.flatMap { LocalDate(iso: $0.onDate) }, today: ownerToday)
                } catch let error as StageError {
                    if case .dateInFuture = error {
                        throw ValidationErrors([FieldError(field: "on", message: error.message)])
                    }
                    // Refused by where the application stands now (its stage, its last move): a
                    // conflict with its state, not a malformed request.
                    throw Refusal.conflict(error.message, field: error == .cannotMove(from: from, to: stage) ? "stage" : "on")
                }
                application.stage = stage
                try await application.save(on: db)
                try await StageMoveModel(applicationID: id, stage: stage, on: day, position: (last?.position ?? -1) + 1).create(on: db)
                if let placement {
                    try await PlacementModel(userID: ownerID, applicationID: id, company: application.company, draft: placement).create(on: db)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            application.stage = from
            throw Refusal.movedMeanwhile
        } catch {
            application.stage = from
            throw error
        }
    }

    /// A coach's (or admin's) correction of the placement recorded when an offer was accepted.
    func correctPlacement(of application: ApplicationModel, with draft: PlacementDraft, by corrector: UserModel) async throws {
        guard let placement = try await PlacementModel.query(on: db).filter(\.$application.$id == application.requireID()).first() else {
            throw Refusal.notFound("This application has no placement to correct.")
        }
        placement.apply(draft)
        placement.$correctedBy.id = try corrector.requireID()
        try await placement.save(on: db)
    }

    func addInterview(to application: ApplicationModel, _ draft: InterviewDraft) async throws -> InterviewModel {
        let interview = InterviewModel(applicationID: try application.requireID(), draft: draft)
        try await interview.create(on: db)
        return interview
    }

    func update(_ interview: InterviewModel, with draft: InterviewDraft) async throws {
        interview.apply(draft)
        try await interview.save(on: db)
    }

    /// How an interview went, said after it (from the home's "How did it go?").
    func record(_ result: InterviewResult, of interview: InterviewModel) async throws {
        interview.outcome = result.outcome
        interview.feedback = result.feedback
        if let technical = result.feedbackIsTechnical { interview.feedbackIsTechnical = technical }
        try await interview.save(on: db)
    }

    func delete(_ interview: InterviewModel) async throws {
        try await interview.delete(on: db)
    }

    @discardableResult
    func addContact(to application: ApplicationModel, _ draft: ContactDraft) async throws -> ContactModel {
        let contact = ContactModel(applicationID: try application.requireID(), draft: draft)
        try await contact.create(on: db)
        return contact
    }

    func update(_ contact: ContactModel, with draft: ContactDraft) async throws {
        contact.apply(draft)
        try await contact.save(on: db)
    }

    func delete(_ contact: ContactModel) async throws {
        try await contact.delete(on: db)
    }

    /// The graduate's interviews that have ended with no result recorded, the oldest first (at
    /// most `limit`), each with its company: the home asks how they went.
    func interviewsAwaitingResult(of user: UserModel, limit: Int) async throws -> [InterviewToClose] {
        // Read as columns, not as two Fluent models: on the home, decoding the joined models cost
        // more than the rest of the job search's part of the page (bench/RESULTS.md).
        let userID = try user.requireID(), now = self.now
        let query: SQLQueryString = """
            SELECT i.id, i.application_id, i.kind, i.scheduled_at, i.duration_minutes, a.company
            FROM \(ident: InterviewModel.schema) i JOIN \(ident: ApplicationModel.schema) a ON a.id = i.application_id
            WHERE a.user_id = \(bind: userID) AND i.outcome = \(bind: InterviewOutcome.awaiting.rawValue) AND i.scheduled_at < \(bind: now)
            ORDER BY i.scheduled_at
            """
        var found: [InterviewToClose] = []
        for row in try await (db as! any SQLDatabase).raw(query).all() {
            let interview = InterviewToClose(
                id: try row.decode(column: "id", as: UUID.self), applicationID: try row.decode(column: "application_id", as: UUID.self),
                kind: try row.decode(column: "kind", as: InterviewKind.self), scheduledAt: try row.decode(column: "scheduled_at", as: Date.self),
                minutes: try row.decode(column: "duration_minutes", as: Int.self), company: try row.decode(column: "company", as: String.self))
            guard interview.scheduledAt.addingTimeInterval(TimeInterval(interview.minutes * 60)) <= now else { continue }
            found.append(interview)
            if found.count == limit { break }
        }
        return found
    }

    /// An interview past its end with no result yet, and the company it is with.
    struct InterviewToClose {
        let id: UUID
        let applicationID: UUID
        let kind: InterviewKind
        let scheduledAt: Date
        let minutes: Int
        let company: String
    }

    // MARK: Reading

    struct Filter {
        var stage: Stage?
        var source: ApplicationSource?
        var from: LocalDate?
        var to: LocalDate?
        var text: String = ""
        var sort: Sort = .updated

        /// Whether anything narrows the list (blank text does not; the order does not).
        var isActive: Bool {
            stage != nil || source != nil || from != nil || to != nil || !text.trimmed.isEmpty
        }

        enum Sort: String, CaseIterable {
            case updated, company, excitement, stage
            var title: String {
                switch self {
                case .updated: "Recently changed"
                case .company: "Company"
                case .excitement: "Excitement"
                case .stage: "Stage"
                }
            }
        }
    }

    /// An application as the list shows it, with the day it was sent.
    struct ListedApplication: Sendable {
        let id: UUID
        let company: String
        let roleTitle: String
        let stage: Stage
        let source: ApplicationSource
        let nextAction: String
        let nextActionDue: String?
        let excitement: Int
        /// The day of its first move to applied or later (moves are dated in order, so the earliest).
        let sentOn: String?

        var sent: LocalDate? { sentOn.flatMap(LocalDate.init(iso:)) }

        init(id: UUID, company: String, roleTitle: String, stage: Stage, source: ApplicationSource, nextAction: String, nextActionDue: String?, excitement: Int, sentOn: String?) {
            self.id = id
            self.company = company
            self.roleTitle = roleTitle
            self.stage = stage
            self.source = source
            self.nextAction = nextAction
            self.nextActionDue = nextActionDue
            self.excitement = excitement
            self.sentOn = sentOn
        }

        /// Column by column, by the columns' own names: a `Decodable` row decoder (and SQLKit's
        /// snake-case conversion) cost more than the query.
        init(row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            company = try row.decode(column: "company", as: String.self)
            roleTitle = try row.decode(column: "role_title", as: String.self)
            stage = try row.decode(column: "stage", as: Stage.self)
            source = try row.decode(column: "source", as: ApplicationSource.self)
            nextAction = try row.decode(column: "next_action", as: String.self)
            nextActionDue = try row.decode(column: "next_action_due", as: String?.self)
            excitement = try row.decode(column: "excitement", as: Int.self)
            sentOn = try row.decode(column: "sent_on", as: String?.self)
        }
    }

    /// A graduate's applications that pass `filter`, in its order, `limit` of them from `offset`,
    /// and how many pass in all. Filters, sort and page are SQL: two queries, and no more rows
    /// read than are shown.
    func applications(of user: UserModel, filter: Filter = Filter(), limit: Int? = nil, offset: Int = 0) async throws -> (rows: [ListedApplication], matching: Int) {
        try await applications(of: user, filter: filter, limit: limit, offset: offset, decode: ListedApplication.init(row:))
    }

    /// As `applications(of:filter:limit:offset:)`, each row (every column of the application, and
    /// `sent_on`) read by `decode`.
    func applications<Row>(of user: UserModel, filter: Filter, limit: Int?, offset: Int, decode: (any SQLRow) throws -> Row) async throws -> (rows: [Row], matching: Int) {
        let sql = db as! any SQLDatabase
        var conditions: [SQLQueryString] = ["j.user_id = \(bind: try user.requireID())"]
        if let stage = filter.stage { conditions.append("j.stage = \(bind: stage.rawValue)") }
        if let source = filter.source { conditions.append("j.source = \(bind: source.rawValue)") }
        let needle = filter.text.trimmed.lowercased()
        if !needle.isEmpty {
            let pattern = "%" + Self.likeEscaped(needle) + "%"
            let columns = ["company", "role_title", "location", "notes", "next_action"]
            conditions.append("(" + columns.map { "LOWER(j.\(ident: $0)) LIKE \(bind: pattern) ESCAPE '\\'" as SQLQueryString }.joined(separator: " OR ") + ")")
        }
        var sentConditions: [SQLQueryString] = []
        if let from = filter.from { sentConditions.append("sent_on >= \(bind: from.iso)") }
        if let to = filter.to { sentConditions.append("sent_on <= \(bind: to.iso)") }
        let submitted = Stage.allCases.filter(ApplicationHistory.submittedStages.contains).map(\.rawValue)
        let filtered: SQLQueryString = """
            SELECT j.id, j.user_id, j.company, j.role_title, j.stage, j.source, j.next_action, j.next_action_due, j.excitement, j.updated_at,
              j.url, j.location, j.remote, j.salary_min, j.salary_max, j.currency, j.notes
            FROM \(ident: ApplicationModel.schema) j WHERE \(conditions.joined(separator: " AND "))
            """
        func withSentDay(_ rows: SQLQueryString) -> SQLQueryString {
            """
            SELECT listed.*, (SELECT MIN(m.on_date) FROM \(ident: StageMoveModel.schema) m
              WHERE m.application_id = listed.id AND m.stage IN (\(binds: submitted))) AS sent_on
            FROM (\(rows)) listed
            """
        }
        let order = " ORDER BY " + Self.order(filter.sort)
        let page = limit.map { " LIMIT \(literal: $0) OFFSET \(literal: offset)" as SQLQueryString } ?? ""
        let matching: Int
        let rows: [Row]
        if sentConditions.isEmpty {
            // The sent day only for the rows of the page, once they are picked.
            matching = try await sql.raw("SELECT COUNT(*) AS n FROM (\(filtered)) counted").first(decoding: Count.self)?.n ?? 0
            rows = try await sql.raw(withSentDay(filtered + order + page) + order).all().map(decode)
        } else {
            let sent: SQLQueryString = "SELECT * FROM (\(withSentDay(filtered))) sent WHERE " + sentConditions.joined(separator: " AND ")
            matching = try await sql.raw("SELECT COUNT(*) AS n FROM (\(sent)) counted").first(decoding: Count.self)?.n ?? 0
            rows = try await sql.raw(sent + order + page).all().map(decode)
        }
        return (rows, matching)
    }

    /// How many applications a graduate has, in all.
    func applicationCount(of user: UserModel) async throws -> Int {
        try await (db as! any SQLDatabase).raw("""
            SELECT COUNT(*) AS n FROM \(ident: ApplicationModel.schema) WHERE user_id = \(bind: try user.requireID())
            """).first(decoding: Count.self)?.n ?? 0
    }

    /// A `SELECT COUNT(*) AS n` row.
    private struct Count: Decodable {
        let n: Int
    }

    /// The list's sort orders, case-insensitive by company; the id keeps pages stable.
    private static func order(_ sort: Filter.Sort) -> SQLQueryString {
        switch sort {
        case .updated: "updated_at DESC, id"
        case .company: "LOWER(company), LOWER(role_title), id"
        case .excitement: "excitement DESC, LOWER(company), id"
        case .stage:
            "CASE stage " + Stage.allCases.enumerated().map { "WHEN \(literal: $1.rawValue) THEN \(literal: $0)" as SQLQueryString }.joined(separator: " ")
                + " END, LOWER(company), id"
        }
    }

    /// Text for a LIKE pattern, its wildcards taken literally (with `ESCAPE '\'`).
    static func likeEscaped(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
    }

    /// Every application's history (moves and interviews), by application, in two queries. Read
    /// as plain rows, not models: a long search has thousands of moves. The ids stay text (as the
    /// database prints them): parsing thousands of UUIDs costs more than the query.
    func histories(of user: UserModel) async throws -> [String: ApplicationHistory] {
        struct MoveRow: Decodable { let application_id: String; let stage: Stage; let on_date: String }
        struct InterviewRow: Decodable { let application_id: String; let kind: InterviewKind; let scheduled_at: Date }
        let sql = db as! any SQLDatabase
        let userID = try user.requireID()
        let moves = try await sql.raw("""
            SELECT CAST(m.application_id AS TEXT) AS application_id, m.stage, m.on_date FROM \(ident: StageMoveModel.schema) m
            JOIN \(ident: ApplicationModel.schema) a ON a.id = m.application_id
            WHERE a.user_id = \(bind: userID) ORDER BY m.application_id, m.position
            """).all(decoding: MoveRow.self)
        let interviews = try await sql.raw("""
            SELECT CAST(i.application_id AS TEXT) AS application_id, i.kind, i.scheduled_at FROM \(ident: InterviewModel.schema) i
            JOIN \(ident: ApplicationModel.schema) a ON a.id = i.application_id
            WHERE a.user_id = \(bind: userID)
            """).all(decoding: InterviewRow.self)
        let zone = TimeZone(identifier: user.timeZone) ?? .gmt
        var movesByApplication: [String: [ApplicationHistory.Move]] = [:]
        for row in moves {
            guard let day = LocalDate(iso: row.on_date) else { continue }
            movesByApplication[row.application_id, default: []].append(.init(row.stage, on: day))
        }
        var interviewsByApplication: [String: [(on: LocalDate, isInterview: Bool)]] = [:]
        for row in interviews {
            interviewsByApplication[row.application_id, default: []].append((LocalDate(row.scheduled_at, in: zone), row.kind.isInterview))
        }
        var result: [String: ApplicationHistory] = [:]
        for id in Set(movesByApplication.keys).union(interviewsByApplication.keys) {
            result[id] = ApplicationHistory(moves: movesByApplication[id] ?? [], interviews: interviewsByApplication[id] ?? [])
        }
        return result
    }

    struct Board {
        /// What a card on the board shows of an application.
        struct Card: Sendable {
            /// The id as text, upper-case as `UUID.uuidString` prints it: a link needs the text, and parsing then printing
            /// 200 UUIDs went through `sscanf` and `sprintf` each time.
            let id: String
            let stage: Stage
            let company: String
            let roleTitle: String
            let excitement: Int
            let nextAction: String
            let nextActionDue: String?

            init(id: String, stage: Stage, company: String, roleTitle: String, excitement: Int, nextAction: String, nextActionDue: String?) {
                self.id = id
                self.stage = stage
                self.company = company
                self.roleTitle = roleTitle
                self.excitement = excitement
                self.nextAction = nextAction
                self.nextActionDue = nextActionDue
            }

            /// Column by column: a `Decodable` row decoder per card was a twentieth of the board's time.
            /// Only as plain `String` and `Int`, which the drivers convert directly: an enum or an
            /// optional would go through a nested `Decoder` each.
            init(row: any SQLRow) throws {
                id = try row.decode(column: "id", as: String.self)
                stage = try Self.stage(of: row)
                company = try row.decode(column: "company", as: String.self)
                roleTitle = try row.decode(column: "role_title", as: String.self)
                excitement = try row.decode(column: "excitement", as: Int.self)
                nextAction = try row.decode(column: "next_action", as: String.self)
                nextActionDue = try row.decodeNil(column: "next_action_due") ? nil : row.decode(column: "next_action_due", as: String.self)
            }

            static func stage(of row: any SQLRow) throws -> Stage {
                let name = try row.decode(column: "stage", as: String.self)
                guard let stage = Stage(rawValue: name) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no stage called \(name)"))
                }
                return stage
            }
        }

        let counts: [Stage: Int]
        /// The first `perStage` of each stage, most exciting first.
        let cards: [Stage: [Card]]
    }

    /// A graduate's board: how many applications each stage has, and the first few of each,
    /// each stage's cards read in order off `job_applications_board_idx`.
    ///
    /// One short statement: SQLite prepares every statement afresh, and the union of a subquery
    /// per stage it replaced took a twentieth of the board's CPU to parse; the counts ride along
    /// as rows without an id, which saves the board a query (bench/RESULTS.md).
    func board(of user: UserModel, perStage: Int) async throws -> Board {
        let sql = db as! any SQLDatabase
        let userID = try user.requireID()
        let stages = SQLList(Stage.allCases.map { SQLGroupExpression([SQLBind($0.rawValue)]) })
        let rows = try await sql.raw("""
            WITH stages (stage) AS (VALUES \(stages))
            SELECT UPPER(CAST(a.id AS TEXT)) AS id, a.stage, a.company, a.role_title, a.excitement, a.next_action, a.next_action_due, 0 AS n
            FROM stages s JOIN \(ident: ApplicationModel.schema) a ON a.id IN (
              SELECT b.id FROM \(ident: ApplicationModel.schema) b WHERE b.user_id = \(bind: userID) AND b.stage = s.stage
              ORDER BY b.excitement DESC, b.company, b.id LIMIT \(literal: perStage))
            UNION ALL
            SELECT NULL, stage, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM \(ident: ApplicationModel.schema) WHERE user_id = \(bind: userID) GROUP BY stage
            ORDER BY excitement DESC, company, id
            """).all()
        var counts: [Stage: Int] = [:]
        var cards: [Board.Card] = []
        cards.reserveCapacity(rows.count)
        for row in rows {
            if try row.decodeNil(column: "id") {
                counts[try Board.Card.stage(of: row)] = try row.decode(column: "n", as: Int.self)
            } else {
                cards.append(try Board.Card(row: row))
            }
        }
        return Board(counts: counts, cards: Dictionary(grouping: cards, by: \.stage))
    }
}

import Fluent
import OnwardCore
import Vapor

/// Evidence: what a graduate's work shows (GitHub activity, projects, the signals read from
/// them), gathered from where it happens and shown to the graduate and their coach.
struct EvidenceModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try signedIn.register(collection: ProjectController())
        try signedIn.register(collection: FeedbackController())
        try signedIn.register(collection: ShortlistController())
        let thresholds = SignalThresholds(weeklyCommits: settings.weeklyCommitTarget)
        signedIn.get(.evidence(.signals)) { req in req.render(SignalsPage(thresholds: thresholds)) }
    }

    func register(hooks: any RoutesBuilder, settings: Settings) throws {
        try hooks.register(collection: GitHubWebhookController())
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Projects", url: .evidence(.projects), place: 65, group: "Projects", shows: Access.keepsProjects),
            .init(label: "Candidate profile", url: .evidence(.candidateProfile), place: 66, group: "Projects", shows: Access.sharesCandidateProfile),
            .init(label: "Candidates", url: .evidence(.candidates), place: 20, shows: Access.shortlistsCandidates),
            .init(label: "Shortlists", url: .evidence(.shortlists), place: 30, shows: Access.shortlistsCandidates),
        ]
    }

    var sections: (any HomeSectionSource)? { EvidenceHomeSections(thresholds: SignalThresholds()) }

    /// Every graduate's signals read again each hour, so a coach hears of one raised (a week
    /// without code) without anyone opening a page.
    var scheduled: [ScheduledJob] {
        [ScheduledJob(name: "signals") { app, now in
            let hour = String(ISO8601DateFormatter().string(from: now).prefix(13))
            guard try await !ScheduledRuns.claimed("signals", among: [hour], on: app.db).contains(hour),
                  try await ScheduledRuns.claim("signals", hour, at: now, on: app.db) else { return }
            let graduates = try await UserModel.query(on: app.db).filter(\.$role == .graduate).all()
            _ = try await SignalUseCases(db: app.db, now: now).standing(of: graduates, thresholds: SignalThresholds(weeklyCommits: app.settings.weeklyCommitTarget))
        }]
    }

    func sections(settings: Settings) -> (any HomeSectionSource)? {
        EvidenceHomeSections(thresholds: SignalThresholds(weeklyCommits: settings.weeklyCommitTarget))
    }

    var dashboardColumns: [ShownDashboardColumn] {
        [
            .init(column: EvidenceColumns.signals, place: 35, waiting: ("sign to reach out", "signs to reach out")) { figure in
                let notes = figure?.notes ?? []
                return DashboardCell(text: String(figure?.value ?? 0), look: .number, warning: !notes.isEmpty, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
            },
        ]
    }

    var personalData: (any PersonalData)? { EvidencePersonalData() }
}

/// On a graduate's home: the signs to act on and a year of their commits; on the page about them
/// (their coaches, an admin), the same said of them with the signals' history; on a coach's home,
/// who needs them; on the dashboard, the signals standing.
struct EvidenceHomeSections: HomeSectionSource {
    let thresholds: SignalThresholds

    func homeSections(of person: UserModel, on req: Request) async throws -> [any HomeSection] {
        var sections: [any HomeSection] = []
        if Access.showsSignals(person.viewer) {
            let standing = try await SignalUseCases(req: req).current(of: person, on: req.application)
            if !standing.isEmpty { sections.append(SignalsSection(standing, zone: TimeZone(identifier: person.timeZone) ?? .gmt)) }
        }
        guard Access.showsCommits(person.viewer) else { return sections }
        guard person.githubLogin != nil else { return sections + [ContributionsSection(calendar: nil, login: nil)] }
        let calendar = try await EvidenceUseCases(req: req).calendar(of: person, target: thresholds.weeklyCommits)
        return sections + [ContributionsSection(calendar: calendar, login: person.githubLogin)]
    }

    func personSections(in scope: Policy.Scope, on req: Request) async throws -> [any HomeSection] {
        guard scope.canReadEvidence else { return [] }
        let person = scope.person
        let signals = SignalUseCases(req: req)
        let standing = try await signals.current(of: person, on: req.application)
        let zone = TimeZone(identifier: try req.requireUser().timeZone) ?? .gmt
        let feedback = try await FeedbackUseCases(req: req).feedback(of: person.requireID())
        var sections: [any HomeSection] = [
            SignalsSection(standing, zone: zone, name: person.name, history: try await signals.history(of: person.requireID())),
            FeedbackSection(name: person.name, entries: feedback.map { FeedbackEntry($0, today: person.today(at: req.now), mine: false) }),
        ]
        if let login = person.githubLogin {
            let calendar = try await EvidenceUseCases(req: req).calendar(of: person, target: thresholds.weeklyCommits)
            sections.append(ContributionsSection(calendar: calendar, login: login, name: person.name))
        }
        if scope.canRecommend {
            let kept = try await ShortlistUseCases(req: req).recommendation(of: person.requireID())
            sections.append(RecommendationSection(graduateID: person.requireIDString, name: person.name, text: kept?.text, read: kept?.readAt != nil, errors: .none))
        }
        return sections
    }

    func partnerSections(for partner: UserModel, on req: Request) async throws -> [any HomeSection] {
        let cases = ShortlistUseCases.forPartner(req)
        let candidates = try await cases.candidates(today: partner.today(at: req.now), target: thresholds.weeklyCommits)
        return [PartnerCandidatesSection(total: candidates.count, top: Array(candidates.prefix(5)), shortlists: try await cases.shortlists(), target: thresholds.weeklyCommits)]
    }

    func coachSections(for graduates: [UserModel], on req: Request) async throws -> [any HomeSection] {
        guard !graduates.isEmpty else { return [] }
        // The dashboard's lines are worked out again where stale (a change to a graduate's
        // records, or a new day), which brings the signals' history up to date; the standing
        // records then say who needs the coach, without reading every graduate's evidence again.
        _ = try await req.dashboardRows()
        let standing = try await SignalUseCases(req: req).kept(of: graduates.compactMap(\.id))
        let zone = TimeZone(identifier: try req.requireUser().timeZone) ?? .gmt
        let rows = graduates.compactMap { graduate -> (Date, WhoNeedsYouSection.Row)? in
            guard let id = graduate.id, let signals = standing[id], let oldest = signals.map(\.since).min() else { return nil }
            return (oldest, WhoNeedsYouSection.Row(name: graduate.name, url: Href(SiteURL.homes(.person(id: id.uuidString))),
                                                   signals: signals.map { ($0.signal.kind.title, $0.signal.reason, LocalDate($0.since, in: zone).display) }))
        }
        return [WhoNeedsYouSection(rows: rows.sorted { $0.0 < $1.0 }.map(\.1))]
    }

    func fillDashboard(_ rows: inout [UUID: DashboardRow], of graduates: [UserModel], db: any Database, now: Date) async throws {
        let standing = try await SignalUseCases(db: db, now: now).standing(of: graduates, thresholds: thresholds)
        for graduate in graduates {
            guard let id = graduate.id else { continue }
            rows[id]?[EvidenceColumns.signals] = EvidenceColumns.figure((standing[id] ?? []).map { $0.signal.kind })
        }
    }
}

import Fluent
import Foundation
import OnwardCore
import SQLKit

/// The schema's history: every step, named as a sentence, in the order it runs on a new
/// database. A step that has shipped is never edited or reordered; a change is a new step at the
/// end, with a real `revert`. Each capability keeps its steps in its own folder.
enum Migrations {
    static let history: [any Migration] = [
        SessionRecord.migration,
        // Accounts and the people every capability reads
        AccountsMigrations.CreateCohort(),
        AccountsMigrations.CreateUser(),
        AccountsMigrations.CreateInvitation(),
        AccountsMigrations.CreateOutboxMessage(),
        AccountsMigrations.CreateCoachAssignment(),
        AccountsMigrations.CreateAPIToken(),
        AccountsMigrations.CreateSignInFailure(),
        // Job search
        JobSearchMigrations.CreateApplication(),
        JobSearchMigrations.CreateStageMove(),
        JobSearchMigrations.CreateInterview(),
        JobSearchMigrations.CreateContact(),
        JobSearchMigrations.CreatePlacement(),
        JobSearchMigrations.IndexBoardOrder(),
        JobSearchMigrations.CreateFiguresCache(),
        JobSearchMigrations.IndexListOrder(),
        JobSearchMigrations.UniqueMovePosition(),
        JobSearchMigrations.MarkFiguresStaleInTheDatabase(),
        // Accounts, later steps
        AccountsMigrations.CountSignInAttempts(),
        // What every capability shares
        ServerSecret.Create(),
        // Programme
        ProgrammeMigrations.CreateProgramme(),
        ProgrammeMigrations.CreateStandupsAndMarks(),
        ProgrammeMigrations.CreateRetrospective(),
        ProgrammeMigrations.CreateGoalsAndEvidence(),
        ProgrammeMigrations.CreateRepliesAndComments(),
        ProgrammeMigrations.CreateLearningGoals(),
        ProgrammeMigrations.CreatePauses(),
        // Coaching
        CoachingMigrations.CreateReviews(),
        CoachingMigrations.CreateSupportRequests(),
        CoachingMigrations.CreateLearningPlans(),
        CoachingMigrations.CreateEvents(),
        // Practice
        PracticeMigrations.CreateMockInterviews(),
        PracticeMigrations.CreatePeerSessions(),
        PracticeMigrations.CreatePairing(),
        // The coach's dashboard: each graduate's line kept, marked stale by every table it is made from
        KeptDashboardRows.Create(watches: KeptDashboardRows.Create.asShipped),
        // Accounts, later steps
        AccountsMigrations.AddExpiryToAPIToken(),
        // One help desk: requests for help raised at standups join the support requests
        CoachingMigrations.AddOriginToSupportRequests(),
        MoveStandupHelpToTheDesk(),
        // One way to mark kept figures stale: the job search's as the dashboard's
        JobSearchMigrations.MarkFiguresStaleAsTheDashboardDoes(),
        // Practice, later steps
        PracticeMigrations.AddLeavingAndMeetingPlaces(),
        // Coaching, later steps
        CoachingMigrations.AddMeetingPlaceToLearningPlans(),
        // Pairing by stacks and the kind of session
        PracticeMigrations.AddStacksToPairing(),
        // A salary's own currency
        JobSearchMigrations.AddCurrencyToApplications(),
        // Evidence: GitHub activity
        EvidenceMigrations.CreateGitHubActivity(),
        // Evidence: side projects, the signals' history, feedback acted on
        EvidenceMigrations.CreateProjectsAndSignals(),
        // The signals on the dashboard read commits, side projects and mock interviews too
        KeptDashboardRows.AddWatches(name: "dashboard_signals", watches: KeptDashboardRows.AddWatches.forSignals),
        // Evidence: candidate profiles, technical recommendations, shortlists
        EvidenceMigrations.CreateShortlists(),
        // Evidence: the days the daily GitHub sync ran
        EvidenceMigrations.CreateGitHubSyncDays(),
        // Coaching: the week-4 analysis keeps its figures and the changes the graduate will make
        CoachingMigrations.AddAnalysisToSubmissions(),
        // The kept lines' generations also move for what a shared candidate profile shows, so the
        // partners' ranked list is kept until one of them changes
        KeptDashboardRows.AddWatches(name: "dashboard_candidates", watches: KeptDashboardRows.AddWatches.forCandidates),
        // Integrations: calendar feeds
        IntegrationsMigrations.CreateCalendarFeeds(),
        // Integrations: the outbox is sent
        IntegrationsMigrations.AddDeliveryToOutbox(),
        // Integrations: notifications in the app and by email
        IntegrationsMigrations.CreateNotifications(),
        // Integrations: Slack and the scheduler
        IntegrationsMigrations.CreateSlackAndSchedule(),
        // Integrations: the weekly digest, on for those who chose before it was offered
        IntegrationsMigrations.TurnOnWeeklyDigest(),
        // Integrations: the record of accounts deleted
        IntegrationsMigrations.CreateAccountDeletions(),
        // Outcomes: enrolments and confirmed outcomes
        OutcomesMigrations.CreateOutcomes(),
        // The kept lines' generations also move for enrolments and confirmed outcomes, so the
        // outcome reports are kept until one of what they count changes
        KeptDashboardRows.AddWatches(name: "dashboard_outcomes", watches: KeptDashboardRows.AddWatches.forOutcomes),
        OutcomesMigrations.IndexTheFingerprint(),
    ]
}

/// Requests for help raised at standups move to the help desk, so the careers team has one
/// queue: each becomes a support request from its standup (its concerns the message, the
/// standup's id its id) and its reply, if any, the team's reply in its thread (the reply's id
/// kept). An answered one is solved, as the old queue resolved a request on reply; an unanswered
/// one older than the old queue's 30 days had left it, and moves solved rather than coming back
/// as waiting. The one step that reads two capabilities' tables, so it lives here. `help_replies`
/// is left as it was, no longer read, so that `revert` loses nothing.
struct MoveStandupHelpToTheDesk: AsyncMigration {
    static let queueDays = 30

    func prepare(on database: any Database) async throws {
        let since = LocalDate(Date(), in: .gmt).adding(days: -Self.queueDays).iso
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("""
                INSERT INTO support_requests (id, user_id, kind, subject, message, preferred_times, state, first_reply_at, opened_at, updated_at, origin, origin_day)
                SELECT s.id, s.user_id, 'question', 'Help asked for at a standup', s.blockers, '',
                       CASE WHEN r.id IS NOT NULL OR s.day < \(bind: since) THEN 'solved' ELSE 'open' END,
                       r.created_at, COALESCE(s.created_at, s.updated_at, r.created_at, \(bind: Date())), COALESCE(r.created_at, s.updated_at, s.created_at),
                       'standup', s.day
                FROM standups s LEFT JOIN help_replies r ON r.standup_id = s.id
                WHERE s.wants_help = \(bind: true)
                """).run()
            try await sql.raw("""
                INSERT INTO support_replies (id, request_id, author_id, body, meeting_at, written_at)
                SELECT r.id, r.standup_id, r.author_id, r.body, NULL, COALESCE(r.created_at, s.created_at, \(bind: Date()))
                FROM help_replies r JOIN standups s ON s.id = r.standup_id
                """).run()
            // Named as the desk names new ones, by the standup's day as people read it.
            let days = try await sql.raw("SELECT DISTINCT origin_day FROM support_requests WHERE origin = 'standup'").all()
                .map { try $0.decode(column: "origin_day", as: String.self) }
            for day in days {
                guard let date = LocalDate(iso: day) else { continue }
                try await sql.raw("""
                    UPDATE support_requests SET subject = \(bind: SupportRequestDraft.fromStandup(of: date, concerns: "").subject)
                    WHERE origin = 'standup' AND origin_day = \(bind: day)
                    """).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("DELETE FROM support_replies WHERE request_id IN (SELECT id FROM support_requests WHERE origin = 'standup')").run()
            try await sql.raw("DELETE FROM support_requests WHERE origin = 'standup'").run()
        }
    }
}

extension KeptDashboardRows.Create {
    /// The tables this step watched when it shipped, written out: no change to a capability's
    /// tables can change what the step does on a new database while old ones keep what it did. A
    /// table the dashboard reads later is watched by a new step of its own. The trigger SQL is
    /// still written by `KeptDashboardRows`; MigrationSnapshotTests fails if that ever changes
    /// what this step makes.
    static let asShipped: [KeptDashboardRows.Watch] = [
        // The people: a graduate's cohort, time zone, address (which finds their invitation) and
        // role; a cohort's calendar; an accepted invitation, the day a graduate joined.
        .init(table: "users", owners: { row in "SELECT \(row).id" }, columns: ["cohort_id", "time_zone", "email", "role"], events: ["UPDATE"]),
        .init(table: "cohorts", owners: { row in "SELECT v.id FROM users v WHERE v.cohort_id = \(row).id" }, events: ["UPDATE"]),
        .init(table: "invitations", owners: { row in "SELECT v.id FROM users v WHERE v.email = \(row).email" }),
        // The programme: each activity's evidence, the standups, the pauses, and a cohort's
        // programme (a change to it touches every graduate of the cohorts that follow it).
        .own("standups"),
        .own("activity_marks"),
        .own("retrospectives"),
        .own("informational_interviews"),
        .own("blog_posts"),
        .own("programme_pauses"),
        .child("smart_goal_versions", key: "goal_id", of: "smart_goals"),
        // Deleting a goal deletes its versions, which can no longer find their owner.
        .init(table: "smart_goals", owners: { row in "SELECT \(row).user_id" }, events: ["DELETE"]),
        .init(table: "cohort_programmes", owners: { row in "SELECT v.id FROM users v WHERE v.cohort_id = \(row).cohort_id" }),
        .init(table: "programme_activities", owners: { row in
            "SELECT v.id FROM users v JOIN cohort_programmes cp ON cp.cohort_id = v.cohort_id WHERE cp.programme_id = \(row).programme_id"
        }),
        // The job search: the moves (the days applications were sent), the interviews, the placements.
        .child("application_moves", key: "application_id", of: "job_applications"),
        .child("interviews", key: "application_id", of: "job_applications"),
        // Deleting an application deletes its moves and interviews, which can no longer find their owner.
        .init(table: "job_applications", owners: { row in "SELECT \(row).user_id" }, events: ["DELETE"]),
        .own("placements"),
        // Coaching: submissions, support requests, and the learning plans with their meetings and
        // recommendations.
        .own("submissions"),
        .own("support_requests"),
        .own("learning_plans"),
        .child("plan_meetings", key: "plan_id", of: "learning_plans"),
        .child("recommendations", key: "plan_id", of: "learning_plans"),
    ]
}

extension KeptDashboardRows.AddWatches {
    /// What the outcome reports count that the lines did not watch before, written out as it shipped.
    static let forOutcomes: [KeptDashboardRows.Watch] = [
        .own("enrolments"),
        .own("outcome_records"),
    ]

    /// What a shared candidate profile shows that the lines did not watch before, written out as it shipped.
    static let forCandidates: [KeptDashboardRows.Watch] = [
        .own("candidate_profiles"),
        .own("technical_recommendations", by: "graduate_id"),
        // A review that asked for changes is feedback, whoever removes it.
        .child("submission_reviews", key: "submission_id", of: "submissions"),
        // The name and stacks a partner reads.
        .init(table: "users", owners: { row in "SELECT \(row).id" }, columns: ["name", "stacks"], events: ["UPDATE"]),
    ]

    /// The tables the signals read that the dashboard did not watch before, written out as they shipped.
    static let forSignals: [KeptDashboardRows.Watch] = [
        .own("github_commits"),
        .own("projects"),
        .own("feedback_actions"),
        // Linking a GitHub login lets Onward see a graduate's commits.
        .init(table: "users", owners: { row in "SELECT \(row).id" }, columns: ["github_login"], events: ["UPDATE"]),
        .own("mock_bookings"),
        // A mock interview's rubric says what to improve: feedback to act on.
        .child("mock_rubrics", key: "booking_id", of: "mock_bookings"),
        // A slot moved (its time) touches whoever booked it.
        .init(table: "mock_slots", owners: { row in "SELECT b.user_id FROM mock_bookings b WHERE b.slot_id = \(row).id" }, columns: ["starts_at"], events: ["UPDATE"]),
    ]
}

import Fluent

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
    ]
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

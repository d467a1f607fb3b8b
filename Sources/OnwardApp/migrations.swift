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
        KeptDashboardRows.Create(watches: KeptDashboardRows.peopleWatches + AccountsMigrations.dashboardWatches + ProgrammeMigrations.dashboardWatches
                                     + JobSearchMigrations.dashboardWatches + CoachingMigrations.dashboardWatches),
        // Accounts, later steps
        AccountsMigrations.AddExpiryToAPIToken(),
    ]
}

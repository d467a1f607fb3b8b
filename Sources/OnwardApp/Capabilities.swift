/// The capabilities, in the order their sections show on a page, and what each publishes for the
/// others to read. This is the one place that names every capability: the routes, the navigation,
/// the home pages and the coach's dashboard are assembled from `modules`, and a capability reads
/// another only through `reads`.
enum Capabilities {
    static let modules: [any CapabilityModule] = [
        HomeModule(),
        ProgrammeModule(),
        CoachingModule(),
        PracticeModule(),
        JobSearchModule(),
        EvidenceModule(),
        AccountsModule(),
        IntegrationsModule(),
        OutcomesModule(),
    ]

    /// Every module's navigation items in their places, put in order once rather than on every page.
    static let navigation = modules.flatMap(\.navigation).sorted { $0.place < $1.place }

    /// Every module's dashboard columns in their places.
    static let dashboardColumns = modules.flatMap(\.dashboardColumns).sorted { $0.place < $1.place }

    static let reads = PublishedReads(accounts: PublishedAccounts(), jobSearch: PublishedJobSearch(), coaching: PublishedCoaching(),
                                     programme: PublishedProgramme(), practice: PublishedPractice(),
                                     evidence: PublishedEvidence(), mail: PublishedMail(),
                                     notifications: PublishedNotifications(), channels: PublishedChannels())
}

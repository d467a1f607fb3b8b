/// The capabilities, and what each publishes for the others to read. This is the one place that
/// names every capability's published reads; a capability asks here, never another's folder.
enum Capabilities {
    static let reads = PublishedReads(accounts: PublishedAccounts(), jobSearch: PublishedJobSearch(), coaching: PublishedCoaching())
}

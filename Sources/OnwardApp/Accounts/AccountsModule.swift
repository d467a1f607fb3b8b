import OnwardCore
import Vapor

/// Accounts: signing in and out, invitations, a person's profile, password and API tokens, and the
/// admin's cohorts, people and invitations.
struct AccountsModule: CapabilityModule {
    func register(web: any RoutesBuilder, signedIn: any RoutesBuilder, settings: Settings) throws {
        try web.register(collection: SessionController())
        try web.register(collection: InvitationController())
        try signedIn.register(collection: AccountController())
        try web.grouped(Require(Access.runsBootcamp)).register(collection: AdminController())
    }

    var navigation: [NavigationItem] {
        [
            .init(label: "Overview", url: .accounts(.overview), place: 11, shows: Access.runsBootcamp),
            .init(label: "Cohorts", url: .accounts(.cohorts), place: 12, group: "Cohorts", shows: Access.runsBootcamp),
            .init(label: "People", url: .accounts(.people), place: 13, group: "People", shows: Access.runsBootcamp),
            .init(label: "Invitations", url: .accounts(.invitations), place: 14, group: "People", shows: Access.runsBootcamp),
            .init(label: "Profile", url: .accounts(.profile), bar: .account, place: 1, shows: { _ in true }),
            .init(label: "Password", url: .accounts(.password), bar: .account, place: 2, shows: { _ in true }),
            .init(label: "API tokens", url: .accounts(.tokens), bar: .account, place: 3, shows: { _ in true }),
        ]
    }

    var sections: (any HomeSectionSource)? { AccountsHomeSections() }

    var doors: Doors? { Doors(signIn: .accounts(.signIn), signOut: .accounts(.signOut)) }

    var personalData: (any PersonalData)? { AccountsPersonalData() }
}

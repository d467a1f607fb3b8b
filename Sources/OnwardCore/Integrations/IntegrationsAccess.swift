/// Integrations' decisions.
extension Access {
    /// Who keeps a calendar feed: a graduate (their week), a coach (the sessions they run and the
    /// meetings they keep) and an admin (the events they run). A partner has nothing dated in Onward.
    public static func keepsCalendarFeed(_ viewer: Viewer) -> Bool {
        viewer.role != .partner && viewer.role != .former
    }
}

extension Access {
    /// Whose commits Onward counts and shows them: a graduate's, on their own home.
    public static func showsCommits(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who reads a graduate's commits on the page about them: whoever reads their record (their
    /// coaches, an admin). Partners read evidence only as a graduate shares it, later.
    public static func canReadEvidence(_ viewer: Viewer, of owner: Owner) -> Bool {
        owner.role == .graduate && viewer.role != .partner && canRead(viewer, recordOf: owner)
    }
}

extension Access {
    /// Who keeps projects of their own: a graduate.
    public static func keepsProjects(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }

    /// Who is shown signals about themselves: a graduate.
    public static func showsSignals(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }
}

extension Access {
    /// Who records what they did about their feedback: a graduate.
    public static func actsOnFeedback(_ viewer: Viewer) -> Bool {
        viewer.role == .graduate
    }
}

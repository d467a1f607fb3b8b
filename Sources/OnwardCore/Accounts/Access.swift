/// Who is asking, as far as access is concerned.
public struct Viewer: Sendable, Equatable {
    public let id: String
    public let role: Role

    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }
}

/// The one rule for whose records a person may read: a graduate their own, a coach the graduates
/// assigned to them, a partner only what a graduate chose to share, an admin everything. Later
/// capabilities ask the same question about their own records' owner.
public enum Access {
    public struct Owner: Sendable, Equatable {
        public let id: String
        public let role: Role
        /// Coaches assigned to this person (empty for anyone but a graduate).
        public let coachIDs: Set<String>
        /// Whether the graduate chose to share this record with the partnerships team.
        public let sharedWithPartners: Bool

        public init(id: String, role: Role, coachIDs: Set<String> = [], sharedWithPartners: Bool = false) {
            self.id = id
            self.role = role
            self.coachIDs = coachIDs
            self.sharedWithPartners = sharedWithPartners
        }
    }

    public static func canRead(_ viewer: Viewer, recordOf owner: Owner) -> Bool {
        if viewer.id == owner.id { return true }
        switch viewer.role {
        case .admin: return true
        case .coach: return owner.role == .graduate && owner.coachIDs.contains(viewer.id)
        case .partner: return owner.role == .graduate && owner.sharedWithPartners
        case .graduate: return false
        }
    }

    /// Writing is narrower than reading: a person writes their own records, an admin anyone's.
    /// (Capabilities that let a coach write — a correction, a review — say so in their own policy.)
    public static func canWrite(_ viewer: Viewer, recordOf owner: Owner) -> Bool {
        viewer.id == owner.id || viewer.role == .admin
    }
}

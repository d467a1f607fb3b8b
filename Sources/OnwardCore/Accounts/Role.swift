/// What a person is in Onward. Decides their home page, their navigation and what they may see.
public enum Role: String, CaseIterable, Codable, Sendable {
    case graduate
    case coach
    case partner
    case admin

    public var title: String {
        switch self {
        case .graduate: "Graduate"
        case .coach: "Coach"
        case .partner: "Partner"
        case .admin: "Admin"
        }
    }

    /// The bootcamp's people (a coach, an admin): wherever graduates see them, their role is shown
    /// beside their name, which nobody can type into a name of their own.
    public var isStaff: Bool { self == .coach || self == .admin }

    /// Graduates belong to a cohort; an invitation for one must name it.
    public var needsCohort: Bool { self == .graduate }
}

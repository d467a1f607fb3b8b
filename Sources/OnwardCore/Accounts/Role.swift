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

    /// Graduates belong to a cohort; an invitation for one must name it.
    public var needsCohort: Bool { self == .graduate }
}

/// What a person is in Onward. Decides their home page, their navigation and what they may see.
public enum Role: String, CaseIterable, Codable, Sendable {
    case graduate
    case coach
    case partner
    case admin
    /// Not a person: stands where someone who deleted their account took part in another's thread
    /// (a pairing, a reply), so the thread stays whole and says "a former graduate". Nobody signs
    /// in as one, is invited as one, or is listed as one.
    case former

    public var title: String {
        switch self {
        case .graduate: "Graduate"
        case .coach: "Coach"
        case .partner: "Partner"
        case .admin: "Admin"
        case .former: "Former member"
        }
    }

    /// The bootcamp's people (a coach, an admin): wherever graduates see them, their role is shown
    /// beside their name, which nobody can type into a name of their own.
    public var isStaff: Bool { self == .coach || self == .admin }

    /// The roles a person can be given (invited, imported): all but `former`.
    public static let given: [Role] = [.graduate, .coach, .partner, .admin]

    /// Graduates belong to a cohort; an invitation for one must name it.
    public var needsCohort: Bool { self == .graduate }
}

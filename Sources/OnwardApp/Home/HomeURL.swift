/// Each role's home, and a person's page.
enum HomeURL: Hashable, Sendable {
    case graduate
    case coach
    case partner
    case person(id: String)

    var path: String {
        switch self {
        case .graduate: "/graduate"
        case .coach: "/coach"
        case .partner: "/partner"
        case .person(let id): "/people/\(id)"
        }
    }
}

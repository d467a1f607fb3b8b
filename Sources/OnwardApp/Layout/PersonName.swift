import OnwardCore

/// A person as a page names them to others: the name, and the role that marks staff.
struct PersonName: Equatable, Sendable {
    let name: String
    let role: Role

    init(_ name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

extension HTML {
    /// The name, and for a coach or an admin their role as a badge: markup a name cannot hold, so
    /// a graduate who calls themselves "Priya (coach)" is not taken for one.
    func person(_ person: PersonName, strong: Bool = false) {
        if strong { self.strong(person.name) } else { text(person.name) }
        if person.role.isStaff {
            text(" ")
            span(person.role.title, .class("role-badge"))
        }
    }
}

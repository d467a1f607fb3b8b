import OnwardCore
import Vapor

/// What a form shows after a failed submit: each message next to its field, and a summary at the
/// top, with what was typed kept.
struct FormErrors: Encodable {
    let byField: [String: String]
    let all: [FieldError]
    let present: Bool

    static let none = FormErrors(byField: [:], all: [])

    init(byField: [String: String], all: [FieldError]) {
        self.byField = byField
        self.all = all
        self.present = !all.isEmpty
    }

    init(_ errors: ValidationErrors) {
        var byField: [String: String] = [:]
        for error in errors.errors where byField[error.field] == nil {
            byField[error.field] = error.message
        }
        self.init(byField: byField, all: errors.errors)
    }

    init(_ error: AppError) {
        self.init(ValidationErrors([FieldError(field: error.field ?? "form", message: error.message)]))
    }

    var isEmpty: Bool { all.isEmpty }
}

extension FieldError: Encodable {
    enum CodingKeys: String, CodingKey { case field, message }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
    }
}

struct SignInForm: Content {
    var email: String?
    var password: String?
    var next: String?
}

struct AcceptInvitationForm: Content {
    var name: String?
    var password: String?
    var password_confirmation: String?
}

struct ProfileForm: Content {
    var name: String?
    var time_zone: String?
    var github_login: String?
    var stacks: String?
    var bio: String?
}

struct PasswordForm: Content {
    var current_password: String?
    var password: String?
    var password_confirmation: String?
}

struct TokenForm: Content {
    var name: String?
}

struct CohortForm: Content {
    var name: String?
    var course_end_date: String?
    var time_zone: String?
    var standup_time: String?
}

struct InvitationForm: Content {
    var email: String?
    var role: String?
    var cohort_id: String?
}

struct AssignmentForm: Content {
    var coach_id: String?
    var graduate_id: String?
}

/// A choice in a select list.
struct SelectOption: Encodable {
    let value: String
    let label: String
    let selected: Bool
}

extension Request {
    /// Decodes a form; a field that is missing reads as empty rather than failing the request.
    func form<F: Content>(_ type: F.Type) throws -> F {
        try content.decode(F.self)
    }
}

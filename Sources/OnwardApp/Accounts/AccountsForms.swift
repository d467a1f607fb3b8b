import OnwardCore
import Vapor

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
    var expires: String?
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

/// A pasted list of addresses, one a line, all invited with the same role and cohort.
struct InvitationListForm: Content {
    var emails: String?
    var role: String?
    var cohort_id: String?
}

/// One coach for the graduates ticked on a cohort's page.
struct CohortAssignmentForm: Content {
    var coach_id: String?
    /// "all" for every graduate of the cohort, "ticked" for those in `graduate_ids`.
    var whom: String?
    var graduate_ids: [String]?
}

struct AssignmentForm: Content {
    var coach_id: String?
    var graduate_id: String?
}

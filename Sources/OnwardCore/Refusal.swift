/// A request refused for a reason a person can act on: one not allowed to whoever asks, about
/// something that is not there, or at odds with the state of what it changes (a slot booked a
/// moment ago, a plan finished). Use cases throw these and name no HTTP status; the app says them
/// as a status, a page and JSON in one place (`AppError.init(from:)`).
public struct Refusal: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Not for whoever asks (their role, or who they are to the record).
        case notAllowed
        /// What it names is not there (or not for them to know of).
        case notFound
        /// Right as a request, refused by the state of what it changes.
        case conflict
    }

    public let kind: Kind
    public let message: String
    /// The field it concerns, for a form to show it beside; nil for the whole request.
    public let field: String?

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public static func notAllowed(_ message: String) -> Refusal { Refusal(.notAllowed, message) }

    /// What a person is told of a page or record that is not there, or not for them to know of.
    public static let nothingHere = "There is nothing here. The link may be wrong, or the page may have moved."

    public static func notFound(_ message: String = nothingHere, field: String? = nil) -> Refusal { Refusal(.notFound, message, field: field) }

    public static func conflict(_ message: String, field: String? = nil) -> Refusal { Refusal(.conflict, message, field: field) }

    /// A rule Core states as a field's error, refused by the state of what it changes.
    public static func conflict(_ error: FieldError) -> Refusal { Refusal(.conflict, error.message, field: error.field) }
}

/// One thing wrong with what a person typed, tied to the field it belongs to.
public struct FieldError: Error, Hashable, Sendable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Everything wrong with one form or request body. Validation collects them all, so a page can show
/// each message next to its field in one go.
public struct ValidationErrors: Error, Sendable, Equatable {
    public private(set) var errors: [FieldError]

    public init(_ errors: [FieldError] = []) {
        self.errors = errors
    }

    /// One thing wrong, with `field`.
    public static func one(_ field: String, _ message: String) -> ValidationErrors {
        ValidationErrors([FieldError(field: field, message: message)])
    }

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    /// The first message for `field`, if any.
    public func message(for field: String) -> String? {
        errors.first { $0.field == field }?.message
    }

    /// Throws `self` when anything was collected.
    public func throwIfAny() throws(ValidationErrors) {
        if !errors.isEmpty { throw self }
    }
}

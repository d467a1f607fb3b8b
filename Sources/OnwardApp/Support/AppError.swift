import Fluent
import OnwardCore
import OpenAPIRuntime
import Vapor

/// An error a person can act on: the HTTP status, a stable code for API clients, a sentence for
/// people, and the field it concerns. Every error that leaves Onward is turned into one of these
/// in one place (`AppError.init(from:)`), for a page and for the API alike.
struct AppError: Error, Sendable, Equatable {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    var field: String?
    /// Seconds after which trying again may work, sent as `Retry-After` (a 429).
    var retryAfter: Int? = nil
    /// The methods the path answers, sent as `Allow` (a 405).
    var allow: [String]? = nil

    static let notSignedIn = AppError(status: .unauthorized, code: "unauthorized", message: "Sign in to continue.")

    static let badToken = AppError(status: .unauthorized, code: "unauthorized", message: "Send a valid API token as 'Authorization: Bearer <token>'. Tokens are made on your account's API tokens page.")

    static let csrf = AppError(status: .forbidden, code: "csrf", message: "This form has expired or did not come from Onward. Go back, reload the page and try again.")

    static func invalid(_ field: String, _ message: String) -> AppError {
        AppError(status: .unprocessableEntity, code: "invalid", message: message, field: field)
    }

    /// Too many failed sign-ins for one account (`SignInThrottle.perAccount`).
    static func tooManySignIns(until: Date, now: Date) -> AppError {
        throttled("for this account", until: until, now: now)
    }

    /// Too many failed sign-ins from one address (`SignInThrottle.perClient`).
    static func tooManySignInsFromHere(until: Date, now: Date) -> AppError {
        throttled("from this network", until: until, now: now)
    }

    private static func throttled(_ whence: String, until: Date, now: Date) -> AppError {
        let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        let minutes = (seconds + 59) / 60
        return AppError(
            status: .tooManyRequests, code: "too_many_attempts",
            message: "Too many failed sign-ins \(whence). Try again in \(minutes) minute\(minutes == 1 ? "" : "s").",
            field: "email", retryAfter: seconds)
    }

    /// More passwords are being checked at this moment than Onward takes on at once (`PasswordHashing`).
    static let busy = AppError(
        status: .tooManyRequests, code: "busy",
        message: "Many people are signing in at this moment. Try again in a few seconds.",
        retryAfter: 5)
}

extension AppError {
    /// A refusal as HTTP says it: 403, 404 or 409, with the code API clients match on.
    init(_ refusal: Refusal) {
        switch refusal.kind {
        case .notAllowed: self = AppError(status: .forbidden, code: "forbidden", message: refusal.message, field: refusal.field)
        case .notFound: self = AppError(status: .notFound, code: "not_found", message: refusal.message, field: refusal.field)
        case .conflict: self = AppError(status: .conflict, code: "conflict", message: refusal.message, field: refusal.field)
        }
    }

    /// The one mapping from anything thrown to what a person is told.
    init(from error: any Error) {
        switch error {
        case let error as AppError:
            self = error
        case let refusal as Refusal:
            self = AppError(refusal)
        case let error as ValidationErrors:
            let first = error.errors.first
            self = AppError(status: .unprocessableEntity, code: "invalid", message: first?.message ?? "Check the form.", field: first?.field)
        case let refusal as RequestBody.Refusal:
            // A body refused before it was decoded.
            switch refusal {
            case .tooManyFields: self = AppError(status: .payloadTooLarge, code: "too_many_fields", message: refusal.message)
            case .nestedFieldName, .malformedField: self = AppError(status: .badRequest, code: "malformed_form", message: refusal.message)
            case .tooDeep: self = AppError(status: .badRequest, code: "too_deep", message: refusal.message)
            case .tooManyItems: self = AppError(status: .payloadTooLarge, code: "too_many_items", message: refusal.message)
            }
        case let error as InvitationError:
            switch error {
            case .unknown: self = AppError(.notFound("This invitation link is not valid. Check you copied all of it, or ask for a new one."))
            case .alreadyAccepted: self = AppError(status: .gone, code: "invitation_used", message: "This invitation has already been used. Sign in instead.")
            case .expired: self = AppError(status: .gone, code: "invitation_expired", message: "This invitation has expired. Ask your bootcamp's admin for a new one.")
            case .emailAlreadyRegistered: self = .invalid("email", "Someone already has an account with this email address.")
            }
        case let error as ServerError:
            // The API's generated layer wraps what a handler threw, or what it could not decode.
            if let inner = error.underlyingError as? DecodingError {
                self = AppError(decoding: inner)
            } else if error.underlyingError is AppError || error.underlyingError is Refusal || error.underlyingError is ValidationErrors || error.underlyingError is InvitationError {
                self = AppError(from: error.underlyingError)
            } else if let abort = error.underlyingError as? any AbortError {
                self = AppError(status: abort.status, code: AppError.code(for: abort.status), message: abort.reason)
            } else {
                self = AppError(status: .badRequest, code: "bad_request", message: "The request could not be read: \(error.causeDescription)")
            }
        case let error as DecodingError:
            self = AppError(decoding: error)
        case let abort as any AbortError:
            let message = abort.status == .payloadTooLarge ? "The request body is too large." : abort.reason
            self = AppError(status: abort.status, code: AppError.code(for: abort.status), message: message)
        default:
            self = AppError(status: .internalServerError, code: "internal", message: "Something went wrong on our side. It has been logged; please try again.")
        }
    }

    init(decoding error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            self = AppError(status: .badRequest, code: "missing_field", message: "'\(path)' is required.", field: path)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            self = path.isEmpty
                ? AppError(status: .badRequest, code: "invalid_type", message: "The body has the wrong shape: see the operation's schema in /api/v1/openapi.json.")
                : AppError(status: .badRequest, code: "invalid_type", message: "'\(path)' has the wrong type.", field: path)
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if path.isEmpty, context.debugDescription == InternetDateTranscoder.message {
                self = AppError(status: .badRequest, code: "invalid_value", message: context.debugDescription)
            } else if path.isEmpty {
                self = AppError(status: .badRequest, code: "malformed_json", message: "The body is not valid JSON.")
            } else {
                self = AppError(status: .badRequest, code: "invalid_value", message: "'\(path)' is not a valid value.", field: path)
            }
        @unknown default:
            self = AppError(status: .badRequest, code: "bad_request", message: "The request could not be read.")
        }
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 409: "conflict"
        case 422: "invalid"
        case 429: "too_many_attempts"
        default: status.code >= 500 ? "internal" : "error"
        }
    }

    /// The JSON body every API error has.
    struct Body: Content {
        struct Detail: Content {
            let code: String
            let message: String
            let field: String?
        }
        let error: Detail
    }

    var body: Body { Body(error: .init(code: code, message: message, field: field)) }
}

extension Response {
    /// This response, with the headers `error` calls for: when to try again (`Retry-After`), which
    /// methods the path answers (`Allow`).
    func withHeaders(of error: AppError) -> Response {
        if let seconds = error.retryAfter { headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        if let methods = error.allow { headers.replaceOrAdd(name: .allow, value: methods.joined(separator: ", ")) }
        return self
    }
}

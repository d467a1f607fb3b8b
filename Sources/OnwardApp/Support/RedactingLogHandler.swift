import Logging
import OnwardCore

/// Writes through `inner` with the secrets of every line and its metadata taken out
/// (`LogRedaction`): whatever level the log is at, no feed token, invitation, bearer token or
/// session cookie reaches it.
public struct RedactingLogHandler: LogHandler {
    private var inner: any LogHandler

    public init(_ inner: any LogHandler) {
        self.inner = inner
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(LogRedaction.redact(event.message.description))"
        event.metadata = event.metadata?.mapValues { .string(LogRedaction.redact($0.description)) }
        inner.log(event: event)
    }
}

import Foundation
import OnwardCore
import NIOCore
import Vapor

/// Everything Onward reads from its environment, read once, with defaults that run out of the box.
/// This is the only place that looks at environment variables.
public struct Settings: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: DatabaseKind
    /// The address people reach Onward at, for links in invitations ("https://onward.example.edu").
    /// Nil: links are built from the request's own host.
    public var publicURL: String?
    public var clock: Clock
    public var bcryptCost: Int
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// The largest file upload (a CSV import), in bytes.
    public var maxUploadBytes: Int
    /// The address of a reverse proxy in front of Onward whose `X-Forwarded-For` is believed
    /// (`ClientAddress`). Nil: every client is the address it connects from.
    public var trustedProxy: String?
    /// The key Onward signs with (CSRF tokens), at least 32 characters. Nil: Onward makes one and
    /// keeps it in the database (`ServerSecret`).
    public var secretKey: String?
    /// The currency the bootcamp's salaries are written in (`ONWARD_CURRENCY`, an ISO 4217 code).
    public var currency: Currency = .gbp
    /// The secret GitHub signs its webhook deliveries with (`ONWARD_GITHUB_WEBHOOK_SECRET`); nil:
    /// every delivery is refused as unsigned.
    public var githubWebhookSecret: String?
    /// The commits a week a graduate aims at (`ONWARD_WEEKLY_COMMIT_TARGET`, 3 by default).
    public var weeklyCommitTarget = ContributionCalendar.defaultWeeklyTarget
    /// Where the daily sync reads GitHub's API (a test's own server in tests).
    public var githubAPIURL = "https://api.github.com"
    /// A token for GitHub's GraphQL API: with one the sync reads each graduate's contribution
    /// calendar; without, their public events.
    public var githubToken: String?
    /// Whether `serve` runs the sync once a day.
    public var githubDailySync = true
    /// The mail server the outbox is sent through; nil: mail waits in the outbox, which the
    /// admin reads.
    public var smtp: SMTPSettings?

    public init(
        database: DatabaseKind = .sqliteFile(path: "onward.sqlite"),
        publicURL: String? = nil,
        clock: Clock = .system,
        bcryptCost: Int = 12,
        maxBodyBytes: Int = 1 << 20,
        maxUploadBytes: Int = 32 << 20,
        trustedProxy: String? = nil,
        secretKey: String? = nil
    ) {
        self.database = database
        self.publicURL = publicURL
        self.clock = clock
        self.bcryptCost = bcryptCost
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.trustedProxy = trustedProxy
        self.secretKey = secretKey
    }

    /// Cookies carry `Secure` when Onward is served over HTTPS.
    public var secureCookies: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    public enum Variable: String, CaseIterable, Sendable {
        case databaseURL = "DATABASE_URL"
        case sqlitePath = "ONWARD_SQLITE_PATH"
        case publicURL = "ONWARD_PUBLIC_URL"
        case bcryptCost = "ONWARD_BCRYPT_COST"
        case maxBodyBytes = "ONWARD_MAX_BODY_BYTES"
        case maxUploadBytes = "ONWARD_MAX_UPLOAD_BYTES"
        case trustedProxy = "ONWARD_TRUSTED_PROXY"
        case secretKey = "ONWARD_SECRET_KEY"
        case currency = "ONWARD_CURRENCY"
        case githubWebhookSecret = "ONWARD_GITHUB_WEBHOOK_SECRET"
        case weeklyCommitTarget = "ONWARD_WEEKLY_COMMIT_TARGET"
        case githubAPIURL = "ONWARD_GITHUB_API_URL"
        case githubToken = "ONWARD_GITHUB_TOKEN"
        case githubDailySync = "ONWARD_GITHUB_DAILY_SYNC"
        case smtpHost = "ONWARD_SMTP_HOST"
        case smtpPort = "ONWARD_SMTP_PORT"
        case smtpSecurity = "ONWARD_SMTP_SECURITY"
        case smtpUsername = "ONWARD_SMTP_USERNAME"
        case smtpPassword = "ONWARD_SMTP_PASSWORD"
        case mailFrom = "ONWARD_MAIL_FROM"
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let variable: Variable
        public let reason: String
        public var description: String { "\(variable.rawValue): \(reason)" }
    }

    /// Reads the process environment (or `environment`, in tests).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        func value(_ variable: Variable) -> String? {
            guard let raw = environment[variable.rawValue]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        var settings = Settings()
        if let url = value(.databaseURL) {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw Invalid(variable: .databaseURL, reason: "expected postgres://user:password@host:port/database")
            }
            settings.database = .postgres(url: url)
        } else if let path = value(.sqlitePath) {
            settings.database = path == ":memory:" ? .sqliteMemory : .sqliteFile(path: path)
        }
        if let url = value(.publicURL) {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw Invalid(variable: .publicURL, reason: "expected an http:// or https:// address")
            }
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let cost = value(.bcryptCost) {
            guard let n = Int(cost), (4...31).contains(n) else { throw Invalid(variable: .bcryptCost, reason: "expected a number from 4 to 31") }
            settings.bcryptCost = n
        }
        if let bytes = value(.maxBodyBytes) {
            guard let n = Int(bytes), n >= 1024 else { throw Invalid(variable: .maxBodyBytes, reason: "expected a number of bytes, at least 1024") }
            settings.maxBodyBytes = n
        }
        if let bytes = value(.maxUploadBytes) {
            guard let n = Int(bytes), n >= 1024 else { throw Invalid(variable: .maxUploadBytes, reason: "expected a number of bytes, at least 1024") }
            settings.maxUploadBytes = n
        }
        if let proxy = value(.trustedProxy) {
            guard let address = ClientAddress.literal(proxy), (try? SocketAddress(ipAddress: address, port: 0)) != nil else {
                throw Invalid(variable: .trustedProxy, reason: "expected the proxy's IP address, such as 10.0.0.2")
            }
            settings.trustedProxy = address
        }
        if let key = value(.secretKey) {
            guard key.count >= 32 else { throw Invalid(variable: .secretKey, reason: "expected at least 32 characters (for example the output of 'openssl rand -base64 32')") }
            settings.secretKey = key
        }
        if let code = value(.currency) {
            guard let currency = Currency(code: code) else { throw Invalid(variable: .currency, reason: "expected an ISO 4217 currency code, such as GBP, EUR or USD") }
            settings.currency = currency
        }
        if let secret = value(.githubWebhookSecret) {
            guard secret.count >= 16 else { throw Invalid(variable: .githubWebhookSecret, reason: "expected at least 16 characters, the secret set on GitHub's webhook") }
            settings.githubWebhookSecret = secret
        }
        if let target = value(.weeklyCommitTarget) {
            guard let n = Int(target), (1...100).contains(n) else { throw Invalid(variable: .weeklyCommitTarget, reason: "expected a number of commits a week, from 1 to 100") }
            settings.weeklyCommitTarget = n
        }
        if let url = value(.githubAPIURL) {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw Invalid(variable: .githubAPIURL, reason: "expected an http or https address, such as https://api.github.com")
            }
            settings.githubAPIURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let token = value(.githubToken) { settings.githubToken = token }
        if let daily = value(.githubDailySync) {
            guard ["on", "off"].contains(daily) else { throw Invalid(variable: .githubDailySync, reason: "expected on or off") }
            settings.githubDailySync = daily == "on"
        }
        if let host = value(.smtpHost) {
            var smtp = SMTPSettings(host: host)
            if let raw = value(.smtpSecurity) {
                guard let security = SMTPSettings.Security(rawValue: raw.lowercased()) else {
                    throw Invalid(variable: .smtpSecurity, reason: "expected starttls (the default), tls or none")
                }
                smtp.security = security
            }
            smtp.port = smtp.security == .tls ? 465 : 587
            if let raw = value(.smtpPort) {
                guard let port = Int(raw), (1...65_535).contains(port) else { throw Invalid(variable: .smtpPort, reason: "expected a port number, such as 587") }
                smtp.port = port
            }
            smtp.username = value(.smtpUsername)
            smtp.password = environment[Variable.smtpPassword.rawValue].flatMap { $0.isEmpty ? nil : $0 }
            if (smtp.username == nil) != (smtp.password == nil) {
                throw Invalid(variable: smtp.username == nil ? .smtpUsername : .smtpPassword, reason: "set both the user name and the password, or neither")
            }
            if let from = value(.mailFrom) {
                guard AccountRules.isPlausibleEmail(from) else { throw Invalid(variable: .mailFrom, reason: "expected an email address, such as careers@bootcamp.example") }
                smtp.from = from
            } else if let host = settings.publicURL.flatMap({ URL(string: $0)?.host }), host.contains(".") {
                smtp.from = "onward@" + host
            } else {
                throw Invalid(variable: .mailFrom, reason: "set the address mail is sent from (or ONWARD_PUBLIC_URL, to send from onward@ its host)")
            }
            settings.smtp = smtp
        } else if value(.smtpPort) != nil || value(.smtpUsername) != nil || value(.smtpPassword) != nil {
            throw Invalid(variable: .smtpHost, reason: "set the mail server's host name for the other ONWARD_SMTP_ settings to be used")
        }
        return settings
    }
}

/// How Onward reaches its mail server. The password is kept here only: no page, log line or
/// export shows it.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// Plain at first, then TLS before anything else is said (port 587).
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls
        /// No TLS at all: only for a server on this machine (a test's).
        case none
    }

    public var host: String
    public var port = 587
    public var security = Security.startTLS
    public var username: String?
    public var password: String?
    /// The address mail is sent from.
    public var from = "onward@localhost"
    public var fromName = "Onward"

    public init(host: String) {
        self.host = host
    }
}

extension Application {
    private struct SettingsKey: StorageKey {
        typealias Value = Settings
    }

    /// The settings `configure` was given.
    public var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:settings:) sets the settings before anything reads them") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension Request {
    var settings: Settings { application.settings }
    var now: Date { application.settings.clock.now }

    /// The address this request comes from: the connection's, or behind the trusted proxy the one
    /// it forwarded (`ClientAddress`). Nil when unknown.
    var clientAddress: String? {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor], trustedProxy: settings.trustedProxy)
    }
}

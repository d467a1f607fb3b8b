import Foundation

/// Where a graduate heard of the job.
public enum ApplicationSource: String, CaseIterable, Codable, Sendable {
    case jobBoard = "job_board"
    case referral
    case careersFair = "careers_fair"
    case hiringPartner = "hiring_partner"
    case recruiter
    case other

    public var title: String {
        switch self {
        case .jobBoard: "Job board"
        case .referral: "Referral"
        case .careersFair: "Careers fair"
        case .hiringPartner: "Hiring partner"
        case .recruiter: "Recruiter"
        case .other: "Other"
        }
    }

    public init?(loose text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        if let exact = ApplicationSource.allCases.first(where: { $0.rawValue.filter { $0.isLetter } == key || $0.title.lowercased().filter { $0.isLetter } == key }) {
            self = exact
            return
        }
        switch key {
        case "linkedin", "indeed", "glassdoor", "otta", "welcometothejungle", "jobboard", "jobsite", "board", "website", "companywebsite", "careerspage": self = .jobBoard
        case "friend", "network", "referred", "employeereferral": self = .referral
        case "fair", "careerfair", "jobfair", "event", "meetup": self = .careersFair
        case "partner", "bootcamppartner", "hiringpartners": self = .hiringPartner
        case "agency", "headhunter", "recruitmentagency", "inbound": self = .recruiter
        case "": return nil
        default: self = .other
        }
    }
}

/// A salary range in whole units of a currency (annual, as job posts give it).
public struct SalaryRange: Equatable, Sendable {
    public let minimum: Int?
    public let maximum: Int?

    public init(minimum: Int?, maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    public static let none = SalaryRange(minimum: nil, maximum: nil)

    /// Reads "£30,000 - £35,000", "30k-35k", "32000", "30-35k", "" (none). Nil if not a salary.
    public static func parse(_ raw: String) -> SalaryRange? {
        let text = raw.trimmed.lowercased()
        if text.isEmpty { return SalaryRange.none }
        // "30k-35k", "30k – 35k" or "30k to 35k".
        let dashed = text.contains(" to ") ? text.replacing(" to ", with: "-") : text
        let parts = dashed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        guard (1...2).contains(parts.count) else { return nil }
        let thousands = text.contains("k")
        var values: [Int] = []
        for part in parts {
            var digits = part.filter { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let number = Double(digits) else { return nil }
            digits = ""
            let value = thousands && number < 1000 ? number * 1000 : number
            guard value >= 0, value < 10_000_000 else { return nil }
            values.append(Int(value.rounded()))
        }
        return SalaryRange(minimum: values[0], maximum: values.count == 2 ? values[1] : values[0])
    }

    public var text: String {
        switch (minimum, maximum) {
        case (nil, nil): ""
        case let (min?, max?) where min == max: "\(min)"
        case let (min?, max?): "\(min)-\(max)"
        case let (min?, nil): "\(min)"
        case let (nil, max?): "\(max)"
        }
    }

    /// As a person reads it, in `currency`: "£26,000–£32,000 a year".
    public func said(in currency: Currency) -> String {
        switch (minimum, maximum) {
        case (nil, nil): ""
        case let (min?, max?) where min == max: currency.amount(min) + " a year"
        case let (min?, max?): currency.amount(min) + "–" + currency.amount(max) + " a year"
        case let (min?, nil): "from " + currency.amount(min) + " a year"
        case let (nil, max?): "up to " + currency.amount(max) + " a year"
        }
    }
}

/// The currency a bootcamp's salaries are in: an ISO 4217 code, with the symbol people write
/// before an amount where it has a common one.
public struct Currency: Equatable, Sendable {
    public let code: String

    public static let gbp = Currency(known: "GBP")

    private static let symbols = ["GBP": "£", "EUR": "€", "USD": "$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "INR": "₹", "JPY": "¥"]

    /// The currencies an application may be in when it is not the bootcamp's: a fixed list, so
    /// that the form and the API offer the same choice.
    public static let offered: [Currency] = ["AUD", "BRL", "CAD", "CHF", "DKK", "EUR", "GBP", "HKD", "INR", "JPY", "KES", "MXN", "NGN", "NOK", "NZD",
                                             "PLN", "SEK", "SGD", "USD", "ZAR"].map(Currency.init(known:))

    /// One of `offered`, by its code as typed ("eur" is EUR); nil for anything else.
    public static func offered(_ raw: String) -> Currency? {
        let code = raw.trimmed.uppercased()
        return offered.first { $0.code == code }
    }

    /// "EUR (€)", or "CHF" for one without a common symbol here: how a list names it.
    public var label: String { Self.symbols[code].map { "\(code) (\($0))" } ?? code }

    /// A three-letter ISO 4217 code the system knows; nil for anything else.
    public init?(code raw: String) {
        let code = raw.trimmed.uppercased()
        guard code.count == 3, Locale.commonISOCurrencyCodes.contains(code) else { return nil }
        self.code = code
    }

    private init(known code: String) {
        self.code = code
    }

    /// "£32,000", or "CHF 32,000" for a currency without a common symbol here.
    public func amount(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let number = (value < 0 ? "-" : "") + digits + grouped
        return Self.symbols[code].map { $0 + number } ?? code + " " + number
    }
}

/// A contact at the company.
public struct ContactDraft: Equatable, Sendable {
    public var name: String
    public var role: String
    public var email: String
    public var profileURL: String

    public init(name: String, role: String, email: String, profileURL: String) {
        self.name = name
        self.role = role
        self.email = email
        self.profileURL = profileURL
    }

    public static func validate(name rawName: String, role: String, email rawEmail: String, profileURL rawURL: String) throws(ValidationErrors) -> ContactDraft {
        var errors = ValidationErrors()
        let name = TextRules.checked(rawName, field: "contact_name", label: "name", limit: TextRules.Limit.short, into: &errors)
        if name.isEmpty { errors.add("contact_name", "Enter the contact's name.") }
        let role = TextRules.checked(role, field: "contact_role", label: "role", limit: TextRules.Limit.short, into: &errors)
        var email = rawEmail.trimmed
        if !email.isEmpty { email = AccountRules.validateEmail(email, field: "contact_email", into: &errors) }
        let url = WebAddress.validate(rawURL, field: "contact_profile_url", into: &errors)
        try errors.throwIfAny()
        return ContactDraft(name: name, role: role, email: email, profileURL: url ?? "")
    }
}

/// What a graduate types about an application, checked.
public struct ApplicationDraft: Equatable, Sendable {
    public var company: String
    public var roleTitle: String
    public var url: String?
    public var location: String
    public var remote: Bool
    public var salary: SalaryRange
    public var source: ApplicationSource
    public var nextAction: String
    public var nextActionDue: LocalDate?
    public var notes: String
    public var excitement: Int
    /// The salary's currency when it is not the bootcamp's; nil for the bootcamp's.
    public var currency: Currency?

    public init(company: String, roleTitle: String, url: String? = nil, location: String = "", remote: Bool = false, salary: SalaryRange = .none,
                source: ApplicationSource = .jobBoard, nextAction: String = "", nextActionDue: LocalDate? = nil, notes: String = "", excitement: Int = 3,
                currency: Currency? = nil) {
        self.currency = currency
        self.company = company
        self.roleTitle = roleTitle
        self.url = url
        self.location = location
        self.remote = remote
        self.salary = salary
        self.source = source
        self.nextAction = nextAction
        self.nextActionDue = nextActionDue
        self.notes = notes
        self.excitement = excitement
    }

    public static func validate(
        company rawCompany: String, roleTitle rawRole: String, url rawURL: String, location: String, remote: Bool,
        salaryMinimum: String, salaryMaximum: String, source rawSource: String, nextAction: String, nextActionDue rawDue: String,
        notes: String, excitement rawExcitement: String, currency rawCurrency: String = ""
    ) throws(ValidationErrors) -> ApplicationDraft {
        var errors = ValidationErrors()
        let company = TextRules.checked(rawCompany, field: "company", label: "company", limit: TextRules.Limit.short, into: &errors)
        if company.isEmpty { errors.add("company", "Enter the company.") }
        let role = TextRules.checked(rawRole, field: "role_title", label: "title", limit: TextRules.Limit.short, into: &errors)
        if role.isEmpty { errors.add("role_title", "Enter the role's title.") }
        let location = TextRules.checked(location, field: "location", label: "location", limit: TextRules.Limit.short, into: &errors)
        let nextAction = TextRules.checked(nextAction, field: "next_action", label: "next action", limit: TextRules.Limit.sentence, into: &errors)
        let notes = TextRules.checked(notes, field: "notes", label: "notes", limit: TextRules.Limit.long, trim: false, into: &errors)
        let url = WebAddress.validate(rawURL, field: "url", into: &errors)
        func amount(_ raw: String, _ field: String) -> Int? {
            let text = raw.filter { !$0.isWhitespace && $0 != "," && $0 != "£" && $0 != "$" && $0 != "€" }
            if text.isEmpty { return nil }
            guard let value = Int(text), value >= 0, value < 10_000_000 else {
                errors.add(field, "Enter a yearly amount in whole numbers, like 32000.")
                return nil
            }
            return value
        }
        var minimum = amount(salaryMinimum, "salary_min")
        var maximum = amount(salaryMaximum, "salary_max")
        // "40,000 to 30,000" is a range typed the other way round: it is kept the right way round.
        if let low = minimum, let high = maximum, low > high { (minimum, maximum) = (high, low) }
        let source = ApplicationSource(rawValue: rawSource)
        if source == nil { errors.add("source", "Choose where you found the job.") }
        var due: LocalDate?
        if !rawDue.trimmed.isEmpty {
            due = LocalDate(iso: rawDue)
            if due == nil { errors.add("next_action_due", "Enter the due date as YYYY-MM-DD.") }
        }
        let excitement = Int(rawExcitement.trimmed) ?? 0
        if !(1...5).contains(excitement) { errors.add("excitement", "Choose how excited you are, from 1 to 5.") }
        let currency = Currency.offered(rawCurrency)
        if currency == nil && !rawCurrency.trimmed.isEmpty { errors.add("currency", "Choose the salary's currency from the list.") }
        try errors.throwIfAny()
        return ApplicationDraft(
            company: company, roleTitle: role, url: url, location: location, remote: remote,
            salary: SalaryRange(minimum: minimum, maximum: maximum), source: source!, nextAction: nextAction,
            nextActionDue: due, notes: notes, excitement: excitement, currency: currency)
    }

    /// Two applications are the same job when company, role and address match, ignoring case
    /// and surrounding spaces.
    public var duplicateKey: String {
        [company, roleTitle, url ?? ""].map { $0.trimmed.lowercased() }.joined(separator: "\u{1F}")
    }

    public static func duplicateKey(company: String, roleTitle: String, url: String?) -> String {
        ApplicationDraft(company: company, roleTitle: roleTitle, url: url).duplicateKey
    }
}

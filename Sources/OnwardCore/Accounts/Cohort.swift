import Foundation

/// What an admin types to create a cohort, checked.
public struct CohortDraft: Equatable, Sendable {
    public var name: String
    public var courseEndDate: LocalDate
    public var timeZone: String
    public var standupTime: StandupTime

    public static let defaultStandupTime = StandupTime(hour: 10, minute: 0)!

    public init(name: String, courseEndDate: LocalDate, timeZone: String, standupTime: StandupTime) {
        self.name = name
        self.courseEndDate = courseEndDate
        self.timeZone = timeZone
        self.standupTime = standupTime
    }

    /// Validates raw form or JSON input. Every problem is reported at once, each with its field.
    public static func validate(
        name rawName: String,
        courseEndDate rawDate: String,
        timeZone rawZone: String,
        standupTime rawTime: String?
    ) throws(ValidationErrors) -> CohortDraft {
        var errors = ValidationErrors()
        let name = TextRules.checked(rawName, field: "name", label: "name", limit: 100, into: &errors)
        if name.isEmpty { errors.add("name", "Enter a name for the cohort.") }
        let date = LocalDate(iso: rawDate)
        if date == nil {
            errors.add("course_end_date", "Enter the course end date as YYYY-MM-DD.")
        }
        let zone = TimeZones.validate(rawZone, field: "time_zone", into: &errors)
        var time = defaultStandupTime
        if let rawTime, !rawTime.trimmingCharacters(in: .whitespaces).isEmpty {
            if let parsed = StandupTime(rawTime) {
                time = parsed
            } else {
                errors.add("standup_time", "Enter the standup time as HH:MM, for example 10:00.")
            }
        }
        try errors.throwIfAny()
        return CohortDraft(name: name, courseEndDate: date!, timeZone: zone, standupTime: time)
    }
}

public enum TimeZones {
    /// IANA identifiers this machine knows, for a select list.
    public static let all: [String] = {
        var zones = Set(TimeZone.knownTimeZoneIdentifiers)
        zones.insert("UTC")
        return zones.sorted()
    }()
    private static let known = Set(all)

    /// Only IANA names ("Europe/London", "UTC"), not abbreviations such as "EST".
    public static func isValid(_ identifier: String) -> Bool {
        known.contains(identifier)
    }

    public static func validate(_ raw: String, field: String, into errors: inout ValidationErrors) -> String {
        let zone = raw.trimmingCharacters(in: .whitespaces)
        if !isValid(zone) {
            errors.add(field, "Choose a time zone such as Europe/London.")
        }
        return zone
    }
}

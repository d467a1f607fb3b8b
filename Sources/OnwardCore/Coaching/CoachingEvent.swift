import Foundation

/// A graduate's answer to a coaching event.
public enum EventAnswer: String, CaseIterable, Codable, Sendable {
    case going
    case notGoing = "not_going"

    public var title: String {
        switch self {
        case .going: "Going"
        case .notGoing: "Not going"
        }
    }
}

/// A coaching event (a workshop, a panel, a CV clinic), checked: a title, what it is, when it
/// starts and ends, and where: an online link, a place, or both. It is for one cohort or for
/// every graduate.
public struct EventDraft: Equatable, Sendable {
    public let title: String
    public let description: String
    public let startsAt: Date
    public let endsAt: Date
    public let link: String?
    public let place: String
    /// The cohort it is for; nil for every graduate.
    public let cohortID: String?

    public init(title: String, description: String, startsAt: Date, endsAt: Date, link: String?, place: String, cohortID: String?) {
        self.title = title
        self.description = description
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.link = link
        self.place = place
        self.cohortID = cohortID
    }

    /// How far ahead an event may be set.
    public static let horizonDays = 365
    /// The longest an event may last.
    public static let longestHours = 12

    /// From a form: the day and the times (HH:MM) are read in `timeZone`, the end on the day it starts.
    public static func validate(title: String, description: String, day rawDay: String, start rawStart: String, end rawEnd: String,
                                timeZone: TimeZone, link: String, place: String, cohortID: String?, now: Date) throws(ValidationErrors) -> EventDraft {
        var errors = ValidationErrors()
        let day = TypedMoment.day(rawDay, field: "day", into: &errors)
        let start = TypedMoment.time(rawStart, field: "start", into: &errors)
        let end = TypedMoment.time(rawEnd, field: "end", ends: true, into: &errors)
        var startsAt: Date?, endsAt: Date?
        if let day, let start, let end {
            startsAt = TypedMoment.moment(day, start, in: timeZone)
            endsAt = TypedMoment.moment(day, end, in: timeZone)
        }
        return try checked(title: title, description: description, startsAt: startsAt, endsAt: endsAt, link: link, place: place, cohortID: cohortID,
                           now: now, errors: errors, startField: "day", endField: "end")
    }

    /// From the API: the moments as sent.
    public static func validate(title: String, description: String, startsAt: Date, endsAt: Date, link: String, place: String,
                                cohortID: String?, now: Date) throws(ValidationErrors) -> EventDraft {
        try checked(title: title, description: description, startsAt: startsAt, endsAt: endsAt, link: link, place: place, cohortID: cohortID,
                    now: now, errors: ValidationErrors(), startField: "starts_at", endField: "ends_at")
    }

    private static func checked(title rawTitle: String, description rawDescription: String, startsAt: Date?, endsAt: Date?, link rawLink: String,
                                place rawPlace: String, cohortID: String?, now: Date, errors: ValidationErrors,
                                startField: String, endField: String) throws(ValidationErrors) -> EventDraft {
        var errors = errors
        let title = TextRules.checked(rawTitle, field: "title", label: "title", limit: TextRules.Limit.short, into: &errors)
        if title.isEmpty && errors.message(for: "title") == nil { errors.add("title", "Give the event a title, such as \"CV clinic\".") }
        let description = TextRules.checked(rawDescription, field: "description", label: "description", limit: TextRules.Limit.long, into: &errors)
        if description.isEmpty && errors.message(for: "description") == nil { errors.add("description", "Say what the event is and who it is for.") }
        let link = WebAddress.validate(rawLink, field: "link", into: &errors)
        let place = TextRules.checked(rawPlace, field: "place", label: "place", limit: TextRules.Limit.short, into: &errors)
        if link == nil && place.isEmpty && errors.message(for: "link") == nil && errors.message(for: "place") == nil {
            errors.add("place", "Give an online link to join, a place, or both.")
        }
        if let startsAt, let endsAt {
            if startsAt <= now { errors.add(startField, "Set the event in the future.") }
            else if startsAt > now.addingTimeInterval(Double(horizonDays) * 86_400) { errors.add(startField, "Set the event within the next year.") }
            if endsAt <= startsAt { errors.add(endField, "The event must end after it starts.") }
            else if endsAt.timeIntervalSince(startsAt) > Double(longestHours) * 3_600 { errors.add(endField, "An event lasts at most \(longestHours) hours.") }
        }
        try errors.throwIfAny()
        return EventDraft(title: title, description: description, startsAt: startsAt!, endsAt: endsAt!, link: link, place: place, cohortID: cohortID)
    }
}

public enum EventRules {
    /// Answers close when the event starts: a graduate answers, and changes their answer, until then.
    public static func takesAnswers(startsAt: Date, now: Date) -> Bool {
        now < startsAt
    }

    /// Upcoming until it ends; after that it is past.
    public static func isUpcoming(endsAt: Date, now: Date) -> Bool {
        now < endsAt
    }
}

import Foundation

/// A calendar day with no time and no zone ("2026-12-18"): a course end date, a due date.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a day typed or imported into Onward may fall in: a course end, an application, a
    /// due date, a job's start. A year 1 or 9999 is a typing mistake, not a plan.
    public static let plausibleYears = 1970...2100

    /// Parses the ISO form `YYYY-MM-DD`, in `plausibleYears`.
    public init?(iso text: String) {
        // Read straight off the bytes: days are read by the thousand from the database, and
        // splitting each into strings was a twentieth of the coach's dashboard.
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }
        guard bytes.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == 0x2D else { return nil }
                continue
            }
            guard (0x30...0x39).contains(byte) else { return nil }
            let digit = Int(byte - 0x30)
            switch offset {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard LocalDate.plausibleYears.contains(fields.0) else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        // The zone's offset at that moment, then whole days: no Calendar, which cost more than the
        // rest of the work when the days of 200 graduates are worked out for one page.
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var iso: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension LocalDate {
    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-date algorithm: plain
    /// arithmetic, no Calendar, so it is cheap enough to run for every row of a large search.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// Whole days from `self` to `other` (negative if `other` is earlier).
    public func days(to other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The Monday of this day's week (ISO weeks start on Monday). 1970-01-01 was a Thursday.
    public var startOfWeek: LocalDate {
        let sinceMonday = ((dayNumber + 3) % 7 + 7) % 7
        return adding(days: -sinceMonday)
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool {
        startOfWeek.days(to: self) >= 5
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2 Nov 2026".
    public var display: String {
        "\(day) \(LocalDate.monthAbbreviations[month - 1]) \(year)"
    }
}

/// A day and a time as a form types them (YYYY-MM-DD, HH:MM), read in the typist's time zone:
/// what every form that schedules something (an event, a slot, a session, a window) shares,
/// with one wording for what is wrong.
public enum TypedMoment {
    public static func day(_ raw: String, field: String, into errors: inout ValidationErrors) -> LocalDate? {
        let day = LocalDate(iso: raw.trimmed)
        if day == nil { errors.add(field, "Enter the day as YYYY-MM-DD.") }
        return day
    }

    /// `ends`: the time something ends, for the message.
    public static func time(_ raw: String, field: String, ends: Bool = false, into errors: inout ValidationErrors) -> StandupTime? {
        let time = StandupTime(raw)
        if time == nil { errors.add(field, "Enter the time it \(ends ? "ends" : "starts") as HH:MM.") }
        return time
    }

    /// The moment `time` on `day` begins in `zone`.
    public static func moment(_ day: LocalDate, _ time: StandupTime, in zone: TimeZone) -> Date {
        StandupRules.deadline(of: day, at: time, in: zone)
    }
}

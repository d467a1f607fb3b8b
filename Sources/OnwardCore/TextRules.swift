/// The rules for text a person types, in one place: trimmed at both ends, at most a stated number
/// of characters, and no control character but line breaks and tabs (a NUL byte was stored and
/// then cut off on reading, and other controls hide text). A line break in any spelling (CR LF as
/// browsers send a text area's, a lone CR as old spreadsheets write it) is kept as LF.
public enum TextRules {
    /// Every limit, by what the text is; `openapi.json` states the same numbers as `maxLength`.
    public enum Limit {
        /// A name, a title, a company, a place: one line.
        public static let short = 200
        /// A next action, a sentence.
        public static let sentence = 500
        /// Notes, feedback: free text.
        public static let long = 10_000
        /// A web address.
        public static let address = 2_000
    }

    /// `raw` checked for `field`: trimmed, line breaks normalised, and reported to `errors` when it
    /// is longer than `limit`, holds a control character or turns text direction around. Text of
    /// nothing but white space and invisible format characters (a zero-width space) is read as
    /// empty, so a required name or title cannot be blank to the eye. `label` names the field in
    /// messages.
    public static func checked(_ raw: String, field: String, label: String, limit: Int, trim: Bool = true, into errors: inout ValidationErrors) -> String {
        var text = (trim ? raw.trimmed : raw).replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        if trim, text.unicodeScalars.allSatisfy(isInvisible) { text = "" }
        if text.unicodeScalars.contains(where: isRefused) {
            errors.add(field, "The \(label) holds a control character (such as a NUL byte) that Onward cannot keep: type it again without it.")
        } else if text.unicodeScalars.contains(where: isDirectionControl) {
            errors.add(field, "The \(label) holds a character that reverses or isolates the direction of text (U+202A to U+202E, U+2066 to U+2069), which can hide what it says: type it again without it.")
        } else if text.unicodeScalars.count > limit {
            // Counted as JSON Schema's maxLength counts, in Unicode code points.
            errors.add(field, "Keep the \(label) under \(limit.formatted) characters (it has \(text.unicodeScalars.count.formatted)).")
        }
        return text
    }

    /// A control character other than a line feed or a tab.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
    }

    /// A bidirectional override or isolate: it makes text read in another order than it is stored
    /// ("Priya" shown for what is typed backwards). The marks that only nudge direction (U+200E,
    /// U+200F), which right-to-left writing needs, are kept.
    public static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// White space, or a format character that shows nothing (a zero-width space, a soft hyphen).
    /// Only the format characters of the Basic Multilingual Plane count: `openapi.json` states the
    /// rule as a pattern, and a JSON Schema pattern can name no character beyond that plane.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (scalar.value < 0x10000 && scalar.properties.generalCategory == .format)
    }
}

extension Int {
    /// "10,000": digits grouped by thousands, whatever the machine's locale.
    public var formatted: String {
        let digits = String(self.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (self < 0 ? "-" : "") + grouped
    }
}

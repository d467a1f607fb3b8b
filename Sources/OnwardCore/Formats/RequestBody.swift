/// What a request body may hold before anything decodes it, and the scans that check it.
///
/// Vapor's form decoders copy what they have built on every field they add, so a body of many
/// fields (or of one name repeated, or of `name[]` keys) costs the square of its size: one
/// anonymous megabyte kept a core busy for minutes. Onward's forms are flat and small, so a body is
/// first scanned once, byte by byte, and refused unless it is shaped like one of them; only then is
/// it decoded. The JSON API's bodies are bounded the same way, in depth and in items.
public enum RequestBody {
    /// The most fields a web form may send. Onward's largest form (a request to pair, with its
    /// three time windows) sends 17 with its CSRF token; the rest is margin.
    public static let maxFields = 64
    /// The most bytes a visitor who is not signed in may send: the sign-in and invitation forms
    /// send well under a kilobyte.
    public static let maxVisitorBytes = 64 * 1024
    /// How deep the API's JSON may nest (its deepest body, a meeting with its recommendations, is 3).
    public static let maxJSONDepth = 16
    /// The most items in one JSON array, or members in one object. Each field's own limit is
    /// stricter (`maxItems` in `openapi.json`); this one holds for whatever the body carries.
    public static let maxJSONItems = 1_000

    /// Why a body was refused before it was decoded.
    public enum Refusal: Error, Equatable, Sendable {
        case tooManyFields(limit: Int)
        /// A field name with `[` or `]`: Onward's forms send none, and decoders read them as nesting.
        case nestedFieldName
        /// A field name that is not percent-encoded text, or a field without a name.
        case malformedField
        case tooDeep(limit: Int)
        case tooManyItems(limit: Int)

        public var message: String {
            switch self {
            case .tooManyFields(let limit): "The form sends more than \(limit) fields; Onward's forms send fewer. Reload the page and try again."
            case .nestedFieldName: "A field name holds '[' or ']'; Onward's forms send none."
            case .malformedField: "A field has no name, or a name that is not percent-encoded text."
            case .tooDeep(let limit): "The JSON nests deeper than \(limit) levels."
            case .tooManyItems(let limit): "A JSON array or object holds more than \(limit.formatted) items."
            }
        }
    }

    // MARK: Forms

    /// The fields of an `application/x-www-form-urlencoded` body, in order, names and values
    /// decoded; refused when there are more than `limit`, when a name holds a bracket or when a
    /// field has no name. Linear in the body's size.
    public static func urlEncodedFields(_ body: UnsafeRawBufferPointer, limit: Int = maxFields) throws -> [(name: String, value: String)] {
        let ampersand = UInt8(ascii: "&"), equals = UInt8(ascii: "=")
        // Counted before anything is decoded: at most one field more than there are separators.
        var separators = 0
        for byte in body where byte == ampersand {
            separators += 1
            if separators >= limit { throw Refusal.tooManyFields(limit: limit) }
        }
        var fields: [(name: String, value: String)] = []
        var start = 0
        while start < body.count {
            var end = start
            while end < body.count, body[end] != ampersand { end += 1 }
            if end > start {
                var split = start
                while split < end, body[split] != equals { split += 1 }
                // A browser sends every field as `name=value`, the value perhaps empty.
                guard split < end, let name = percentDecoded(body, start..<split), !name.isEmpty else { throw Refusal.malformedField }
                if name.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) { throw Refusal.nestedFieldName }
                guard let value = percentDecoded(body, (split + 1)..<end) else { throw Refusal.malformedField }
                fields.append((name, value))
            }
            start = end + 1
        }
        return fields
    }

    /// A field name from a multipart part's `Content-Disposition` header (`form-data; name="x";
    /// filename="y"`), checked as a form's names are.
    public static func multipartFieldName(disposition: String) throws -> String {
        var name: String?
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmed }
            guard pair.count == 2, pair[0].lowercased() == "name" else { continue }
            var value = Substring(pair[1])
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            name = String(value)
        }
        guard let name, !name.isEmpty else { throw Refusal.malformedField }
        if name.contains("[") || name.contains("]") { throw Refusal.nestedFieldName }
        return name
    }

    /// `+` as a space and `%XX` as a byte, read as UTF-8; nil for a broken escape or bytes that
    /// are not UTF-8.
    private static func percentDecoded(_ body: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = body[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < range.upperBound, let high = hexValue(body[index + 1]), let low = hexValue(body[index + 2]) else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: JSON

    /// Checks a JSON body's shape in one pass, without decoding it: no deeper than `maxDepth`,
    /// no array or object with more than `maxItems` items. Whether it is valid JSON is left to the
    /// decoder, which then has a bounded body to read.
    public static func checkJSON(_ body: UnsafeRawBufferPointer, maxDepth: Int = maxJSONDepth, maxItems: Int = maxJSONItems) throws {
        var inString = false, escaped = false
        // Separators seen at each open level: n commas mean n + 1 items.
        var commas: [Int] = []
        commas.reserveCapacity(maxDepth)
        for byte in body {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if commas.count >= maxDepth { throw Refusal.tooDeep(limit: maxDepth) }
                commas.append(0)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = commas.popLast()
            case UInt8(ascii: ","):
                guard !commas.isEmpty else { continue }
                commas[commas.count - 1] += 1
                if commas[commas.count - 1] >= maxItems { throw Refusal.tooManyItems(limit: maxItems) }
            default:
                continue
            }
        }
    }
}

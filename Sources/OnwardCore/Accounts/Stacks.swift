import Foundation

/// The technologies a person works in ("Ruby", "React", ".NET"), as typed on a profile and on a
/// request to pair: at most twelve, each under 40 characters, compared without regard to case.
public enum Stacks {
    public static let most = 12
    public static let longest = 40

    /// "Swift, Vapor ,  React" → ["Swift", "Vapor", "React"]: trimmed, empty ones dropped, duplicates
    /// (ignoring case) kept once, in the order typed. Commas and new lines both separate.
    public static func parse(_ raw: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for piece in raw.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let stack = piece.trimmed
            guard !stack.isEmpty, seen.insert(key(stack)).inserted else { continue }
            result.append(stack)
        }
        return result
    }

    /// The stacks in `raw`, or an error on `field` naming what is wrong.
    public static func validate(_ raw: String, field: String, into errors: inout ValidationErrors) -> [String] {
        let stacks = parse(raw)
        // Counted as sent, before duplicates fold: the API's document says at most this many items.
        if stacks.count > most || raw.split(whereSeparator: { $0 == "," || $0 == "\n" }).count > most {
            errors.add(field, "List at most \(most) stacks.")
        } else if stacks.contains(where: { $0.count > longest }) {
            errors.add(field, "Keep each stack under \(longest) characters.")
        } else if stacks.contains(where: { $0.unicodeScalars.contains { TextRules.isRefused($0) || TextRules.isDirectionControl($0) } }) {
            errors.add(field, "The stacks hold a control character (such as a NUL byte, or one that turns text direction around) that Onward cannot keep: type them again without it.")
        }
        return stacks
    }

    /// Stacks sent as a list (the API) as a form types them, a line each; an item holding a comma
    /// or a line break would read as two, and is refused.
    public static func typed(_ items: [String], field: String) throws(ValidationErrors) -> String {
        // Counted as sent: blank items, which the form would drop, count against the document's maxItems.
        if items.count > most { throw ValidationErrors([FieldError(field: field, message: "List at most \(most) stacks.")]) }
        if items.contains(where: { $0.contains(where: { $0 == "," || $0.isNewline }) }) {
            throw ValidationErrors([FieldError(field: field, message: "Send each stack as its own item, with no comma or line break in it.")])
        }
        return items.joined(separator: "\n")
    }

    /// How a stack compares with another: "ruby" is "Ruby ".
    public static func key(_ stack: String) -> String { stack.trimmed.lowercased() }

    /// The keys of `stacks`, to compare sets of them.
    public static func keys(_ stacks: [String]) -> Set<String> { Set(stacks.map(key)) }
}

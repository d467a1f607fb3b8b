/// How pages say a count, in one place: "1 application", "3 applications", never
/// "1 applications" or "3 application(s)".
public enum Wording {
    /// `n` and the word for it: `singular` for one, else `plural` (the singular with an s when
    /// none is given).
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// Items as a sentence says them: "a", "a or b", "a, b or c".
    public static func list(_ items: [String], joinedBy word: String = "and") -> String {
        guard let last = items.last else { return "" }
        let head = items.dropLast()
        return head.isEmpty ? last : head.joined(separator: ", ") + " \(word) " + last
    }
}

/// Where a person may be sent back to after signing in: a path on this site, and nothing that a
/// browser could read as another site.
public enum LocalPath {
    /// `raw` if it is a path on this site, else nil. Parsed, not matched against bad prefixes:
    /// it must start with one "/", hold no control character, no backslash and no white space
    /// (browsers drop tabs and line breaks and read "\" as "/", so "/\t/evil.example" is
    /// "//evil.example"), and no scheme or authority of its own.
    public static func validated(_ raw: String?) -> String? {
        guard let raw, raw.utf8.count <= 2_000, raw.hasPrefix("/") else { return nil }
        for scalar in raw.unicodeScalars {
            if scalar.value < 0x21 || scalar.value == 0x7F || scalar == "\\" { return nil }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { return nil }
        }
        // The path proper (before any query or fragment) must not begin with two slashes, which
        // is an authority ("//evil.example/x"), nor hold a scheme ("/x:y" is fine; "https:" is
        // not a path as it does not start with "/").
        let path = raw.prefix { $0 != "?" && $0 != "#" }
        guard !path.hasPrefix("//") else { return nil }
        // Percent-encoded slashes and backslashes at the start are what a browser might decode.
        let lower = path.lowercased()
        guard !lower.hasPrefix("/%2f"), !lower.hasPrefix("/%5c") else { return nil }
        return raw
    }
}

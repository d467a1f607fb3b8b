import Foundation

extension LocalDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Reads a date as trackers and spreadsheets write it: ISO ("2026-11-02", or a timestamp
    /// starting so), day/month/year with slashes, dashes or dots ("2/11/2026", "02-11-26"; read
    /// as month/day only when the day/month reading is impossible), or with a month name
    /// ("2 Nov 2026", "Nov 2, 2026", "November 2 2026").
    public init?(loose raw: String) {
        let text = raw.trimmed
        guard !text.isEmpty else { return nil }
        if text.count >= 10, let iso = LocalDate(iso: String(text.prefix(10))) {
            self = iso
            return
        }
        let numeric = text.split(whereSeparator: { "/-.".contains($0) })
        if numeric.count == 3, numeric.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            let a = Int(numeric[0])!, b = Int(numeric[1])!
            var year = Int(numeric[2])!
            if numeric[2].count == 2 { year += 2000 }
            guard numeric[2].count == 2 || numeric[2].count == 4 else { return nil }
            if let date = LocalDate(year: year, month: b, day: a) ?? LocalDate(year: year, month: a, day: b) {
                self = date
                return
            }
            return nil
        }
        let words = text.lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        guard words.count == 3 else { return nil }
        func month(_ word: String) -> Int? {
            guard word.count >= 3 else { return nil }
            return LocalDate.months.firstIndex(of: String(word.prefix(3))).map { $0 + 1 }
        }
        func day(_ word: String) -> Int? {
            Int(word.filter(\.isNumber)).flatMap { word.first?.isNumber == true ? $0 : nil }
        }
        guard let year = Int(words[2]), words[2].count == 4 else { return nil }
        if let m = month(words[1]), let d = day(words[0]), let date = LocalDate(year: year, month: m, day: d) {
            self = date
        } else if let m = month(words[0]), let d = day(words[1]), let date = LocalDate(year: year, month: m, day: d) {
            self = date
        } else {
            return nil
        }
    }
}

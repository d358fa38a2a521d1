import DebateCore
import Foundation

/// Reads a cite paragraph: the whole text is kept word for word (`text`), the short cite as
/// styled (`short`); structured fields are filled only where they can be read with confidence.
public enum CiteReader {
    /// The year a two-digit year is read against: `'25` is 2025 while that is at most one year
    /// ahead of this one, else 1925 (a sliding century, not a fixed cutoff).
    public static let currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())

    public static func read(text: String, short: String) -> Citation {
        fill(Citation(text: text, short: short))
    }

    /// Fills author, date, title and URL from `text` and `short`; existing values are replaced.
    public static func fill(_ cite: Citation) -> Citation {
        var cite = cite
        let text = cite.text ?? ""
        let short = cite.short ?? ""
        cite.author = nil; cite.date = nil; cite.title = nil; cite.url = nil; cite.qualifications = nil; cite.publication = nil
        cite.url = url(in: text)
        cite.title = quoted(in: text)
        if let (name, year) = nameAndYear(short) {
            cite.date = fullDate(in: text, year: year) ?? String(year)
            // The short cite's name may be an author or a publication: only a full name spelled out is taken.
            cite.author = fullName(in: text, after: short, lastName: name)
        }
        return cite
    }

    /// `Smith 25`, `Smith '25`, `Smith and Jones 2019`, `Smith et al. 21` → ("Smith", 2025) …
    static func nameAndYear(_ short: String) -> (String, Int)? {
        var words = short.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard words.count >= 2, var last = words.popLast() else { return nil }
        last = last.trimmingCharacters(in: CharacterSet(charactersIn: "'’‘,.:;()[]"))
        guard last.allSatisfy(\.isASCII), last.allSatisfy(\.isNumber) else { return nil }
        let year: Int
        switch last.count {
        case 2: year = century(Int(last)!, now: currentYear)
        case 4:
            guard let y = Int(last), (1800...(currentYear + 1)).contains(y) else { return nil }
            year = y
        default: return nil
        }
        let name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–—-"))
        guard !name.isEmpty, name.contains(where: \.isLetter), name.count <= 80 else { return nil }
        return (name, year)
    }

    public static func century(_ yy: Int, now: Int) -> Int {
        let thisCentury = now / 100 * 100
        let candidate = thisCentury + yy
        return candidate <= now + 1 ? candidate : candidate - 100
    }

    static func url(in text: String) -> String? {
        guard let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
        var url = String(text[start.lowerBound...].prefix(while: { !$0.isWhitespace }))
        while let last = url.last, ".,;:)]}>”\"'".contains(last) { url.removeLast() }
        return url.count > 10 ? url : nil
    }

    static func quoted(in text: String) -> String? {
        for (open, close) in [("“", "”"), ("\"", "\"")] {
            guard let a = text.range(of: open), let b = text.range(of: close, range: a.upperBound..<text.endIndex) else { continue }
            var title = String(text[a.upperBound..<b.lowerBound]).trimmingCharacters(in: .whitespaces)
            while let last = title.last, ",.".contains(last) { title.removeLast() }
            if title.count >= 3 && title.count <= 300 { return title }
        }
        return nil
    }

    /// A date with that year written out in the cite: `8/15/25`, `8-15-2025`, `August 15, 2025`, `15 August 2025`.
    static func fullDate(in text: String, year: Int) -> String? {
        let yy = String(format: "%02d", year % 100)
        let patterns = [
            #"\b\d{1,2}[/.\-]\d{1,2}[/.\-](\#(year)|\#(yy))\b"#,
            #"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \#(year)\b"#,
            #"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \#(year)\b"#,
            #"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \#(year)\b"#,
        ]
        for pattern in patterns {
            if let range = text.range(of: pattern, options: .regularExpression) { return String(text[range]) }
        }
        return nil
    }

    /// The author's full name when the cite spells it right after the short cite, e.g.
    /// `Smith 25 (Jane Q. Smith, professor …)` → `Jane Q. Smith`.
    static func fullName(in text: String, after short: String, lastName: String) -> String? {
        guard let range = text.range(of: short) else { return nil }
        let rest = text[range.upperBound...].drop(while: { $0.isWhitespace || "([–—-:".contains($0) })
        guard let end = rest.firstIndex(where: { ",;(|".contains($0) }) else { return nil }
        let candidate = rest[..<end].trimmingCharacters(in: .whitespaces)
        let words = candidate.split(separator: " ")
        let firstLast = lastName.split(separator: " ").first.map(String.init) ?? lastName
        guard (2...6).contains(words.count), candidate.contains(firstLast), !candidate.contains(where: \.isNumber) else { return nil }
        return candidate
    }
}

import DebateCore
import Foundation

/// Reads a cite paragraph: the whole text is kept word for word (`text`), the short cite as
/// styled (`short`); structured fields are filled only where they can be read with confidence.
public enum CiteReader {
    /// The year a two-digit year is read against: `'25` is 2025 while that is at most one year
    /// ahead of this one, else 1925 (a sliding century, not a fixed cutoff).
    public static let currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())

    public static func read(text: String, short: String) -> Citation {
        let short = located(short, in: text)
        return fill(Citation(text: text, short: short.isEmpty ? nil : short))
    }

    /// The short cite as the cite paragraph writes it, so renderers find it there and style it: its
    /// words with the paragraph's own spaces between them (a no-break space, two spaces), else its
    /// longest leading run of words that the paragraph holds together ("LEE ’19" from bold words
    /// apart → "LEE"). Empty when not even its first word is there.
    static func located(_ short: String, in text: String) -> String {
        guard !short.isEmpty, !text.contains(short) else { return short }
        var words = short.split(whereSeparator: \.isWhitespace).map(String.init)
        while !words.isEmpty {
            let pattern = words.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "\\s+")
            if let regex = try? NSRegularExpression(pattern: pattern),
               let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range, in: text) {
                return String(text[range])
            }
            words.removeLast()
        }
        return ""
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
        guard text.utf8.contains(0x3A), let start = text.firstRange(of: "https://") ?? text.firstRange(of: "http://") else { return nil }
        var url = String(text[start.lowerBound...].prefix(while: { !$0.isWhitespace }))
        while let last = url.last, ".,;:)]}>”\"'".contains(last) { url.removeLast() }
        return url.count > 10 ? url : nil
    }

    static func quoted(in text: String) -> String? {
        for (open, close) in [("“", "”"), ("\"", "\"")] {
            guard let a = text.firstRange(of: open), let b = text[a.upperBound...].firstRange(of: close) else { continue }
            var title = String(text[a.upperBound..<b.lowerBound]).trimmingCharacters(in: .whitespaces)
            while let last = title.last, ",.".contains(last) { title.removeLast() }
            if title.count >= 3 && title.count <= 300 { return title }
        }
        return nil
    }

    /// A date with that year written out in the cite: `8/15/25`, `8-15-2025`, `August 15, 2025`, `15 August 2025`.
    static func fullDate(in text: String, year: Int) -> String? {
        let bytes = Array(text.utf8)
        let full = Array(String(year).utf8), short = Array(String(format: "%02d", year % 100).utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A }
        /// Start of 1–2 digits ending just before `end`, or nil.
        func digitsBack(_ end: Int) -> Int? {
            guard isDigit(end - 1) else { return nil }
            let start = isDigit(end - 2) ? end - 2 : end - 1
            return isDigit(start - 1) ? nil : start
        }
        /// Start of a month name (or its abbreviation, with an optional period) ending just before `end`.
        func monthBack(_ end: Int) -> Int? {
            var e = end
            if e > 0 && bytes[e - 1] == 0x2E { e -= 1 }
            var start = e
            while isLetter(start - 1) { start -= 1 }
            guard e - start >= 3 else { return nil }
            let word = String(decoding: bytes[start..<e], as: UTF8.self).lowercased()
            return months.contains(where: { word == $0 || (word.count >= 3 && $0.hasPrefix(word)) }) ? start : nil
        }
        func string(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        for (needle, isFull) in [(full, true), (short, false)] {
            var i = 0
            while i + needle.count <= bytes.count {
                defer { i += 1 }
                guard bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle,
                      !isDigit(i - 1), !isDigit(i + needle.count) else { continue }
                let end = i + needle.count
                // 8/15/25, 8-15-2025, 15.8.2025
                if i >= 1, "/.-".utf8.contains(bytes[i - 1]), let d2 = digitsBack(i - 1), d2 >= 1,
                   bytes[d2 - 1] == bytes[i - 1], let d1 = digitsBack(d2 - 1) {
                    return string(d1, end)
                }
                guard isFull, i >= 2, bytes[i - 1] == 0x20 else { continue }
                // August 15, 2025 / Aug. 15 2025
                var k = i - 1
                if bytes[k - 1] == 0x2C { k -= 1 }
                if let d = digitsBack(k), d >= 2, bytes[d - 1] == 0x20, let m = monthBack(d - 1) { return string(m, end) }
                // 15 August 2025
                if let m = monthBack(i - 1), m >= 2, bytes[m - 1] == 0x20, let d = digitsBack(m - 1) { return string(d, end) }
                // August 2025
                if let m = monthBack(i - 1) { return string(m, end) }
            }
        }
        return nil
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "sept"]

    /// The author's full name when the cite spells it right after the short cite, e.g.
    /// `Smith 25 (Jane Q. Smith, professor …)` → `Jane Q. Smith`.
    static func fullName(in text: String, after short: String, lastName: String) -> String? {
        guard let range = text.firstRange(of: short) else { return nil }
        let rest = text[range.upperBound...].drop(while: { $0.isWhitespace || "([–—-:".contains($0) })
        guard let end = rest.firstIndex(where: { ",;(|".contains($0) }) else { return nil }
        let candidate = rest[..<end].trimmingCharacters(in: .whitespaces)
        let words = candidate.split(separator: " ")
        let firstLast = lastName.split(separator: " ").first.map(String.init) ?? lastName
        guard (2...6).contains(words.count), candidate.contains(firstLast), !candidate.contains(where: \.isNumber) else { return nil }
        return candidate
    }
}

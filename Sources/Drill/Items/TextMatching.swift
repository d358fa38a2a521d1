import DebateCore
import Foundation

/// Lenient comparison of what a user typed with what the deck says: case, accents, quotes and
/// punctuation do not matter, and words match on a rough stem ("hedging" finds "hedge").
public enum TextMatching {
    /// Lower-cased, accent-free words of letters and digits; apostrophes and hyphens join a word.
    public static func words(_ text: String) -> [String] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(text) : foldedWords(text)
    }

    /// `foldedWords` for ASCII text, where folding case and accents is lowering A-Z.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 0x20)
            case UInt8(ascii: "'"), UInt8(ascii: "-") where !current.isEmpty:
                continue
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static func foldedWords(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if (scalar == "'" || scalar == "’" || scalar == "-"), !current.isEmpty {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Words that carry meaning: the rest are skipped when matching.
    public static func contentWords(_ text: String) -> [String] {
        words(text).filter { !stopWords.contains($0) }
    }

    /// A rough stem: common English endings dropped, so inflections of one word compare equal.
    public static func stem(_ word: String) -> String {
        for suffix in ["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s", "e"]
        where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// Whether `answer` says enough of `term`, by stem: half of a short term's content words, or three
    /// of a long one's (a whole highlighted sentence is said in a few of its words, not half of them).
    public static func hits(_ term: String, in answer: String) -> Bool {
        let termStems = Set(contentWords(term).map(stem))
        guard !termStems.isEmpty else { return false }
        let answerStems = Set(contentWords(answer).map(stem))
        let found = termStems.intersection(answerStems).count
        return found * 2 >= termStems.count || found >= 3
    }

    public enum Verdict: Sendable, Hashable {
        /// The same words (ignoring case, accents, punctuation and small words).
        case correct
        /// A typo or two away.
        case close
        case wrong
    }

    /// Grades a typed cloze answer against the blanked phrase.
    public static func compare(typed: String, expected: String) -> Verdict {
        let typedWords = words(typed), expectedWords = words(expected)
        guard !typedWords.isEmpty else { return .wrong }
        if typedWords == expectedWords { return .correct }
        let expectedContent = contentWords(expected).map(stem)
        let typedContent = contentWords(typed).map(stem)
        if !expectedContent.isEmpty && expectedContent == typedContent { return .correct }
        let a = typedWords.joined(separator: " "), b = expectedWords.joined(separator: " ")
        if editDistance(a, b) <= max(1, b.count / 6) { return .close }
        // Most of the words, one swapped for a synonym ("well placed" for "well positioned"): close.
        let found = Set(expectedContent).intersection(typedContent).count
        if expectedContent.count >= 3 && found * 4 >= expectedContent.count * 3 { return .close }
        // One word off: one content word missing, added or swapped, the others right (README: Hard).
        if expectedContent.count >= 2, found >= expectedContent.count - 1, typedContent.count <= expectedContent.count + 1 {
            return .close
        }
        return .wrong
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those",
        "not", "no", "nor", "so", "than", "then", "there", "their", "them", "they", "we", "our", "us",
        "has", "have", "had", "do", "does", "did", "can", "will", "would", "should", "just", "all", "any",
    ]
}

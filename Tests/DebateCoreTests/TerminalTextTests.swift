import DebateCore
import Testing

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalText.sanitize("a\u{1B}[2Jb\u{07}c\td\ne\u{9B}f\u{202E}g") == "a\\x1B[2Jb\\x07c\td\ne\\x9Bf\\u{202E}g")
        #expect(TerminalText.sanitize("one\ntwo\r", keepNewlines: false) == "one\\x0Atwo\\x0D")
        let plain = "Belarus – “engagement” works"
        #expect(TerminalText.sanitize(plain) == plain)
    }

    /// The byte scan that lets `debate build -o -` skip `sanitize` finds exactly what it would change,
    /// wherever it sits among the eight-byte words it reads.
    @Test func byteScanAgreesWithSanitize() {
        let pieces = ["\u{1B}", "\u{07}", "\r", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{202A}", "\u{202E}", "\u{202F}",
                      "\u{2066}", "\u{2069}", "\u{206A}", "–", "“", "é", "\t", "\n", "~", " ", "€"]
        for piece in pieces {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + piece + String(repeating: "b", count: offset % 9)
                var copy = text
                let found = copy.withUTF8 { TerminalText.containsUnsafe(utf8: UnsafeRawBufferPointer($0)) }
                #expect(found == (TerminalText.sanitize(text) != text), "\(piece.unicodeScalars.map(\.value)) at \(offset)")
            }
        }
        // After a line break or tab in the same eight bytes (the scan looks at such bytes alone).
        for first in ["\n", "\t", "\n ", "\n\n"] {
            for piece in pieces {
                for offset in 0..<9 {
                    let text = String(repeating: "a", count: offset) + first + piece + "bbbbbbbbb"
                    var copy = text
                    let found = copy.withUTF8 { TerminalText.containsUnsafe(utf8: UnsafeRawBufferPointer($0)) }
                    #expect(found == (TerminalText.sanitize(text) != text), "\(first.debugDescription) \(piece.unicodeScalars.map(\.value)) at \(offset)")
                }
            }
        }
    }

    @Test func ownStylesPassOthersDoNot() {
        let styled = "\u{1B}[1mbold\u{1B}[0m \u{1B}]0;title\u{07}"
        #expect(TerminalText.sanitize(styled, allowing: ["\u{1B}[1m", "\u{1B}[0m"]) == "\u{1B}[1mbold\u{1B}[0m \\x1B]0;title\\x07")
    }

    @Test func excerptsAreShortAndOneLine() {
        #expect(TerminalText.excerpt(String(repeating: "x", count: 1000), limit: 5) == "xxxxx…")
        #expect(TerminalText.excerpt("a\nb", limit: 5) == "a\\x0Ab")
    }

    @Test func claimIDGrammar() {
        for good in ["values.double-standard", "mid.link", "kialo-transit.1-2", "0day", "a_b"] { #expect(ClaimID.isValid(good), "\(good)") }
        for bad in ["", ".x", "-x", "Mid.link", "a b", "a\nb", "a\u{1B}b", "a/b", "ü", String(repeating: "a", count: 201)] {
            #expect(!ClaimID.isValid(bad), "\(bad.debugDescription)")
        }
        #expect(ClaimID.problem("a\u{1B}[2J") == "claim id `a\\x1B[2J` contains `U+001B`; use lowercase letters, digits, dots, underscores and dashes")
    }
}

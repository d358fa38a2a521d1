@testable import DebateCore
import Testing
import YAMLCoding

@Test func nestedSpansBecomeRuns() throws {
    let evidence = try Evidence(markup: "a __b ==c **d**== e__ f")
    #expect(evidence.plainText == "a b c d e f")
    #expect(evidence.runs == [
        .init("a "), .init("b ", .underline), .init("c ", [.underline, .highlight]),
        .init("d", [.underline, .highlight, .emphasis]), .init(" e", .underline), .init(" f"),
    ])
    #expect(evidence.highlightedText == "c d")
    #expect(evidence.highlightedWordCount == 2)
}

@Test func separateHighlightsAreSeparateWords() throws {
    let evidence = try Evidence(markup: "==one==two ==three==")
    #expect(evidence.highlightedText == "one three")
    #expect(evidence.highlightedWordCount == 2)
}

@Test func backslashEscapesMarkup() throws {
    let evidence = try Evidence(markup: #"x \=\= y \*\* z"#)
    #expect(evidence.plainText == "x == y ** z")
    #expect(evidence.runs.count == 1)
}

@Test func unclosedSpanIsAnErrorAtItsMarker() {
    #expect(throws: EvidenceError.self) { try Evidence(markup: "fine ==not closed") }
    do {
        _ = try Evidence(markup: "fine ==not closed", locate: { SourceLocation(path: "f.yaml", line: 3, column: 7 + $0) })
    } catch {
        #expect(error.offset == 5)
        #expect(error.description == "f.yaml:3:12: error: unclosed highlight `==` span in evidence")
    }
}

@Test func crossedSpansAreAnError() {
    do {
        _ = try Evidence(markup: "__a ==b__ c==")
        Issue.record("crossed spans were accepted")
    } catch {
        #expect(error.message.contains("spans must nest"))
        #expect(error.offset == 7)
    }
}

@Test(arguments: [("", 0), ("one", 1), ("don't stop", 2), ("well-known fact", 2), ("— 2022 —", 1), ("a, b; c.", 3)])
func wordsAreCounted(_ text: String, _ count: Int) {
    #expect(wordCount(text) == count)
}

@Test func errorOffsetsCountCharactersNotBytes() {
    do {
        _ = try Evidence(markup: "café — naïve ==open")
        Issue.record("unclosed span was accepted")
    } catch {
        #expect(error.offset == 13)
    }
}

@Test func escapedNonASCIIKeepsTheCharacter() throws {
    #expect(try Evidence(markup: #"a \é b"#).plainText == "a é b")
}

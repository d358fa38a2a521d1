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
        #expect(error.description == "f.yaml:3:12: error: this highlight `==` is never closed; add the closing `==` where the span should end")
    }
}

@Test func crossedSpansAreAnError() {
    do {
        _ = try Evidence(markup: "__a ==b__ c==")
        Issue.record("crossed spans were accepted")
    } catch {
        // Reported where the highlight opens: that is where its closing marker is missing.
        #expect(error.message == "this highlight `==` is still open where the underline `__` around it closes")
        #expect(error.hint == "close it with `==` before the underline `__` at character 8 closes")
        #expect(error.offset == 4)
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

@Test func aSpanOverALineBreakThatCrossesIsReportedWhereItOpens() {
    do {
        _ = try Evidence(markup: "==a b.\n__c ==d== e__")
        Issue.record("crossed spans were accepted")
    } catch {
        // The first `==` lost its closer, so the `==` before "d" closed it inside the underline.
        #expect(error.offset == 0)
        #expect(error.message == "this highlight `==` does not close before the underline `__` at character 8, so the two cross")
        #expect(error.hint == "add the closing `==` where the span should end; `==` marks pair in order, so the one at "
            + "character 12 was read as its close")
    }
}

@Test(arguments: [("aff", Side.pro), ("neg", .con), ("Affirmative", .pro), ("negative", .con), ("pro", .pro), ("con", .con)])
func sidesAreReadInEveryDebateSpelling(_ word: String, _ side: Side) throws {
    struct Holder: Decodable { var side: Side }
    #expect(try YAMLDecoder().decode(Holder.self, from: "side: \(word)\n", path: "s.yaml").side == side)
}

@testable import DebateCore
import Foundation
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

/// Evidence read from markup keeps its runs as pieces of the markup's bytes; the runs it makes must
/// be those of a plain reading of the markup: escapes dropped, spans of one style joined across an
/// escape or a closed-and-reopened marker, non-ASCII text and a trailing backslash kept.
@Test(arguments: [
    (#"a\_b"#, [Evidence.Run("a_b")]),
    (#"==a\=b=="#, [Evidence.Run("a=b", .highlight)]),
    (#"==a\==b=="#, [Evidence.Run("a==b", .highlight)]),
    ("__a____b__ c", [Evidence.Run("ab", .underline), Evidence.Run(" c")]),
    (#"é\ü ==ö==\"#, [Evidence.Run("éü "), Evidence.Run("ö", .highlight), Evidence.Run(#"\"#)]),
    ("==**x**====y==", [Evidence.Run("x", [.highlight, .emphasis]), Evidence.Run("y", .highlight)]),
    ("____", []),
])
func runsAreMadeFromPiecesOfTheMarkup(_ markup: String, _ runs: [Evidence.Run]) throws {
    let evidence = try Evidence(markup: markup)
    #expect(evidence.runs == runs, "\(markup)")
    #expect(evidence.plainText == runs.map(\.text).joined())
}

@Test func changingTheMarkupKeepsTheRunsItHad() throws {
    var evidence = try Evidence(markup: "a ==b== c")
    let runs = evidence.runs
    evidence.markup = "something else"
    #expect(evidence.runs == runs)
    var given = Evidence(runs: [.init("x", .underline)], markup: "__x__")
    given.runs.append(.init("y"))
    #expect(given.runs == [.init("x", .underline), .init("y")])
}

/// Decoded from YAML, evidence keeps its scalar's value as its markup (one string, not two) and
/// still points at the word in the file.
@Test func decodedEvidenceSharesItsMarkupAndStillLocatesWords() throws {
    struct Holder: Decodable { var evidence: Evidence }
    let yaml = "evidence: |\n  first line\n  ==second== line\n"
    let holder = try YAMLDecoder().decode(Holder.self, from: Array(yaml.utf8), path: "e.yaml")
    let scalar = try #require(holder.evidence.scalar)
    #expect(scalar.value == holder.evidence.markup)
    #expect(holder.evidence.location(ofPlainOffset: 11) == SourceLocation(path: "e.yaml", line: 3, column: 5))
}

/// A decoded claim file does not keep its text in memory for its evidence: a position inside the
/// evidence reads the file again when asked for, and is the same.
@Test func aDecodedFilesEvidenceReadsItsFileForPositions() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString).yaml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "claims:\n  - id: x.one\n    side: pro\n    tag: One\n    evidence: |\n      first line\n      ==second== line\n"
        .write(toFile: path, atomically: true, encoding: .utf8)
    let file = try DecodedClaimFile.read(path)
    let evidence = try #require(file.claims.first?.evidence)
    #expect(evidence.scalar?.value == evidence.markup)
    #expect(evidence.location(ofPlainOffset: 11) == SourceLocation(path: path, line: 7, column: 9))
}

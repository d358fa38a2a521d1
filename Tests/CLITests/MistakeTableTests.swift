import Foundation
import Testing

// The coach review's "Mistakes and their messages" table (reviews/2026-11-coach-review.md), made by
// hand in a project made like `debate init` makes one, built with the real binary and no flags:
// each mistake gets its exact message, at its line and column, in the user's words.

private let manifest = """
id: potash
title: Potash
summary: Potash sanctions on Belarus.
version: 0.1.0
kind: pack

"""

/// Line numbers matter: the expectations below point into this text.
private let claims = """
claims:
  - id: potash.leverage
    side: pro
    tag: Sanctions leverage is spent
    tags: [leverage]
    warrant: The potash sanctions already bite.
    cite:
      publication: Example Weekly
      date: "2025"
    evidence: |
      Sanctions on ==potash exports== hurt the regime.
      They __cut ==the regime's revenue== sharply__ this year.
  - id: potash.answer
    side: con
    answers: potash.leverage
    response: no-link
    tag: The leverage was never there

"""

private let deck = """
title: Potash
resolution: Sanctions on Belarus should be lifted.
side: aff
modules:
  - potash
sections:
  - pocket: 1AC
    hats:
      - hat: Leverage
        blocks:
          - block: Leverage is spent
            select:
              modules: [potash]
outputs:
  - { format: markdown, path: out/my-deck.md }

"""

/// A project (decks/ and modules/) with the mistake applied; `debate build decks/my-deck.yaml` in it.
private func buildWithMistake(claims claimsText: String = claims, claimBytes: [UInt8]? = nil, deck deckText: String = deck,
                              deckBytes: [UInt8]? = nil) throws -> (RunResult, URL) {
    let folder = try temporaryFolder()
    let pack = folder.appendingPathComponent("modules/potash")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("decks"), withIntermediateDirectories: true)
    try manifest.write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
    try Data(claimBytes ?? Array(claimsText.utf8)).write(to: pack.appendingPathComponent("claims.yaml"))
    try Data(deckBytes ?? Array(deckText.utf8)).write(to: folder.appendingPathComponent("decks/my-deck.yaml"))
    let result = try debate(["build", "decks/my-deck.yaml"], in: folder)
    return (result, folder)
}

private func replacing(_ old: String, _ new: String, in text: String = claims) -> String {
    precondition(text.contains(old), "fixture lacks \(old)")
    return text.replacingOccurrences(of: old, with: new)
}

/// The one error line, which must be exactly `expected`; no Swift type name anywhere.
private func expectOneError(_ result: RunResult, _ expected: String, code: String, status: Int32 = 65,
                            sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
    let errors = errorLines(result.stderr)
    #expect(errors == [expected + " [\(code)]"], "\(result.stderr)", sourceLocation: sourceLocation)
    for typeName in ["ClaimEntry", "ClaimFile", "BlockSpec", "ResponseKind", "Side", "DeckConfiguration", "ModuleManifest"] {
        #expect(!result.stderr.contains(typeName), "\(result.stderr)", sourceLocation: sourceLocation)
    }
}

private let claimFile = "modules/potash/claims.yaml"

@Test func theMistakeProjectBuildsWithoutAFlag() throws {
    let (result, folder) = try buildWithMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(errorLines(result.stderr).isEmpty)
}

@Test func mistake01TypoedKeyNamesTheClaim() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    tag: Sanctions", "    tga: Sanctions"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):4:5: error: unknown key `tga` in claim `potash.leverage`; did you mean `tag`?", code: "unknown-key")
}

@Test func mistake02LineIndentedTooLittle() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    tags: [leverage]", "  tags: [leverage]"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):5:3: error: this line is indented less than the claim `potash.leverage` it belongs to; "
        + "line `tags:` up with `tag:` (column 5)", code: "yaml-indentation")
}

@Test func mistake02bLineIndentedTooMuch() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    tags: [leverage]", "      tags: [leverage]"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):5:7: error: `tags:` is indented more than `tag:` above it, so YAML reads this line "
        + "as more of `tag`'s text; line `tags:` up with `tag:` (column 5)", code: "yaml-indentation")
}

@Test func mistake03TabBeforeAKey() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    warrant:", "\twarrant:"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):6:1: error: a tab in the indentation: YAML indents with spaces only; replace the tab with spaces", code: "yaml-tab")
}

@Test func mistake05aUnclosedHighlightMidCardIsReportedWhereItOpens() throws {
    // The closing `==` after "potash exports" is deleted: the `==` markers re-pair, and the one
    // after "revenue" opens a span that the underline around it cannot close.
    let (result, folder) = try buildWithMistake(claims: replacing("==potash exports== hurt", "==potash exports hurt"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):11:20: error: this highlight `==` does not close before the underline `__` at 12:12, "
        + "so the two cross; add the closing `==` where the span should end; `==` marks pair in order, so the one at 12:18 "
        + "was read as its close", code: "evidence-markup")
}

@Test func mistake05bUnclosedHighlightNearTheEnd() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("==the regime's revenue== sharply", "==the regime's revenue sharply"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):12:18: error: this highlight `==` is still open where the underline `__` around it closes; "
        + "close it with `==` before the underline `__` at 12:48 closes", code: "evidence-markup")
    let (atEnd, other) = try buildWithMistake(claims: replacing("They __cut ==the regime's revenue== sharply__ this year.",
                                                                "They cut the regime's revenue ==sharply this year."))
    defer { try? FileManager.default.removeItem(at: other) }
    expectOneError(atEnd, "\(claimFile):12:37: error: this highlight `==` is never closed; add the closing `==` where the span should end", code: "evidence-markup")
}

@Test func mistake07UnknownModuleSaysWhereItLookedAndHowToAddAPlace() throws {
    let (typo, folder) = try buildWithMistake(deck: replacing("  - potash\n", "  - potsah\n", in: deck))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(typo, "decks/my-deck.yaml:5:5: error: unknown module `potsah`; did you mean `potash`?", code: "unknown-module")
    let (far, other) = try buildWithMistake(deck: replacing("  - potash\n", "  - potash\n  - tariffs\n", in: deck))
    defer { try? FileManager.default.removeItem(at: other) }
    #expect(far.status == 65)
    let error = try #require(errorLines(far.stderr).first)
    #expect(error.hasPrefix("decks/my-deck.yaml:6:5: error: unknown module `tariffs`; looked in the built-in modules, "
        + "decks/modules (beside the deck), modules (the project's modules), "), "\(error)")
    #expect(error.contains("(your modules)") && error.contains("`debate-module-NAME` programs on PATH"), "\(error)")
    #expect(error.hasSuffix("; put the module's folder in the project's modules/ folder (`debate modules new tariffs` writes it there), "
        + "or add a place with --module-path DIR or DEBATE_MODULE_PATH, or pin it here: `- { id: tariffs, from: path/to/tariffs }` [unknown-module]"),
            "\(error)")
}

@Test func mistake08Latin1FileNamesTheEncodingAndTheFix() throws {
    var bytes = Array(replacing("already bite.", "already bite the caf\u{E9}.").utf8)
    // Latin-1: é is the one byte 0xE9 (in UTF-8 it is C3 A9).
    let index = try #require(bytes.firstIndex(of: 0xC3))
    bytes.replaceSubrange(index...(index + 1), with: [0xE9])
    let (result, folder) = try buildWithMistake(claimBytes: bytes)
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):6:55: error: the file is not UTF-8: the byte here (0xE9) looks like “é” in Windows-1252 (Latin-1); "
        + "save it as UTF-8 in your editor, or convert it: `iconv -f WINDOWS-1252 -t UTF-8 claims.yaml > claims.yaml.utf8 && "
        + "mv claims.yaml.utf8 claims.yaml`", code: "not-utf8")
}

@Test func mistake08bUTF16WithAByteOrderMark() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in claims.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let (result, folder) = try buildWithMistake(claimBytes: bytes)
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):1:1: error: the file is UTF-16 with a byte-order mark, not UTF-8; save it as UTF-8 in your "
        + "editor, or convert it: `iconv -f UTF-16 -t UTF-8 claims.yaml > claims.yaml.utf8 && mv claims.yaml.utf8 claims.yaml`", code: "not-utf8")
}

@Test func aUTF8ByteOrderMarkIsAcceptedSilently() throws {
    let (result, folder) = try buildWithMistake(claimBytes: [0xEF, 0xBB, 0xBF] + Array(claims.utf8),
                                                deckBytes: [0xEF, 0xBB, 0xBF] + Array(deck.utf8))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("warning"), "\(result.stderr)")
}

@Test func mistake09EmptyFilesSayWhatTheFileStartsWith() throws {
    let (emptyClaims, folder) = try buildWithMistake(claims: "")
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(emptyClaims, "\(claimFile):1:1: error: the file is empty; a claim file starts with `claims:` followed by its "
        + "claims, each beginning `- id: …`", code: "empty-file")
    let (emptyDeck, other) = try buildWithMistake(deck: "# to do\n")
    defer { try? FileManager.default.removeItem(at: other) }
    expectOneError(emptyDeck, "decks/my-deck.yaml:1:1: error: the file holds only comments; a deck starts with `title:`, "
        + "`resolution:`, `side:`, `modules:` and `sections:` (`debate init` writes a starter deck)", code: "empty-file")
}

@Test func mistake11ColonInATagSaysToQuoteIt() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("tag: Sanctions leverage is spent", "tag: Turn: isolation backfires"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):4:14: error: `: ` inside an unquoted text starts a new key in YAML; "
        + "put the `tag` in quotes: `tag: \"Turn: isolation backfires\"`", code: "yaml-colon-in-text")
}

@Test func mistake12HashThatEmptiesATagIsAnError() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("tag: The leverage was never there", "tag: #1 answer - no leverage"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):17:10: error: `#` starts a comment in YAML, so `tag` is empty here; "
        + "put the text in quotes: `tag: \"#1 answer - no leverage\"`", code: "yaml-comment-in-text")
}

@Test func mistake12bHashInsideATagIsAWarning() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("tag: The leverage was never there", "tag: Answer #1 is no leverage"))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 0, "\(result.stderr)")
    let warnings = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
    #expect(warnings == ["\(claimFile):17:17: warning: `#` starts a comment in YAML: `tag` ends at “Answer” and "
        + "“#1 is no leverage” is left out; if the `#` belongs to the text, put it in quotes: `tag: \"Answer #1 is no leverage\"` [yaml-comment-in-text]"],
            "\(result.stderr)")
}

@Test func mistake13UnknownResponseNamesTheKey() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("response: no-link", "response: turn"))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    let errors = errorLines(result.stderr)
    #expect(errors.count == 1 && errors[0].hasPrefix("\(claimFile):16:15: error: unknown value `turn` for `response`; expected one of: "),
            "\(result.stderr)")
}

@Test func mistake14AffAndNegAreSides() throws {
    let text = replacing("side: con", "side: neg", in: replacing("side: pro", "side: affirmative"))
    let (result, folder) = try buildWithMistake(claims: text)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 0, "\(result.stderr)")
    let (typo, other) = try buildWithMistake(claims: replacing("side: pro", "side: afff"))
    defer { try? FileManager.default.removeItem(at: other) }
    expectOneError(typo, "\(claimFile):3:11: error: unknown value `afff` for `side`; expected one of: aff, neg, pro, con, "
        + "affirmative, negative; did you mean `aff`?", code: "unknown-value")
}

@Test func mistake15MissingTagNamesTheClaim() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    tag: Sanctions leverage is spent\n", ""))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):2:5: error: missing key `tag` in claim `potash.leverage`", code: "missing-key")
}

@Test func mistake16DeckKeyTypoNamesTheBlock() throws {
    let (result, folder) = try buildWithMistake(deck: replacing("            select:", "            selct:", in: deck))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "decks/my-deck.yaml:12:13: error: unknown key `selct` in block “Leverage is spent”; did you mean `select`?", code: "unknown-key")
}

@Test func unclosedQuoteIsReportedWhereItOpens() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("tag: Sanctions leverage is spent", "tag: \"Sanctions leverage is spent"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):4:10: error: this quote does not close on its line, so YAML reads on to the `\"` on line 9; "
        + "end the text with a matching `\"` on this line", code: "yaml-unclosed-quote")
}

@Test func aKeyDedentedOutOfItsClaimSaysWhereItBelongs() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    tag: The leverage was never there", "tag: The leverage was never there"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):17:1: error: unknown key `tag` in a claim file; if it belongs to the claim `potash.answer` "
        + "above, line `tag:` up with `response:` (column 5)", code: "unknown-key")
}

@Test func anEmptyModuleFileSaysWhatItStartsWith() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pack = folder.appendingPathComponent("modules/empty")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    try "".write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
    let result = try debate(["lint", "modules/empty"], in: folder)
    expectOneError(result, "modules/empty/module.yaml:1:1: error: the file is empty; module.yaml starts with `id:`, `title:`, "
        + "`summary:`, `version:` and `kind: pack` (or `kind: process` and `command:`)", code: "empty-file")
}

@Test func aBudgetKeyTypoNamesTheDecksBudget() throws {
    let (result, folder) = try buildWithMistake(deck: replacing("sections:\n", "budget:\n  wmp: 250\nsections:\n", in: deck))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "decks/my-deck.yaml:7:3: error: unknown key `wmp` in the deck's `budget`; did you mean `wpm`?", code: "unknown-key")
}

@Test func evidencePastedWithTooLittleIndentationSaysSo() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("      They __cut", "    They __cut"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):12:5: error: this line is part of the `evidence` block above but is not indented more "
        + "than `evidence:`; indent every line of the block to column 7, like its first line", code: "yaml-indentation")
    let (first, other) = try buildWithMistake(claims: replacing("      Sanctions on ==potash", "    Sanctions on ==potash"))
    defer { try? FileManager.default.removeItem(at: other) }
    expectOneError(first, "\(claimFile):11:5: error: this line is part of the `evidence` block above but is not indented more "
        + "than `evidence:`; indent the block's lines more than `evidence:`, for example to column 7", code: "yaml-indentation")
}

@Test func aKeyWithoutASpaceAfterItsColonSaysSo() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    answers: potash.leverage", "    answers:potash.leverage"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):15:12: error: `answers:` needs a space after the colon to be a key; "
        + "write `answers: potash.leverage`", code: "yaml-missing-space")
}

@Test func aListAfterAKeyOnTheSameLineSaysWhereItGoes() throws {
    let (result, folder) = try buildWithMistake(claims: replacing("    tags: [leverage]", "    tags: - leverage"))
    defer { try? FileManager.default.removeItem(at: folder) }
    expectOneError(result, "\(claimFile):5:11: error: a list item `- ` cannot follow `key:` on the same line; start the list "
        + "on the next line, indented under the key, or write it as `[first, second]`", code: "yaml-list-after-key")
}

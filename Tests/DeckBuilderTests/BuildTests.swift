import DebateCore
@testable import DeckBuilder
import Foundation
import DeckModel
import ModuleFormat
import Testing

@Test func a2BlocksHoldOurAnswersToEachOpponentClaim() throws {
    let deck = try #require(try buildSample().deck)
    let answers = try #require(deck.pockets.last?.hats.first)
    // The unanswered critic gets no empty block; the coverage report lists it instead.
    #expect(answers.blocks.map(\.title) == ["A2: Talking rewards bad behaviour"])
    #expect(answers.blocks[0].cards.map(\.id) == ["sample.a2-con-one", "sample.a2-con-one-b"])
    #expect(answers.blocks[0].cards.map(\.response) == [.linkTurn, .noImpact])
    #expect(deck.coverage.unanswered.map(\.id) == ["sample.con-two"])
}

@Test func readingTimeCountsTagAndHighlightedWords() throws {
    let deck = try #require(try buildSample().deck)
    let card = try #require(deck.cards.first { $0.id == "sample.pro-one" })
    // Tag "Talks <work> & sanctions "fail" — *really*" has 5 words; highlighted: "highlighted words",
    // "more read text" → 5 words. 10 words at 200 wpm = 3 s.
    #expect(card.readWords == 10)
    #expect(abs(card.readingSeconds - 3.0) < 1e-9)
    // Extension evidence is read with the card it extends, and counts there.
    #expect(card.extensions.map(\.id) == ["sample.pro-one-extension"])
    #expect(!deck.cards.contains { $0.id == "sample.pro-one-extension" })
    let total = deck.cards.reduce(0) { $0 + $1.totalReadingSeconds }
    #expect(abs(deck.readingSeconds - total) < 1e-9)
    #expect(total > deck.cards.reduce(0) { $0 + $1.readingSeconds })
}

@Test func budgetsAreFlagged() throws {
    // The sample deck reads in 0:11 (block “Talks work” 0:06 with its plan text and extension, the A2
    // block 0:04). Budgets of 5 s a block and 10 s a deck put “Talks work” and the deck over, the A2 block under.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-build-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let deckPath = folder.appendingPathComponent("deck.yaml")
    let sample = try String(contentsOf: fixtures.appendingPathComponent("deck.yaml"), encoding: .utf8)
    try sample.replacingOccurrences(of: "budget: { wpm: 200, speech: 30s, block: 10s }",
                                    with: "budget: { wpm: 200, speech: 10s, block: 5s }")
        .write(to: deckPath, atomically: true, encoding: .utf8)
    let context = try build(deckPath.path)
    let deck = try #require(context.deck)
    #expect(deck.blocks.map(\.overBudget) == [true, false])
    #expect(deck.overBudget)
    let budgetWarnings = context.diagnostics.filter { $0.code == .overBudget }.map(\.message)
    #expect(budgetWarnings == [
        "block “Talks work” reads in 0:06, over the 0:05 block budget",
        "the deck reads in 0:11, over its 0:10 speech budget",
    ])
}

@Test func stepsNameThemselvesInFailures() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-build-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let deck = folder.appendingPathComponent("deck.yaml")
    try """
    title: T
    resolution: R
    side: pro
    modules: [smaple]
    sections:
      - pocket: P
        hats:
          - hat: H
            blocks:
              - block: B
    """.write(to: deck, atomically: true, encoding: .utf8)
    #expect {
        try build(deck.path)
    } throws: { error in
        guard let failure = error as? BuildFailure else { return false }
        return failure.step == "load" && failure.diagnostics.first?.description
            == "\(deck.path):4:11: error: unknown module `smaple`; did you mean `sample`? [unknown-module]"
    }
}

@Test func emptySelectionsWarnAtTheBlock() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-build-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let deck = folder.appendingPathComponent("deck.yaml")
    try """
    title: T
    resolution: R
    side: pro
    modules: [sample]
    sections:
      - pocket: P
        hats:
          - hat: H
            blocks:
              - block: Nothing here
                select: { tags: [no-such-tag] }
    """.write(to: deck, atomically: true, encoding: .utf8)
    let context = try build(deck.path)
    #expect(context.diagnostics.contains { $0.description == "\(deck.path):10:13: warning: block “Nothing here” selects no claims [empty-block]" })
}

@Test(arguments: [("90s", 90.0), ("8m", 480.0), ("1m30s", 90.0), ("1.5m", 90.0), ("1h", 3600.0)])
func durationsParse(_ text: String, _ seconds: Double) {
    #expect(DurationValue.parse(text) == seconds)
}

@Test(arguments: ["", "8", "m", "8x", "-1m", "0s"])
func badDurationsAreRejected(_ text: String) {
    #expect(DurationValue.parse(text) == nil)
}

import DebateCore
@testable import DeckBuilder
import Foundation
import ModuleLoading
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
    let context = try buildSample()
    let deck = try #require(context.deck)
    // Block budget 10 s: the A2 block with two cards reads (4+4 + 4+0 words)... check against the numbers.
    for block in deck.blocks {
        #expect(block.overBudget == (block.readingSeconds > 10))
    }
    #expect(deck.overBudget == (deck.readingSeconds > 30))
    let overBlocks = deck.blocks.filter(\.overBudget)
    #expect(context.diagnostics.filter { $0.message.contains("block budget") }.count == overBlocks.count)
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
    var registry = ModuleRegistry()
    try registry.add(try PackModule(directory: fixtures.appendingPathComponent("sample-pack").path), source: "fixture")
    #expect {
        try DeckBuild.run(configPath: deck.path, registry: registry)
    } throws: { error in
        guard let failure = error as? BuildFailure else { return false }
        return failure.step == "load" && failure.diagnostics.first?.description
            == "\(deck.path):4:11: error: unknown module `smaple`; did you mean `sample`?"
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
    var registry = ModuleRegistry()
    try registry.add(try PackModule(directory: fixtures.appendingPathComponent("sample-pack").path), source: "fixture")
    let context = try DeckBuild.run(configPath: deck.path, registry: registry)
    #expect(context.diagnostics.contains { $0.description == "\(deck.path):10:13: warning: block “Nothing here” selects no claims" })
}

@Test(arguments: [("90s", 90.0), ("8m", 480.0), ("1m30s", 90.0), ("1.5m", 90.0), ("1h", 3600.0)])
func durationsParse(_ text: String, _ seconds: Double) {
    #expect(DurationValue.parse(text) == seconds)
}

@Test(arguments: ["", "8", "m", "8x", "-1m", "0s"])
func badDurationsAreRejected(_ text: String) {
    #expect(DurationValue.parse(text) == nil)
}

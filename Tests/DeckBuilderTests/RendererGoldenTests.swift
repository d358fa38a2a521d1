import DebateCore
@testable import DeckBuilder
import Foundation
import DeckModel
import ModuleFormat
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Builds the sample deck against the sample pack only, so goldens do not move with built-in content.
func buildSample(_ deckFile: String = "deck.yaml") throws -> BuildContext {
    try build(fixtures.appendingPathComponent(deckFile).path)
}

/// Builds a deck file against the sample pack only.
func build(_ deckPath: String) throws -> BuildContext {
    let sample = try PackModule(directory: fixtures.appendingPathComponent("sample-pack").path)
    return try DeckBuild.run(BuildContext(configPath: deckPath, modules: ModuleList([sample])))
}

/// A fixed date for goldens: the formats that carry a date (Word's properties, Anki's times) use it.
let goldenOptions = RenderOptions(date: Date(timeIntervalSince1970: 1_735_689_600))  // 2025-01-01

/// The sample deck rendered as text: text formats as they are, zip formats as a canonical dump.
func renderedText(_ format: OutputFormat) throws -> String {
    let deck = try #require(try buildSample().deck)
    let data = try DeckBuild.render(deck, as: format, options: goldenOptions)
    return format.isBinary ? try canonicalDump(data, format) : String(decoding: data, as: UTF8.self)
}

/// Every renderer is checked against its golden file (`deck.EXT`, or `deck.EXT.txt` holding the
/// canonical dump of a zip format). Set UPDATE_GOLDEN=1 to rewrite them after a deliberate change,
/// then read the diff.
@Test(arguments: OutputFormat.allCases)
func rendererMatchesGolden(_ format: OutputFormat) throws {
    let text = try renderedText(format)
    let golden = fixtures.appendingPathComponent("golden/deck.\(format.fileExtension)\(format.isBinary ? ".txt" : "")")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try text.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(text == expected, "\(format.rawValue) output differs from \(golden.path); rerun with UPDATE_GOLDEN=1 and review the diff")
}

@Test func htmlEscapesEveryPieceOfDeckText() throws {
    let html = try renderedText(.html)
    #expect(html.contains("<title>Sample deck &lt;with&gt; &quot;escapes&quot; &amp; more</title>"))
    #expect(html.contains("Talks &lt;work&gt; &amp; sanctions &quot;fail&quot;"))
    #expect(html.contains("A new paragraph with &lt;angle&gt; &amp; &quot;quotes&quot;."))
    #expect(!html.contains("<angle>"))
    #expect(!html.contains("<work>"))
    #expect(html.contains("href=\"https://example.org/talks?a=1&amp;b=2\""))
    // Nested spans come out nested: underline outside emphasis outside highlight.
    #expect(html.contains("<u>plain underline with <mark>highlighted words</mark> and <strong>emphasis</strong></u>"))
    #expect(html.contains("<p>A new paragraph with"))
    #expect(html.contains("@media print"))
}

@Test func markdownUsesVerbatimHeadingLevels() throws {
    let md = try renderedText(.markdown)
    let headings = md.split(separator: "\n").filter { $0.hasPrefix("#") }.map { String($0.prefix { $0 == "#" }.count) }
    #expect(headings.contains("1") && headings.contains("2") && headings.contains("3") && headings.contains("4"))
    #expect(md.contains("# Case\n"))
    #expect(md.contains("## Advantage \\*one\\*\n"))
    #expect(md.contains("#### Link turn: Talks are what change behaviour"))
    #expect(md.contains("**Example 24** (Jane Q. Example, Professor of Things, Example University, 2024-03-05, “Why talks work”, Journal of Examples, <https://example.org/talks?a=1&b=2>)"))
    #expect(md.contains("<u>plain underline with ==highlighted words== and **emphasis**</u> here."))
    #expect(md.contains("an escaped =\\= sign"))
    #expect(md.contains(">\n> A new paragraph with \\<angle\\> & \"quotes\"."))
}

@Test func jsonRoundTripsTheDeck() throws {
    let deck = try #require(try buildSample().deck)
    let json = try renderedText(.json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "debate-deck")
    let decoded = try JSONDecoder().decode(Deck.self, from: JSONSerialization.data(withJSONObject: object["deck"]!))
    #expect(decoded.cards.count == deck.cards.count)
    #expect(decoded.pockets.map(\.title) == ["Case", "Answers"])
}

@testable import DeckBuilder
import Foundation
import Testing

/// A zip format as reviewable text: each entry's path and contents, so a golden diff reads like a diff.
func canonicalDump(_ zip: Data, _ format: OutputFormat) throws -> String {
    var out = ""
    for (path, data) in try ZipContainer.entries(of: zip) {
        out += "=== \(path) ===\n"
        out += String(decoding: data, as: UTF8.self)
        if !out.hasSuffix("\n") { out += "\n" }
    }
    return out
}

@Test(arguments: [OutputFormat.docx])
func zipFormatsAreReproducible(_ format: OutputFormat) throws {
    let deck = try #require(try buildSample().deck)
    let first = try DeckBuild.render(deck, as: format, options: goldenOptions)
    let second = try DeckBuild.render(deck, as: format, options: goldenOptions)
    #expect(first == second, "two renders of the same deck and date differ")
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
}

@Test func docxHighlightColorIsConfigurable() throws {
    let deck = try #require(try buildSample().deck)
    let document = { (options: RenderOptions) throws -> String in
        let entries = try ZipContainer.entries(of: try DeckBuild.render(deck, as: .docx, options: options))
        return String(decoding: try #require(entries.first { $0.path == "word/document.xml" }).data, as: UTF8.self)
    }
    let yellow = try document(goldenOptions)
    #expect(yellow.contains("<w:highlight w:val=\"yellow\"/>"))
    let cyan = try document(RenderOptions(highlight: .cyan, date: goldenOptions.date))
    #expect(cyan.contains("<w:highlight w:val=\"cyan\"/>") && !cyan.contains("w:val=\"yellow\""))
    // Text that XML would read as markup is escaped, and the cite's short form is in the Cite style.
    #expect(yellow.contains("Talks &lt;work&gt; &amp; sanctions &quot;fail&quot;"))
    #expect(yellow.contains("<w:rStyle w:val=\"Style13ptBold\"/></w:rPr><w:t>Example 24</w:t>"))
}

@testable import DeckBuilder
import Foundation
import GRDB
import Testing

/// A zip format as reviewable text: each entry's path and contents; for an Anki package, the
/// collection's schema and rows (JSON columns pretty-printed), so a golden diff reads like a diff.
func canonicalDump(_ zip: Data, _ format: OutputFormat) throws -> String {
    var out = ""
    for (path, data) in try ZipContainer.entries(of: zip) {
        out += "=== \(path) ===\n"
        if path == "collection.anki2" {
            out += try dumpCollection(data)
        } else {
            out += String(decoding: data, as: UTF8.self)
        }
        if !out.hasSuffix("\n") { out += "\n" }
    }
    return out
}

func dumpCollection(_ data: Data) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).anki2")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let queue = try DatabaseQueue(path: file.path)
    defer { try? queue.close() }
    return try queue.read { db in
        var out = ""
        for sql in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name") {
            out += sql.split(whereSeparator: \.isWhitespace).joined(separator: " ") + ";\n"
        }
        for table in ["col", "notes", "cards", "revlog", "graves"] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                out += "\(table):\n"
                for (column, value) in row {
                    var text = switch value.storage {
                    case .null: "NULL"
                    case .int64(let number): "\(number)"
                    case .double(let number): "\(number)"
                    case .string(let string): string
                    case .blob(let blob): "<\(blob.count) bytes>"
                    }
                    if let json = text.data(using: .utf8), text.hasPrefix("{"),
                       let object = try? JSONSerialization.jsonObject(with: json),
                       let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) {
                        text = String(decoding: pretty, as: UTF8.self)
                    }
                    out += "  \(column): \(text.replacingOccurrences(of: "\u{1F}", with: " ␟ "))\n"
                }
            }
        }
        return out
    }
}

@Test(arguments: [OutputFormat.docx, .apkg])
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

@Test func ankiGUIDsDependOnDeckAndClaimOnly() {
    let guid = AnkiNotes.guid(deck: "belarus-engagement", claim: "values.isolation-failed")
    #expect(guid == AnkiNotes.guid(deck: "belarus-engagement", claim: "values.isolation-failed"))
    #expect(guid != AnkiNotes.guid(deck: "belarus-engagement-neg", claim: "values.isolation-failed"))
    #expect(guid != AnkiNotes.guid(deck: "belarus-engagement", claim: "values.isolation-failed2"))
    #expect(guid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
}

@Test func ankiNotesPlaceEachClaimOnceInItsFirstHat() throws {
    let deck = try #require(try buildSample().deck)
    let notes = AnkiNotes.notes(deck)
    #expect(notes.count == Set(deck.cards.map(\.id)).count)
    let answer = try #require(notes.first { $0.claimID == "sample.a2-con-one" })
    #expect(answer.prompt == "A2: Talking rewards bad behaviour (Link turn)")
    #expect(answer.tags.contains("module::sample") && answer.tags.contains("response::link-turn"))
    #expect(AnkiNotes.deckName(answer.deckPath) == "Sample deck <with> \"escapes\" & more::Answers::A2 critics")
    #expect(AnkiNotes.deckName(["A::B", " C "]) == "A:B::C")
}

@Test func ankiFieldChecksumIsSHA1Prefix() {
    // FIPS 180 test vectors.
    #expect(SHA1.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(SHA1.hash(Array("".utf8)).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    let long = String(repeating: "a", count: 1_000)
    #expect(SHA1.hash(Array(long.utf8)).map { String(format: "%02x", $0) }.joined() == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    #expect(AnkiPackageRenderer.fieldChecksum("abc") == 0xA999_3E36)
}

@Test func ankiTextKeepsEveryNoteOnOneLine() throws {
    let text = try renderedText(.ankiText)
    let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    let deck = try #require(try buildSample().deck)
    #expect(rows.count == Set(deck.cards.map(\.id)).count)
    for row in rows { #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == AnkiTextRenderer.columns.count) }
    #expect(text.contains("#tags column:7\n#deck column:8\n#guid column:9\n"))
}

@Test func argdownEscapesWhatItsLexerWouldReadAsSyntax() {
    let renderer = ArgdownRenderer()
    #expect(renderer.escape("U.S. policy [draft] <arg> @me #tag *bold* _it_ {x} a//b a/*b*/ :smile: 1:15")
        == "U\\.S. policy \\[draft\\] \\<arg\\> \\@me \\#tag \\*bold\\* \\_it\\_ \\{x\\} a\\//b a\\/\\*b\\*/ \\:smile: 1:15")
    #expect(renderer.hashtag("status-quo") == "#status-quo")
    #expect(renderer.hashtag("two words") == "#(two words)")
}

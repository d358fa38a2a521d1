import DebateCore
@testable import DeckBuilder
import DeckModel
import Foundation
import Testing

/// `debate build` streams each output through a `RenderOutput` instead of holding the file whole.
/// What arrives in chunks must be exactly what the whole render gives, for every format.
@Suite struct StreamedRenderTests {
    /// Renders `format` with chunks of `chunkSize` bytes; the chunks as they came.
    func chunks(_ deck: Deck, _ format: OutputFormat, chunkSize: Int) throws -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        let output = RenderOutput(chunkSize: chunkSize) { chunks.append(Array($0)) }
        try DeckBuild.render(deck, as: format, options: goldenOptions, to: output)
        try output.finish()
        #expect(output.byteCount == chunks.reduce(0) { $0 + $1.count })
        #expect(output.lastByte == chunks.last?.last)
        return chunks
    }

    @Test(arguments: OutputFormat.allCases)
    func streamedBytesAreTheWholeRender(_ format: OutputFormat) throws {
        let deck = try #require(try buildSample().deck)
        let whole = try DeckBuild.render(deck, as: format, options: goldenOptions)
        for chunkSize in [1, 700, 1 << 20] {
            let streamed = try chunks(deck, format, chunkSize: chunkSize)
            #expect(Data(streamed.joined()) == whole, "\(format) in chunks of \(chunkSize)")
        }
    }

    /// Standard output is sanitised chunk by chunk, so a chunk must never end inside a UTF-8
    /// sequence; JSON, Markdown and HTML hand on card by card.
    @Test(arguments: [OutputFormat.json, .markdown, .html])
    func chunksEndBetweenCharactersAndComeCardByCard(_ format: OutputFormat) throws {
        let deck = try #require(try buildSample().deck)
        let streamed = try chunks(deck, format, chunkSize: 1)
        #expect(streamed.count > deck.cardCount, "\(format) came in \(streamed.count) chunks")
        for chunk in streamed {
            #expect(String(validating: chunk, as: UTF8.self) != nil, "\(format): a chunk splits a character")
        }
    }

    struct Refused: Error {}

    /// A receiver that fails (a full disk) is not called again; `finish()` throws its failure.
    @Test func aFailingReceiverIsReportedByFinish() throws {
        let deck = try #require(try buildSample().deck)
        var calls = 0
        let output = RenderOutput(chunkSize: 64) { _ in
            calls += 1
            throw Refused()
        }
        try DeckBuild.render(deck, as: .json, to: output)
        #expect(throws: Refused.self) { try output.finish() }
        #expect(calls == 1)
        #expect(output.byteCount == (try DeckBuild.render(deck, as: .json)).count)
    }

    /// The JSON writer copies what needs no escape eight bytes at a time and escapes the rest:
    /// every string reads back as itself, with no raw control, DEL or C1 character in the bytes.
    @Test func jsonStringsEscapeEveryControlCharacterWhereverItFalls() throws {
        let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        var samples = [controls, "plain text longer than eight bytes", "é ü — “quoted” \u{0085}\u{009F}\u{00A0} 🙂",
                       "\"\\\u{7F}", "", "a", "1234567\n", "12345678\t9"]
        for sample in Array(samples) {
            for shift in 1..<9 { samples.append(String(repeating: "x", count: shift) + sample + String(repeating: "y", count: shift)) }
        }
        for sample in samples {
            let output = RenderOutput()
            let w = JSONWriter(output)
            w.array([sample]) { w.string($0) }
            let data = output.takeData()
            let back = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(back == [sample], "\(sample.debugDescription)")
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                    "\(sample.debugDescription)")
        }
    }

    @Test func cardCountCountsEveryBlocksCards() throws {
        let deck = try #require(try buildSample().deck)
        #expect(deck.cardCount == deck.cards.count)
        #expect(deck.cardCount > 0)
    }
}

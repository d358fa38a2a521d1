import DebateCore
import DeckModel
import Foundation

/// The deck as JSON, described by `Sources/DeckBuilder/Schema/deck.schema.json`.
///
/// Written by hand rather than through `JSONEncoder`: the benchmark (Benchmarks/) showed Foundation's
/// encoder taking about a third of a 10,000-card build. Keys are in sorted order, two-space indents.
/// `Deck` stays `Codable`, so readers can decode the `deck` member with `JSONDecoder`.
public struct JSONRenderer: TextRenderer {
    public var format: OutputFormat { .json }
    public init() {}

    public func renderText(_ deck: Deck) throws -> String {
        RenderOutput.text { write(deck, to: $0) }
    }

    /// The bytes as written, card by card (no round trip through a String: a 10,000-card deck is
    /// 30 MB of JSON).
    public func render(_ deck: Deck, to output: RenderOutput) throws {
        write(deck, to: output)
    }

    func write(_ deck: Deck, to output: RenderOutput) {
        let w = JSONWriter(output)
        // In memory: about 3 KB a card for the generated library; growing by doubling copies it all again.
        if !output.isStreaming { w.reserve(deck.blocks.reduce(0) { $0 + $1.cards.count } * 3_200 + 4_096) }
        w.object {
            w.member("cardCount") { w.int(deck.cardCount) }
            w.member("deck") { write(deck, w) }
            w.member("format") { w.string("debate-deck") }
            w.member("formatVersion") { w.int(1) }
            w.member("readingTime") { w.string(formatDuration(deck.readingSeconds)) }
        }
        w.newline()
    }

    func write(_ deck: Deck, _ w: JSONWriter) {
        w.object {
            if let seconds = deck.blockBudgetSeconds { w.member("blockBudgetSeconds") { w.number(seconds) } }
            if let seconds = deck.budgetSeconds { w.member("budgetSeconds") { w.number(seconds) } }
            w.member("coverage") {
                w.object {
                    w.member("answeredButNotInDeck") { w.array(deck.coverage.answeredButNotInDeck) { write($0, w) } }
                    w.member("positions") {
                        w.array(deck.coverage.positions) { position in
                            w.object {
                                w.member("kind") { w.string(position.kind.rawValue) }
                                w.member("parts") {
                                    w.array(position.parts) { part in
                                        w.object {
                                            w.member("claims") { w.array(part.claims) { w.string($0) } }
                                            w.member("responses") { w.array(part.responses) { w.string($0) } }
                                            if let role = part.role { w.member("role") { w.string(role.rawValue) } }
                                        }
                                    }
                                }
                                w.member("position") { w.string(position.position) }
                                w.member("summary") { w.string(position.summary) }
                                w.member("title") { w.string(position.title) }
                            }
                        }
                    }
                    w.member("unanswered") { w.array(deck.coverage.unanswered) { write($0, w) } }
                }
            }
            w.member("id") { w.string(deck.id) }
            w.member("modules") {
                w.array(deck.modules) { module in
                    w.object {
                        w.member("id") { w.string(module.id) }
                        w.member("title") { w.string(module.title) }
                        w.member("version") { w.string(module.version) }
                    }
                }
            }
            w.member("pockets") {
                w.array(deck.pockets) { pocket in
                    w.object {
                        w.member("anchor") { w.string(pocket.anchor) }
                        w.member("hats") { w.array(pocket.hats) { write($0, w) } }
                        w.member("overBudget") { w.bool(pocket.overBudget) }
                        w.member("readingSeconds") { w.number(pocket.readingSeconds) }
                        if let speech = pocket.speech { w.member("speech") { w.string(speech) } }
                        if let time = pocket.timeSeconds { w.member("timeSeconds") { w.number(time) } }
                        w.member("title") { w.string(pocket.title) }
                    }
                }
            }
            w.member("readingSeconds") { w.number(deck.readingSeconds) }
            w.member("resolution") { w.string(deck.resolution) }
            w.member("side") { w.string(deck.side.rawValue) }
            w.member("title") { w.string(deck.title) }
            w.member("wpm") { w.int(deck.wpm) }
        }
    }

    func write(_ hat: Hat, _ w: JSONWriter) {
        w.object {
            w.member("anchor") { w.string(hat.anchor) }
            w.member("blocks") {
                w.array(hat.blocks) { block in
                    w.object {
                        w.member("anchor") { w.string(block.anchor) }
                        if let answers = block.answers { w.member("answers") { write(answers, w) } }
                        w.member("cards") { w.array(block.cards) { write($0, w) } }
                        w.member("overBudget") { w.bool(block.overBudget) }
                        w.member("readingSeconds") { w.number(block.readingSeconds) }
                        w.member("title") { w.string(block.title) }
                    }
                }
            }
            w.member("title") { w.string(hat.title) }
        }
    }

    func write(_ card: Card, _ w: JSONWriter) {
        defer { w.output.handOnIfFull() }
        w.object {
            w.member("analytic") { w.bool(card.analytic) }
            if let answers = card.answers { w.member("answers") { w.string(answers) } }
            if let cite = card.cite { w.member("cite") { write(cite, w) } }
            if let evidence = card.evidence {
                let runs = evidence.makeRuns()
                w.member("evidence") {
                    w.object {
                        w.member("markup") { w.string(evidence.markup) }
                        w.member("runs") {
                            w.array(runs) { run in
                                w.object {
                                    w.member("emphasis") { w.bool(run.emphasis) }
                                    w.member("highlight") { w.bool(run.highlight) }
                                    w.member("text") { w.string(run.text) }
                                    w.member("underline") { w.bool(run.underline) }
                                }
                            }
                        }
                        w.member("text") { w.string(joining: runs.lazy.map(\.text)) }
                    }
                }
            }
            w.member("evenIf") { w.bool(card.evenIf) }
            if let extends = card.extends { w.member("extends") { w.string(extends) } }
            w.member("extensions") { w.array(card.extensions) { write($0, w) } }
            w.member("id") { w.string(card.id) }
            w.member("module") { w.string(card.module) }
            w.member("needsEvidence") { w.bool(card.needsEvidence) }
            if let part = card.part { w.member("part") { w.string(part) } }
            if let position = card.position {
                w.member("position") {
                    w.object {
                        w.member("id") { w.string(position.id) }
                        w.member("kind") { w.string(position.kind.rawValue) }
                        w.member("title") { w.string(position.title) }
                    }
                }
            }
            w.member("readWords") { w.int(card.readWords) }
            w.member("readingSeconds") { w.number(card.readingSeconds) }
            if let response = card.response { w.member("response") { w.string(response.rawValue) } }
            if let role = card.role { w.member("role") { w.string(role.rawValue) } }
            w.member("side") { w.string(card.side.rawValue) }
            w.member("tag") { w.string(card.tag) }
            w.member("tags") { w.array(card.tags) { w.string($0) } }
            if let warrant = card.warrant { w.member("warrant") { w.string(warrant) } }
        }
    }

    func write(_ cite: Citation, _ w: JSONWriter) {
        w.object {
            for (key, value) in [("author", cite.author), ("date", cite.date), ("publication", cite.publication),
                                 ("qualifications", cite.qualifications), ("title", cite.title), ("url", cite.url)] {
                if let value { w.member(key) { w.string(value) } }
            }
        }
    }

    func write(_ reference: ClaimReference, _ w: JSONWriter) {
        w.object {
            w.member("id") { w.string(reference.id) }
            w.member("module") { w.string(reference.module) }
            w.member("tag") { w.string(reference.tag) }
        }
    }
}

/// A small pretty-printing JSON writer over UTF-8 bytes (a class, so nested closures can share it).
final class JSONWriter {
    let output: RenderOutput
    // Written only by this writer, on one thread, never while borrowed: no run-time exclusivity
    // checks (they were about a twentieth of a JSON build).
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var needsComma = false

    init(_ output: RenderOutput) { self.output = output }

    /// The bytes go straight into the output's buffer; `output.handOnIfFull()` passes them on.
    private var bytes: ByteBuffer {
        _read { yield output.buffer }
        _modify { yield &output.buffer }
    }

    func reserve(_ count: Int) { bytes.reserve(count) }

    func object(_ members: () -> Void) {
        open(UInt8(ascii: "{"))
        members()
        close(UInt8(ascii: "}"))
    }

    func array<C: Collection>(_ items: C, _ item: (C.Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in items {
            separate()
            item(element)
            needsComma = true
        }
        close(UInt8(ascii: "]"))
    }

    func member(_ key: String, _ value: () -> Void) {
        separate()
        string(key)
        bytes += Self.colonSpace
        value()
        needsComma = true
    }

    /// One JSON string made of `pieces` (the text of evidence runs), without joining them first.
    func string<S: Sequence<String>>(joining pieces: S) {
        let quote = UInt8(ascii: "\"")
        bytes.append(quote)
        for piece in pieces { escaped(piece) }
        bytes.append(quote)
    }

    func string(_ value: String) {
        let quote = UInt8(ascii: "\"")
        bytes.append(quote)
        escaped(value)
        bytes.append(quote)
    }

    /// The string's characters as JSON writes them inside quotes: the stretches that need no
    /// escape are copied whole (found eight bytes at a time), then each escape is written.
    /// DEL and the C1 controls (U+0080–U+009F, UTF-8 C2 80–C2 9F) are escaped too: JSON allows
    /// them raw, but a reader's terminal would act on them.
    private func escaped(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            let n = utf8.count
            var copied = 0, i = 0
            while i < n {
                if i + 8 <= n, !Self.mayNeedEscape(UnsafeRawBufferPointer(utf8).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = utf8[i]
                let escape: (UInt8, UInt8)?  // a two-character escape, or nil for \u00XX of `code`
                var code = byte, length = 1
                switch byte {
                case 0x22, 0x5C: escape = (0x5C, byte)
                case 0x0A: escape = (0x5C, UInt8(ascii: "n"))
                case 0x09: escape = (0x5C, UInt8(ascii: "t"))
                case 0x0D: escape = (0x5C, UInt8(ascii: "r"))
                case 0..<0x20, 0x7F: escape = nil
                case 0xC2 where i + 1 < n && (0x80...0x9F).contains(utf8[i + 1]):
                    escape = nil
                    code = utf8[i + 1]
                    length = 2
                default:
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                if let escape {
                    bytes.append(escape.0)
                    bytes.append(escape.1)
                } else {
                    bytes += Self.unicodeEscape
                    bytes.append(Self.hex[Int(code >> 4)])
                    bytes.append(Self.hex[Int(code & 0xF)])
                }
                i += length
                copied = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<n]))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let unicodeEscape = Array("\\u00".utf8)

    /// Whether any of eight bytes is one `escaped` may rewrite: below 0x20, `"`, `\`, DEL or 0xC2
    /// (the lead byte of a C1 control); exact "has a byte below n / equal to c" tests on the word.
    @inline(__always)
    private static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return (x &- ones &* 0x20) & ~x & highs != 0
            || hasZero(x ^ (ones &* 0x22)) || hasZero(x ^ (ones &* 0x5C)) || hasZero(x ^ (ones &* 0x7F))
            || hasZero(x ^ (ones &* 0xC2))
    }

    func int(_ value: Int) {
        guard value >= 0 else { return bytes += Array(String(value).utf8) }
        // Digits into a small buffer, most significant first (no String for every count and time).
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var v = value, at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[at...]))
        }
    }

    /// Whole numbers without a fraction (`30`, not `30.0`); others in Swift's shortest round-trip form.
    func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else if value.isFinite {
            bytes += Array("\(value)".utf8)
        } else {
            bytes += Array("null".utf8)
        }
    }

    func bool(_ value: Bool) { bytes += value ? Self.trueBytes : Self.falseBytes }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let colonSpace = Array(": ".utf8)

    func newline() { bytes.append(UInt8(ascii: "\n")) }

    private func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private func close(_ bracket: UInt8) {
        depth -= 1
        if needsComma { lineBreak() }
        bytes.append(bracket)
        needsComma = true
    }

    private func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        lineBreak()
    }

    private func lineBreak() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(UInt8(ascii: " "), times: depth * 2)
    }
}

import Foundation
@testable import ModuleAuthoring
import Testing

/// The tokenizer streams inflated bytes, so a chunk boundary can fall anywhere: every handler call
/// and every error must be the same for every way of splitting the same input.
@Suite struct XMLTokenizerChunkingTests {
    /// Every call, as bytes (a text piece is one call: pieces must match too, not only their sum).
    struct Recorder: XMLTokenHandler {
        var calls: [[UInt8]] = []
        mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError) {
            calls.append(Array("<".utf8) + Array(name) + Array((selfClosing ? "/ " : " ").utf8) + Array(attributes.bytes))
        }
        mutating func end(_ name: XMLBytes) throws(XMLReadError) { calls.append(Array("</".utf8) + Array(name)) }
        mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError) {
            calls.append(Array((isCDATA ? "C:" : "T:").utf8) + Array(raw))
        }
    }

    struct Result: Equatable {
        var calls: [[UInt8]]
        var error: XMLReadError?
    }

    /// Small limits reach the long-tag and long-text paths with short inputs.
    static func tokenize(_ bytes: [UInt8], cuts: [Int], small: Bool = false) -> Result {
        var tokenizer = small ? XMLTokenizer(handler: Recorder(), maxTokenBytes: 24, maxTextPiece: 17) : XMLTokenizer(handler: Recorder())
        do throws(XMLReadError) {
            try tokenizer.read(bytes, cuttingAt: cuts)
            return Result(calls: tokenizer.handler.calls, error: nil)
        } catch {
            return Result(calls: tokenizer.handler.calls, error: error)
        }
    }

    /// The docx fuzz target's finding: garbage tags, then text whose `ü` (C3 BC) straddled a chunk
    /// boundary, handed over as two pieces (so a handler decoding each piece saw two broken
    /// characters). Its first byte chose the fuzz target's chunk size; the rest is the XML.
    static let finding: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/Seeds/docx/chunking-finding").standardizedFileURL
        return Array((try? Data(contentsOf: url)) ?? Data()).dropFirst().map { $0 }
    }()

    @Test func theFuzzFindingReadsTheSameSplitAnywhere() throws {
        let input = Self.finding
        try #require(input.count > 40, "Fuzz/Seeds/docx/chunking-finding is in the repository")
        let whole = Self.tokenize(input, cuts: [])
        #expect(whole.error == nil)
        #expect(whole.calls.contains(Array("T:&#x41;;".utf8) + [0xBF, 0xC3, 0xBC]))
        for size in 1...input.count {
            #expect(Self.tokenize(input, cuts: Array(stride(from: size, to: input.count, by: size))) == whole, "chunks of \(size)")
        }
        for a in 0...input.count {
            #expect(Self.tokenize(input, cuts: [a]) == whole, "split at \(a)")
            for b in stride(from: a, through: input.count, by: 3) {
                #expect(Self.tokenize(input, cuts: [a, b]) == whole, "split at \(a) and \(b)")
            }
        }
    }

    /// Random XML-ish inputs (tags, references, multi-byte characters, comments, CDATA, NUL, byte
    /// order marks, stray bytes), split at random places and at every byte, with the default limits
    /// and with small ones: the calls and the error are always those of the whole input.
    @Test func randomInputsReadTheSameSplitAnywhere() {
        let atoms: [[UInt8]] = ["<", ">", "/", "a", "w:t", " ", "\"", "'", "&", ";", "=", "&amp;", "&#x41;", "&#x0000000041;",
                                "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE", "é", "ü", "\u{10348}", "\0",
                                "<a>", "</a>", "<r x='1'>", "</r>", "<e/>", "xyzxyz", "\u{FEFF}"].map { Array($0.utf8) }
            + [[0xFF], [0xFE], [0xC3], [0xBC], [0xEF, 0xBB]]
        var rng = SplitMix(seed: 13)
        var checked = 0
        for round in 0..<4000 {
            var input: [UInt8] = round % 3 == 0 ? Array("<r>".utf8) : []
            for _ in 0..<rng.next(upTo: 48) { input += atoms[rng.next(upTo: atoms.count)] }
            if round % 3 == 0 { input += Array("</r>".utf8) }
            let small = round % 2 == 0
            let whole = Self.tokenize(input, cuts: [], small: small)
            let cuts = (0..<rng.next(upTo: 7)).map { _ in rng.next(upTo: input.count + 1) }.sorted()
            let random = Self.tokenize(input, cuts: cuts, small: small)
            let bytewise = Self.tokenize(input, cuts: Array(0..<input.count), small: small)
            if random != whole || bytewise != whole {
                Issue.record("\(input) cut at \(cuts): \(random.error?.description ?? "read") / \(bytewise.error?.description ?? "read"), whole: \(whole.error?.description ?? "read")")
                return
            }
            checked += 1
        }
        #expect(checked == 4000)
    }

    /// A long run of text comes in pieces, each decodable on its own: a piece never ends inside a
    /// UTF-8 sequence or an entity reference, wherever the chunks end.
    @Test func longTextPiecesNeverSplitACharacterOrAReference() throws {
        let text = String(repeating: "é&#x0000000041;ü&amp;\u{10348}abc", count: 40)
        let input = Array("<r>\(text)</r>".utf8)
        let decoded = String(repeating: "éAü&\u{10348}abc", count: 40)
        for size in [1, 2, 3, 5, 7, 16, 64, input.count] {
            let result = Self.tokenize(input, cuts: Array(stride(from: size, to: input.count, by: size)), small: true)
            #expect(result.error == nil)
            let pieces = result.calls.filter { $0.starts(with: Array("T:".utf8)) }.map { Array($0.dropFirst(2)) }
            #expect(pieces.count > 10 && pieces.allSatisfy { $0.count <= 17 })
            var joined = ""
            for piece in pieces {
                var out: [UInt8] = []
                try piece.withUnsafeBufferPointer { (p) throws(XMLReadError) in try XMLText.decode(p, into: &out) }
                #expect(String(validatingUTF8: out.map { CChar(bitPattern: $0) } + [0]) != nil, "piece \(piece) is whole UTF-8")
                joined += String(decoding: out, as: UTF8.self)
            }
            #expect(joined == decoded, "chunks of \(size)")
        }
    }

    @Test func byteOrderMarks() {
        let utf8 = [0xEF, 0xBB, 0xBF] + Array("<r>x</r>".utf8)
        for cuts in [[], [1], [2], [1, 2], [3]] {
            #expect(Self.tokenize(utf8, cuts: cuts) == Result(calls: [Array("<r ".utf8), Array("T:x".utf8), Array("</r".utf8)], error: nil))
            let utf16: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00]
            #expect(Self.tokenize(utf16, cuts: cuts).error?.message == "the XML is in UTF-16; only UTF-8 is read")
        }
    }

    @Test func aTagLongerThanTheLimitFailsWhereverTheChunksEnd() {
        let input = Array("<r><w:t \(String(repeating: "a='1' ", count: 10))>x</w:t></r>".utf8)
        let whole = Self.tokenize(input, cuts: [], small: true)
        #expect(whole.error == XMLReadError("an XML tag or comment longer than 24 bytes", offset: 3))
        for size in 1...input.count {
            #expect(Self.tokenize(input, cuts: Array(stride(from: size, to: input.count, by: size)), small: true) == whole)
        }
    }
}

/// A small deterministic generator, so a failure is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return bound <= 1 ? 0 : Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

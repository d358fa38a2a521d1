// The Verbatim .docx reader (`debate import verbatim`): the zip container and the streaming XML
// tokenizer under it. Invariants: a file the reader refuses gets a coded, worded error (never a
// crash, never an empty message); the tokenizer makes the same calls and fails with the same error
// however its input is split into chunks (it streams inflated bytes, so a chunk boundary can fall
// anywhere); an error offset lies inside the input.
import Foundation
import FuzzSupport
import ModuleAuthoring

/// Records every handler call as bytes. A text piece is one call: for any chunking the pieces
/// themselves must match (they end neither inside a UTF-8 sequence nor inside a reference), not only
/// their sum.
struct Recorder: XMLTokenHandler {
    var calls: [[UInt8]] = []
    mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError) {
        calls.append(Array("<".utf8) + Array(name) + Array((selfClosing ? "/ " : " ").utf8) + Array(attributes.bytes))
    }
    mutating func end(_ name: XMLBytes) throws(XMLReadError) {
        calls.append(Array("</".utf8) + Array(name))
    }
    mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError) {
        calls.append(Array((isCDATA ? "C:" : "T:").utf8) + Array(raw))
    }
}

/// The calls and the error for `bytes` fed in pieces ending at `cuts`; `small` limits reach the
/// long-tag and long-text paths with short inputs.
func tokenize(_ bytes: [UInt8], cuts: [Int], small: Bool) -> ([[UInt8]], XMLReadError?) {
    var tokenizer = small ? XMLTokenizer(handler: Recorder(), maxTokenBytes: 40, maxTextPiece: 24) : XMLTokenizer(handler: Recorder())
    do throws(XMLReadError) {
        try tokenizer.read(bytes, cuttingAt: cuts)
        return (tokenizer.handler.calls, nil)
    } catch {
        return (tokenizer.handler.calls, error)
    }
}

runFuzzer { bytes in
    do throws(DocxReadError) {
        _ = try DocxReader.read(data: Data(bytes))
    } catch {
        if error.message.isEmpty || error.code.isEmpty { violated("a refused file with no words or code: \(error)") }
    }
    guard bytes.count > 1 else { return }
    // The first byte picks the chunking (a fixed size of 1 to 7 bytes, or cuts spread by its bits)
    // and the limits; the rest is the XML.
    let control = Int(bytes[0])
    let input = Array(bytes.dropFirst())
    let small = control & 0x80 != 0
    let cuts = control & 0x40 != 0
        ? (1..<input.count).filter { ((($0 &* 2_654_435_761) >> 5) ^ control) & 3 == 0 }
        : Array(stride(from: control % 7 + 1, to: input.count, by: control % 7 + 1))
    let (whole, wholeError) = tokenize(input, cuts: [], small: small)
    let (pieces, piecesError) = tokenize(input, cuts: cuts, small: small)
    if let error = wholeError ?? piecesError, error.offset < 0 || error.offset > input.count {
        violated("error offset \(error.offset) outside \(input.count) bytes")
    }
    if wholeError != piecesError {
        violated("fed whole the XML gives \(wholeError?.description ?? "no error"), in pieces \(piecesError?.description ?? "no error")")
    }
    if whole != pieces {
        let index = (0..<min(whole.count, pieces.count)).first { whole[$0] != pieces[$0] } ?? min(whole.count, pieces.count)
        let got = index < pieces.count ? pieces[index].description : "nothing"
        let want = index < whole.count ? whole[index].description : "nothing"
        violated("in pieces call \(index) is \(got), fed whole \(want)")
    }
}

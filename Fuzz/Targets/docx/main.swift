// The Verbatim .docx reader (`debate import verbatim`): the zip container and the streaming XML
// tokenizer under it. Invariants: a file the reader refuses gets a coded, worded error (never a
// crash, never an empty message); the tokenizer gives the same tokens however its input is split
// into chunks (it streams inflated bytes, so a chunk boundary can fall anywhere); an error offset
// lies inside the input.
import Foundation
import FuzzSupport
import ModuleAuthoring

/// Records every token as text, to compare two tokenizations.
struct Recorder: XMLTokenHandler {
    var tokens: [String] = []
    mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError) {
        tokens.append("<" + String(decoding: name, as: UTF8.self) + (selfClosing ? "/" : ""))
    }
    mutating func end(_ name: XMLBytes) throws(XMLReadError) {
        tokens.append("</" + String(decoding: name, as: UTF8.self))
    }
    mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError) {
        // Adjacent text may arrive in pieces at a chunk boundary: join it.
        let piece = String(decoding: raw, as: UTF8.self)
        if let last = tokens.last, last.hasPrefix("#") { tokens[tokens.count - 1] = last + piece } else { tokens.append("#" + piece) }
    }
}

/// The tokens of `bytes` fed in chunks of `size`, and the error if any.
func tokenize(_ bytes: [UInt8], chunk size: Int) -> ([String], XMLReadError?) {
    var tokenizer = XMLTokenizer(handler: Recorder())
    do throws(XMLReadError) {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try tokenizer.feed(Data(bytes[start..<end]))
            start = end
        }
        try tokenizer.finish()
    } catch {
        return (tokenizer.handler.tokens, error)
    }
    return (tokenizer.handler.tokens, nil)
}

runFuzzer { bytes in
    do throws(DocxReadError) {
        _ = try DocxReader.read(data: Data(bytes))
    } catch {
        if error.message.isEmpty || error.code.isEmpty { violated("a refused file with no words or code: \(error)") }
    }
    guard bytes.count > 1 else { return }
    let split = Int(bytes[0]) % 7 + 1
    let input = Array(bytes.dropFirst())
    let (whole, wholeError) = tokenize(input, chunk: max(1, input.count))
    let (pieces, piecesError) = tokenize(input, chunk: split)
    if let error = wholeError ?? piecesError, error.offset < 0 || error.offset > input.count {
        violated("error offset \(error.offset) outside \(input.count) bytes")
    }
    if (wholeError == nil) != (piecesError == nil) {
        violated("fed whole the XML \(wholeError == nil ? "reads" : "fails"), in chunks of \(split) it \(piecesError == nil ? "reads" : "fails")")
    }
    if wholeError == nil && whole != pieces {
        let index = (0..<min(whole.count, pieces.count)).first { whole[$0] != pieces[$0] } ?? min(whole.count, pieces.count)
        let got = index < pieces.count ? pieces[index].debugDescription : "nothing"
        let want = index < whole.count ? whole[index].debugDescription : "nothing"
        violated("chunks of \(split) give token \(index) as \(got), the whole input as \(want)")
    }
}

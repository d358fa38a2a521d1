/// Byte-level rewriting for the renderers' escaping. Every character they escape is ASCII, so the
/// text is walked as UTF-8, and a string with nothing to escape comes back as it is, uncopied.
/// `replace` gets each ASCII byte and the byte before it; it returns what to write instead, or nil.
func rewritingASCII(_ text: String, _ replace: (_ byte: UInt8, _ previous: UInt8) -> StaticString?) -> String {
    let utf8 = text.utf8
    var previous: UInt8 = 0
    var firstChange: String.UTF8View.Index?
    for index in utf8.indices {
        let byte = utf8[index]
        if byte < 0x80, replace(byte, previous) != nil {
            firstChange = index
            break
        }
        previous = byte
    }
    guard let start = firstChange else { return text }
    var out = Array(utf8[..<start])
    out.reserveCapacity(utf8.count + 32)
    for byte in utf8[start...] {
        if byte < 0x80, let replacement = replace(byte, previous) {
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
        } else {
            out.append(byte)
        }
        previous = byte
    }
    return String(decoding: out, as: UTF8.self)
}

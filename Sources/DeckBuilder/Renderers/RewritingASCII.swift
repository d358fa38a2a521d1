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

/// Text without the control characters no output format should carry: C0 controls but tab and
/// line feed, carriage returns (`\r\n` becomes `\n`), DEL and C1 controls are dropped. With
/// `singleLine`, line feeds and tabs become spaces as well, for titles, tags and one-line formats
/// (an Anki header, an Argdown statement), where a line break would start a new line of markup.
/// Text that has none comes back as it is, uncopied.
func plainText(_ text: String, singleLine: Bool = false) -> String {
    let utf8 = text.utf8
    var previous: UInt8 = 0
    let dirty = utf8.contains { byte in
        defer { previous = byte }
        return (byte < 0x20 && (singleLine || (byte != 0x0A && byte != 0x09))) || byte == 0x7F
            || (previous == 0xC2 && (0x80...0x9F).contains(byte))
    }
    guard dirty else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x0A, 0x09: out.append(singleLine ? " " : scalar)
        case 0x00...0x1F, 0x7F...0x9F: continue
        default: out.append(scalar)
        }
    }
    return String(out)
}

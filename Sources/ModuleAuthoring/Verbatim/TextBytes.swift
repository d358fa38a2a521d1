/// Whitespace tests and folding over UTF-8 bytes: the interpreter looks at every character of a
/// document several times, and Character's Unicode-property look-ups were most of its time.
enum TextBytes {
    /// The length in bytes of the whitespace character at `i`, or 0: ASCII space, tab, CR, LF,
    /// no-break space, the U+2000–U+200A spaces, U+2028/2029, U+202F, U+205F and U+3000.
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C ? 1 : 0 }
        let n = b.count
        if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 || b[i + 1] == 0x85 { return 2 }
        if c == 0xE2, i + 2 < n {
            let d = b[i + 1], e = b[i + 2]
            if d == 0x80, (0x80...0x8A).contains(e) || e == 0xA8 || e == 0xA9 || e == 0xAF { return 3 }
            if d == 0x81, e == 0x9F { return 3 }
        }
        if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xE1, i + 2 < n, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    static func isBlank(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i < b.count {
                let n = spaceLength(b, i)
                if n == 0 { return false }
                i += n
            }
            return true
        }
    }

    /// Characters that are not whitespace (Unicode scalars, which is what matters for shares).
    static func nonSpaceCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { b in
            var i = 0, count = 0
            while i < b.count {
                let n = spaceLength(b, i)
                if n > 0 { i += n; continue }
                if b[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// Appends `text` with every whitespace run folded to one space, dropping leading whitespace
    /// of the whole output; `pendingSpace` carries a run across pieces.
    static func appendFolded(_ text: String, to out: inout [UInt8], pendingSpace: inout Bool) {
        var text = text
        text.withUTF8 { b in
            var i = 0
            while i < b.count {
                let n = spaceLength(b, i)
                if n > 0 {
                    pendingSpace = true
                    i += n
                    continue
                }
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b[i])
                i += 1
            }
        }
    }

    static func folded<S: Sequence<String>>(_ pieces: S) -> String {
        var out: [UInt8] = []
        var space = false
        for piece in pieces { appendFolded(piece, to: &out, pendingSpace: &space) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whitespace trimmed at both ends.
    static func trimmed(_ text: Substring) -> Substring {
        var s = text
        while let first = s.unicodeScalars.first, isSpaceScalar(first) { s = s.dropFirst() }
        while let last = s.unicodeScalars.last, isSpaceScalar(last) { s = s.dropLast() }
        return s
    }

    @inline(__always)
    static func isSpaceScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s == " " || s == "\t" || s == "\n" || s == "\r" || s.value == 0x0B || s.value == 0x0C) : s.properties.isWhitespace
    }
}

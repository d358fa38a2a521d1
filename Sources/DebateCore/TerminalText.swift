/// Text from files and modules made safe to show on a terminal.
///
/// A claim's tag, a module's log line or an id in a message could carry ESC sequences (which
/// move the cursor, retitle the window, rewrite what was printed) or other control characters.
/// Every control character except newline and tab, and the bidirectional overrides that reorder
/// what a reader sees, is shown as a visible escape instead: ESC becomes `\x1B`, U+202E `\u{202E}`.
public enum TerminalText {
    /// `text` with control characters made visible. `keepNewlines: false` also escapes line
    /// breaks, for text that must stay on one line (a message, an id).
    public static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepNewlines: keepNewlines) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepNewlines: keepNewlines) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let escape = scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
                result.append(contentsOf: escape.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Like `sanitize`, but the escape sequences in `allowed` (the program's own styling, such as
    /// `\u{1B}[1m`) pass through as they are.
    public static func sanitize(_ text: String, allowing allowed: [String]) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) }) else { return text }
        let allowedScalars = allowed.map { Array($0.unicodeScalars) }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{1B}", let match = allowedScalars.first(where: { sequence in
                i + sequence.count <= scalars.count && scalars[i ..< i + sequence.count].elementsEqual(sequence)
            }) {
                result.append(contentsOf: match)
                i += match.count
                continue
            }
            result.append(contentsOf: sanitize(String(scalars[i])).unicodeScalars)
            i += 1
        }
        return String(result)
    }

    /// A piece of the user's input quoted in a message: one line, control characters made
    /// visible, and cut to `limit` characters with an ellipsis (a 10 MB answer is not echoed whole).
    public static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        let head = text.prefix(limit + 1)
        let cut = head.count > limit ? String(head.prefix(limit)) + "…" : String(head)
        return sanitize(cut, keepNewlines: false)
    }

    /// Whether UTF-8 `bytes` hold a scalar `isUnsafe` (newlines kept): what `sanitize` would change,
    /// found without decoding the text (a deck written to standard output is tens of megabytes).
    public static func containsUnsafe(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight bytes at a time while they are all printable ASCII (0x20–0x7E), which nothing
            // unsafe starts with: "some byte < 0x20" and "some byte ≥ 0x7F" without a loop.
            if i + 8 <= n {
                let x = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let below = (x &- ones &* 0x20) & ~x & highs
                let above = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ ones) | x) & highs
                if below == 0 && above == 0 {
                    i += 8
                    continue
                }
                if above == 0 {
                    // Only bytes below 0x20 flagged (a JSON deck's line breaks): look at those alone. The
                    // flags above a true one may be false (a borrow), so each flagged byte is read.
                    var flags = below
                    while flags != 0 {
                        let b = bytes[i + flags.trailingZeroBitCount / 8]
                        if b < 0x20 && b != 0x09 && b != 0x0A { return true }
                        flags &= flags &- 1
                    }
                    i += 8
                    continue
                }
                // Something else among these eight: look at each (a sequence may run past them).
                let end = i + 8
                while i < end {
                    if unsafeSequence(bytes, at: i) { return true }
                    i += 1
                }
                continue
            }
            if unsafeSequence(bytes, at: i) { return true }
            i += 1
        }
        return false
    }

    /// Whether an unsafe scalar's UTF-8 starts at `i`.
    @inline(__always)
    private static func unsafeSequence(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Bool {
        let n = bytes.count
        let b = bytes[i]
        if b < 0x20 { return b != 0x09 && b != 0x0A }
        if b == 0x7F { return true }
        if b == 0xC2 {
            // U+0080–U+009F: C2 80 … C2 9F
            return i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F
        }
        if b == 0xE2, i + 2 < n {
            // U+202A–U+202E: E2 80 AA … AE; U+2066–U+2069: E2 81 A6 … A9
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)
        }
        return false
    }

    /// C0 controls (but tab, and newline when kept), DEL, C1 controls, bidirectional overrides and isolates.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepNewlines: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A: return !keepNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

import DebateCore

/// Writes evidence runs as the markup `Evidence` parses back to the same runs: `__underline__`,
/// `**emphasis**`, `==highlight==`, properly nested, with `_ * = \` escaped by a backslash.
public enum EvidenceMarkup {
    /// Marker order when several open at once: underline outermost, then emphasis, then highlight.
    static let order: [(Evidence.Style, String)] = [(.underline, "__"), (.emphasis, "**"), (.highlight, "==")]

    public static func write(_ runs: [Evidence.Run]) -> String {
        var out = ""
        var open: [(Evidence.Style, String)] = []
        for run in runs where !run.text.isEmpty {
            // Close down to the deepest span the run no longer has, then open what it adds.
            if let firstGone = open.firstIndex(where: { !run.style.contains($0.0) }) {
                for marker in open[firstGone...].reversed() { out += marker.1 }
                open.removeSubrange(firstGone...)
            }
            for marker in order where run.style.contains(marker.0) && !open.contains(where: { $0.0 == marker.0 }) {
                out += marker.1
                open.append(marker)
            }
            escape(run.text, into: &out)
        }
        for marker in open.reversed() { out += marker.1 }
        return out
    }

    static func escape(_ text: String, into out: inout String) {
        let special: (UInt8) -> Bool = { $0 == 0x5F || $0 == 0x2A || $0 == 0x3D || $0 == 0x5C }
        guard text.utf8.contains(where: special) else {
            out += text
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special(byte) { bytes.append(0x5C) }
            bytes.append(byte)
        }
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Drops leading and trailing whitespace of a paragraph (the markup is trimmed when read back).
    public static func trim(_ runs: [Evidence.Run]) -> [Evidence.Run] {
        var runs = runs
        while let first = runs.first {
            let text = String(first.text.unicodeScalars.drop(while: TextBytes.isSpaceScalar))
            if text.isEmpty { runs.removeFirst() } else { runs[0].text = text; break }
        }
        while let last = runs.last {
            var text = Substring(last.text)
            while let c = text.unicodeScalars.last, TextBytes.isSpaceScalar(c) { text = text.dropLast() }
            if text.isEmpty { runs.removeLast() } else { runs[runs.count - 1].text = String(text); break }
        }
        return runs
    }
}

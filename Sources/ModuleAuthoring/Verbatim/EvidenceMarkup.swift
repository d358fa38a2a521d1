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
        for ch in text.unicodeScalars {
            if ch == "_" || ch == "*" || ch == "=" || ch == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
    }

    /// Drops leading and trailing whitespace of a paragraph (the markup is trimmed when read back).
    public static func trim(_ runs: [Evidence.Run]) -> [Evidence.Run] {
        var runs = runs
        while let first = runs.first {
            let text = String(first.text.drop(while: \.isWhitespace))
            if text.isEmpty { runs.removeFirst() } else { runs[0].text = text; break }
        }
        while let last = runs.last {
            var text = last.text
            while let c = text.last, c.isWhitespace { text.removeLast() }
            if text.isEmpty { runs.removeLast() } else { runs[runs.count - 1].text = text; break }
        }
        return runs
    }
}

// The evidence markup (`__underline__`, `**emphasis**`, `==highlight==`, `\` escapes).
// Invariants: an error's offset is inside the markup; parsed runs written back as markup (every
// marker character escaped, spans opened and closed in nesting order) parse to the same runs.
import DebateCore
import FuzzSupport

/// Canonical markup for `runs`.
func markup(_ runs: [Evidence.Run]) -> String {
    let markers: [(Evidence.Style, String)] = [(.underline, "__"), (.emphasis, "**"), (.highlight, "==")]
    var open: [Evidence.Style] = []
    var text = ""
    for run in runs + [Evidence.Run("", [])] {
        // Close down to the first open span the run does not have, then open what it lacks.
        if let keep = open.firstIndex(where: { !run.style.contains($0) }) {
            for style in open[keep...].reversed() { text += markers.first { $0.0 == style }!.1 }
            open.removeSubrange(keep...)
        }
        for (style, marker) in markers where run.style.contains(style) && !open.contains(style) {
            open.append(style)
            text += marker
        }
        // By scalar: a backslash followed by a combining mark is one Character, but the parser
        // reads bytes.
        for scalar in run.text.unicodeScalars {
            if scalar == "\\" || scalar == "_" || scalar == "*" || scalar == "=" { text.unicodeScalars.append("\\") }
            text.unicodeScalars.append(scalar)
        }
    }
    return text
}

runFuzzer { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    let evidence: Evidence
    do throws(EvidenceError) {
        evidence = try Evidence(markup: text)
    } catch {
        if error.offset < 0 || error.offset > text.count { violated("error offset \(error.offset) outside \(text.count) characters") }
        if error.message.isEmpty { violated("empty message") }
        return
    }
    if evidence.runs.contains(where: { $0.text.isEmpty }) { violated("an empty run") }
    let written = markup(evidence.runs)
    do {
        let again = try Evidence(markup: written)
        if again.runs != evidence.runs { violated("runs read back differently from \(written.debugDescription)") }
    } catch {
        violated("written markup \(written.debugDescription) does not parse: \(error)")
    }
}

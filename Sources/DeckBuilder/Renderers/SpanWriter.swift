import DebateCore
import DeckModel

/// Writes evidence runs as properly nested spans for a markup language (HTML, Markdown, …).
/// Spans open outermost-first (underline › emphasis › highlight) and stay open across runs
/// that keep them, so `__a ==b== c__` comes out as one underline around one highlight.
/// A paragraph break closes every open span and reopens it after the break.
struct SpanWriter {
    var open: (Evidence.Style) -> String
    var close: (Evidence.Style) -> String
    var escape: (String) -> String
    var paragraphBreak: String
    /// Markdown needs markers to hug the text: spaces move outside them.
    var markersHugText: Bool

    static let order: [Evidence.Style] = [.underline, .emphasis, .highlight]

    func write(_ runs: [EvidenceBody.Run]) -> String {
        var out = ""
        var stack: [Evidence.Style] = []

        func closeAll(downTo index: Int) {
            while stack.count > index {
                let style = stack.removeLast()
                if markersHugText {
                    let spaces = out.reversed().prefix { $0 == " " }.count
                    out.removeLast(spaces)
                    out += close(style) + String(repeating: " ", count: spaces)
                } else {
                    out += close(style)
                }
            }
        }

        func write(_ text: String, _ style: Evidence.Style) {
            if let index = stack.firstIndex(where: { !style.contains($0) }) { closeAll(downTo: index) }
            var text = Substring(text)
            if markersHugText, stack.count < Self.order.filter({ style.contains($0) }).count {
                let lead = text.prefix { $0 == " " }
                out += lead
                text = text.dropFirst(lead.count)
            }
            for s in Self.order where style.contains(s) && !stack.contains(s) {
                out += open(s)
                stack.append(s)
            }
            out += escape(String(text))
        }

        for run in runs {
            let style: Evidence.Style = [run.underline ? .underline : [], run.emphasis ? .emphasis : [],
                                         run.highlight ? .highlight : []]
            let paragraphs = run.text.utf8.contains(10) ? run.text.components(separatedBy: "\n\n") : [run.text]
            for (i, paragraph) in paragraphs.enumerated() {
                if i > 0 {
                    let reopen = stack
                    closeAll(downTo: 0)
                    out += paragraphBreak
                    for s in reopen where !paragraphs[i].isEmpty {
                        out += open(s)
                        stack.append(s)
                    }
                }
                if !paragraph.isEmpty { write(paragraph, style) }
            }
        }
        closeAll(downTo: 0)
        return out
    }
}

import DebateCore
import Foundation

/// What the interpreter asks of one paragraph's resolved runs.
extension VerbatimInterpreter {
    static func clip(_ text: String, _ length: Int = 60) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }

    static func isBlank(_ runs: [ResolvedRun]) -> Bool {
        runs.allSatisfy { TextBytes.isBlank($0.text) }
    }

    /// The paragraph's text on one line: tabs and breaks become spaces, runs of space one space.
    static func flatText(_ runs: [ResolvedRun]) -> String {
        TextBytes.folded(runs.lazy.map(\.text))
    }

    static func isAllBold(_ runs: [ResolvedRun]) -> Bool {
        var any = false
        for run in runs where !TextBytes.isBlank(run.text) {
            if !run.bold || run.underline || run.highlight != nil { return false }
            any = true
        }
        return any
    }

    /// The short cite when the paragraph reads as a cite: it starts with a run in a cite style
    /// (or bold at 13 pt), or with a short bold prefix holding a year, followed by plain text.
    static func citeShort(_ runs: [ResolvedRun]) -> String? {
        // A run in a cite style near the start ("Johanna **Matanich 96**, …" counts too).
        var offset = 0
        for (i, run) in runs.enumerated() {
            if offset > 150 { break }
            if run.cite && !TextBytes.isBlank(run.text) {
                var short = ""
                for next in runs[i...] {
                    guard next.cite || TextBytes.isBlank(next.text) else { break }
                    short += next.text
                }
                let flat = TextBytes.folded(CollectionOfOne(short))
                if !flat.isEmpty && flat.count <= 200 { return flat }
                break
            }
            offset += run.text.utf8.count
        }
        // Plain bold at the start (Google Docs exports: bold 11 pt): a cite if it names a year.
        var prefix = ""
        var sawText = false
        var rest = false
        for run in runs {
            let blank = TextBytes.isBlank(run.text)
            if !sawText && blank { continue }
            if run.bold && !run.underline && run.highlight == nil {
                prefix += run.text
                sawText = true
            } else {
                if !sawText { return nil }
                if !blank { rest = true; break }
                prefix += run.text
            }
        }
        let short = TextBytes.folded(CollectionOfOne(prefix))
        guard !short.isEmpty, short.count <= 80 else { return nil }
        guard short.contains(where: \.isNumber), rest || short.count <= 40 else { return nil }
        return short
    }

    /// The runs before the paragraph's first line break, and those after it.
    static func splitAtFirstBreak(_ runs: [ResolvedRun]) -> ([ResolvedRun], [ResolvedRun]) {
        guard let k = runs.firstIndex(where: { $0.text.utf8.contains(10) }) else { return (runs, []) }
        let parts = runs[k].text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        var before = Array(runs[..<k]), after = Array(runs[(k + 1)...])
        var head = runs[k], tail = runs[k]
        head.text = String(parts[0])
        tail.text = parts.count > 1 ? String(parts[1]) : ""
        before.append(head)
        after.insert(tail, at: 0)
        return (before, after)
    }

    /// The share of non-space characters underlined or highlighted.
    static func markedShare(_ runs: [ResolvedRun]) -> Double {
        var marked = 0, all = 0
        for run in runs {
            let n = TextBytes.nonSpaceCount(run.text)
            all += n
            if run.underline || run.highlight != nil { marked += n }
        }
        return all == 0 ? 0 : Double(marked) / Double(all)
    }

    /// The bold words of a cite, in order ("LEE AND ALEXANDROVA ’19"), or nil when none is bold.
    static func boldWords(_ runs: [ResolvedRun]) -> String {
        let words = runs.filter(\.bold).map { flatText([$0]) }.filter { !$0.isEmpty }
        return words.joined(separator: " ")
    }

    /// A second cite paragraph right after the first: no underline, no highlight, short, and
    /// looking like a cite (a link, brackets) or completing a cite line that held only the short cite.
    static func isSecondCite(_ runs: [ResolvedRun], text: String, after cite: Citation?) -> Bool {
        guard let cite, !(cite.text ?? "").contains("\n") else { return false }
        guard text.unicodeScalars.count <= 1000, !runs.contains(where: { ($0.underline || $0.highlight != nil) && !TextBytes.isBlank($0.text) }) else { return false }
        let onlyShort = (cite.text ?? "").unicodeScalars.count <= (cite.short ?? "").unicodeScalars.count + 4
        let lower = text.lowercased()
        return onlyShort || lower.contains("http") || lower.contains("doi") || text.hasPrefix("[") || text.hasPrefix("(")
    }

    /// Paragraph text split at line breaks, trimmed, for an analytic's explanation.
    static func plainParagraphs(_ runs: [ResolvedRun]) -> [String] {
        runs.map(\.text).joined().split(separator: "\n").map { String(TextBytes.trimmed($0)) }.filter { !$0.isEmpty }
    }

    /// Evidence markup for one Word paragraph (a line break starts a new one), and the highlight
    /// colors in it other than the usual one.
    static func markup(_ runs: [ResolvedRun], usualHighlight: String?) -> ([String], Set<String>) {
        var paragraphs: [[Evidence.Run]] = [[]]
        var colors = Set<String>()
        for run in runs {
            var style: Evidence.Style = []
            if run.underline { style.insert(.underline) }
            if run.emphasis { style.insert(.emphasis) }
            if let h = run.highlight {
                style.insert(.highlight)
                if h != usualHighlight { colors.insert(h) }
            }
            guard run.text.utf8.contains(10) else {
                if !run.text.isEmpty { paragraphs[paragraphs.count - 1].append(Evidence.Run(run.text, style)) }
                continue
            }
            for (i, piece) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { paragraphs.append([]) }
                if !piece.isEmpty { paragraphs[paragraphs.count - 1].append(Evidence.Run(String(piece), style)) }
            }
        }
        return (paragraphs.compactMap { runs in
            let trimmed = EvidenceMarkup.trim(runs)
            return trimmed.isEmpty ? nil : EvidenceMarkup.write(trimmed)
        }, colors)
    }
}

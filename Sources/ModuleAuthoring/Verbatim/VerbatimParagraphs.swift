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
            // Words of a tag are often underlined too ("Federal regulation … __illegal market__"); none is highlighted.
            if !run.bold || run.highlight != nil { return false }
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
            // Bold, not highlighted nor emphasised; underlined only at 12 pt and more ("**__Smith 20__**").
            if run.bold && run.highlight == nil && !run.emphasis && (!run.underline || (run.size ?? 0) >= 24) {
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

    /// The paragraph's text as written, trimmed at both ends (a cite is kept word for word).
    static func rawText(_ runs: [ResolvedRun]) -> String {
        String(TextBytes.trimmed(Substring(runs.map(\.text).joined())))
    }

    /// Some non-blank text is underlined, emphasised or highlighted.
    static func isMarked(_ runs: [ResolvedRun]) -> Bool {
        runs.contains { ($0.underline || $0.emphasis || $0.highlight != nil) && !TextBytes.isBlank($0.text) }
    }

    /// The runs before the paragraph's first line break after some text, and those after it; nil with no break.
    static func splitAtFirstBreak(_ runs: [ResolvedRun]) -> ([ResolvedRun], [ResolvedRun])? {
        var sawText = false
        var cut: (run: Int, offset: String.Index)?
        search: for (k, run) in runs.enumerated() {
            for index in run.text.indices {
                let c = run.text[index]
                if c == "\n" {
                    if sawText { cut = (k, index); break search }
                } else if !c.isWhitespace {
                    sawText = true
                }
            }
        }
        guard let cut else { return nil }
        var before = Array(runs[..<cut.run]), after = Array(runs[(cut.run + 1)...])
        var head = runs[cut.run], tail = runs[cut.run]
        head.text = String(head.text[..<cut.offset])
        tail.text = String(tail.text[tail.text.index(after: cut.offset)...])
        before.append(head)
        after.insert(tail, at: 0)
        return (before, after)
    }

    /// A cite line and its card in one paragraph: the runs before the first line break (after the
    /// paragraph's first text) and those after it, when the text after the break is underlined or
    /// highlighted and the text before it is not (bold aside). Otherwise the whole paragraph and none.
    static func splitCiteLine(_ runs: [ResolvedRun]) -> ([ResolvedRun], [ResolvedRun]) {
        guard let (before, after) = splitAtFirstBreak(runs) else { return (runs, []) }
        let markedAfter = after.contains { ($0.underline || $0.highlight != nil) && !TextBytes.isBlank($0.text) }
        let markedBefore = before.contains { ($0.underline || $0.highlight != nil) && !$0.bold && !TextBytes.isBlank($0.text) }
        guard markedAfter, !markedBefore else { return (runs, []) }
        return (before, after)
    }

    /// A tag paragraph with its cite on a line of its own after a line break: the runs before the
    /// break and those after it, when the line after it starts with a short cite — a capitalised name
    /// and a two- or four-digit year before any " - ", " — ", "(", "[" or "," ("McGranahan 19 - (…",
    /// "Cowen 19 — (…", "Carlos 14"). Otherwise the whole paragraph and none.
    static func splitTagCite(_ runs: [ResolvedRun]) -> ([ResolvedRun], [ResolvedRun]) {
        guard let (before, after) = splitAtFirstBreak(runs) else { return (runs, []) }
        let line = rawText(after).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        guard startsWithShortCite(line) else { return (runs, []) }
        return (before, after)
    }

    /// "McGranahan 19 - (Carole …", "Ioris 20 — (…", "Carlos 14": a name and a year first.
    static func startsWithShortCite(_ line: String) -> Bool {
        var head = Substring(line)
        for separator in [" - ", " — ", " – ", "(", "[", ","] {
            if let range = head.range(of: separator) { head = head[..<range.lowerBound] }
        }
        let words = head.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words.count <= 8, let first = words.first?.first, first.isUppercase,
              let year = words.last?.trimmingCharacters(in: CharacterSet(charactersIn: "'’‘.:;")),
              year.count == 2 || year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return words.dropLast().allSatisfy { !$0.contains(where: \.isNumber) }
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

    /// Paragraph text for an analytic's explanation, trimmed; a line break inside it is kept.
    static func plainParagraphs(_ runs: [ResolvedRun]) -> [String] {
        let text = rawText(runs)
        return text.isEmpty ? [] : [text]
    }

    /// Evidence markup for one Word paragraph (a line break inside it stays a single `\n`; two in a
    /// row read back as a paragraph break), and the highlight colors in it other than the usual one.
    static func markup(_ runs: [ResolvedRun], usualHighlight: String?) -> ([String], Set<String>) {
        var paragraph: [Evidence.Run] = []
        var colors = Set<String>()
        for run in runs where !run.text.isEmpty {
            var style: Evidence.Style = []
            if run.underline { style.insert(.underline) }
            if run.emphasis { style.insert(.emphasis) }
            if let h = run.highlight {
                style.insert(.highlight)
                if h != usualHighlight { colors.insert(h) }
            }
            paragraph.append(Evidence.Run(run.text, style))
        }
        let trimmed = EvidenceMarkup.trim(paragraph)
        return (trimmed.isEmpty ? [] : [EvidenceMarkup.write(trimmed)], colors)
    }
}

import DebateCore
import DeckModel

/// Markdown with Verbatim's hierarchy as headings: Pocket `#`, Hat `##`, Block `###`, Tag `####`.
/// Spans stay visible: underline as `<u>…</u>`, emphasis as `**…**`, highlight as `==…==`.
public struct MarkdownRenderer: TextRenderer {
    public var format: OutputFormat { .markdown }
    public init() {}

    public func renderText(_ deck: Deck) -> String {
        RenderOutput.text { render(deck, to: $0) }
    }

    /// Written block by block, card by card: a large deck is never one string.
    public func render(_ deck: Deck, to out: RenderOutput) {
        out += "**\(line(deck.title))**\n\n"
        out += "- Resolution: \(line(deck.resolution))\n"
        out += "- Side: \(deck.sideWords.title(deck.side))\n"
        out += "- Reading time: \(readingLine(deck))\n"
        out += "- Modules: " + deck.modules.map { "\(escape($0.title)) (`\($0.id)` \(line($0.version)))" }.joined(separator: ", ") + "\n"
        for pocket in deck.pockets {
            out += "\n# \(line(pocket.title))\n"
            if let line = speechLine(pocket) { out += "\n\(line)\n" }
            for hat in pocket.hats {
                out += "\n## \(line(hat.title))\n"
                for block in hat.blocks { render(block, to: out) }
            }
        }
        out += coverage(deck)
    }

    func readingLine(_ deck: Deck) -> String {
        var line = DeckProse.readingTime(deck)
        if let note = DeckProse.budgetNote(deck) { line += note.over ? " — **\(note.text)**" : " \(note.text)" }
        return line
    }

    /// "*1AC · 8:00 speech · reads in 3:37*", when the pocket is a speech or has a time.
    func speechLine(_ pocket: Pocket) -> String? {
        guard pocket.speech != nil || pocket.timeSeconds != nil else { return nil }
        var parts: [String] = []
        if let speech = pocket.speech { parts.append(escape(speech)) }
        if let time = pocket.timeSeconds { parts.append("\(formatDuration(time)) speech") }
        parts.append("reads in \(formatDuration(pocket.readingSeconds))")
        return "*" + parts.joined(separator: " · ") + "*" + (pocket.overBudget ? " — **over time**" : "")
    }

    func render(_ block: Block, to out: RenderOutput) {
        var meta = "*\(DeckProse.blockTime(block))*"
        if block.overBudget { meta += " — **\(DeckProse.overBlockBudget)**" }
        if let answers = block.answers { meta += " · answers `\(answers.id)`" }
        out += "\n### \(line(block.title))\n\n" + meta + "\n"
        for card in block.cards { out += render(card) }
    }

    func render(_ card: Card, extending: Bool = false) -> String {
        let label = card.responseTitle.map { "\($0): " } ?? ""
        var out = ""
        if extending {
            out += "\n##### Extension: \(line(label + card.tag))\n\n"
        } else {
            if let part = card.part { out += "\n*\(line(part))*\n" }
            out += "\n#### \(line(label + card.tag))\n\n"
        }
        if card.analytic {
            // Verbatim's analytic: the tag with no card under it.
            out += card.needsEvidence ? "*Analytic — needs a card before it is read.*\n" : "*Analytic.*\n"
            if card.cite != nil || card.warrant != nil { out += "\n" }
        }
        if let cite = card.cite, let written = cite.writtenParts {
            out += escape(written.before) + (written.short.isEmpty ? "" : "**\(escape(written.short))**")
                + escape(written.after).replacingOccurrences(of: "\n", with: "  \n") + "\n\n"
        } else if let cite = card.cite {
            out += "**\(escape(cite.shortCite))**"
            let rest = cite.fullCiteParts
            if !rest.isEmpty {
                out += " (" + rest.map { $0 == cite.url ? link($0) : escape($0) }.joined(separator: ", ") + ")"
            }
            out += "\n\n"
        }
        if let evidence = card.evidence {
            let body = spans.write(evidence.makeRuns())
            out += body.utf8.contains(10)
                ? body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> \($0)" }
                    .joined(separator: "\n") + "\n"
                : "> \(body)\n"
            if let warrant = card.warrant { out += "\n*Warrant:* \(escape(warrant))\n" }
        } else if let warrant = card.warrant {
            out += "\(escape(warrant))\n"
        }
        for extensionCard in card.extensions { out += render(extensionCard, extending: true) }
        return out
    }

    var spans: SpanWriter {
        SpanWriter(open: { $0 == .underline ? "<u>" : $0 == .emphasis ? "**" : "==" },
                   close: { $0 == .underline ? "</u>" : $0 == .emphasis ? "**" : "==" },
                   escape: escape, paragraphBreak: "\n\n", markersHugText: true)
    }

    func coverage(_ deck: Deck) -> String {
        var out = "\n# \(DeckProse.coverageTitle)\n\n\(DeckProse.coverageLead(deck))\n"
        if !deck.coverage.unanswered.isEmpty {
            out += "\n"
            for ref in deck.coverage.unanswered { out += "- `\(ref.id)` (\(ref.module)): \(line(ref.tag))\n" }
        }
        if !deck.coverage.positions.isEmpty {
            out += "\nTheir positions, part by part:\n\n"
            for position in deck.coverage.positions { out += "- \(line(position.summary))\n" }
        }
        if !deck.coverage.answeredButNotInDeck.isEmpty {
            out += "\n\(DeckProse.answeredElsewhereLead)\n\n"
            for ref in deck.coverage.answeredButNotInDeck { out += "- `\(ref.id)` (\(ref.module)): \(line(ref.tag))\n" }
        }
        return out
    }

    /// A title or tag: one line (a line break would end a heading), escaped.
    func line(_ text: String) -> String { escape(plainText(text, singleLine: true)) }

    /// Backslash-escapes the characters Markdown would read as markup (`==` is highlight syntax).
    func escape(_ text: String) -> String {
        rewritingASCII(plainText(text)) { byte, previous in
            switch byte {
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: "`"): "\\`"
            case UInt8(ascii: "*"): "\\*"
            case UInt8(ascii: "_"): "\\_"
            case UInt8(ascii: "["): "\\["
            case UInt8(ascii: "]"): "\\]"
            case UInt8(ascii: "<"): "\\<"
            case UInt8(ascii: ">"): "\\>"
            case UInt8(ascii: "#"): "\\#"
            case UInt8(ascii: "|"): "\\|"
            case UInt8(ascii: "~"): "\\~"
            case UInt8(ascii: "=") where previous == UInt8(ascii: "="): "\\="
            default: nil
            }
        }
    }

    /// A web address as an autolink, which Markdown takes verbatim; anything else is escaped text.
    func link(_ url: String) -> String {
        let url = plainText(url, singleLine: true)
        let isWeb = url.hasPrefix("https://") || url.hasPrefix("http://")
        return isWeb && !url.contains(where: { $0 == "<" || $0 == ">" || $0.isWhitespace }) ? "<\(url)>" : escape(url)
    }
}

import DebateCore

/// Markdown with Verbatim's hierarchy as headings: Pocket `#`, Hat `##`, Block `###`, Tag `####`.
/// Spans stay visible: underline as `<u>…</u>`, emphasis as `**…**`, highlight as `==…==`.
public struct MarkdownRenderer: TextRenderer {
    public var format: OutputFormat { .markdown }
    public init() {}

    public func renderText(_ deck: Deck) -> String {
        var out = ""
        out += "**\(line(deck.title))**\n\n"
        out += "- Resolution: \(line(deck.resolution))\n"
        out += "- Side: \(deck.side.title)\n"
        out += "- Reading time: \(readingLine(deck))\n"
        out += "- Modules: " + deck.modules.map { "\(escape($0.title)) (`\($0.id)` \(line($0.version)))" }.joined(separator: ", ") + "\n"
        for pocket in deck.pockets {
            out += "\n# \(line(pocket.title))\n"
            for hat in pocket.hats {
                out += "\n## \(line(hat.title))\n"
                for block in hat.blocks { out += render(block) }
            }
        }
        out += coverage(deck)
        return out
    }

    func readingLine(_ deck: Deck) -> String {
        var line = "\(formatDuration(deck.readingSeconds)) at \(deck.wpm) wpm"
        if let budget = deck.budgetSeconds {
            line += deck.overBudget ? " — **over the \(formatDuration(budget)) budget**" : " (budget \(formatDuration(budget)))"
        }
        return line
    }

    func render(_ block: Block) -> String {
        var out = "\n### \(line(block.title))\n\n"
        var meta = "*Reads in \(formatDuration(block.readingSeconds))*"
        if block.overBudget { meta += " — **over the block budget**" }
        if let answers = block.answers { meta += " · answers `\(answers.id)`" }
        out += meta + "\n"
        for card in block.cards { out += render(card) }
        return out
    }

    func render(_ card: Card) -> String {
        let label = card.response.map { "\($0.title): " } ?? ""
        var out = "\n#### \(line(label + card.tag))\n\n"
        if let cite = card.cite {
            out += "**\(escape(cite.shortCite))**"
            let rest = cite.fullCiteParts
            if !rest.isEmpty {
                out += " (" + rest.map { $0 == cite.url ? link($0) : escape($0) }.joined(separator: ", ") + ")"
            }
            out += "\n\n"
        }
        if let evidence = card.evidence {
            let body = spans.write(evidence.runs)
            out += body.utf8.contains(10)
                ? body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> \($0)" }
                    .joined(separator: "\n") + "\n"
                : "> \(body)\n"
            if let warrant = card.warrant { out += "\n*Warrant:* \(escape(warrant))\n" }
        } else if let warrant = card.warrant {
            out += "\(escape(warrant))\n"
        }
        return out
    }

    var spans: SpanWriter {
        SpanWriter(open: { $0 == .underline ? "<u>" : $0 == .emphasis ? "**" : "==" },
                   close: { $0 == .underline ? "</u>" : $0 == .emphasis ? "**" : "==" },
                   escape: escape, paragraphBreak: "\n\n", markersHugText: true)
    }

    func coverage(_ deck: Deck) -> String {
        var out = "\n# Coverage\n\n"
        if deck.coverage.unanswered.isEmpty {
            out += "Every \(deck.side.opponent.title.lowercased()) claim the modules offer has an answer.\n"
        } else {
            out += "No answer yet to these \(deck.side.opponent.title.lowercased()) claims:\n\n"
            for ref in deck.coverage.unanswered { out += "- `\(ref.id)` (\(ref.module)): \(line(ref.tag))\n" }
        }
        if !deck.coverage.answeredButNotInDeck.isEmpty {
            out += "\nAnswered by the modules but not placed in this deck:\n\n"
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

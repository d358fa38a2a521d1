import DebateCore
import DeckModel

/// One self-contained HTML file: table of contents, reading times, print stylesheet.
/// Spans are `<u>`, `<strong>` and `<mark>`; every piece of deck text is escaped.
public struct HTMLRenderer: TextRenderer {
    public var format: OutputFormat { .html }
    public init() {}

    public func renderText(_ deck: Deck) -> String {
        RenderOutput.text { render(deck, to: $0) }
    }

    /// Written block by block, card by card: a large deck is never one string.
    public func render(_ deck: Deck, to out: RenderOutput) {
        out += """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="debate">
        <title>\(escape(deck.title))</title>
        <style>\(Self.stylesheet)</style>
        </head>
        <body>
        <header class="deck">
        <p class="deck-title">\(escape(deck.title))</p>
        <dl>
        <dt>Resolution</dt><dd>\(escape(deck.resolution))</dd>
        <dt>Side</dt><dd>\(deck.sideWords.title(deck.side))</dd>
        <dt>Reading time</dt><dd>\(readingTime(deck))</dd>
        <dt>Modules</dt><dd>\(deck.modules.map { "\(escape($0.title)) <code>\(escape($0.id))</code> \(escape($0.version))" }.joined(separator: ", "))</dd>
        </dl>
        </header>

        """
        out += tableOfContents(deck)
        out += "<main>\n"
        for pocket in deck.pockets {
            out += "<section class=\"pocket\">\n<h1 id=\"\(pocket.anchor)\">\(escape(pocket.title))</h1>\n"
            if pocket.speech != nil || pocket.timeSeconds != nil {
                var parts: [String] = []
                if let speech = pocket.speech { parts.append(escape(speech)) }
                if let time = pocket.timeSeconds { parts.append("\(formatDuration(time)) speech") }
                parts.append("reads in \(formatDuration(pocket.readingSeconds))")
                out += "<p class=\"speech-meta\">\(parts.joined(separator: " · "))"
                    + (pocket.overBudget ? " <span class=\"over\">over time</span>" : "") + "</p>\n"
            }
            for hat in pocket.hats {
                out += "<section class=\"hat\">\n<h2 id=\"\(hat.anchor)\">\(escape(hat.title))</h2>\n"
                for block in hat.blocks { render(block, to: out) }
                out += "</section>\n"
            }
            out += "</section>\n"
        }
        out += coverage(deck)
        out += "</main>\n</body>\n</html>\n"
    }

    func readingTime(_ deck: Deck) -> String {
        var text = DeckProse.readingTime(deck)
        if let note = DeckProse.budgetNote(deck) {
            text += note.over ? " <span class=\"over\">\(note.text)</span>" : " \(note.text)"
        }
        return text
    }

    func tableOfContents(_ deck: Deck) -> String {
        var out = "<nav class=\"toc\">\n<p class=\"toc-title\">Contents</p>\n<ol>\n"
        for pocket in deck.pockets {
            out += "<li><a href=\"#\(pocket.anchor)\">\(escape(pocket.title))</a>\n<ol>\n"
            for hat in pocket.hats {
                out += "<li><a href=\"#\(hat.anchor)\">\(escape(hat.title))</a>\n<ol>\n"
                for block in hat.blocks {
                    out += "<li><a href=\"#\(block.anchor)\">\(escape(block.title))</a> <span class=\"time\">\(formatDuration(block.readingSeconds))</span></li>\n"
                }
                out += "</ol></li>\n"
            }
            out += "</ol></li>\n"
        }
        out += "<li><a href=\"#coverage\">Coverage</a></li>\n</ol>\n</nav>\n"
        return out
    }

    func render(_ block: Block, to out: RenderOutput) {
        var head = "<section class=\"block\">\n<h3 id=\"\(block.anchor)\">\(escape(block.title))</h3>\n"
        head += "<p class=\"block-meta\">\(DeckProse.blockTime(block))"
        if block.overBudget { head += " <span class=\"over\">\(DeckProse.overBlockBudget)</span>" }
        if let answers = block.answers { head += " · answers <code>\(escape(answers.id))</code>" }
        out += head + "</p>\n"
        for card in block.cards { out += render(card) }
        out += "</section>\n"
    }

    func render(_ card: Card, extending: Bool = false) -> String {
        let classes = "card" + (card.analytic ? " analytic" : "") + (extending ? " extension" : "")
        var out = "<article class=\"\(classes)\" data-claim=\"\(escape(card.id))\">\n"
        if !extending, let part = card.part { out += "<p class=\"part\">\(escape(part))</p>\n" }
        out += extending ? "<h5><span class=\"kind\">Extension</span> " : "<h4>"
        if let response = card.responseTitle { out += "<span class=\"kind\">\(escape(response))</span> " }
        out += "\(escape(card.tag))</h\(extending ? 5 : 4)>\n"
        if card.analytic {
            out += "<p class=\"analytic-note\">" + (card.needsEvidence ? "Analytic — needs a card before it is read." : "Analytic.") + "</p>\n"
        }
        if let cite = card.cite {
            out += "<p class=\"cite\">\(HTMLText.cite(cite, strong: "strong"))</p>\n"
        }
        if let evidence = card.evidence {
            out += "<blockquote class=\"evidence\">\n<p>"
            out += spans.write(evidence.makeRuns())
            out += "</p>\n</blockquote>\n"
            if let warrant = card.warrant { out += "<p class=\"warrant\"><em>Warrant:</em> \(escape(warrant))</p>\n" }
        } else if let warrant = card.warrant {
            out += "<p class=\"analytic\">\(escape(warrant))</p>\n"
        }
        for extensionCard in card.extensions { out += render(extensionCard, extending: true) }
        return out + "</article>\n"
    }

    var spans: SpanWriter {
        SpanWriter(open: { $0 == .underline ? "<u>" : $0 == .emphasis ? "<strong>" : "<mark>" },
                   close: { $0 == .underline ? "</u>" : $0 == .emphasis ? "</strong>" : "</mark>" },
                   escape: escape, paragraphBreak: "</p>\n<p>", markersHugText: false)
    }

    func coverage(_ deck: Deck) -> String {
        var out = "<section class=\"coverage\">\n<h1 id=\"coverage\">\(DeckProse.coverageTitle)</h1>\n"
        out += "<p>\(escape(DeckProse.coverageLead(deck)))</p>\n"
        if !deck.coverage.unanswered.isEmpty {
            out += "<ul>\n"
            for ref in deck.coverage.unanswered {
                out += "<li><code>\(escape(ref.id))</code> (\(escape(ref.module))): \(escape(ref.tag))</li>\n"
            }
            out += "</ul>\n"
        }
        if !deck.coverage.positions.isEmpty {
            out += "<p>Their positions, part by part:</p>\n<ul>\n"
            for position in deck.coverage.positions { out += "<li>\(escape(position.summary))</li>\n" }
            out += "</ul>\n"
        }
        if !deck.coverage.answeredButNotInDeck.isEmpty {
            out += "<p>\(DeckProse.answeredElsewhereLead)</p>\n<ul>\n"
            for ref in deck.coverage.answeredButNotInDeck {
                out += "<li><code>\(escape(ref.id))</code> (\(escape(ref.module))): \(escape(ref.tag))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    func escape(_ text: String) -> String { HTMLText.escape(text) }

    static let stylesheet = """

    :root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --mark: #fff35c; --accent: #1f4e8c; }
    * { box-sizing: border-box; }
    body { font: 16px/1.55 Calibri, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
           max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    header.deck { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
    .deck-title { font-size: 1.9rem; font-weight: 700; margin: 0 0 .5rem; }
    header dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
    header dt { color: var(--muted); }
    header dd { margin: 0; }
    nav.toc { background: #f6f6f8; border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1.25rem; margin-bottom: 2rem; }
    .toc-title { font-weight: 700; margin: 0 0 .25rem; }
    nav.toc ol { margin: 0; padding-left: 1.25rem; }
    nav.toc a { color: var(--accent); text-decoration: none; }
    nav.toc .time, .block-meta { color: var(--muted); font-size: .85rem; }
    h1 { font-size: 1.75rem; border-bottom: 3px double var(--ink); margin-top: 2.5rem; }
    h2 { font-size: 1.45rem; text-decoration: underline; margin-top: 2rem; }
    h3 { font-size: 1.2rem; text-decoration: underline; margin: 1.75rem 0 .25rem; }
    h4 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
    .kind { display: inline-block; font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
            background: var(--accent); color: #fff; border-radius: 3px; padding: 0 .35rem; vertical-align: .1em; }
    .cite { margin: .2rem 0; font-size: .9rem; overflow-wrap: anywhere; }
    .cite strong { font-size: 1rem; }
    blockquote.evidence { margin: .4rem 0 .6rem; padding: .1rem 0 .1rem .9rem; border-left: 3px solid var(--rule); font-size: .92rem; }
    blockquote.evidence p { margin: .35rem 0; }
    mark { background: var(--mark); color: inherit; }
    .warrant, .analytic { font-size: .9rem; color: var(--muted); margin: .25rem 0; }
    .over { color: #b3261e; font-weight: 700; }
    code { font-size: .85em; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      nav.toc { display: none; }
      a { color: inherit; text-decoration: none; }
      h1, h2, h3, h4 { break-after: avoid; }
      article.card { break-inside: avoid; }
      p.part { font-variant: small-caps; margin-bottom: 0; }
      article.extension { margin-left: 1.5em; }
      p.analytic-note { font-style: italic; }
      mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section.pocket { break-before: page; }
    }

    """
}

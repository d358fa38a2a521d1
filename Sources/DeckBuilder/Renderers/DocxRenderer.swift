import DebateCore
import DeckModel
import Foundation

/// Word (.docx) with Verbatim's structure, so Verbatim's macros and the evidence parsers debaters
/// use recognise it: Pocket › Hat › Block › Tag as Heading 1–4, the cite's short form in the Cite
/// character style, underlined and emphasised evidence in Verbatim's character styles, and
/// highlighting as direct `w:highlight` (what Verbatim's highlighter writes).
///
/// The package layout (part names, content types, relationship types) is ECMA-376 Part 2 (Open
/// Packaging Conventions) and Part 1 §11 (WordprocessingML); the style ids, names and aliases are
/// those of Verbatim's template, Debate.dotm (paperlessdebate.com). The parts are in `DocxParts.swift`.
public struct DocxRenderer: DeckRenderer {
    public var format: OutputFormat { .docx }
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ deck: Deck) throws -> Data {
        var zip = ZipContainer(date: options.date)
        zip.add("[Content_Types].xml", DocxParts.contentTypes)
        zip.add("_rels/.rels", DocxParts.packageRelationships)
        zip.add("docProps/core.xml", DocxParts.coreProperties(deck, date: options.date))
        zip.add("docProps/app.xml", DocxParts.appProperties)
        zip.add("word/_rels/document.xml.rels", DocxParts.documentRelationships)
        zip.add("word/document.xml", document(deck))
        zip.add("word/styles.xml", DocxParts.styles)
        zip.add("word/settings.xml", DocxParts.settings)
        return try zip.data()
    }

    /// `word/document.xml`: the deck as paragraphs.
    func document(_ deck: Deck) -> String {
        var body = ""
        body += paragraph(nil, run(deck.title, bold: true, size: 32))
        body += paragraph(nil, run("Resolution: ", bold: true) + run(deck.resolution))
        body += paragraph(nil, run("Side: ", bold: true) + run(deck.sideWords.title(deck.side)))
        var time = DeckProse.readingTime(deck)
        if let note = DeckProse.budgetNote(deck) { time += note.over ? " — \(note.text)" : " \(note.text)" }
        body += paragraph(nil, run("Reading time: ", bold: true) + run(time))
        body += paragraph(nil, run("Modules: ", bold: true)
            + run(deck.modules.map { "\($0.title) (\($0.id) \($0.version))" }.joined(separator: ", ")))
        for pocket in deck.pockets {
            body += paragraph(Style.pocket, run(pocket.title))
            if pocket.speech != nil || pocket.timeSeconds != nil {
                var parts: [String] = []
                if let speech = pocket.speech { parts.append(speech) }
                if let time = pocket.timeSeconds { parts.append("\(formatDuration(time)) speech") }
                parts.append("reads in \(formatDuration(pocket.readingSeconds))" + (pocket.overBudget ? " — over time" : ""))
                body += paragraph(nil, run(parts.joined(separator: " · "), italic: true))
            }
            for hat in pocket.hats {
                body += paragraph(Style.hat, run(hat.title))
                for block in hat.blocks {
                    body += paragraph(Style.block, run(block.title))
                    if block.cards.isEmpty { body += paragraph(nil, run("No answer yet.", italic: true)) }
                    for card in block.cards { body += render(card) }
                }
            }
        }
        body += coverage(deck)
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(DocxParts.wordNamespace)" xmlns:r="\(DocxParts.relationshipNamespace)">
        <w:body>
        \(body)<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>
        </w:body>
        </w:document>

        """
    }

    /// A card: its part and response lead the tag; an analytic is a tag-level paragraph in Verbatim's
    /// "Analytic" style with no cite under it; extensions follow as tags of their own.
    func render(_ card: Card, extending: Bool = false) -> String {
        var lead = extending ? "Extension: " : card.part.map { "\($0): " } ?? ""
        if let response = card.responseTitle { lead += "\(response): " }
        var out = paragraph(card.analytic ? Style.analytic : Style.tag, run(lead) + run(card.tag))
        if card.analytic, card.needsEvidence {
            out += paragraph(nil, run("Analytic — needs a card before it is read.", italic: true))
        }
        if let cite = card.cite, let written = cite.writtenParts {
            // Kept word for word from a document: each line its own paragraph, the short cite styled where it was.
            let before = written.before.components(separatedBy: "\n"), after = written.after.components(separatedBy: "\n")
            out += before.dropLast().map { paragraph(nil, run($0)) }.joined()
            out += paragraph(nil, run(before[before.count - 1]) + run(written.short, style: Style.cite) + run(after[0]))
            out += after.dropFirst().map { paragraph(nil, run($0)) }.joined()
        } else if let cite = card.cite {
            let rest = cite.fullCiteParts
            out += paragraph(nil, run(cite.shortCite, style: Style.cite)
                + (rest.isEmpty ? "" : run(" (" + rest.joined(separator: ", ") + ")")))
        }
        if let evidence = card.evidence {
            out += evidenceParagraphs(evidence.makeRuns())
            if let warrant = card.warrant { out += paragraph(nil, run("Warrant: ", italic: true) + run(warrant, italic: true)) }
        } else if let warrant = card.warrant {
            // A blank line in an analytic's warrant starts a new paragraph, as in evidence.
            out += warrant.components(separatedBy: "\n\n").map { paragraph(nil, run($0)) }.joined()
        }
        for extensionCard in card.extensions { out += render(extensionCard, extending: true) }
        return out
    }

    /// Evidence as runs: underline and emphasis as Verbatim's character styles (Emphasis already
    /// underlines), highlight as direct formatting. A blank line in the evidence starts a new paragraph.
    func evidenceParagraphs(_ runs: [EvidenceBody.Run]) -> String {
        var paragraphs: [String] = [""]
        for evidenceRun in runs {
            let style = evidenceRun.emphasis ? Style.emphasis : evidenceRun.underline ? Style.underline : nil
            for (i, text) in evidenceRun.text.components(separatedBy: "\n\n").enumerated() {
                if i > 0 { paragraphs.append("") }
                if !text.isEmpty { paragraphs[paragraphs.count - 1] += run(text, style: style, highlight: evidenceRun.highlight) }
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { paragraph(nil, $0) }.joined()
    }

    func coverage(_ deck: Deck) -> String {
        var out = paragraph(Style.pocket, run(DeckProse.coverageTitle))
        out += paragraph(nil, run(DeckProse.coverageLead(deck)))
        if !deck.coverage.unanswered.isEmpty {
            for ref in deck.coverage.unanswered { out += paragraph(nil, run("• \(ref.tag) (\(ref.id), \(ref.module))")) }
        }
        if !deck.coverage.positions.isEmpty {
            out += paragraph(nil, run("Their positions, part by part:"))
            for position in deck.coverage.positions { out += paragraph(nil, run("• \(position.summary)")) }
        }
        if !deck.coverage.answeredButNotInDeck.isEmpty {
            out += paragraph(nil, run(DeckProse.answeredElsewhereLead))
            for ref in deck.coverage.answeredButNotInDeck { out += paragraph(nil, run("• \(ref.tag) (\(ref.id), \(ref.module))")) }
        }
        return out
    }

    /// Verbatim's style ids (Debate.dotm).
    enum Style {
        static let pocket = "Heading1", hat = "Heading2", block = "Heading3", tag = "Heading4", analytic = "Analytic"
        static let cite = "Style13ptBold", underline = "StyleUnderline", emphasis = "Emphasis"
    }

    func paragraph(_ style: String?, _ runs: String) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(runs)</w:p>\n"
    }

    /// One run. Run properties follow CT_RPr's element order: rStyle, b, i, sz, highlight.
    func run(_ text: String, style: String? = nil, bold: Bool = false, italic: Bool = false, size: Int? = nil,
             highlight: Bool = false) -> String {
        guard !text.isEmpty else { return "" }
        var properties = ""
        if let style { properties += "<w:rStyle w:val=\"\(style)\"/>" }
        if bold { properties += "<w:b/><w:bCs/>" }
        if italic { properties += "<w:i/><w:iCs/>" }
        if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        if highlight { properties += "<w:highlight w:val=\"\(options.highlight.rawValue)\"/>" }
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let preserve = flat.first == " " || flat.last == " " || flat.contains("  ") ? " xml:space=\"preserve\"" : ""
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
            + "<w:t\(preserve)>\(xmlEscape(flat))</w:t></w:r>"
    }
}

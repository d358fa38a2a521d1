import DebateCore
import Foundation

/// A Verbatim document read as debaters mean it: headings (Pocket › Hat › Block) and, under them,
/// tags with their cites and cards, in document order; plus a report of everything that is not a
/// claim (so nothing is dropped silently).
public struct VerbatimOutline: Sendable {
    public enum Item: Sendable {
        /// Level 1 = Pocket, 2 = Hat, 3 = Block.
        case heading(level: Int, text: String, paragraph: Int)
        case claim(ImportedClaim)
    }

    public var items: [Item] = []
    public var warnings: [VerbatimWarning] = []
    /// Heading-4 (tag-style) paragraphs in the document, for the summary's "tags found ÷ tag paragraphs".
    public var tagParagraphs = 0
    /// The highlight color used for most highlighted characters (`w:highlight` value, or `shading:RRGGBB`).
    public var usualHighlight: String?
    public var paragraphCount = 0

    public var claims: [ImportedClaim] {
        items.compactMap { if case .claim(let claim) = $0 { claim } else { nil } }
    }
}

public struct ImportedClaim: Sendable, Hashable {
    public enum Origin: String, Sendable { case tag, fakeTag = "fake-tag", analytic, untagged }
    public var tag: String
    public var paragraph: Int
    public var origin: Origin
    public var cite: Citation?
    /// Evidence markup (`__underline__`, `**emphasis**`, `==highlight==`).
    public var evidence: String?
    /// Text under a tag that has no cite (an analytic's explanation), paragraphs split by blank lines.
    public var warrant: String?
    /// Highlight colors in the card other than the document's usual one.
    public var otherHighlights: [String] = []
    /// Stacked: another tag follows directly, with nothing between.
    public var stacked = false
    public var isCard: Bool { cite != nil && evidence != nil }
}

public struct VerbatimWarning: Sendable, Hashable {
    public var code: String
    /// 1-based paragraph number, as a reader counts them.
    public var paragraph: Int?
    public var message: String
}

/// Run formatting after styles are applied.
struct ResolvedRun {
    var text: String
    var bold: Bool
    var underline: Bool
    var emphasis: Bool
    var cite: Bool
    var highlight: String?
    var size: Int?
    var hidden: Bool
    /// In a character style named as a cite (not only bold at 13 pt, which is also how a tag looks).
    var citeStyled = false
}

enum ParagraphRole: Equatable { case pocket, hat, block, tag, analytic, normal }

extension VerbatimInterpreter {
    /// Reads the paragraphs in order. Every non-empty paragraph ends up in a heading, a claim
    /// (tag, cite, evidence or an analytic's text) or a warning.
    public mutating func outline() -> VerbatimOutline {
        var out = VerbatimOutline()
        out.paragraphCount = document.paragraphs.count
        let paragraphs = document.paragraphs
        var roles: [ParagraphRole] = []
        var resolved: [[ResolvedRun]] = []
        roles.reserveCapacity(paragraphs.count)
        resolved.reserveCapacity(paragraphs.count)
        var highlightCounts: [String: Int] = [:]
        for paragraph in paragraphs {
            let role = role(of: paragraph)
            roles.append(role)
            let runs = resolve(paragraph)
            resolved.append(runs)
            if role == .tag, !Self.isBlank(runs) { out.tagParagraphs += 1 }
            if role == .normal {
                for run in runs { if let h = run.highlight { highlightCounts[h, default: 0] += run.text.utf8.count } }
            }
        }
        out.usualHighlight = highlightCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        let usual = out.usualHighlight

        enum State { case none, afterTag, afterCite, inEvidence }
        var state = State.none
        var current: ImportedClaim?
        var evidenceParagraphs: [String] = []
        var warrantParagraphs: [String] = []
        /// The paragraphs under a tag with no cite, kept with their formatting until the tag ends.
        var underTag: [(index: Int, runs: [ResolvedRun])] = []
        var otherColors = Set<String>()

        func finish() {
            guard var claim = current else { return }
            // A cite with no cite style: under a tag, a short first paragraph with bold in it (the author
            // and year) and nothing highlighted, followed by underlined or highlighted text, is a cite and
            // its card. With no bold it is more likely a note or the card's first line: kept as evidence.
            if claim.cite == nil, underTag.count >= 2, let first = underTag.first,
               first.runs.contains(where: { $0.bold && !TextBytes.isBlank($0.text) }),
               first.runs.reduce(0, { $0 + $1.text.unicodeScalars.count }) <= 500,
               !first.runs.contains(where: { $0.highlight != nil && !TextBytes.isBlank($0.text) }),
               underTag.dropFirst().contains(where: { Self.isMarked($0.runs) }) {
                let text = Self.rawText(first.runs)
                claim.cite = CiteReader.read(text: text, short: Self.boldWords(first.runs))
                out.warnings.append(VerbatimWarning(code: "unstyled-cite", paragraph: first.index + 1,
                    message: "“\(Self.clip(text))” has no cite style but sits between a tag and its card; it is taken as the cite"))
                warrantParagraphs = []
                var rest = underTag.dropFirst()
                // Its long cite on the next line ("[Jane Smith, professor …, URL]"), when the card follows.
                if rest.count >= 2, let second = rest.first,
                   Self.isSecondCite(second.runs, text: Self.flatText(second.runs), after: claim.cite) {
                    if var cite = claim.cite {
                        cite.text = (cite.text ?? "") + "\n" + Self.rawText(second.runs)
                        claim.cite = CiteReader.fill(cite)
                    }
                    rest = rest.dropFirst()
                }
                for paragraph in rest {
                    let (markup, colors) = Self.markup(paragraph.runs, usualHighlight: out.usualHighlight)
                    evidenceParagraphs.append(contentsOf: markup)
                    otherColors.formUnion(colors)
                }
            }
            // No cite at all, but underlined or highlighted text under the tag: a card whose cite is
            // missing (or written into the tag). Its text is evidence, so its marks are kept.
            if claim.cite == nil, underTag.contains(where: { Self.isMarked($0.runs) }) {
                out.warnings.append(VerbatimWarning(code: "card-without-cite", paragraph: claim.paragraph + 1,
                    message: "the tag “\(Self.clip(claim.tag))” has underlined or highlighted text under it but no cite; it is kept as evidence with no cite"))
                warrantParagraphs = []
                for paragraph in underTag {
                    let (markup, colors) = Self.markup(paragraph.runs, usualHighlight: out.usualHighlight)
                    evidenceParagraphs.append(contentsOf: markup)
                    otherColors.formUnion(colors)
                }
            }
            underTag = []
            if !evidenceParagraphs.isEmpty { claim.evidence = evidenceParagraphs.joined(separator: "\n\n") }
            if !warrantParagraphs.isEmpty { claim.warrant = warrantParagraphs.joined(separator: "\n\n") }
            claim.otherHighlights = otherColors.sorted()
            if claim.cite != nil && claim.evidence == nil {
                out.warnings.append(VerbatimWarning(code: "cite-without-card", paragraph: claim.paragraph + 1,
                    message: "the tag “\(Self.clip(claim.tag))” has a cite but no card text under it; it is kept as an analytic with the cite"))
            }
            out.items.append(.claim(claim))
            current = nil
            evidenceParagraphs = []
            warrantParagraphs = []
            otherColors = []
            state = .none
        }

        func nextNonEmpty(after index: Int) -> Int? {
            var k = index + 1
            while k < paragraphs.count {
                if !Self.isBlank(resolved[k]) { return k }
                k += 1
            }
            return nil
        }

        /// A Normal paragraph (or the cite line of a tag paragraph): a fake tag, a cite, card text, an
        /// analytic's text, or text under no tag.
        func readNormal(_ index: Int, _ runs: [ResolvedRun], _ text: String, inTable: Bool) {
            // A fake tag: a short all-bold Normal paragraph (13 pt bold is how a tag looks; no cite
            // style) followed by a cite that is not all bold. Not right after a cite: a bold line
            // there returns the cite.
            if Self.isAllBold(runs), !runs.contains(where: \.citeStyled), text.unicodeScalars.count <= 400,
               let next = nextNonEmpty(after: index), roles[next] == .normal, Self.citeShort(resolved[next]) != nil,
               !Self.isAllBold(resolved[next]),
               state != .afterCite, state != .afterTag || current?.cite != nil {
                finish()
                current = ImportedClaim(tag: text, paragraph: index, origin: .fakeTag)
                out.warnings.append(VerbatimWarning(code: "fake-tag", paragraph: index + 1,
                    message: "“\(Self.clip(text))” is bold Normal text followed by a cite, not a Tag-styled paragraph; it is taken as a tag"))
                state = .afterTag
                return
            }
            // A note or two above the cite ("<<<inserted for reference>>>": at most 300 characters each,
            // nothing underlined or highlighted) stays with the cite.
            if state == .afterTag, current?.cite == nil, underTag.count <= 2,
               underTag.allSatisfy({ !Self.isMarked($0.runs) && $0.runs.reduce(0, { $0 + $1.text.unicodeScalars.count }) <= 300 }),
               let short = Self.citeShort(runs) {
                // A line break inside the cite paragraph often starts the card itself.
                let (citeRuns, cardRuns) = Self.splitCiteLine(runs)
                let notes = warrantParagraphs
                warrantParagraphs = []
                underTag = []
                current?.cite = CiteReader.read(text: (notes + [Self.rawText(citeRuns)]).joined(separator: "\n"), short: short)
                state = .afterCite
                if !Self.isBlank(cardRuns) {
                    let (markup, colors) = Self.markup(cardRuns, usualHighlight: usual)
                    evidenceParagraphs.append(contentsOf: markup)
                    otherColors.formUnion(colors)
                    state = .inEvidence
                }
                return
            }
            if state == .none, let short = Self.citeShort(runs), let next = nextNonEmpty(after: index), roles[next] == .normal {
                // A card with no tag above it: kept, its short cite standing in for the tag.
                finish()
                current = ImportedClaim(tag: short, paragraph: index, origin: .untagged,
                                        cite: CiteReader.read(text: Self.rawText(runs), short: short))
                out.warnings.append(VerbatimWarning(code: "untagged-card", paragraph: index + 1,
                    message: "a card with no tag above it (cite “\(Self.clip(text))”); its short cite is used as its tag"))
                state = .afterCite
                return
            }
            if state == .afterCite, Self.isSecondCite(runs, text: text, after: current?.cite) {
                if var cite = current?.cite {
                    cite.text = (cite.text ?? "") + "\n" + Self.rawText(runs)
                    current?.cite = CiteReader.fill(cite)
                }
                return
            }
            if state == .afterCite || state == .inEvidence {
                let (markup, colors) = Self.markup(runs, usualHighlight: usual)
                evidenceParagraphs.append(contentsOf: markup)
                otherColors.formUnion(colors)
                state = .inEvidence
                return
            }
            if state == .afterTag {
                warrantParagraphs.append(contentsOf: Self.plainParagraphs(runs))
                underTag.append((index, runs))
                return
            }
            out.warnings.append(VerbatimWarning(code: "text-outside-card", paragraph: index + 1,
                message: "text under no tag is not imported: “\(Self.clip(text))”"
                    + (inTable ? " (in a table)" : "")))
        }

        for (index, paragraph) in paragraphs.enumerated() {
            let runs = resolved[index]
            if Self.isBlank(runs) { continue }
            let text = Self.flatText(runs)
            switch roles[index] {
            case .pocket, .hat, .block:
                finish()
                let level = roles[index] == .pocket ? 1 : roles[index] == .hat ? 2 : 3
                out.items.append(.heading(level: level, text: text, paragraph: index))
            case .tag, .analytic:
                // Stacked tags: the tag above, with nothing of its own, stays an analytic claim.
                if state == .afterTag, warrantParagraphs.isEmpty, current?.cite == nil { current?.stacked = true }
                finish()
                // A cite written into the tag paragraph after a line break ("Tag.⏎McGranahan 19 - (…)").
                let (tagRuns, citeLine) = Self.splitTagCite(runs)
                current = ImportedClaim(tag: citeLine.isEmpty ? text : Self.flatText(tagRuns), paragraph: index,
                                        origin: roles[index] == .analytic ? .analytic : .tag)
                state = .afterTag
                if !citeLine.isEmpty { readNormal(index, citeLine, Self.flatText(citeLine), inTable: paragraph.inTable) }
            case .normal:
                readNormal(index, runs, text, inTable: paragraph.inTable)
            }
        }
        finish()
        for object in document.objects {
            out.warnings.append(VerbatimWarning(code: "object-not-kept", paragraph: object.paragraph + 1,
                message: "an \(object.kind.rawValue) cannot be kept in a pack and is left out" + near(object.paragraph, paragraphs)))
        }
        out.warnings.sort { ($0.paragraph ?? 0) < ($1.paragraph ?? 0) }
        return out
    }

    private func near(_ index: Int, _ paragraphs: [WordParagraph]) -> String {
        var k = min(index, paragraphs.count - 1)
        while k >= 0 {
            let text = paragraphs[k].text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return " (near “\(Self.clip(text))”)" }
            k -= 1
        }
        return ""
    }
}

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
}

enum ParagraphRole: Equatable { case pocket, hat, block, tag, analytic, normal }

/// Turns a `WordDocument` into a `VerbatimOutline`.
public struct VerbatimInterpreter {
    let document: WordDocument
    let styles: WordStyles
    private var roleCache: [String: ParagraphRole] = [:]
    private var charCache: [String: (cite: Bool, underline: Bool, emphasis: Bool, props: RunProperties)] = [:]
    private var paragraphRunCache: [String: RunProperties] = [:]

    public init(_ document: WordDocument) {
        self.document = document
        self.styles = document.styles
    }

    // MARK: Styles

    static let headingNames: [String: ParagraphRole] = [
        "heading1": .pocket, "pocket": .pocket, "heading2": .hat, "hat": .hat,
        "heading3": .block, "block": .block, "heading4": .tag, "tag": .tag,
    ]
    static let citeNames: Set<String> = ["style13ptbold", "cite", "stylestylebold12pt", "authordate", "citechar", "style13ptboldchar"]
    static let underlineNames: Set<String> = ["styleunderline", "underline", "styleunderlinechar", "underlinechar"]
    static let emphasisNames: Set<String> = ["emphasis", "emphasischar"]

    mutating func role(of paragraph: WordParagraph) -> ParagraphRole {
        if let level = paragraph.outlineLevel, (0...3).contains(level) {
            return [ParagraphRole.pocket, .hat, .block, .tag][level]
        }
        guard let id = paragraph.styleID else { return .normal }
        if let cached = roleCache[id] { return cached }
        var result = ParagraphRole.normal
        for style in styles.chain(id) {
            let names = [WordStyles.normalized(style.id), style.name.map(WordStyles.normalized) ?? ""]
            if names.contains(where: { $0.contains("analytic") }) { result = .analytic; break }
            if let role = names.lazy.compactMap({ Self.headingNames[$0] }).first { result = role; break }
            if let level = style.outlineLevel, (0...3).contains(level) { result = [ParagraphRole.pocket, .hat, .block, .tag][level]; break }
        }
        roleCache[id] = result
        return result
    }

    mutating func characterStyle(_ id: String?) -> (cite: Bool, underline: Bool, emphasis: Bool, props: RunProperties) {
        guard let id else { return (false, false, false, RunProperties()) }
        if let cached = charCache[id] { return cached }
        var cite = false, underline = false, emphasis = false
        let chain = styles.chain(id)
        for style in chain {
            let names = [WordStyles.normalized(style.id), style.name.map(WordStyles.normalized) ?? ""]
            if names.contains(where: Self.citeNames.contains) { cite = true }
            if names.contains(where: Self.underlineNames.contains) { underline = true }
            if names.contains(where: Self.emphasisNames.contains) { emphasis = true }
        }
        let result = (cite, underline, emphasis, styles.runProperties(ofStyle: id))
        charCache[id] = result
        return result
    }

    mutating func paragraphRunProperties(_ id: String?) -> RunProperties {
        let key = id ?? ""
        if let cached = paragraphRunCache[key] { return cached }
        var props = styles.runProperties(ofStyle: id)
        if id == nil || styles.styles[id!] == nil {
            // No style named: the default paragraph style applies.
            if let normal = styles.styles.values.first(where: { WordStyles.normalized($0.name ?? "") == "normal" && $0.kind == .paragraph }) {
                props = styles.runProperties(ofStyle: normal.id)
            }
        }
        props = props.over(styles.defaults)
        paragraphRunCache[key] = props
        return props
    }

    mutating func resolve(_ paragraph: WordParagraph) -> [ResolvedRun] {
        let base = paragraphRunProperties(paragraph.styleID)
        return paragraph.runs.map { run in
            let char = characterStyle(run.properties.styleID)
            let eff = run.properties.over(char.props).over(base)
            var highlight: String? = nil
            if let h = eff.highlight, !h.isEmpty { highlight = h } else if let s = eff.shading, !s.isEmpty { highlight = "shading:" + s }
            let bold = eff.bold ?? false
            // Direct `w:u` wins over the character style (`w:u w:val="none"` on an underline-styled run).
            let underline = run.properties.underline ?? ((eff.underline ?? false) || char.underline || char.emphasis)
            return ResolvedRun(text: run.text, bold: bold || char.cite, underline: underline,
                               emphasis: char.emphasis, cite: char.cite || (bold && eff.size == 26),
                               highlight: highlight, size: eff.size, hidden: eff.hidden ?? false)
        }
    }
}

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
            // A cite with no cite styling: under a tag, a short unmarked first paragraph followed by
            // underlined or highlighted text is a cite and its card.
            if claim.cite == nil, underTag.count >= 2, let first = underTag.first,
               Self.markedShare(first.runs) <= 0.4, Self.flatText(first.runs).unicodeScalars.count <= 1500,
               !first.runs.contains(where: { $0.highlight != nil && !TextBytes.isBlank($0.text) }),
               underTag.dropFirst().contains(where: { Self.markedShare($0.runs) > 0 }) {
                let text = Self.flatText(first.runs)
                claim.cite = CiteReader.read(text: text, short: Self.boldWords(first.runs))
                out.warnings.append(VerbatimWarning(code: "unstyled-cite", paragraph: first.index + 1,
                    message: "“\(Self.clip(text))” has no cite style but sits between a tag and its card; it is taken as the cite"))
                warrantParagraphs = []
                for paragraph in underTag.dropFirst() {
                    let (markup, colors) = Self.markup(paragraph.runs, usualHighlight: out.usualHighlight)
                    evidenceParagraphs.append(contentsOf: markup)
                    otherColors.formUnion(colors)
                }
            }
            underTag = []
            if !evidenceParagraphs.isEmpty, claim.cite != nil { claim.evidence = evidenceParagraphs.joined(separator: "\n\n") }
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
                current = ImportedClaim(tag: text, paragraph: index, origin: roles[index] == .analytic ? .analytic : .tag)
                state = .afterTag
            case .normal:
                let citeLike = Self.citeShort(runs) != nil
                // A fake tag: a short all-bold Normal paragraph followed by a cite.
                if !citeLike, Self.isAllBold(runs), text.unicodeScalars.count <= 400,
                   let next = nextNonEmpty(after: index), roles[next] == .normal, Self.citeShort(resolved[next]) != nil,
                   state != .afterTag || current?.cite != nil {
                    finish()
                    current = ImportedClaim(tag: text, paragraph: index, origin: .fakeTag)
                    out.warnings.append(VerbatimWarning(code: "fake-tag", paragraph: index + 1,
                        message: "“\(Self.clip(text))” is bold Normal text followed by a cite, not a Tag-styled paragraph; it is taken as a tag"))
                    state = .afterTag
                    continue
                }
                // A note or two above the cite ("<<<inserted for reference>>>") stays with the cite.
                if state == .afterTag, current?.cite == nil, warrantParagraphs.count <= 2,
                   warrantParagraphs.allSatisfy({ $0.unicodeScalars.count <= 120 }), let short = Self.citeShort(runs) {
                    // A line break inside the cite paragraph often starts the card itself.
                    let (citeRuns, cardRuns) = Self.splitAtFirstBreak(runs)
                    let notes = warrantParagraphs
                    warrantParagraphs = []
                    underTag = []
                    current?.cite = CiteReader.read(text: (notes + [Self.flatText(citeRuns)]).joined(separator: "\n"), short: short)
                    state = .afterCite
                    if !Self.isBlank(cardRuns) {
                        let (markup, colors) = Self.markup(cardRuns, usualHighlight: usual)
                        evidenceParagraphs.append(contentsOf: markup)
                        otherColors.formUnion(colors)
                        state = .inEvidence
                    }
                    continue
                }
                if state == .none, let short = Self.citeShort(runs), let next = nextNonEmpty(after: index), roles[next] == .normal {
                    // A card with no tag above it: kept, its short cite standing in for the tag.
                    finish()
                    current = ImportedClaim(tag: short, paragraph: index, origin: .untagged,
                                            cite: CiteReader.read(text: text, short: short))
                    out.warnings.append(VerbatimWarning(code: "untagged-card", paragraph: index + 1,
                        message: "a card with no tag above it (cite “\(Self.clip(text))”); its short cite is used as its tag"))
                    state = .afterCite
                    continue
                }
                if state == .afterCite, Self.isSecondCite(runs, text: text, after: current?.cite) {
                    if var cite = current?.cite {
                        cite.text = (cite.text ?? "") + "\n" + text
                        current?.cite = CiteReader.fill(cite)
                    }
                    continue
                }
                if state == .afterCite || state == .inEvidence {
                    let (markup, colors) = Self.markup(runs, usualHighlight: usual)
                    evidenceParagraphs.append(contentsOf: markup)
                    otherColors.formUnion(colors)
                    state = .inEvidence
                    continue
                }
                if state == .afterTag {
                    warrantParagraphs.append(contentsOf: Self.plainParagraphs(runs))
                    underTag.append((index, runs))
                    continue
                }
                out.warnings.append(VerbatimWarning(code: "text-outside-card", paragraph: index + 1,
                    message: "text under no tag is not imported: “\(Self.clip(text))”"
                        + (paragraph.inTable ? " (in a table)" : "")))
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

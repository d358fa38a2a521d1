import DebateCore
import Foundation

/// Turns a `WordDocument` into a `VerbatimOutline`: styles resolved here, paragraphs read in
/// VerbatimOutline.swift, paragraph tests in VerbatimParagraphs.swift.
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
                               highlight: highlight, size: eff.size, hidden: eff.hidden ?? false, citeStyled: char.cite)
        }
    }
}

import Foundation

/// Compares a tag name with a literal without making a String.
@inline(__always)
func nameIs(_ name: XMLBytes, _ literal: StaticString) -> Bool {
    name.count == literal.utf8CodeUnitCount && memcmp(name.baseAddress!, literal.utf8Start, name.count) == 0
}

@inline(__always)
func string(_ bytes: XMLBytes) -> String { String(decoding: bytes, as: UTF8.self) }

/// ST_OnOff: absent `w:val`, `1`, `true` and `on` are on (ECMA-376 Part 1 §17.17.4).
func onOff(_ attributes: XMLAttributes) -> Bool {
    guard let v = attributes.value("w:val") else { return true }
    return !(nameIs(v, "0") || nameIs(v, "false") || nameIs(v, "off"))
}

/// Reads the run-property elements shared by `styles.xml` and `document.xml` into `props`.
/// Returns false when the element is not a run property this reader keeps.
@inline(__always)
func readRunProperty(_ name: XMLBytes, _ attributes: XMLAttributes, into props: inout RunProperties) throws(XMLReadError) -> Bool {
    switch name.count {
    case 3:
        if nameIs(name, "w:b") { props.bold = onOff(attributes); return true }
        if nameIs(name, "w:u") {
            let v = attributes.value("w:val")
            props.underline = v.map { !nameIs($0, "none") } ?? true
            return true
        }
    case 4:
        if nameIs(name, "w:sz") {
            if let v = attributes.value("w:val"), let size = Int(string(v)) { props.size = size }
            return true
        }
    case 5:
        if nameIs(name, "w:shd") {
            if let fill = attributes.value("w:fill") {
                let f = string(fill).lowercased()
                props.shading = (f == "auto" || f == "ffffff" || f.isEmpty) ? "" : f
            }
            return true
        }
    case 7:
        if nameIs(name, "w:vanish") { props.hidden = onOff(attributes); return true }
    case 8:
        if nameIs(name, "w:rStyle") {
            props.styleID = try attributes.string("w:val")
            return true
        }
    case 11:
        if nameIs(name, "w:highlight") {
            let v = attributes.value("w:val").map(string) ?? "none"
            props.highlight = v == "none" ? "" : v
            return true
        }
    default: break
    }
    return false
}

/// `word/styles.xml` → `WordStyles`.
struct StylesHandler: XMLTokenHandler {
    var styles = WordStyles()
    var current: WordStyle?
    var inRunProperties = false
    var inDefaults = false
    var defaults = RunProperties()

    mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError) {
        if nameIs(name, "w:style") {
            let type = attributes.value("w:type").map(string) ?? "paragraph"
            current = WordStyle(id: try attributes.string("w:styleId") ?? "", name: nil,
                                kind: WordStyle.Kind(rawValue: type) ?? .paragraph)
            return
        }
        if nameIs(name, "w:docDefaults") { inDefaults = true; return }
        if nameIs(name, "w:rPr") { inRunProperties = true; return }
        if current != nil {
            if nameIs(name, "w:name") { current?.name = try attributes.string("w:val"); return }
            if nameIs(name, "w:basedOn") { current?.basedOn = try attributes.string("w:val"); return }
            if nameIs(name, "w:outlineLvl") { current?.outlineLevel = attributes.value("w:val").flatMap { Int(string($0)) }; return }
            if inRunProperties, var style = current {
                if try readRunProperty(name, attributes, into: &style.run) { current = style }
            }
        } else if inDefaults && inRunProperties {
            _ = try readRunProperty(name, attributes, into: &defaults)
        }
    }

    mutating func end(_ name: XMLBytes) throws(XMLReadError) {
        if nameIs(name, "w:style") {
            if let style = current, !style.id.isEmpty { styles.add(style) }
            current = nil
        } else if nameIs(name, "w:rPr") {
            inRunProperties = false
        } else if nameIs(name, "w:docDefaults") {
            inDefaults = false
            styles.defaults = defaults
        }
    }

    mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError) {}
}

/// `word/document.xml` → paragraphs of runs, streamed.
///
/// Kept: text of `w:t` in runs anywhere in a paragraph (inside hyperlinks, fields' results,
/// insertions, content controls, smart tags), `w:tab` as a tab, `w:br`/`w:cr` as a line break,
/// `w:noBreakHyphen` as `-`. Skipped: `w:delText` (deleted text), `w:instrText` (field codes),
/// the paragraph mark's own properties (`w:pPr/w:rPr`), and `mc:Fallback` (a copy of the
/// `mc:Choice` content for old readers). Paragraphs in text boxes are read where they close, so they
/// come just before the paragraph that anchors them.
struct DocumentHandler: XMLTokenHandler {
    var document = WordDocument()
    var maxParagraphs = 2_000_000
    private var stack: [WordParagraph] = []
    private var inParagraphProperties = 0
    private var inRunProperties = false
    private var inRun = false
    private var inText = false
    private var skipDepth = 0
    private var tableDepth = 0
    private var textBoxDepth = 0
    private var props = RunProperties()
    private var textBytes: [UInt8] = []
    private var nextIndex = 0

    mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError) {
        if skipDepth > 0 {
            if !selfClosing { skipDepth += 1 }
            return
        }
        switch name.count {
        case 3:
            if nameIs(name, "w:p") {
                var paragraph = WordParagraph(index: 0)
                paragraph.inTable = tableDepth > 0
                paragraph.inTextBox = textBoxDepth > 0
                if selfClosing {
                    append(paragraph)
                } else {
                    stack.append(paragraph)
                }
                return
            }
            if nameIs(name, "w:r") {
                if !selfClosing {
                    inRun = true
                    props = RunProperties()
                }
                return
            }
            if nameIs(name, "w:t") {
                if inRun && !selfClosing { inText = true }
                return
            }
        case 5:
            if nameIs(name, "w:pPr") { if !selfClosing { inParagraphProperties += 1 }; return }
            if nameIs(name, "w:rPr") {
                if inRun && inParagraphProperties == 0 && !selfClosing { inRunProperties = true }
                return
            }
            if nameIs(name, "w:tab") {
                if inRun && !inRunProperties && inParagraphProperties == 0 { appendText([0x09]) }
                return
            }
            if nameIs(name, "w:tbl") { if !selfClosing { tableDepth += 1 }; return }
        case 4:
            if nameIs(name, "w:br") || nameIs(name, "w:cr") {
                if inRun {
                    let type = attributes.value("w:type")
                    // A page or column break is layout, not text.
                    if type == nil || nameIs(type!, "textWrapping") { appendText([0x0A]) }
                }
                return
            }
        case 7:
            if nameIs(name, "w:pict") { object(.image); return }
        case 8:
            if nameIs(name, "w:pStyle") {
                if inParagraphProperties > 0, !stack.isEmpty { stack[stack.count - 1].styleID = try attributes.string("w:val") }
                return
            }
            if nameIs(name, "w:object") { object(.embeddedObject); return }
        case 9:
            if nameIs(name, "w:drawing") { object(.image); return }
        case 11:
            if nameIs(name, "mc:Fallback") { if !selfClosing { skipDepth = 1 }; return }
        case 12:
            if nameIs(name, "w:outlineLvl") {
                if inParagraphProperties > 0, !stack.isEmpty {
                    stack[stack.count - 1].outlineLevel = attributes.value("w:val").flatMap { Int(string($0)) }
                }
                return
            }
        case 13:
            if nameIs(name, "w:txbxContent") { if !selfClosing { textBoxDepth += 1 }; return }
        case 15:
            if nameIs(name, "w:noBreakHyphen") { if inRun { appendText([0x2D]) }; return }
        default:
            break
        }
        if inRunProperties {
            _ = try readRunProperty(name, attributes, into: &props)
        }
    }

    /// Paragraph numbers in the report are those of the paragraph being read, or the next one.
    private mutating func object(_ kind: WordObject.Kind) {
        // The drawing is counted once: its image and any text box in it are inside the `w:drawing`.
        document.objects.append(WordObject(kind: kind, paragraph: nextIndex))
    }

    mutating func end(_ name: XMLBytes) throws(XMLReadError) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        switch name.count {
        case 3:
            if nameIs(name, "w:p") {
                if let paragraph = stack.popLast() { try appendChecked(paragraph) }
            } else if nameIs(name, "w:r") {
                flushText()
                inRun = false
                inRunProperties = false
            } else if nameIs(name, "w:t") {
                inText = false
            }
        case 5:
            if nameIs(name, "w:pPr") { inParagraphProperties = max(0, inParagraphProperties - 1) }
            else if nameIs(name, "w:rPr") { inRunProperties = false }
            else if nameIs(name, "w:tbl") { tableDepth = max(0, tableDepth - 1) }
        case 13:
            if nameIs(name, "w:txbxContent") { textBoxDepth = max(0, textBoxDepth - 1) }
        default:
            break
        }
    }

    mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError) {
        guard inText, skipDepth == 0 else { return }
        if isCDATA {
            textBytes.append(contentsOf: raw)
        } else {
            try XMLText.decode(raw, into: &textBytes)
        }
    }

    private mutating func appendText(_ bytes: [UInt8]) { textBytes.append(contentsOf: bytes) }

    /// Ends the current run: its text joins the paragraph, merged with the previous run when their
    /// properties are the same (one export splits text into tens of thousands of tiny runs).
    private mutating func flushText() {
        guard !textBytes.isEmpty, !stack.isEmpty else {
            textBytes.removeAll(keepingCapacity: true)
            return
        }
        let text = String(decoding: textBytes, as: UTF8.self)
        textBytes.removeAll(keepingCapacity: true)
        let top = stack.count - 1
        if let last = stack[top].runs.last, last.properties == props {
            stack[top].runs[stack[top].runs.count - 1].text += text
        } else {
            stack[top].runs.append(WordRun(text, props))
        }
    }

    private mutating func appendChecked(_ paragraph: WordParagraph) throws(XMLReadError) {
        guard document.paragraphs.count < maxParagraphs else {
            throw XMLReadError("more than \(maxParagraphs) paragraphs")
        }
        append(paragraph)
    }

    private mutating func append(_ paragraph: WordParagraph) {
        var paragraph = paragraph
        paragraph.index = nextIndex
        nextIndex += 1
        document.paragraphs.append(paragraph)
    }
}

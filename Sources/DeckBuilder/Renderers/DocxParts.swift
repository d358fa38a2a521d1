import DeckModel
import Foundation

/// The fixed parts of the .docx package and the two that carry the deck's metadata.
///
/// Part names, content types and relationship types: ECMA-376 Part 2 (Open Packaging Conventions)
/// §10 and Annex; WordprocessingML parts: ECMA-376 Part 1 §11.3; core properties: Part 2 §11;
/// extended (app) properties: Part 1 §15.2.12.3. Style ids, names, aliases, sizes and the box
/// around a Pocket follow Verbatim's template (Debate.dotm, paperlessdebate.com): Heading1–4 named
/// "heading 1"–"heading 4" with aliases Pocket, Hat, Block, Tag at 26/22/16/13 pt bold, Hat
/// double-underlined and Block underlined; Normal is Calibri 11; the character styles are
/// Style13ptBold ("Style 13 pt Bold", alias Cite), StyleUnderline ("Style Underline", alias
/// Underline) and Emphasis (bold, underlined, boxed).
enum DocxParts {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
    <Default Extension="xml" ContentType="application/xml"/>
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
    </Types>

    """

    static let packageRelationships = relationships([
        (relationshipNamespace + "/officeDocument", "word/document.xml"),
        ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        (relationshipNamespace + "/extended-properties", "docProps/app.xml"),
    ])

    static let documentRelationships = relationships([
        (relationshipNamespace + "/styles", "styles.xml"),
        (relationshipNamespace + "/settings", "settings.xml"),
    ])

    /// A relationships part: one `Relationship` per (type, target), with ids rId1, rId2, ….
    static func relationships(_ links: [(type: String, target: String)]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">

        """
        for (i, link) in links.enumerated() {
            out += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(link.type)\" Target=\"\(link.target)\"/>\n"
        }
        return out + "</Relationships>\n"
    }

    static func coreProperties(_ deck: Deck, date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: date)
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <dc:title>\(xmlEscape(deck.title))</dc:title>
        <dc:subject>\(xmlEscape(deck.resolution))</dc:subject>
        <dc:creator>debate</dc:creator>
        <cp:keywords>\(xmlEscape(deck.id)); \(deck.sideWords.title(deck.side))</cp:keywords>
        <cp:lastModifiedBy>debate</cp:lastModifiedBy>
        <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>
        </cp:coreProperties>

        """
    }

    static let appProperties = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
    <Application>debate</Application>
    <DocSecurity>0</DocSecurity>
    </Properties>

    """

    static let settings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="\(wordNamespace)">
    <w:defaultTabStop w:val="720"/>
    <w:characterSpacingControl w:val="doNotCompress"/>
    <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
    </w:settings>

    """

    /// Sizes are in half-points: 52 = 26 pt. Borders are in eighths of a point.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="\(wordNamespace)">
    <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
    </w:docDefaults>
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:name w:val="Normal"/><w:aliases w:val="Normal/Card"/><w:qFormat/>
    <w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>
    </w:style>
    <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
    <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
    </w:style>
    <w:style w:type="table" w:default="1" w:styleId="TableNormal">
    <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
    </w:style>
    <w:style w:type="numbering" w:default="1" w:styleId="NoList">
    <w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
    </w:style>
    <w:style w:type="paragraph" w:styleId="Heading1">
    <w:name w:val="heading 1"/><w:aliases w:val="Pocket"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr><w:top w:val="single" w:sz="24" w:space="1" w:color="auto"/><w:left w:val="single" w:sz="24" w:space="4" w:color="auto"/><w:bottom w:val="single" w:sz="24" w:space="1" w:color="auto"/><w:right w:val="single" w:sz="24" w:space="4" w:color="auto"/></w:pBdr><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="Heading2">
    <w:name w:val="heading 2"/><w:aliases w:val="Hat"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="1"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/><w:u w:val="double"/></w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="Heading3">
    <w:name w:val="heading 3"/><w:aliases w:val="Block"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/><w:outlineLvl w:val="2"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/><w:u w:val="single"/></w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="Heading4">
    <w:name w:val="heading 4"/><w:aliases w:val="Tag"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200"/><w:outlineLvl w:val="3"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:customStyle="1" w:styleId="Analytic">
    <w:name w:val="Analytic"/><w:basedOn w:val="Heading4"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
    <w:rPr><w:b w:val="0"/><w:bCs w:val="0"/></w:rPr>
    </w:style>
    <w:style w:type="character" w:customStyle="1" w:styleId="Style13ptBold">
    <w:name w:val="Style 13 pt Bold"/><w:aliases w:val="Cite"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/>
    <w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
    </w:style>
    <w:style w:type="character" w:customStyle="1" w:styleId="StyleUnderline">
    <w:name w:val="Style Underline"/><w:aliases w:val="Underline"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/>
    <w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/><w:u w:val="single"/></w:rPr>
    </w:style>
    <w:style w:type="character" w:styleId="Emphasis">
    <w:name w:val="Emphasis"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="20"/><w:qFormat/>
    <w:rPr><w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/><w:u w:val="single"/><w:bdr w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:rPr>
    </w:style>
    </w:styles>

    """
}

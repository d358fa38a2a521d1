import Foundation
import ZIPFoundation

/// Small self-made Word files for the Verbatim importer's tests: the XML is written here, zipped
/// with ZIPFoundation. Each helper writes only what the feature under test needs.
public enum DocxFixture {
    public static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A zip of the given parts (deflated unless `stored`).
    public static func zip(_ parts: [(String, Data)], stored: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        return archive.data!
    }

    /// A .docx holding `body` (paragraphs) with `styles` (default: Verbatim's styles).
    public static func docx(body: String, styles: String? = verbatimStyles, extra: [(String, Data)] = []) throws -> Data {
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("word/document.xml", Data(document(body).utf8)),
        ]
        if let styles { parts.append(("word/styles.xml", Data(styles.utf8))) }
        return try zip(parts + extra)
    }

    public static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wordNamespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    /// A paragraph in `style` (a style id) made of `runs`.
    public static func p(_ style: String?, _ runs: String...) -> String {
        "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/><w:rPr><w:b/><w:u w:val=\"single\"/><w:highlight w:val=\"red\"/></w:rPr></w:pPr>" } ?? "")
            + runs.joined() + "</w:p>"
    }

    /// A run: `style` is a character style id; `props` more run properties (`<w:b/>` …).
    public static func r(_ text: String, style: String? = nil, props: String = "") -> String {
        let rPr = (style.map { "<w:rStyle w:val=\"\($0)\"/>" } ?? "") + props
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return "<w:r>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "<w:t xml:space=\"preserve\">\(escaped)</w:t></w:r>"
    }

    public static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
    """

    /// Verbatim's styles (Debate.dotm's ids and names), plus an "Analytic" style based on Heading 4.
    public static let verbatimStyles = styles([
        #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:aliases w:val="Pocket"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="52"/></w:rPr></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:aliases w:val="Hat"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:aliases w:val="Block"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>"#,
        // Aliases are junk on purpose: a Heading 4 aliased "heading 2" must still be a tag.
        #"<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:aliases w:val="Tag,heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="Analytic"><w:name w:val="Analytic"/><w:basedOn w:val="Heading4"/></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="NormalWeb"><w:name w:val="Normal (Web)"/><w:basedOn w:val="Normal"/></w:style>"#,
        #"<w:style w:type="character" w:styleId="Style13ptBold"><w:name w:val="Style 13 pt Bold"/><w:aliases w:val="Cite"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>"#,
        #"<w:style w:type="character" w:styleId="StyleUnderline"><w:name w:val="Style Underline"/><w:aliases w:val="Underline"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>"#,
        #"<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:basedOn w:val="StyleUnderline"/><w:rPr><w:b/><w:u w:val="single"/></w:rPr></w:style>"#,
        #"<w:style w:type="character" w:styleId="MyCite"><w:name w:val="my cite"/><w:basedOn w:val="Style13ptBold"/></w:style>"#,
    ])

    /// Google Docs' export: lowercase names, ids that are not Verbatim's, no character styles.
    public static let googleDocsStyles = styles([
        #"<w:style w:type="paragraph" w:default="1" w:styleId="normal0"><w:name w:val="normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="Heading40"><w:name w:val="heading 4"/><w:basedOn w:val="normal0"/><w:rPr><w:b/></w:rPr></w:style>"#,
        #"<w:style w:type="paragraph" w:styleId="Heading10"><w:name w:val="heading 1"/><w:basedOn w:val="normal0"/></w:style>"#,
    ])

    public static func styles(_ items: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(wordNamespace)"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>\(items.joined())</w:styles>
        """
    }

    /// A small card: a tag, a cite (short cite in the cite style) and one evidence paragraph.
    public static func card(tag: String, short: String, rest: String, evidence: String...) -> String {
        p("Heading4", r(tag)) + p(nil, r(short, style: "Style13ptBold"), r(rest)) + evidence.joined()
    }
}

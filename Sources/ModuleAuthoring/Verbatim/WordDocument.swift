/// What the reader takes out of a `.docx`: paragraphs of formatted runs in document order, the
/// style table, and the things it saw but cannot keep (images). No XML tree is ever built.
public struct WordDocument: Sendable {
    public var paragraphs: [WordParagraph] = []
    public var styles = WordStyles()
    /// Images and other objects, each with the paragraph it sits in.
    public var objects: [WordObject] = []
    public init() {}
}

public struct WordParagraph: Sendable, Hashable {
    /// Its position among the document's paragraphs (0-based), in reading order.
    public var index: Int
    public var styleID: String?
    /// A direct `w:outlineLvl` (0-based), if the paragraph sets one.
    public var outlineLevel: Int?
    public var runs: [WordRun] = []
    public var inTable = false
    public var inTextBox = false

    public init(index: Int, styleID: String? = nil, outlineLevel: Int? = nil, runs: [WordRun] = []) {
        self.index = index
        self.styleID = styleID
        self.outlineLevel = outlineLevel
        self.runs = runs
    }

    public var text: String { runs.map(\.text).joined() }
}

/// Run properties as written directly on the run (nil: not set there, the styles decide).
public struct RunProperties: Sendable, Hashable {
    public var styleID: String?
    public var bold: Bool?
    public var underline: Bool?
    /// Size in half-points (`w:sz`): 26 is 13 pt.
    public var size: Int?
    /// `w:highlight` value (`none` is stored as nil with `highlightOff`).
    public var highlight: String?
    /// A `w:shd` fill that colors the text's background (not `auto`, not white).
    public var shading: String?
    public var hidden: Bool?

    public init(styleID: String? = nil, bold: Bool? = nil, underline: Bool? = nil, size: Int? = nil,
                highlight: String? = nil, shading: String? = nil, hidden: Bool? = nil) {
        self.styleID = styleID
        self.bold = bold
        self.underline = underline
        self.size = size
        self.highlight = highlight
        self.shading = shading
        self.hidden = hidden
    }

    /// Fills what `self` leaves unset from `base`.
    func over(_ base: RunProperties) -> RunProperties {
        RunProperties(styleID: styleID ?? base.styleID, bold: bold ?? base.bold, underline: underline ?? base.underline,
                      size: size ?? base.size, highlight: highlight ?? base.highlight, shading: shading ?? base.shading,
                      hidden: hidden ?? base.hidden)
    }
}

public struct WordRun: Sendable, Hashable {
    public var text: String
    public var properties: RunProperties
    public init(_ text: String, _ properties: RunProperties = RunProperties()) {
        self.text = text
        self.properties = properties
    }
}

public struct WordObject: Sendable, Hashable {
    public enum Kind: String, Sendable { case image, embeddedObject = "embedded object", chart }
    public var kind: Kind
    public var paragraph: Int
}

/// One `w:style` of `word/styles.xml`.
public struct WordStyle: Sendable, Hashable {
    public enum Kind: String, Sendable { case paragraph, character, table, numbering }
    public var id: String
    public var name: String?
    public var kind: Kind
    public var basedOn: String?
    public var outlineLevel: Int?
    public var run = RunProperties()
}

/// The style table, looked up by id and by name (case- and space-insensitively), never by alias.
public struct WordStyles: Sendable {
    public var styles: [String: WordStyle] = [:]
    /// Run properties every run starts from (`w:docDefaults`).
    public var defaults = RunProperties()
    public init() {}

    public mutating func add(_ style: WordStyle) { styles[style.id] = style }

    /// The style and its ancestors through `basedOn`, nearest first (cycles are cut).
    public func chain(_ id: String?) -> [WordStyle] {
        var out: [WordStyle] = []
        var seen = Set<String>()
        var current = id
        while let id = current, !seen.contains(id), let style = styles[id], out.count < 32 {
            seen.insert(id)
            out.append(style)
            current = style.basedOn
        }
        return out
    }

    /// Run properties a character style (through its chain) gives.
    public func runProperties(ofStyle id: String?) -> RunProperties {
        chain(id).reduce(RunProperties()) { result, style in result.over(style.run) }
    }

    /// `Heading 4`, `heading4`, `Style13ptBold` → `heading4`, `style13ptbold`.
    public static func normalized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }
}

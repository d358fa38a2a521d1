import DeckModel
import Foundation

/// The formats `debate build` writes.
public enum OutputFormat: String, Codable, CaseIterable, Sendable {
    case markdown, html, json
    /// Word, with Verbatim's styles.
    case docx
    /// An Anki package: notes, a note type and sub-decks, ready to import.
    case apkg
    /// Anki's text import: one note a line, with the `#` headers Anki reads.
    case ankiText = "anki-text"
    /// The claim graph as an Argdown argument map.
    case argdown

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .docx: "docx"
        case .apkg: "apkg"
        case .ankiText: "anki.txt"
        case .argdown: "argdown"
        }
    }

    /// Binary formats are not written to a terminal.
    public var isBinary: Bool { self == .docx || self == .apkg }

    /// The renderer for the format: one file per format under `Renderers/`.
    public var renderer: any DeckRenderer { renderer(RenderOptions()) }

    public func renderer(_ options: RenderOptions) -> any DeckRenderer {
        switch self {
        case .markdown: MarkdownRenderer()
        case .html: HTMLRenderer()
        case .json: JSONRenderer()
        case .docx: DocxRenderer(options: options)
        case .apkg: AnkiPackageRenderer(options: options)
        case .ankiText: AnkiTextRenderer()
        case .argdown: ArgdownRenderer()
        }
    }
}

/// Turns a deck into the bytes of one file: whole (`render(_:)`), or written to a `RenderOutput`
/// as they are made (`render(_:to:)`, which `debate build` streams to the file).
public protocol DeckRenderer: Sendable {
    var format: OutputFormat { get }
    func render(_ deck: Deck) throws -> Data
    func render(_ deck: Deck, to output: RenderOutput) throws
}

extension DeckRenderer {
    /// A renderer that makes its file whole (a zip container) writes it in one piece.
    public func render(_ deck: Deck, to output: RenderOutput) throws { output.write(try render(deck)) }
}

/// A renderer whose output is UTF-8 text; its `render` is the text's bytes. Large formats write
/// their text piece by piece (`render(_:to:)`) and give `renderText` from it.
public protocol TextRenderer: DeckRenderer {
    func renderText(_ deck: Deck) throws -> String
}

extension TextRenderer {
    public func render(_ deck: Deck) throws -> Data {
        let output = RenderOutput()
        try render(deck, to: output)
        return output.takeData()
    }

    public func render(_ deck: Deck, to output: RenderOutput) throws { output.write(try renderText(deck)) }
}

/// What a renderer may be told besides the deck.
public struct RenderOptions: Sendable {
    /// The color of highlighted evidence in Word (`w:highlight`).
    public var highlight: HighlightColor = .yellow
    /// The date written into files that carry one (Word's properties, Anki's modification times).
    /// `SOURCE_DATE_EPOCH` sets it for reproducible builds; otherwise it is now.
    public var date: Date = RenderOptions.buildDate()

    public init(highlight: HighlightColor = .yellow, date: Date? = nil) {
        self.highlight = highlight
        if let date { self.date = date }
    }

    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set, else the current time, in whole seconds.
    public static func buildDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }) {
            return Date(timeIntervalSince1970: TimeInterval(epoch))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}

/// Word's highlight colors (ECMA-376 Part 1, §17.18.40 ST_HighlightColor), as `w:highlight` spells them.
public enum HighlightColor: String, Codable, CaseIterable, Sendable {
    case yellow, green, cyan, magenta, blue, red, darkBlue, darkCyan, darkGreen, darkMagenta, darkRed,
         darkYellow, darkGray, lightGray, black, white
}

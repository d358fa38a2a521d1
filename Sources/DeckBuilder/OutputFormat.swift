/// The formats `debate build` writes.
public enum OutputFormat: String, Codable, CaseIterable, Sendable {
    case markdown, html, json

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }

    /// The renderer for the format: one file per format under `Renderers/`.
    public var renderer: any DeckRenderer {
        switch self {
        case .markdown: MarkdownRenderer()
        case .html: HTMLRenderer()
        case .json: JSONRenderer()
        }
    }
}

/// Turns a deck into the text of one file.
public protocol DeckRenderer: Sendable {
    var format: OutputFormat { get }
    func render(_ deck: Deck) throws -> String
}

import Foundation

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

/// Turns a deck into the bytes of one file.
public protocol DeckRenderer: Sendable {
    var format: OutputFormat { get }
    func render(_ deck: Deck) throws -> Data
}

/// A renderer whose output is UTF-8 text; its `render` is the text's bytes.
public protocol TextRenderer: DeckRenderer {
    func renderText(_ deck: Deck) throws -> String
}

extension TextRenderer {
    public func render(_ deck: Deck) throws -> Data { Data(try renderText(deck).utf8) }
}

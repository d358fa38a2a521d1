import DebateCore
import Foundation

/// The deck as JSON, described by `Sources/DeckBuilder/Schema/deck.schema.json`.
public struct JSONRenderer: TextRenderer {
    public var format: OutputFormat { .json }
    public init() {}

    /// The document's top level: a format marker, so readers can tell versions apart.
    struct Document: Encodable {
        var format = "debate-deck"
        var formatVersion = 1
        var deck: Deck
        var readingTime: String
        var cardCount: Int
    }

    public func renderText(_ deck: Deck) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(deck: deck, readingTime: formatDuration(deck.readingSeconds),
                                               cardCount: deck.cards.count))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

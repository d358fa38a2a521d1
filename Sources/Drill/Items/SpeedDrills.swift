import DebateCore
import DeckModel
import Foundation

/// The speed drill: a card's tag and highlighted text, read aloud against the clock from Enter to
/// Enter, in words per minute against the deck's target (its `budget: wpm:`, the rate its reading
/// times assume). One item per card that has highlighted evidence; never scheduled, only timed.
struct SpeedDrills: DrillSource {
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        guard let evidence = card.evidence, evidence.runs.contains(where: \.highlight) else { return [] }
        let target = deck.deck.wpm
        return [DrillRecipe(claimID: card.id, kind: .speed, draw: .nothing) {
            let text = Self.highlightedText(evidence)
            return ItemTemplate(context: context, question: .speed(Speed(
                tag: card.tag, text: text, cite: card.cite?.shortCite,
                // As the deck's reading time counts a card: the tag and the highlighted words.
                words: wordCount(card.tag) + wordCount(text), targetWPM: target)))
        }]
    }

    /// What is read aloud: the highlighted pieces, "…" where the card skips unhighlighted text.
    static func highlightedText(_ evidence: EvidenceBody) -> String {
        var pieces: [String] = []
        var current: String?
        for run in evidence.runs {
            if run.highlight {
                current = (current ?? "") + run.text
            } else if let piece = current {
                pieces.append(piece)
                current = nil
            }
        }
        if let current { pieces.append(current) }
        // Spacing trimmed, punctuation kept: a question read as a question.
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: " … ")
    }
}

/// A card to read aloud: its tag, the highlighted text, and the rate the deck's reading times assume.
public struct Speed: Sendable, Hashable {
    public var tag: String
    public var text: String
    /// The card's short cite, read before the text in a round.
    public var cite: String?
    /// Words read: the tag's and the highlighted text's.
    public var words: Int
    /// The deck's words per minute.
    public var targetWPM: Int
}

import DebateCore
import DeckModel

/// "Which source backs this tag?", when the deck cites several sources: the others are the distractors.
struct CiteDrills: DrillSource {
    func outline<R: RandomNumberGenerator>(card: Card, context: [String], in deck: DrillDeck, using random: inout R) -> [PendingDrillItem] {
        guard let cite = card.cite else { return [] }
        // The pool holds the answer too; picking distractors leaves it out.
        let (label, form) = deck.cites.answer(for: card, cite: cite)
        guard let drawn = deck.drawChoices(answer: label, distractors: deck.cites.pool, answerForm: form, using: &random) else { return [] }
        let deckID = deck.id
        return [PendingDrillItem(deck: deckID, claimID: card.id, kind: .cite, context: context) {
            DrillItem(deck: deckID, claimID: card.id, kind: .cite, context: context, question: .choice(Choice(
                prompt: "Which source backs this tag?\n\(card.tag)", choices: drawn.choices, answerIndex: drawn.answerIndex,
                explanation: "The card is cut from " + cite.oneLine)))
        }]
    }
}

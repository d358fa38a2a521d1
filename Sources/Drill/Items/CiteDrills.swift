import DebateCore
import DeckModel

/// "Which source backs this tag?", when the deck cites several sources: the others are the distractors.
struct CiteDrills: DrillSource {
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        guard let cite = card.cite else { return [] }
        // The pool holds the answer too; picking distractors leaves it out.
        let (label, form) = deck.cites.answer(for: card, cite: cite)
        return [DrillRecipe(claimID: card.id, kind: .cite, draw: .choices(answer: label, pool: .cites, answerForm: form)) {
            ItemTemplate(context: context, question: .choice(Choice(
                prompt: "Which source backs this tag?\n\(card.tag)", choices: [], answerIndex: 0,
                explanation: "The card is cut from " + cite.oneLine)))
        }]
    }
}

import DebateCore
import DeckModel

/// "Extend the link turn: which card?" In the rebuttals a debater extends the card that made the
/// turn, by its tag. The choices are the deck's own cards: first our other answers to the same claim
/// (the no-link read beside the link turn is defense, and extending it turns nothing), then to the
/// same position, then other cards of the deck. A card making the same turn on the same claim is never a distractor.
struct ExtendDrills: DrillSource {
    func outline<R: RandomNumberGenerator>(card: Card, context: [String], in deck: DrillDeck, using random: inout R) -> [PendingDrillItem] {
        guard let kind = card.response, kind.isTurn, let targetID = card.answers else { return [] }
        let target = deck.graph.claim(targetID)
        // Another card that makes the same turn on the same claim would be right too.
        func alsoRight(_ other: Card) -> Bool { other.id == card.id || (other.answers == targetID && other.response == kind) }
        // Nearest first: the other answers to the same claim (the no-link beside the link turn), then
        // the other answers to the same position.
        let samePosition = (target?.position.flatMap { deck.answering[$0] } ?? []).map { deck.cards[$0] }.filter { !alsoRight($0) }
        let sameClaim = samePosition.filter { $0.answers == targetID }.map(\.tag)
        var picked = DrillItemGenerator.pickDistractors(DistractorPool(sameClaim), excluding: card.tag, count: deck.choiceCount - 1, using: &random)
        if picked.count < deck.choiceCount - 1 {
            let rest = samePosition.filter { $0.answers != targetID }.map(\.tag)
            picked += DrillItemGenerator.pickDistractors(DistractorPool(rest), excluding: card.tag,
                                                         count: deck.choiceCount - 1 - picked.count, using: &random)
        }
        if picked.count < deck.choiceCount - 1 {
            let more = DrillItemGenerator.pickDistractors(deck.cardTags, excluding: card.tag, count: deck.choiceCount - 1 + 2, using: &random)
            let wrong = Set((deck.answeringSo["\(targetID) \(kind.rawValue)"] ?? []).map { DistractorPool.comparable(deck.cards[$0].tag) })
            var seen = Set(picked.map(DistractorPool.comparable))
            for tag in more where picked.count < deck.choiceCount - 1 {
                let form = DistractorPool.comparable(tag)
                if !wrong.contains(form), seen.insert(form).inserted { picked.append(tag) }
            }
        }
        guard !picked.isEmpty else { return [] }
        var choices = [card.tag] + picked
        choices.shuffle(using: &random)
        guard let answerIndex = choices.firstIndex(of: card.tag) else { return [] }
        let shown = choices
        let deckID = deck.id
        let heading = RecallDrills.heading(of: targetID, in: deck.graph)
        let theirs = target?.tag ?? card.answersTag ?? targetID
        let source = card.cite.map { " (\($0.shortCite))" } ?? ""
        // The other answers to the same position among the choices, by letter: what they are instead.
        let kinds = Dictionary((target?.position.flatMap { deck.answering[$0] } ?? []).map { deck.cards[$0] }
            .compactMap { other in other.response.map { (other.tag, $0) } }, uniquingKeysWith: { a, _ in a })
        let defense = choices.enumerated().compactMap { index, tag -> String? in
            guard index != answerIndex, let other = kinds[tag] else { return nil }
            return "\(Choice.letter(index))) is \(ResponseDrills.article(other.title.lowercased())) \(other.title.lowercased())"
        }
        let others = defense.isEmpty ? "" : " Of the others, " + defense.joined(separator: ", ")
            + ": answers to the same position that can take it out but turn nothing."
        let explanation = "That card makes the \(kind.title.lowercased())\(source): \(card.warrant ?? ResponseDrills.meaning(kind))"
            + others
        return [PendingDrillItem(deck: deckID, claimID: card.id, kind: .extend, context: context) {
            DrillItem(deck: deckID, claimID: card.id, kind: .extend, context: context, question: .choice(Choice(
                prompt: "They say\(heading.map { " (\($0))" } ?? ""): \(theirs)\nExtend the \(kind.title.lowercased()): which card?",
                choices: shown, answerIndex: answerIndex, explanation: explanation)))
        }]
    }
}

import DebateCore
import DeckModel

/// "Extend the link turn: which card?" In the rebuttals a debater extends the card that made the
/// turn, by its tag. The choices are the deck's own cards: first our other answers to the same claim
/// (the no-link read beside the link turn is defense, and extending it turns nothing), then to the
/// same position, then other cards of the deck. A card making the same turn on the same claim is never a distractor.
struct ExtendDrills: DrillSource {
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        guard let kind = card.response, kind.isTurn, let targetID = card.answers, let place = deck.cardIndex[card.id] else { return [] }
        let target = deck.graph.claim(targetID)
        // Another card that makes the same turn on the same claim would be right too.
        func alsoRight(_ other: Card) -> Bool { other.id == card.id || (other.answers == targetID && other.response == kind) }
        // Nearest first: the other answers to the same claim (the no-link beside the link turn), then
        // the other answers to the same position.
        let places = target?.position.flatMap { deck.answering[$0] } ?? []
        let answering = places.map { deck.cards[$0] }
        let samePosition = places.filter { !alsoRight(deck.cards[$0]) }
        let sameClaim = samePosition.filter { deck.cards[$0].answers == targetID }
        let rest = samePosition.filter { deck.cards[$0].answers != targetID }
        let wrong = Set((deck.answeringSo["\(targetID) \(kind.rawValue)"] ?? []).map(deck.cardTags.number))
        let graph = deck.graph
        return [DrillRecipe(claimID: card.id, kind: .extend, draw: .extend(tag: place, sameClaim: sameClaim, rest: rest, wrong: wrong)) {
            let heading = RecallDrills.heading(of: targetID, in: graph)
            let theirs = target?.tag ?? card.answersTag ?? targetID
            let source = card.cite.map { " (\($0.shortCite))" } ?? ""
            // The other answers to the same position among the choices, by letter: what they are instead.
            let kinds = answering.compactMap { other in other.response.map { (tag: other.tag, kind: $0) } }
            return ItemTemplate(context: context, question: .choice(Choice(
                prompt: "They say\(heading.map { " (\($0))" } ?? ""): \(theirs)\nExtend the \(kind.title.lowercased()): which card?",
                choices: [], answerIndex: 0,
                explanation: "That card makes the \(kind.title.lowercased())\(source): \(card.warrant ?? ResponseDrills.meaning(kind))")),
                otherKinds: kinds)
        }]
    }

    /// The draws for an extension item: distractors from our other answers to the same claim, then
    /// to the same position, then the deck's other tags (none making the same turn on the claim),
    /// and the order shown; nil when no distractor is left.
    /// All places are in `cardTags` (the deck's tags, numbered), so no form is worked out here.
    static func draw<R: RandomNumberGenerator>(tag place: Int, sameClaim: [Int], rest: [Int], wrong: Set<Int>,
                                               cardTags: DistractorPool, choiceCount: Int,
                                               using random: inout R) -> (choices: [String], answerIndex: Int)? {
        let answerForm = cardTags.form(place)
        func pick(_ places: [Int], count: Int) -> [Int] {
            DrillItemGenerator.pickDistractorIndices(cardTags.subset(places), answerForm: answerForm, count: count, using: &random).map { places[$0] }
        }
        var picked = pick(sameClaim, count: choiceCount - 1)
        if picked.count < choiceCount - 1 { picked += pick(rest, count: choiceCount - 1 - picked.count) }
        if picked.count < choiceCount - 1 {
            let more = DrillItemGenerator.pickDistractorIndices(cardTags, answerForm: answerForm, count: choiceCount - 1 + 2, using: &random)
            var seen = Set(picked.map(cardTags.number))
            for other in more where picked.count < choiceCount - 1 {
                let form = cardTags.number(other)
                if !wrong.contains(form), seen.insert(form).inserted { picked.append(other) }
            }
        }
        guard !picked.isEmpty else { return nil }
        let tag = cardTags.choices[place]
        var choices = [tag] + picked.map { cardTags.choices[$0] }
        choices.shuffle(using: &random)
        guard let answerIndex = choices.firstIndex(of: tag) else { return nil }
        return (choices, answerIndex)
    }

    /// " Of the others, b) is a no-link, …": the explanation's end, naming what the other answers to
    /// the same position among the choices are.
    static func others(_ choices: [String], _ answerIndex: Int, _ kinds: [(tag: String, kind: ResponseKind)]) -> String {
        let byTag = Dictionary(kinds.map { ($0.tag, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let defense = choices.enumerated().compactMap { index, tag -> String? in
            guard index != answerIndex, let other = byTag[tag] else { return nil }
            return "\(Choice.letter(index))) is \(ResponseDrills.article(other.title.lowercased())) \(other.title.lowercased())"
        }
        return defense.isEmpty ? "" : " Of the others, " + defense.joined(separator: ", ")
            + ": answers to the same position that can take it out but turn nothing."
    }
}

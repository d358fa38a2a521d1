import DebateCore
import DeckModel

/// Block recall: the claim an A2 block answers — "The Midterms DA's link: what are our answers?" —
/// answered in the user's own words, then our counterclaims shown with the key terms hit.
struct RecallDrills: DrillSource {
    func recipes(block: Block, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        guard let opponent = block.answers, !block.cards.isEmpty else { return [] }
        let heading = Self.heading(of: opponent.id, in: deck.graph)
        let answers = block.cards.map { card in
            Recall.Answer(tag: card.tag, response: card.response, keyTerms: Self.keyTerms(card), warrant: card.warrant)
        }
        return [DrillRecipe(claimID: opponent.id, kind: .recall, draw: .nothing) {
            ItemTemplate(context: context, question: .recall(Recall(claim: opponent.tag, heading: heading, answers: answers)))
        }]
    }

    /// "Midterms DA — Link": the position and part a claim belongs to, when it has one.
    static func heading(of claimID: String, in graph: ArgumentGraph) -> String? {
        guard let claim = graph.claim(claimID), let position = graph.position(of: claim) else { return nil }
        return position.kind.heading(title: position.title, role: claim.role)
    }

    /// The key terms of a counterclaim: its highlighted phrases (or, for an analytic without evidence, its tag).
    static func keyTerms(_ card: Card) -> [String] {
        let phrases = card.evidence.map(EvidenceText.highlightedPhrases) ?? []
        return phrases.isEmpty ? [card.tag] : phrases
    }
}

/// Recall for the claims the deck cannot yet answer: "What would you say?", then the coverage gap.
/// The negative deck drills the arguments it most needs to practise, not only the five it answers.
struct GapDrills: DrillSource {
    func recipes(deckIn deck: DrillDeck) -> [DrillRecipe] {
        let gaps = deck.deck.coverage.unanswered.map { ($0, false) } + deck.deck.coverage.answeredButNotInDeck.map { ($0, true) }
        return gaps.map { claim, elsewhere in
            let heading = RecallDrills.heading(of: claim.id, in: deck.graph)
            let context = [heading ?? "Unanswered", "coverage gap"]
            let modules = elsewhere ? Set(deck.graph.answers(to: claim.id, from: deck.deck.side).map(\.module)).sorted() : []
            // Where it lands on the flow and why they say it: what the debater needs to write an answer.
            let full = deck.graph.claim(claim.id)
            let ours = full?.asCounterclaim.flatMap { deck.graph.claim($0.answers) }
            let lands = ours.map { "It answers our “\($0.tag)”. " } ?? ""
            let why = full?.warrant.map { "Their warrant: \($0)\n" } ?? (lands.isEmpty ? "" : "\n")
            let gap = lands + why + (elsewhere
                ? "Coverage gap: no block of this deck answers it, though \(modules.map { "`\($0)`" }.joined(separator: ", ")) "
                    + "\(modules.count == 1 ? "has" : "have") an answer; add that module's answer to the deck."
                : "Coverage gap: nothing in this deck answers `\(claim.id)` (\(claim.module)); write an answer "
                    + "(a counterclaim with `answers: \(claim.id)`) in one of the deck's modules.")
            return DrillRecipe(claimID: claim.id, kind: .recall, draw: .nothing) {
                ItemTemplate(context: context, question: .recall(Recall(claim: claim.tag, heading: heading, answers: [], gap: gap)))
            }
        }
    }
}

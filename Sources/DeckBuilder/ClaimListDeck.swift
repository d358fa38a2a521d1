import DebateCore
import DeckModel

extension Deck {
    /// A deck that is just lists of claims, one block each, in one pocket: what `debate search`
    /// writes as a speech document (Verbatim's "send to speech"). Every renderer takes it as it is.
    public static func claimList(id: String, title: String, side: Side, wpm: Int = 250,
                                 blocks: [(title: String, answers: (any Claim)?, claims: [any Claim])]) -> Deck {
        // The claims as a graph of their own, so counterclaims name what they answer when it is listed too.
        let graph = ArgumentGraph([ArgumentSet(module: "search", claims: blocks.flatMap(\.claims) + blocks.compactMap(\.answers))])
        let built = blocks.enumerated().map { b, block in
            let cards = block.claims.map { BuildSteps.card($0, graph: graph, wpm: Double(wpm)) }
            return Block(anchor: "p1-h1-b\(b + 1)", title: block.title, answers: block.answers.map(ClaimReference.init),
                         cards: cards, readingSeconds: cards.reduce(0) { $0 + $1.readingSeconds }, overBudget: false)
        }
        let seconds = built.reduce(0) { $0 + $1.readingSeconds }
        return Deck(id: id, title: title, resolution: "", side: side, wpm: wpm, modules: [],
                    pockets: [Pocket(anchor: "p1", title: title, hats: [Hat(anchor: "p1-h1", title: title, blocks: built)],
                                     readingSeconds: seconds, overBudget: false)],
                    readingSeconds: seconds, budgetSeconds: nil, blockBudgetSeconds: nil,
                    coverage: Coverage(unanswered: [], answeredButNotInDeck: [], positions: []))
    }
}

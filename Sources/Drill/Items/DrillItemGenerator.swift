import DebateCore
import DeckModel

/// Turns a built deck into drill items by asking each `DrillSource` (one per item kind) in turn. The
/// questions themselves are fixed by the deck; only the choice of distractors and their order come
/// from the random generator, so a seed repeats them.
public struct DrillItemGenerator {
    public var deck: Deck
    public var graph: ArgumentGraph
    /// The deck's modules with the context the deck gave them, asked for their own drills.
    public var modules: [(module: any ArgumentModule, context: ModuleContext)]
    /// Choices shown by a multiple-choice item, the answer included.
    public var choiceCount = 4

    public init(deck: Deck, graph: ArgumentGraph, modules: [(module: any ArgumentModule, context: ModuleContext)]) {
        self.deck = deck
        self.graph = graph
        self.modules = modules
    }

    /// The item kinds, in the order a block's items are outlined. A new kind is one more value here.
    static let blockAndCardSources: (RecallDrills, ResponseDrills, CiteDrills, ClozeDrills, PartDrills, ExtendDrills, SpeedDrills)
        = (RecallDrills(), ResponseDrills(), CiteDrills(), ClozeDrills(), PartDrills(), ExtendDrills(), SpeedDrills())
    static let deckSources: (GapDrills, ModuleDrills) = (GapDrills(), ModuleDrills())

    /// Every item, in deck order (block by block; coverage gaps and module drills last), each id once.
    public func items<R: RandomNumberGenerator>(using random: inout R) -> [DrillItem] {
        outline(using: &random).map(item(for:))
    }

    /// Every item's id, kind and place, in the order and with the ids `items(using:)` gives. The
    /// multiple-choice questions have their distractors and order drawn from `random` in deck order, so
    /// a seed picks the same ones whichever items a session goes on to ask; each item's question is
    /// built by `item(for:)`, for the items a session asks.
    public func outline<R: RandomNumberGenerator>(using random: inout R) -> [PendingDrillItem] {
        recipes().outline(using: &random)
    }

    /// Every item before its draws (`DrillRecipes`): what `outline(using:)` draws from, which the quiz
    /// memo keeps so that a deck unchanged since is not loaded again.
    public func recipes() -> DrillRecipes {
        let material = DrillDeck(deck: deck, graph: graph, modules: modules, choiceCount: choiceCount)
        let (recall, response, cite, cloze, part, extend, speed) = Self.blockAndCardSources
        var recipes: [DrillRecipe] = []
        var clozed: Set<String> = []
        for pocket in deck.pockets {
            for hat in pocket.hats {
                for block in hat.blocks {
                    // An A2 block's title is the opponent's tag, which the question shows anyway.
                    let context = [pocket.title, hat.title] + (block.answers == nil ? [block.title] : [])
                    recipes += recall.recipes(block: block, context: context, in: material)
                    for card in block.cards {
                        // Kept even for a card seen in an earlier block, whose items are dropped: its
                        // draws keep the stream where a full build leaves it.
                        recipes += response.recipes(card: card, context: context, in: material)
                        recipes += cite.recipes(card: card, context: context, in: material)
                        // A cloze draws nothing, and a card's cloze already outlined would be dropped
                        // again: its blank is not worked out twice.
                        if !clozed.contains(card.id) {
                            let blanks = cloze.recipes(card: card, context: context, in: material)
                            if !blanks.isEmpty { clozed.insert(card.id) }
                            recipes += blanks
                        }
                        recipes += part.recipes(card: card, context: context, in: material)
                        recipes += extend.recipes(card: card, context: context, in: material)
                        recipes += speed.recipes(card: card, context: context, in: material)
                    }
                }
            }
        }
        let (gaps, moduleDrills) = Self.deckSources
        recipes += gaps.recipes(deckIn: material)
        recipes += moduleDrills.recipes(deckIn: material)
        return DrillRecipes(deckID: deck.id, deckTitle: deck.title, choiceCount: choiceCount, cites: material.cites.pool,
                            cardTags: material.cardTags, recipes: recipes)
    }

    /// The item an outline entry stands for, exactly as `items(using:)` builds it.
    public func item(for pending: PendingDrillItem) -> DrillItem { pending.build() }

    /// Up to `count` distractors at random, none reading like the answer or like each other. A large
    /// pool (a library's cites) is sampled rather than scanned, so each item costs the same whatever
    /// the deck's size.
    static func pickDistractors<R: RandomNumberGenerator>(_ pool: [String], excluding answer: String, count: Int,
                                                          using random: inout R) -> [String] {
        pickDistractors(DistractorPool(pool), excluding: answer, count: count, using: &random)
    }

    /// `pickDistractors` over a pool whose comparable forms may be worked out once for many items.
    /// The candidates, the draws and the result are those of `ModuleDrill.distractors` and a shuffle.
    /// `answerForm`, when given, is `pool.form(of: answer)`.
    static func pickDistractors<R: RandomNumberGenerator>(_ pool: DistractorPool, excluding answer: String,
                                                          answerForm: DistractorPool.Form? = nil, count: Int,
                                                          using random: inout R) -> [String] {
        pickDistractorIndices(pool, answerForm: answerForm ?? pool.form(of: answer), count: count, using: &random).map { pool.choices[$0] }
    }

    /// `pickDistractors`, as places in the pool.
    static func pickDistractorIndices<R: RandomNumberGenerator>(_ pool: DistractorPool, answerForm: DistractorPool.Form, count: Int,
                                                                using random: inout R) -> [Int] {
        let choices = pool.choices
        if let forms = pool.formNumbers {
            // The same draws over the numbers of a precomputed pool (a form it has not numbered is none of its own).
            let answer: Int = if case .known(let number) = answerForm { number } else { -1 }
            if choices.count > 64 {
                var seen = Set<Int>(minimumCapacity: count * 8 + 1)
                seen.insert(answer)
                var picked: [Int] = []
                for _ in 0..<(count * 8) where picked.count < count {
                    let index = Int.random(in: choices.indices, using: &random)
                    if seen.insert(forms[index]).inserted { picked.append(index) }
                }
                if picked.count == count { return picked }
            }
            var seen = Set<Int>(minimumCapacity: choices.count + 1)
            seen.insert(answer)
            var candidates = choices.indices.filter { seen.insert(forms[$0]).inserted }
            candidates.shuffle(using: &random)
            return Array(candidates.prefix(count))
        }
        if choices.count > 64 {
            var seen: Set<DistractorPool.Form> = [answerForm]
            var picked: [Int] = []
            for _ in 0..<(count * 8) where picked.count < count {
                let index = Int.random(in: choices.indices, using: &random)
                if seen.insert(pool.form(index)).inserted { picked.append(index) }
            }
            if picked.count == count { return picked }
        }
        // As `ModuleDrill.distractors(choices, excluding: answer)`: the first of each comparable form.
        var seen: Set<DistractorPool.Form> = [answerForm]
        var candidates = choices.indices.filter { seen.insert(pool.form($0)).inserted }
        candidates.shuffle(using: &random)
        return Array(candidates.prefix(count))
    }
}

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
        let material = DrillDeck(deck: deck, graph: graph, modules: modules, choiceCount: choiceCount)
        let (recall, response, cite, cloze, part, extend, speed) = Self.blockAndCardSources
        var items: [PendingDrillItem] = []
        var seen: Set<String> = []
        func add(_ more: [PendingDrillItem]) {
            for item in more where seen.insert(item.id).inserted { items.append(item) }
        }
        for pocket in deck.pockets {
            for hat in pocket.hats {
                for block in hat.blocks {
                    // An A2 block's title is the opponent's tag, which the question shows anyway.
                    let context = [pocket.title, hat.title] + (block.answers == nil ? [block.title] : [])
                    add(recall.outline(block: block, context: context, in: material, using: &random))
                    for card in block.cards {
                        // Drawn even for a card seen in an earlier block, whose items are dropped: the
                        // stream then stays where a full build leaves it.
                        add(response.outline(card: card, context: context, in: material, using: &random))
                        add(cite.outline(card: card, context: context, in: material, using: &random))
                        // A cloze draws nothing from `random`, and a card's cloze already outlined would be
                        // dropped again: its blank is not worked out twice.
                        if !seen.contains(PendingDrillItem.id(deck: material.id, claimID: card.id, kind: .cloze)) {
                            add(cloze.outline(card: card, context: context, in: material, using: &random))
                        }
                        add(part.outline(card: card, context: context, in: material, using: &random))
                        add(extend.outline(card: card, context: context, in: material, using: &random))
                        add(speed.outline(card: card, context: context, in: material, using: &random))
                    }
                }
            }
        }
        let (gaps, moduleDrills) = Self.deckSources
        add(gaps.outline(deckIn: material, using: &random))
        add(moduleDrills.outline(deckIn: material, using: &random))
        return items
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
        let choices = pool.choices
        let answerForm = answerForm ?? pool.form(of: answer)
        if choices.count > 64 {
            var seen: Set<DistractorPool.Form> = [answerForm]
            var picked: [String] = []
            for _ in 0..<(count * 8) where picked.count < count {
                let index = Int.random(in: choices.indices, using: &random)
                if seen.insert(pool.form(index)).inserted { picked.append(choices[index]) }
            }
            if picked.count == count { return picked }
        }
        // As `ModuleDrill.distractors(choices, excluding: answer)`: the first of each comparable form.
        var seen: Set<DistractorPool.Form> = [answerForm]
        var candidates = choices.indices.filter { seen.insert(pool.form($0)).inserted }.map { choices[$0] }
        candidates.shuffle(using: &random)
        return Array(candidates.prefix(count))
    }
}

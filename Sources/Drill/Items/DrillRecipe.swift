import DebateCore
import DeckModel

/// A deck's items before any random draw: what each `DrillSource` works out from the deck (the
/// costly part: cloze blanks, distractor pools) apart from what a seed decides (which distractors,
/// in which order). `outline(using:)` makes the draws, item by item in deck order, exactly as the
/// sources drew them when they drew while outlining; so recipes kept between runs (the quiz memo,
/// `RecipeCodec`) give the same session for the same seed without the deck being loaded.
public struct DrillRecipes: Sendable {
    public var deckID: String
    public var deckTitle: String
    var choiceCount: Int
    /// The deck's cites (`CitePool`) and its cards' tags, the pools shared by many items.
    var cites: DistractorPool
    var cardTags: DistractorPool
    var recipes: [DrillRecipe]
    /// Set when a kept item could not be read back while a session was planned: the caller starts
    /// over from the deck (nothing has been asked yet).
    public let unreadable = UnreadableFlag()

    /// Every item's id, kind and place, as `DrillItemGenerator.outline(using:)` documents; each
    /// item's question is built when a session asks it.
    public func outline<R: RandomNumberGenerator>(using random: inout R) -> [PendingDrillItem] {
        var items: [PendingDrillItem] = []
        items.reserveCapacity(recipes.count)
        var seen: Set<String> = []
        seen.reserveCapacity(recipes.count)
        let deckID = self.deckID, flag = unreadable
        for recipe in recipes {
            guard let drawn = draw(recipe.draw, using: &random), seen.insert(recipe.id(deck: deckID)).inserted else { continue }
            items.append(PendingDrillItem(deck: deckID, claimID: recipe.claimID, kind: recipe.kind, kindName: recipe.kindName) {
                guard let template = recipe.template() else {
                    flag.value = true
                    return DrillItem(deck: deckID, claimID: recipe.claimID, kind: recipe.kind, context: [],
                                     question: .recall(Recall(claim: "", answers: [])))
                }
                return template.item(deck: deckID, recipe: recipe, drawn: drawn)
            })
        }
        return items
    }

    /// What a recipe's draw gives: nil when no choice is left (the item is then not asked).
    func draw<R: RandomNumberGenerator>(_ draw: Draw, using random: inout R) -> Drawn? {
        switch draw {
        case .nothing:
            return .nothing
        case .choices(let answer, let pool, let answerForm):
            let distractors: DistractorPool = switch pool {
            case .cites: cites
            case .list(let list): DistractorPool(list)
            case .response(let kind, let role): ResponseDrills.pool(for: kind, against: role)
            }
            return Self.drawChoices(answer: answer, distractors: distractors, answerForm: answerForm, count: choiceCount,
                                    using: &random).map { .choices($0.choices, $0.answerIndex) }
        case .extend(let tag, let sameClaim, let rest, let wrong):
            return ExtendDrills.draw(tag: tag, sameClaim: sameClaim, rest: rest, wrong: wrong, cardTags: cardTags,
                                     choiceCount: choiceCount, using: &random).map { .choices($0.choices, $0.answerIndex) }
        }
    }

    /// The answer among distractors, in the order shown, or nil when no distractor is left once
    /// duplicates of the answer are dropped.
    static func drawChoices<R: RandomNumberGenerator>(answer: String, distractors: DistractorPool,
                                                      answerForm: DistractorPool.Form? = nil, count choiceCount: Int,
                                                      using random: inout R) -> (choices: [String], answerIndex: Int)? {
        let picked = DrillItemGenerator.pickDistractors(distractors, excluding: answer, answerForm: answerForm,
                                                        count: choiceCount - 1, using: &random)
        guard !picked.isEmpty else { return nil }
        var choices = [answer] + picked
        choices.shuffle(using: &random)
        guard let index = choices.firstIndex(of: answer) else { return nil }
        return (choices, index)
    }
}

/// Set once, read once, by the one thread a session runs on.
public final class UnreadableFlag: @unchecked Sendable {
    public internal(set) var value = false
}

/// One item before its draw.
struct DrillRecipe: Sendable {
    var claimID: String
    var kind: DrillItem.Kind
    /// A module drill's `module.drill` name, in its id instead of the kind.
    var kindName: String?
    var draw: Draw
    /// The question with its choices still to draw; worked out when asked (nil: a kept one unreadable).
    var template: @Sendable () -> ItemTemplate?

    func id(deck: String) -> String { "\(deck):\(claimID):\(kindName ?? kind.rawValue)" }
}

/// What a seed decides for an item.
enum Draw: Sendable {
    /// A recall, cloze or speed item: no choices.
    case nothing
    /// `DrillRecipes.drawChoices` from `pool`.
    case choices(answer: String, pool: PoolSource, answerForm: DistractorPool.Form?)
    /// `ExtendDrills.draw`: our other answers to the claim, to the position, then the deck's tags; each
    /// a place in the deck's tags (`wrong`: numbers of their forms).
    case extend(tag: Int, sameClaim: [Int], rest: [Int], wrong: Set<Int>)

    enum PoolSource: Sendable {
        case cites
        case list([String])
        case response(ResponseKind, ClaimRole?)
    }
}

enum Drawn: Sendable {
    case nothing
    case choices([String], Int)
}

/// An item's question with its choices (if any) left empty for the draw to fill.
struct ItemTemplate: Sendable {
    var context: [String]
    var question: Question
    /// An extension item: the response kinds of the other answers to the position, by tag, which its
    /// explanation names among the choices drawn.
    var otherKinds: [(tag: String, kind: ResponseKind)] = []

    init(context: [String], question: Question, otherKinds: [(tag: String, kind: ResponseKind)] = []) {
        self.context = context
        self.question = question
        self.otherKinds = otherKinds
    }

    func item(deck: String, recipe: DrillRecipe, drawn: Drawn) -> DrillItem {
        var question = question
        if case .choice(var choice) = question, case .choices(let choices, let answerIndex) = drawn {
            choice.choices = choices
            choice.answerIndex = answerIndex
            if recipe.kind == .extend { choice.explanation = (choice.explanation ?? "") + ExtendDrills.others(choices, answerIndex, otherKinds) }
            question = .choice(choice)
        }
        if case .cloze(var cloze) = question, cloze.explanation == nil {
            cloze.explanation = ClozeDrills.explanation(before: cloze.before, answer: cloze.answer, after: cloze.after)
            question = .cloze(cloze)
        }
        return DrillItem(deck: deck, claimID: recipe.claimID, kind: recipe.kind, kindName: recipe.kindName, context: context,
                         question: question)
    }
}

import DebateCore
import DeckModel

/// One kind of drill item, written once: what it asks of a deck (its recipes: the question, and
/// what a seed is to draw for it) and how it builds the question. `DrillItemGenerator` walks the deck
/// block by block and card by card and asks each source in turn, so a new item kind is one new
/// `DrillSource` plus a line in `DrillItemGenerator.sources`.
protocol DrillSource: Sendable {
    /// Items for a block (recall of the claim it answers), asked before its cards.
    func recipes(block: Block, context: [String], in deck: DrillDeck) -> [DrillRecipe]
    /// Items for one card of a block.
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe]
    /// Items for the deck as a whole, asked after every block (coverage gaps, module drills).
    func recipes(deckIn deck: DrillDeck) -> [DrillRecipe]
}

extension DrillSource {
    func recipes(block: Block, context: [String], in deck: DrillDeck) -> [DrillRecipe] { [] }
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] { [] }
    func recipes(deckIn deck: DrillDeck) -> [DrillRecipe] { [] }
}

/// What every source reads: the built deck, its graph, the modules' drills, and the shared choice drawing.
struct DrillDeck {
    var deck: Deck
    var graph: ArgumentGraph
    var modules: [ModuleDrills.Entry]
    var cites: CitePool
    /// Choices shown by a multiple-choice item, the answer included.
    var choiceCount: Int
    /// The deck's cards, each id once, in deck order.
    var cards: [Card]
    /// Their tags as distractors (sampled, not scanned, in a large deck).
    var cardTags: DistractorPool
    /// Card id → its place in `cards`.
    var cardIndex: [String: Int]
    /// Position id → the cards (indices into `cards`) that answer one of its claims.
    var answering: [String: [Int]]
    /// "claim id response kind" → the cards (indices into `cards`) that answer that claim so.
    var answeringSo: [String: [Int]]

    init(deck: Deck, graph: ArgumentGraph, modules: [ModuleDrills.Entry], choiceCount: Int) {
        self.deck = deck
        self.graph = graph
        self.modules = modules
        self.choiceCount = choiceCount
        let all = deck.cards
        cites = CitePool(all)
        var seen: Set<String> = []
        cards = all.filter { seen.insert($0.id).inserted }
        // Numbered once: extension items sample it thousands of times in a large deck (and the quiz memo keeps the numbers).
        cardTags = DistractorPool(cards.map(\.tag), precomputed: true)
        cardIndex = Dictionary(cards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var answering: [String: [Int]] = [:], answeringSo: [String: [Int]] = [:]
        for (index, card) in cards.enumerated() {
            guard let target = card.answers else { continue }
            if let response = card.response { answeringSo["\(target) \(response.rawValue)", default: []].append(index) }
            guard let position = graph.claim(target)?.position else { continue }
            answering[position, default: []].append(index)
        }
        self.answering = answering
        self.answeringSo = answeringSo
    }

    var id: String { deck.id }
}

/// Evidence text helpers shared by recall (key terms) and cloze (blanks).
enum EvidenceText {
    /// The highlighted stretches of an evidence body, trimmed of punctuation and spacing.
    static func highlightedPhrases(_ evidence: EvidenceBody) -> [String] {
        var phrases: [String] = []
        var current = ""
        for run in evidence.runs {
            if run.highlight {
                current += run.text
            } else if !current.isEmpty {
                phrases.append(current)
                current = ""
            }
        }
        if !current.isEmpty { phrases.append(current) }
        return phrases.map(trimmed).filter { !TextMatching.contentWords($0).isEmpty }
    }

    static func trimmed(_ text: String) -> String {
        let characters = Array(text)
        return String(characters[trimmedRange(characters, 0..<characters.count)])
    }

    /// `range` without the spacing and punctuation at either end.
    static func trimmedRange(_ characters: [Character], _ range: Range<Int>) -> Range<Int> {
        func isWordCharacter(_ index: Int) -> Bool { characters[index].isLetter || characters[index].isNumber }
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, !isWordCharacter(lower) { lower += 1 }
        while upper > lower, !isWordCharacter(upper - 1) { upper -= 1 }
        // A quotation mark or parenthesis closed inside the phrase keeps its opening one, and vice versa.
        for (open, close) in [("“", "”"), ("(", ")")] as [(Character, Character)] {
            let inside = characters[lower..<upper]
            if inside.contains(close), !inside.contains(open), lower > range.lowerBound, characters[lower - 1] == open { lower -= 1 }
            if inside.contains(open), !inside.contains(close), upper < range.upperBound, characters[upper] == close { upper += 1 }
        }
        return lower..<upper
    }
}

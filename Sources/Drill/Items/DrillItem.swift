import DebateCore
import DeckModel

/// One quiz question derived from a deck's argument graph. Its `id` is `deckID:claimID:kind`, so
/// rebuilding or editing the deck keeps the question's history as long as the claim keeps its id.
public struct DrillItem: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An opponent claim: answer it in your own words, see our counterclaims, grade yourself.
        case recall
        /// Which kind of answer a counterclaim is (auto-graded multiple choice).
        case response
        /// Which source backs a tag (auto-graded multiple choice).
        case cite
        /// A highlighted phrase of the evidence blanked out; the typed answer is compared leniently.
        case cloze
        /// A question a module contributes (`ArgumentModule.drills`), multiple choice.
        case module

        public var title: String {
            switch self {
            case .recall: "Block recall"
            case .response: "Response kind"
            case .cite: "Cite"
            case .cloze: "Cloze"
            case .module: "Module drill"
            }
        }
    }

    public var id: String
    public var deck: String
    public var claimID: String
    public var kind: Kind
    /// Where the claim sits in the deck: pocket, hat, block.
    public var context: [String]
    public var question: Question

    public init(deck: String, claimID: String, kind: Kind, kindName: String? = nil, context: [String], question: Question) {
        id = "\(deck):\(claimID):\(kindName ?? kind.rawValue)"
        self.deck = deck
        self.claimID = claimID
        self.kind = kind
        self.context = context
        self.question = question
    }
}

public enum Question: Sendable, Hashable {
    case recall(Recall)
    case choice(Choice)
    case cloze(Cloze)
}

/// An opponent claim and the counterclaims our deck answers it with.
public struct Recall: Sendable, Hashable {
    public struct Answer: Sendable, Hashable {
        public var tag: String
        public var response: ResponseKind?
        /// The highlighted phrases of the answer's evidence (its tag's words when it has none).
        public var keyTerms: [String]
    }

    /// The opponent's tag.
    public var claim: String
    public var answers: [Answer]
}

/// A multiple-choice question: the answer among distractors, in the order shown.
public struct Choice: Sendable, Hashable {
    public var prompt: String
    public var choices: [String]
    public var answerIndex: Int
    /// Shown after answering.
    public var explanation: String?

    public var answer: String { choices[answerIndex] }
    /// The letter a user types for a choice: a, b, c, d.
    public static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))) }
}

/// Evidence with one highlighted phrase blanked out.
public struct Cloze: Sendable, Hashable {
    /// The card's tag, for context.
    public var tag: String
    public var before: String
    public var answer: String
    public var after: String

    public var answerWordCount: Int { wordCount(answer) }
}

/// An item before its question is built (`DrillItemGenerator.outline(using:)`): what a session plans
/// with — id, kind, claim, context — and what `DrillItemGenerator.item(for:)` needs to build it.
public struct PendingDrillItem: Sendable {
    enum Recipe: Sendable {
        /// Built already: a module's multiple-choice item.
        case built(DrillItem)
        /// Multiple-choice items with their choices drawn (the draws belong to the deck-order pass).
        case response(Card, target: String, choices: [String], answerIndex: Int)
        case cite(Card, Citation, choices: [String], answerIndex: Int)
        case recall(Block)
        /// A card with a phrase to blank.
        case cloze(Card)
    }

    /// The same as the built item's id: `deckID:claimID:kind`.
    public var id: String
    public var deck: String
    public var claimID: String
    public var kind: DrillItem.Kind
    public var context: [String]
    var recipe: Recipe

    init(deck: String, claimID: String, kind: DrillItem.Kind, context: [String], recipe: Recipe) {
        id = "\(deck):\(claimID):\(kind.rawValue)"
        self.deck = deck
        self.claimID = claimID
        self.kind = kind
        self.context = context
        self.recipe = recipe
    }

    init(built item: DrillItem) {
        id = item.id
        deck = item.deck
        claimID = item.claimID
        kind = item.kind
        context = item.context
        recipe = .built(item)
    }
}

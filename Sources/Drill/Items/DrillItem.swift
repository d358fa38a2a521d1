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
        /// Which part of their argument (link, impact, uniqueness…) our answer attacks (multiple choice).
        case part
        /// "Extend the link turn: which card?" — the card to extend among others of the deck (multiple choice).
        case extend
        /// A card's tag and highlighted text read aloud against the clock: words per minute, kept as a
        /// history, never scheduled (`--mode speed` only).
        case speed

        public var title: String {
            switch self {
            case .recall: "Block recall"
            case .response: "Response kind"
            case .cite: "Cite"
            case .cloze: "Cloze"
            case .module: "Module drill"
            case .part: "Part attacked"
            case .extend: "Extension"
            case .speed: "Speed reading"
            }
        }

        /// Whether answers are graded and scheduled by FSRS. A speed reading is timed instead, so it is
        /// asked only when chosen (`--mode speed`) and never counted as due or unseen.
        public var isScheduled: Bool { self != .speed }

        /// The kinds `--mode all` asks: every scheduled kind.
        public static let scheduled: Set<Kind> = Set(allCases.filter(\.isScheduled))
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

extension DrillItem {
    /// The question in one line, for lists (`quiz stats`): the claim, prompt or tag it asks about.
    public var summaryLine: String {
        let text: String = switch question {
        case .recall(let recall): "They say: " + recall.claim
        case .choice(let choice):
            choice.prompt.split(separator: "\n").first { $0.hasPrefix("We say: ") }.map(String.init)
                ?? choice.prompt.split(separator: "\n").map(String.init).joined(separator: " ")
        case .cloze(let cloze): "Cloze of: " + cloze.tag
        case .speed(let speed): "Read: " + speed.tag
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

public enum Question: Sendable, Hashable {
    case recall(Recall)
    case choice(Choice)
    case cloze(Cloze)
    case speed(Speed)
}

/// An opponent claim and the counterclaims our deck answers it with.
public struct Recall: Sendable, Hashable {
    public struct Answer: Sendable, Hashable {
        public var tag: String
        public var response: ResponseKind?
        /// The highlighted phrases of the answer's evidence (its tag's words when it has none).
        public var keyTerms: [String]
        /// Why it is true, when the card says.
        public var warrant: String?
    }

    /// The opponent's tag.
    public var claim: String
    /// The position and part it belongs to ("Midterms DA — Link"), when it has one.
    public var heading: String?
    /// Our answers; empty for a claim the deck cannot answer yet.
    public var answers: [Answer]
    /// For a claim the deck has no answer to: the coverage gap, shown after.
    public var gap: String?

    public init(claim: String, heading: String? = nil, answers: [Answer], gap: String? = nil) {
        self.claim = claim
        self.heading = heading
        self.answers = answers
        self.gap = gap
    }
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
    /// Shown after answering: the sentence as the card reads it.
    public var explanation: String?
    /// False when the tag repeats the missing words: the card is then asked by its place in the deck.
    public var showsTag = true

    public var answerWordCount: Int { wordCount(answer) }
}

/// An item before its question is built (`DrillItemGenerator.outline(using:)`): what a session plans
/// with — id, kind, claim — and how to build it (its choices, if any, drawn already), in one value.
public struct PendingDrillItem: Sendable {
    /// The same as the built item's id: `deckID:claimID:kind`.
    public var id: String
    public var deck: String
    public var claimID: String
    public var kind: DrillItem.Kind
    /// Builds the question.
    let build: @Sendable () -> DrillItem

    init(deck: String, claimID: String, kind: DrillItem.Kind, kindName: String? = nil, build: @escaping @Sendable () -> DrillItem) {
        id = "\(deck):\(claimID):\(kindName ?? kind.rawValue)"
        self.deck = deck
        self.claimID = claimID
        self.kind = kind
        self.build = build
    }
}

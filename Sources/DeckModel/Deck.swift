import DebateCore
import Foundation
import Synchronization

/// The assembled deck: Verbatim's Pocket › Hat › Block › Tag, ready for any renderer.
/// Renderers read only this; they never go back to YAML or modules.
public struct Deck: Codable, Sendable {
    public var id: String
    public var title: String
    public var resolution: String
    public var side: Side
    public var wpm: Int
    public var modules: [ModuleSummary]
    public var pockets: [Pocket]
    public var readingSeconds: Double
    /// The deck's budget (the config's `budget.speech`), if any.
    public var budgetSeconds: Double?
    public var blockBudgetSeconds: Double?
    public var coverage: Coverage
    /// How its outputs name the sides: the deck format's words (`DebateFormat.sideWords`).
    public var sideWords: SideWords = .affNeg

    /// `sideWords` is not part of the JSON: its sides stay `pro`/`con`.
    private enum CodingKeys: String, CodingKey {
        case id, title, resolution, side, wpm, modules, pockets, readingSeconds, budgetSeconds, blockBudgetSeconds, coverage
    }

    public var overBudget: Bool { budgetSeconds.map { readingSeconds > $0 } ?? false }
    public var blocks: [Block] { pockets.flatMap { $0.hats.flatMap(\.blocks) } }
    public var cards: [Card] { blocks.flatMap(\.cards) }
    /// `cards.count`, without making the array of every card.
    public var cardCount: Int { pockets.reduce(0) { $0 + $1.hats.reduce(0) { $0 + $1.blocks.reduce(0) { $0 + $1.cards.count } } } }

    public init(id: String, title: String, resolution: String, side: Side, wpm: Int, modules: [ModuleSummary], pockets: [Pocket], readingSeconds: Double, budgetSeconds: Double? = nil, blockBudgetSeconds: Double? = nil, coverage: Coverage, sideWords: SideWords = .affNeg) {
        self.id = id
        self.sideWords = sideWords
        self.title = title
        self.resolution = resolution
        self.side = side
        self.wpm = wpm
        self.modules = modules
        self.pockets = pockets
        self.readingSeconds = readingSeconds
        self.budgetSeconds = budgetSeconds
        self.blockBudgetSeconds = blockBudgetSeconds
        self.coverage = coverage
    }
}

public struct ModuleSummary: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var version: String

    public init(id: String, title: String, version: String) {
        self.id = id
        self.title = title
        self.version = version
    }
}

public struct Pocket: Codable, Sendable {
    public var anchor: String
    public var title: String
    public var hats: [Hat]
    /// The speech this pocket is read in (`1AC`, `NC`, `Summary`), when it is a speech doc.
    public var speech: String?
    /// The speech's time: the pocket's `time:`, else the deck format's standard time for `speech`.
    public var timeSeconds: Double?
    /// Tag words plus highlighted words of every card in the pocket, at the deck's rate.
    public var readingSeconds: Double
    public var overBudget: Bool

    public init(anchor: String, title: String, hats: [Hat], speech: String? = nil, timeSeconds: Double? = nil, readingSeconds: Double, overBudget: Bool) {
        self.anchor = anchor
        self.title = title
        self.hats = hats
        self.speech = speech
        self.timeSeconds = timeSeconds
        self.readingSeconds = readingSeconds
        self.overBudget = overBudget
    }
}

public struct Hat: Codable, Sendable {
    public var anchor: String
    public var title: String
    public var blocks: [Block]

    public init(anchor: String, title: String, blocks: [Block]) {
        self.anchor = anchor
        self.title = title
        self.blocks = blocks
    }
}

public struct Block: Codable, Sendable {
    public var anchor: String
    public var title: String
    /// For an A2 block: the opponent's claim it answers.
    public var answers: ClaimReference?
    public var cards: [Card]
    public var readingSeconds: Double
    public var overBudget: Bool

    public init(anchor: String, title: String, answers: ClaimReference? = nil, cards: [Card], readingSeconds: Double, overBudget: Bool) {
        self.anchor = anchor
        self.title = title
        self.answers = answers
        self.cards = cards
        self.readingSeconds = readingSeconds
        self.overBudget = overBudget
    }
}

/// A claim placed in a deck: its tag, and for a card, its cite and evidence.
public struct Card: Codable, Sendable {
    public var id: String
    public var module: String
    public var side: Side
    public var tag: String
    /// For a counterclaim: how it answers, and what.
    public var response: ResponseKind?
    public var answers: String?
    /// The tag of the claim answered (for maps that show it even when the deck does not hold it).
    public var answersTag: String?
    /// The answer is framed "even if".
    public var evenIf: Bool
    /// The position the claim is part of, and its part in it ("Midterms DA — Link").
    public var position: PositionReference?
    public var role: ClaimRole?
    /// No evidence: the debater's own argument (Verbatim renders it as a tag with no card under it).
    public var analytic: Bool
    /// An analytic its author marks as needing a card.
    public var needsEvidence: Bool
    /// The claim this card is extension evidence for.
    public var extends: String?
    /// Cards of the same side that extend this one, read with it.
    public var extensions: [Card]
    public var warrant: String?
    public var cite: Citation?
    public var evidence: EvidenceBody?
    public var tags: [String]
    /// Tag words plus highlighted words: what a debater reads aloud.
    public var readWords: Int
    public var readingSeconds: Double

    /// "Midterms DA — Link", "States CP — Counterplan text": the card's place in its position. A claim
    /// that joins a position without naming its part has none (a Word import's claims, under a heading
    /// that already names the position: their tags stay as the document wrote them).
    public var part: String? {
        guard let role else { return nil }
        return position.map { $0.kind.heading(title: $0.title, role: role) }
    }

    /// How the response is named in a heading: "Link turn", "Even if — no impact".
    public var responseTitle: String? { response.map { $0.title(evenIf: evenIf) } }

    /// The card with its extensions: what reading it takes.
    public var totalReadingSeconds: Double { readingSeconds + extensions.reduce(0) { $0 + $1.totalReadingSeconds } }

    public init(id: String, module: String, side: Side, tag: String, response: ResponseKind? = nil, answers: String? = nil, answersTag: String? = nil, evenIf: Bool, position: PositionReference? = nil, role: ClaimRole? = nil, analytic: Bool, needsEvidence: Bool, extends: String? = nil, extensions: [Card], warrant: String? = nil, cite: Citation? = nil, evidence: EvidenceBody? = nil, tags: [String], readWords: Int, readingSeconds: Double) {
        self.id = id
        self.module = module
        self.side = side
        self.tag = tag
        self.response = response
        self.answers = answers
        self.answersTag = answersTag
        self.evenIf = evenIf
        self.position = position
        self.role = role
        self.analytic = analytic
        self.needsEvidence = needsEvidence
        self.extends = extends
        self.extensions = extensions
        self.warrant = warrant
        self.cite = cite
        self.evidence = evidence
        self.tags = tags
        self.readWords = readWords
        self.readingSeconds = readingSeconds
    }
}

/// A position as a card names it.
public struct PositionReference: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var kind: PositionKind

    public init(_ position: Position) {
        id = position.id
        title = position.title
        kind = position.kind
    }
}

public struct EvidenceBody: Codable, Sendable {
    public struct Run: Codable, Sendable {
        public var text: String
        public var underline: Bool
        public var emphasis: Bool
        public var highlight: Bool

        public init(text: String, underline: Bool, emphasis: Bool, highlight: Bool) {
            self.text = text
            self.underline = underline
            self.emphasis = emphasis
            self.highlight = highlight
        }
    }
    /// The claim's evidence itself, without its source position: the body shares the claim's text
    /// instead of holding copies of it (a 100,000-card deck would hold its evidence three times
    /// more); the forms renderers read are made from it when asked for.
    public private(set) var evidence: Evidence
    /// The unwrapped runs and text, made the first time `runs` or `text` is read and kept (the
    /// quiz reads them again and again). Renderers, which read each card once, use `makeRuns()`.
    private let kept = KeptForms()

    /// The markup as written.
    public var markup: String { evidence.markup }

    /// The runs with the YAML's wrapping undone: a line break inside a paragraph comes from wrapping
    /// the YAML and becomes a space; a blank line is a new paragraph.
    public var runs: [Run] { kept.forms { makeRuns() }.runs }

    /// The text without markup, unwrapped as `runs` are.
    public var text: String { kept.forms { makeRuns() }.text }

    /// `runs`, made afresh and not kept: a renderer that reads each card once leaves the deck's
    /// memory as it was.
    public func makeRuns() -> [Run] {
        evidence.runs.map {
            Run(text: Self.unwrap($0.text), underline: $0.style.contains(.underline), emphasis: $0.style.contains(.emphasis),
                highlight: $0.style.contains(.highlight))
        }
    }

    public init(_ evidence: Evidence) {
        self.evidence = evidence
        // Where it was written is the claim's business; the deck does not keep the source text alive.
        self.evidence.scalar = nil
    }

    private enum CodingKeys: String, CodingKey { case markup, text, runs }

    /// Read back from a rendered deck: its runs are already unwrapped (unwrapping them again changes nothing).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let runs = try c.decode([Run].self, forKey: .runs).map { run in
            Evidence.Run(run.text, [run.underline ? .underline : [], run.emphasis ? .emphasis : [], run.highlight ? .highlight : []])
        }
        evidence = Evidence(runs: runs, markup: try c.decode(String.self, forKey: .markup))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let runs = makeRuns()
        try c.encode(markup, forKey: .markup)
        try c.encode(runs.map(\.text).joined(), forKey: .text)
        try c.encode(runs, forKey: .runs)
    }

    /// What `runs` and `text` keep once made.
    final class KeptForms: Sendable {
        private let made = Mutex<(runs: [Run], text: String)?>(nil)

        func forms(_ make: () -> [Run]) -> (runs: [Run], text: String) {
            made.withLock { made in
                if let made { return made }
                let runs = make()
                let forms = (runs: runs, text: runs.map(\.text).joined())
                made = forms
                return forms
            }
        }
    }

    /// One pass over the scalars: a lone newline becomes a space, a blank line stays a paragraph break.
    public static func unwrap(_ text: String) -> String {
        guard text.utf8.contains(10) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var newlines = 0
        for byte in text.utf8 {
            if byte == 10 {
                newlines += 1
                continue
            }
            if newlines == 1 { out.append(32) } else if newlines > 1 { out += [10, 10] }
            newlines = 0
            out.append(byte)
        }
        if newlines == 1 { out.append(32) } else if newlines > 1 { out += [10, 10] }
        return String(decoding: out, as: UTF8.self)
    }
}

public struct ClaimReference: Codable, Sendable, Hashable {
    public var id: String
    public var module: String
    public var tag: String

    public init(_ claim: any Claim) {
        id = claim.id
        module = claim.module
        tag = claim.tag
    }
}

/// What of the opponent's side the deck does not meet.
public struct Coverage: Codable, Sendable {
    /// Opponent claims no module gives us an answer to.
    public var unanswered: [ClaimReference]
    /// Opponent claims we can answer, but no A2 block of this deck does.
    public var answeredButNotInDeck: [ClaimReference]
    /// Each opponent position, part by part: "Midterms DA: link answered by no-link, link-turn; impact unanswered".
    public var positions: [PositionCoverage]

    public init(unanswered: [ClaimReference], answeredButNotInDeck: [ClaimReference], positions: [PositionCoverage]) {
        self.unanswered = unanswered
        self.answeredButNotInDeck = answeredButNotInDeck
        self.positions = positions
    }
}
